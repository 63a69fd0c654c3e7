import type { CellValue, ChartTable } from '$lib/app/export/types';
import type { Rgba } from './heatPaint';

/** The ink value of a full pixel: 255 for byte images (MNIST), 1 for float images in [0, 1]. */
export function inkScale(images: ArrayLike<number>): number {
	return images instanceof Uint8Array || images instanceof Uint8ClampedArray ? 255 : 1;
}

/**
 * Paints image `index` of `images` (count x size x size values, row-major, 0 = background, `max` =
 * full ink) into `out` (size x size RGBA pixels) as a blend from `paper` to `ink`; values outside
 * [0, max] are clamped and non-finite ones count as background.
 */
export function paintDigit(
	images: ArrayLike<number>,
	index: number,
	size: number,
	max: number,
	paper: Rgba,
	ink: Rgba,
	out: Uint8ClampedArray
): void {
	const n = size * size;
	const base = index * n;
	for (let p = 0; p < n; p++) {
		const raw = images[base + p];
		const t = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw / max)) : 0;
		const o = p * 4;
		for (let k = 0; k < 4; k++) out[o + k] = paper[k] + (ink[k] - paper[k]) * t;
	}
}

/**
 * The gallery as a table: one row per digit with its index (its id in the data set), true label
 * and prediction (blank where not given).
 */
export function galleryTable(
	count: number,
	ids: ArrayLike<number> | undefined,
	labels: ArrayLike<number> | undefined,
	predictions: ArrayLike<number> | undefined,
	columns: [string, string, string],
	limit = Infinity
): ChartTable {
	const rows: CellValue[][] = [];
	for (let i = 0; i < Math.min(count, limit); i++) rows.push([ids?.[i] ?? i, labels?.[i] ?? '', predictions?.[i] ?? '']);
	return { columns: [...columns], rows, total: count };
}
