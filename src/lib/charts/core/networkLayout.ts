/** One drawn unit of a network diagram. */
export interface NetNode {
	/** Layer index (0 = input). */
	layer: number;
	/** Unit index within the layer. */
	unit: number;
	/** Centre in CSS pixels. */
	x: number;
	y: number;
}

/** Node positions of every layer and the node radius. */
export interface NetLayout {
	nodes: NetNode[][];
	radius: number;
}

/**
 * Places layers in evenly spaced columns across `width` and units evenly down each column
 * (columns centred vertically, same unit spacing in every layer). Sizes are in CSS pixels.
 */
export function layoutNetwork(
	sizes: readonly number[],
	width: number,
	height: number,
	padX: number,
	padY: number
): NetLayout {
	const L = sizes.length;
	const maxUnits = Math.max(1, ...sizes);
	const innerW = Math.max(1, width - 2 * padX);
	const innerH = Math.max(1, height - 2 * padY);
	const colGap = L > 1 ? innerW / (L - 1) : innerW;
	const rowGap = innerH / maxUnits;
	const radius = Math.max(1.5, Math.min(14, 0.36 * Math.min(rowGap, colGap)));
	const nodes = sizes.map((n, layer) => {
		const x = L > 1 ? padX + layer * colGap : width / 2;
		const top = padY + (innerH - n * rowGap) / 2 + rowGap / 2;
		return Array.from({ length: Math.max(0, n) }, (_, unit) => ({
			layer,
			unit,
			x,
			y: top + unit * rowGap
		}));
	});
	return { nodes, radius };
}

/** Number of edges of a fully connected network with these layer sizes. */
export function edgeCount(sizes: readonly number[]): number {
	let n = 0;
	for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1];
	return n;
}

/** How edge values are shown: signed (diverging colour) or magnitude (log colour, e.g. gradients). */
export type EdgeMode = 'signed' | 'magnitude';

/** Range of edge values used for width and colour: max |v| and smallest positive |v|. */
export interface EdgeRange {
	maxAbs: number;
	minPos: number;
}

/** The range over every finite edge value of every layer. */
export function edgeRange(values: readonly (ArrayLike<number> | null | undefined)[]): EdgeRange {
	let maxAbs = 0;
	let minPos = Infinity;
	for (const layer of values) {
		if (!layer) continue;
		for (let i = 0; i < layer.length; i++) {
			const a = Math.abs(layer[i]);
			if (!Number.isFinite(a)) continue;
			if (a > maxAbs) maxAbs = a;
			if (a > 0 && a < minPos) minPos = a;
		}
	}
	if (!(maxAbs > 0)) return { maxAbs: 1, minPos: 1 };
	return { maxAbs, minPos: Math.min(minPos, maxAbs) };
}

/**
 * Edge value -> t in [0, 1]: signed mode (v / maxAbs + 1) / 2 (0.5 = zero); magnitude mode the
 * position of |v| on a log scale from minPos to maxAbs (at most 8 decades shown). NaN for bad values.
 */
export function edgeT(v: number, range: EdgeRange, mode: EdgeMode): number {
	if (!Number.isFinite(v)) return NaN;
	if (mode === 'signed') return Math.max(0, Math.min(1, (v / range.maxAbs + 1) / 2));
	const a = Math.abs(v);
	const hi = Math.log10(range.maxAbs);
	const lo = Math.max(Math.log10(range.minPos), hi - 8);
	if (!(a > 0)) return 0;
	return hi === lo ? 1 : Math.max(0, Math.min(1, (Math.log10(a) - lo) / (hi - lo)));
}

/** Stroke width in px for an edge of strength t' = |2t - 1| (signed) or t (magnitude). */
export function edgeWidth(t: number, mode: EdgeMode, maxWidth = 4): number {
	if (Number.isNaN(t)) return 0;
	const s = mode === 'signed' ? Math.abs(2 * t - 1) : t;
	return 0.4 + (maxWidth - 0.4) * s;
}
