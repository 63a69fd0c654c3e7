/**
 * A regular grid over a 2-D input square, for decision boundaries: cell centres in row-major order,
 * row 0 at the top (largest y), as an image is drawn.
 */

/** Grid size and the square it covers: x and y both in [-extent, extent] (input units). */
export interface GridSpec {
	rows: number;
	cols: number;
	extent: number;
}

/** The default decision-boundary grid: 60 x 60 cells over [-1.5, 1.5]^2. */
export const DEFAULT_GRID: GridSpec = { rows: 60, cols: 60, extent: 1.5 };

/** The (x, y) centre of every cell, row-major [rows * cols x 2] (float32), row 0 = top. */
export function gridPoints(partial: Partial<GridSpec> = {}): { spec: GridSpec; values: Float32Array } {
	const spec: GridSpec = {
		rows: Math.max(1, Math.floor(partial.rows ?? DEFAULT_GRID.rows)),
		cols: Math.max(1, Math.floor(partial.cols ?? DEFAULT_GRID.cols)),
		extent: partial.extent && partial.extent > 0 ? partial.extent : DEFAULT_GRID.extent
	};
	const { rows, cols, extent } = spec;
	const values = new Float32Array(rows * cols * 2);
	for (let r = 0; r < rows; r++) {
		const y = extent - ((r + 0.5) * 2 * extent) / rows;
		for (let c = 0; c < cols; c++) {
			const i = 2 * (r * cols + c);
			values[i] = -extent + ((c + 0.5) * 2 * extent) / cols;
			values[i + 1] = y;
		}
	}
	return { spec, values };
}
