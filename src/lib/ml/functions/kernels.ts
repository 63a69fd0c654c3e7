/**
 * Classic image kernels for any size K (1-7 in the lesson), written as integer cells and a divisor
 * (weights = cells / divisor, as image editors write "1/16 x [1 2 1; ...]"). The centre of an even
 * kernel is cell floor((K - 1) / 2), the tap 'same' padding aligns with the output pixel.
 * - identity: 1 at the centre.
 * - edge (Laplacian): K² - 1 at the centre, -1 elsewhere (3x3: the 8-neighbour Laplacian); sums to 0.
 * - sobelX / sobelY: binomial smoothing across times a binomial derivative along (3x3: Sobel, 5x5 and
 *   7x7: the extended Sobel kernels of OpenCV); positive where the image gets brighter to the
 *   right (x) or downwards (y), since the kernel is not flipped.
 * - box: all ones / K².  gaussian: binomial row outer product / 4^(K-1).  sharpen: identity + edge.
 */

/** Preset names, in display order. */
export const KERNEL_PRESETS = ['identity', 'edge', 'sobelX', 'sobelY', 'box', 'gaussian', 'sharpen'] as const;

/** One preset's name. */
export type KernelPresetName = (typeof KERNEL_PRESETS)[number];

/** A kernel as integer cells (K x K, row-major) and the divisor the cells are divided by. */
export interface KernelCells {
	cells: number[];
	divisor: number;
}

/** Row n of Pascal's triangle as a length-n array (1, [1,1], [1,2,1], ...); [] for n <= 0. */
export function binomialRow(n: number): number[] {
	if (n <= 0) return [];
	const row = [1];
	for (let i = 1; i < n; i++) row.push((row[i - 1] * (n - i)) / i);
	return row;
}

/** A length-K derivative filter: binomial(K - 1) convolved with [-1, 1] ([-1, 0, 1] for K = 3; [0] for K = 1). */
export function derivativeRow(k: number): number[] {
	if (k <= 1) return [0];
	const a = binomialRow(k - 1);
	return Array.from({ length: k }, (_, m) => (m > 0 ? a[m - 1] : 0) - (m < k - 1 ? a[m] : 0));
}

/** Index of the centre cell along one axis of a size-K kernel. */
export function kernelCentre(k: number): number {
	return Math.floor((k - 1) / 2);
}

/** The integer cells and divisor of a preset at size K (1 <= K). */
export function kernelPreset(name: KernelPresetName, k: number): KernelCells {
	const n = k * k;
	const centre = kernelCentre(k) * k + kernelCentre(k);
	const grid = (f: (r: number, c: number) => number) =>
		Array.from({ length: n }, (_, i) => f(Math.floor(i / k), i % k) + 0);
	switch (name) {
		case 'identity':
			return { cells: grid((r, c) => (r * k + c === centre ? 1 : 0)), divisor: 1 };
		case 'edge':
			return { cells: grid((r, c) => (r * k + c === centre ? n - 1 : -1)), divisor: 1 };
		case 'sharpen':
			return { cells: grid((r, c) => (r * k + c === centre ? n : -1)), divisor: 1 };
		case 'box':
			return { cells: grid(() => 1), divisor: n };
		case 'gaussian': {
			const b = binomialRow(k);
			return { cells: grid((r, c) => b[r] * b[c]), divisor: 4 ** (k - 1) };
		}
		case 'sobelX':
		case 'sobelY': {
			const s = binomialRow(k);
			const d = derivativeRow(k);
			const f = name === 'sobelX' ? (r: number, c: number) => s[r] * d[c] : (r: number, c: number) => d[r] * s[c];
			return { cells: grid(f), divisor: 1 };
		}
	}
}

/** The weights of cells and a divisor: cells[i] / divisor, as float32. */
export function kernelWeights(cells: ArrayLike<number>, divisor: number): Float32Array {
	return Float32Array.from(cells, (v) => v / divisor);
}

/** The preset whose cells and divisor equal these at size K, or null (a custom kernel). */
export function matchPreset(cells: ArrayLike<number>, divisor: number, k: number): KernelPresetName | null {
	if (cells.length !== k * k) return null;
	for (const name of KERNEL_PRESETS) {
		const p = kernelPreset(name, k);
		if (p.divisor !== divisor) continue;
		if (p.cells.every((v, i) => v === cells[i])) return name;
	}
	return null;
}

/**
 * Resizes a K x K kernel to `to` x `to` around its centre: cells that fall outside are dropped,
 * new cells are 0 (so a kernel grown by padding computes the same sums where both fit).
 */
export function resizeKernel(cells: ArrayLike<number>, from: number, to: number): number[] {
	const shift = kernelCentre(to) - kernelCentre(from);
	return Array.from({ length: to * to }, (_, i) => {
		const r = Math.floor(i / to) - shift;
		const c = (i % to) - shift;
		return r >= 0 && r < from && c >= 0 && c < from ? cells[r * from + c] : 0;
	});
}
