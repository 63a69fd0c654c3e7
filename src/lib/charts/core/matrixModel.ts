import type { ChartTable } from '$lib/app/export/types';

/** How a matrix cell is tinted: by the accent colour, or as a correct (diagonal) or wrong cell. */
export type CellTone = 'accent' | 'ok' | 'danger';

/** One cell of a MatrixChart, ready to draw. */
export interface MatrixCell {
	row: number;
	col: number;
	value: number;
	/** value / row total (NaN when the row is empty) */
	rowShare: number;
	/** fill opacity in [0.06, 0.6], growing with value / largest value */
	opacity: number;
	tone: CellTone;
}

/** The cells of a rows x cols matrix (row-major values), with shares, tints and tones. */
export function matrixCells(values: ArrayLike<number>, rows: number, cols: number, diagonal: boolean): MatrixCell[] {
	let max = 0;
	for (let i = 0; i < rows * cols; i++) if (Number.isFinite(values[i])) max = Math.max(max, Math.abs(values[i]));
	const cells: MatrixCell[] = [];
	for (let r = 0; r < rows; r++) {
		let total = 0;
		for (let c = 0; c < cols; c++) total += Number.isFinite(values[r * cols + c]) ? values[r * cols + c] : 0;
		for (let c = 0; c < cols; c++) {
			const value = values[r * cols + c];
			const t = max > 0 && Number.isFinite(value) ? Math.abs(value) / max : 0;
			cells.push({
				row: r,
				col: c,
				value,
				rowShare: total > 0 ? value / total : NaN,
				opacity: 0.06 + 0.54 * t,
				tone: diagonal ? (r === c ? 'ok' : 'danger') : 'accent'
			});
		}
	}
	return cells;
}

/** The matrix as a table: one row per matrix row, its label first. */
export function matrixTable(
	values: ArrayLike<number>,
	rowLabels: readonly string[],
	colLabels: readonly string[],
	corner: string
): ChartTable {
	const cols = colLabels.length;
	return {
		columns: [corner, ...colLabels],
		rows: rowLabels.map((label, r) => [label, ...Array.from({ length: cols }, (_, c) => values[r * cols + c])]),
		total: rowLabels.length
	};
}
