import { describe, expect, it } from 'vitest';
import { matrixCells, matrixTable } from '$lib/charts/core/matrixModel';

describe('matrixCells', () => {
	it('gives each cell its value, share of the row, tint and tone (row-major)', () => {
		// [[TN 90, FP 10], [FN 0, TP 0]]: the second row is empty.
		const cells = matrixCells([90, 10, 0, 0], 2, 2, true);
		expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
			[0, 0, 90],
			[0, 1, 10],
			[1, 0, 0],
			[1, 1, 0]
		]);
		expect(cells[0].rowShare).toBe(0.9);
		expect(cells[1].rowShare).toBe(0.1);
		expect(cells[2].rowShare).toBeNaN();
		expect(cells[0].opacity).toBeCloseTo(0.6, 10);
		expect(cells[2].opacity).toBeCloseTo(0.06, 10);
		expect(cells[1].opacity).toBeGreaterThan(cells[2].opacity);
		expect(cells.map((c) => c.tone)).toEqual(['ok', 'danger', 'danger', 'ok']);
		expect(matrixCells([1, 2, 3, 4], 2, 2, false).every((c) => c.tone === 'accent')).toBe(true);
	});

	it('copes with an all-zero or non-finite matrix', () => {
		const cells = matrixCells([0, NaN, 0, 0], 2, 2, false);
		expect(cells.every((c) => c.opacity === 0.06)).toBe(true);
	});
});

describe('matrixTable', () => {
	it('is one row per matrix row, labelled, under a corner heading', () => {
		expect(matrixTable([3, 2, 1, 2], ['neg', 'pos'], ['neg', 'pos'], 'actual \\ predicted')).toEqual({
			columns: ['actual \\ predicted', 'neg', 'pos'],
			rows: [
				['neg', 3, 2],
				['pos', 1, 2]
			],
			total: 2
		});
	});
});
