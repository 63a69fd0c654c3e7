/** RGBA bytes for a value that has no colour (NaN, or non-positive on a log scale). */
export type Rgba = readonly [number, number, number, number];

/** Where and how to paint a block of heatmap columns into an RGBA pixel buffer. */
export interface PaintJob {
	/** Target pixels, row-major RGBA, `stride` pixels per row (one pixel per cell). */
	out: Uint8ClampedArray;
	stride: number;
	/** Cell values; `rows` x `cols`, row-major unless `columnMajor`. */
	values: ArrayLike<number>;
	rows: number;
	cols: number;
	columnMajor: boolean;
	/** Column range to paint: [c0, c1). */
	c0: number;
	c1: number;
	/** Value -> t in [0, 1] or NaN. */
	norm: (v: number) => number;
	/** Colour lookup table (n x 4 bytes). */
	lut: Uint8ClampedArray;
	/** Colour of cells without a value. */
	nan: Rgba;
}

/** Paints columns [c0, c1) of a heatmap into `out`, one pixel per cell, through the colour LUT. */
export function paintColumns(job: PaintJob): void {
	const { out, stride, values, rows, cols, columnMajor, norm, lut, nan } = job;
	const levels = lut.length / 4;
	const c1 = Math.min(job.c1, cols);
	for (let c = Math.max(0, job.c0); c < c1; c++) {
		for (let r = 0; r < rows; r++) {
			const v = values[columnMajor ? c * rows + r : r * cols + c];
			const t = norm(v === undefined ? NaN : v);
			const o = (r * stride + c) * 4;
			if (Number.isNaN(t)) {
				out[o] = nan[0];
				out[o + 1] = nan[1];
				out[o + 2] = nan[2];
				out[o + 3] = nan[3];
				continue;
			}
			const k = Math.min(levels - 1, Math.max(0, Math.round(t * (levels - 1)))) * 4;
			out[o] = lut[k];
			out[o + 1] = lut[k + 1];
			out[o + 2] = lut[k + 2];
			out[o + 3] = lut[k + 3];
		}
	}
}

/** Value of cell (row, col), or NaN outside the grid. */
export function cellValue(
	values: ArrayLike<number>,
	rows: number,
	cols: number,
	row: number,
	col: number,
	columnMajor = false
): number {
	if (row < 0 || col < 0 || row >= rows || col >= cols) return NaN;
	const v = values[columnMajor ? col * rows + row : row * cols + col];
	return v === undefined ? NaN : v;
}
