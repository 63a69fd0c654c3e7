import { describe, expect, it } from 'vitest';
import { buildLut, colorInterpolator } from '$lib/charts/core/colors';
import { paintColumns } from '$lib/charts/core/heatPaint';
import {
	backgroundDomain,
	backgroundNormalizer,
	gridCellAt,
	gridCellCenters,
	lutWithAlpha
} from '$lib/charts/core/scatterGrid';
import { plotMapping } from '$lib/charts/core/scatterMap';

describe('background grid geometry', () => {
	it('puts row 0 at the top (largest y) and column 0 at the left', () => {
		const { x, y } = gridCellCenters(2, 4, [0, 4], [0, 2]);
		expect([...x]).toEqual([0.5, 1.5, 2.5, 3.5, 0.5, 1.5, 2.5, 3.5]);
		expect([...y]).toEqual([1.5, 1.5, 1.5, 1.5, 0.5, 0.5, 0.5, 0.5]);
	});

	it('finds the cell of a data point, edges included, and nothing outside', () => {
		expect(gridCellAt(2, 4, [0, 4], [0, 2], 0.1, 1.9)).toEqual({ r: 0, c: 0 });
		expect(gridCellAt(2, 4, [0, 4], [0, 2], 3.9, 0.1)).toEqual({ r: 1, c: 3 });
		expect(gridCellAt(2, 4, [0, 4], [0, 2], 4, 2)).toEqual({ r: 0, c: 3 });
		expect(gridCellAt(2, 4, [0, 4], [0, 2], 0, 0)).toEqual({ r: 1, c: 0 });
		expect(gridCellAt(2, 4, [0, 4], [0, 2], -0.1, 1)).toBeNull();
		expect(gridCellAt(2, 4, [0, 4], [0, 2], 1, 2.1)).toBeNull();
		expect(gridCellAt(0, 4, [0, 4], [0, 2], 1, 1)).toBeNull();
	});

	it('agrees with itself: every cell centre lies in its own cell', () => {
		const rows = 7;
		const cols = 5;
		const { x, y } = gridCellCenters(rows, cols, [-3, 2], [10, 11]);
		for (let k = 0; k < rows * cols; k++)
			expect(gridCellAt(rows, cols, [-3, 2], [10, 11], x[k], y[k])).toEqual({ r: Math.floor(k / cols), c: k % cols });
	});

	it('maps cell (r, c) onto the pixel band r from the top of the plot box', () => {
		const box = { l: 0, r: 100, t: 50, b: 250 };
		const map = plotMapping(box, [0, 1], [0, 1]);
		const rows = 4;
		const { x, y } = gridCellCenters(rows, 2, [0, 1], [0, 1]);
		for (let r = 0; r < rows; r++) {
			const py = map.sy(y[r * 2]);
			expect(py).toBeGreaterThan(box.t + (r * 200) / rows);
			expect(py).toBeLessThan(box.t + ((r + 1) * 200) / rows);
			expect(map.sx(x[r * 2 + 1])).toBeCloseTo(75);
		}
	});

	it('paints row 0 of a row-major grid into the top image row', () => {
		const lut = buildLut(colorInterpolator('sequential'), 2);
		const out = new Uint8ClampedArray(2 * 2 * 4);
		const norm = backgroundNormalizer([0, 1]);
		paintColumns({ out, stride: 2, values: [1, 1, 0, 0], rows: 2, cols: 2, columnMajor: false, c0: 0, c1: 2, norm, lut, nan: [0, 0, 0, 0] });
		expect([...out.subarray(0, 4)]).toEqual([...lut.subarray(4, 8)]);
		expect([...out.subarray(8, 12)]).toEqual([...lut.subarray(0, 4)]);
	});
});

describe('background colours', () => {
	it('maps the given domain linearly: a diverging ramp is centred on its middle', () => {
		const n = backgroundNormalizer([0, 1]);
		expect(n(0.5)).toBe(0.5);
		expect(n(0)).toBe(0);
		expect(n(2)).toBe(1);
		expect(n(-1)).toBe(0);
		expect(n(NaN)).toBeNaN();
		expect(backgroundNormalizer([2, 2])(2)).toBe(0);
	});

	it('uses the data extent when no domain is given (symmetric when diverging)', () => {
		expect(backgroundDomain([0.2, 0.7, NaN], 3, 'sequential')).toEqual([0.2, 0.7]);
		expect(backgroundDomain([-1, 3], 2, 'diverging')).toEqual([-3, 3]);
		expect(backgroundDomain([0.2, 0.7], 2, 'diverging', [0, 1])).toEqual([0, 1]);
		expect(backgroundDomain([NaN], 1, 'sequential')).toEqual([0, 1]);
		expect(backgroundDomain([5, 5], 2, 'sequential')).toEqual([0, 1]);
	});

	it('sets every alpha of a lookup table and leaves the colours alone', () => {
		const lut = buildLut(colorInterpolator('diverging'), 4);
		const a = lutWithAlpha(lut, 0.5);
		for (let i = 0; i < 4; i++) {
			expect(a[i * 4 + 3]).toBe(128);
			expect(a[i * 4]).toBe(lut[i * 4]);
		}
		expect(lut[3]).toBe(255);
	});
});
