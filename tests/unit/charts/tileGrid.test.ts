import { describe, expect, it } from 'vitest';
import { gridKeyTarget, layoutTileGrid } from '$lib/charts/core/tileGrid';

describe('tile grid layout', () => {
	it('wraps tiles into as many columns as fit, row by row', () => {
		const g = layoutTileGrid({ count: 10, cellWidth: 50, cellHeight: 60, gapX: 10, gapY: 5, width: 230 });
		// 3 columns need 3*50 + 2*10 = 170 px, 4 need 230 px: exactly fits.
		expect(g.cols).toBe(4);
		expect(g.rows).toBe(3);
		expect(g.width).toBe(230);
		expect(g.height).toBe(3 * 60 + 2 * 5);
		expect(g.cells[5]).toEqual({ index: 5, row: 1, col: 1, x: 60, y: 65 });
		for (const c of g.cells) expect(c.x + 50).toBeLessThanOrEqual(230);
	});

	it('keeps at least one column, never more than the cells or maxCols', () => {
		expect(layoutTileGrid({ count: 3, cellWidth: 50, cellHeight: 50, gapX: 0, gapY: 0, width: 10 }).cols).toBe(1);
		expect(layoutTileGrid({ count: 3, cellWidth: 50, cellHeight: 50, gapX: 0, gapY: 0, width: 1000 }).cols).toBe(3);
		expect(layoutTileGrid({ count: 32, cellWidth: 10, cellHeight: 10, gapX: 0, gapY: 0, width: 1000, maxCols: 8 })).toMatchObject({ cols: 8, rows: 4 });
		const empty = layoutTileGrid({ count: 0, cellWidth: 10, cellHeight: 10, gapX: 2, gapY: 2, width: 100 });
		expect(empty.cells).toEqual([]);
		expect(empty.height).toBe(0);
	});
});

describe('tile grid keys', () => {
	it('moves by one tile, by a row, and to the ends, staying inside the grid', () => {
		// 10 tiles in 4 columns: rows 0-3, 4-7, 8-9.
		expect(gridKeyTarget('ArrowRight', 3, 4, 10)).toBe(4);
		expect(gridKeyTarget('ArrowRight', 9, 4, 10)).toBe(9);
		expect(gridKeyTarget('ArrowLeft', 0, 4, 10)).toBe(0);
		expect(gridKeyTarget('ArrowDown', 5, 4, 10)).toBe(9);
		expect(gridKeyTarget('ArrowDown', 7, 4, 10)).toBe(7);
		expect(gridKeyTarget('ArrowUp', 9, 4, 10)).toBe(5);
		expect(gridKeyTarget('ArrowUp', 2, 4, 10)).toBe(2);
		expect(gridKeyTarget('Home', 6, 4, 10)).toBe(0);
		expect(gridKeyTarget('End', 6, 4, 10)).toBe(9);
		expect(gridKeyTarget('Enter', 6, 4, 10)).toBeNull();
		expect(gridKeyTarget('ArrowRight', 0, 4, 0)).toBeNull();
	});
});
