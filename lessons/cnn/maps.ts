/**
 * Plain-array helpers of L10: slicing channels and filters out of HWC / HWIO arrays, the digits
 * of a confusion-matrix cell, the picker's sample of digits and a common colour range.
 */

/** A map as the charts take it: HWC row-major values and their shape. */
export interface PlainMap {
	shape: number[];
	data: Float32Array;
}

/** Channel `ch` of an [H, W, C] map as an [H, W, 1] map (null when out of range). */
export function channelSlice(map: PlainMap, ch: number): PlainMap | null {
	const [h, w, c] = map.shape;
	if (map.shape.length !== 3 || ch < 0 || ch >= c) return null;
	const out = new Float32Array(h * w);
	for (let p = 0; p < h * w; p++) out[p] = map.data[p * c + ch];
	return { shape: [h, w, 1], data: out };
}

/**
 * The weights of output channel `o` of an HWIO filter bank [K, K, I, O]: a [K, K, I] map, one
 * tile per input channel (null when out of range).
 */
export function filterSlice(bank: PlainMap, o: number): PlainMap | null {
	const [k1, k2, ci, co] = bank.shape;
	if (bank.shape.length !== 4 || o < 0 || o >= co) return null;
	const out = new Float32Array(k1 * k2 * ci);
	for (let p = 0; p < k1 * k2; p++) for (let i = 0; i < ci; i++) out[p * ci + i] = bank.data[(p * ci + i) * co + o];
	return { shape: [k1, k2, ci], data: out };
}

/** A filter bank [K, K, 1, O] (conv 1) as a [K, K, O] map: one tile per filter (same memory order). */
export function singleInputBank(bank: PlainMap): PlainMap | null {
	const [k1, k2, ci, co] = bank.shape;
	if (bank.shape.length !== 4 || ci !== 1) return null;
	return { shape: [k1, k2, co], data: bank.data };
}

/** Ids of the digits whose true label is `truth` and whose prediction is `pred`, in order. */
export function cellDigits(labels: ArrayLike<number>, predicted: ArrayLike<number>, truth: number, pred: number): number[] {
	const ids: number[] = [];
	const n = Math.min(labels.length, predicted.length);
	for (let i = 0; i < n; i++) if (labels[i] === truth && predicted[i] === pred) ids.push(i);
	return ids;
}

/** The first `perClass` digits of each class 0..9, by class: the picker's sample. */
export function sampleByClass(labels: ArrayLike<number>, perClass = 2): number[] {
	const byClass: number[][] = Array.from({ length: 10 }, () => []);
	for (let i = 0; i < labels.length; i++) {
		const l = labels[i];
		if (l >= 0 && l < 10 && byClass[l].length < perClass) byClass[l].push(i);
	}
	return byClass.flat();
}

/** The images `ids` of a byte image set copied into one array (ids.length x size), for a gallery. */
export function gatherImages(images: Uint8Array, ids: readonly number[], size = 784): Uint8Array {
	const out = new Uint8Array(ids.length * size);
	ids.forEach((id, k) => out.set(images.subarray(id * size, (id + 1) * size), k * size));
	return out;
}

/** [0, largest finite value] of a map (at least [0, 1e-6]): a common colour range for two maps. */
export function peakDomain(...maps: (PlainMap | null)[]): [number, number] {
	let hi = 0;
	for (const m of maps) if (m) for (const v of m.data) if (Number.isFinite(v) && v > hi) hi = v;
	return [0, Math.max(hi, 1e-6)];
}
