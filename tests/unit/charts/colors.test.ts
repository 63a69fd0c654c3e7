import { describe, expect, it } from 'vitest';
import {
	buildLut,
	colorDomain,
	colorInterpolator,
	colorNormalizer,
	mergeExtent,
	RunningExtent,
	seriesColor
} from '$lib/charts/core/colors';
import { cellValue, paintColumns } from '$lib/charts/core/heatPaint';

describe('series colours', () => {
	it('cycles the theme variables and honours explicit colours', () => {
		expect(seriesColor(0)).toBe('var(--series-1)');
		expect(seriesColor(9)).toBe('var(--series-2)');
		expect(seriesColor(2, 'var(--danger)')).toBe('var(--danger)');
	});
});

describe('colour scales', () => {
	it('makes symmetric diverging domains and positive-only log domains', () => {
		expect(colorDomain([-1, 3, NaN], 'diverging')).toEqual([-3, 3]);
		expect(colorDomain([0, 1e-6, 10, -2], 'sequential', true)).toEqual([1e-6, 10]);
		expect(colorDomain([NaN], 'sequential')).toBeNull();
		expect(mergeExtent([0, 1], [-1, 0.5])).toEqual([-1, 1]);
	});

	it('maps zero to the middle of a diverging scale, with blue below and red above', () => {
		const n = colorNormalizer('diverging', [-2, 2]);
		expect(n(0)).toBeCloseTo(0.5);
		expect(n(-2)).toBe(0);
		expect(n(5)).toBe(1);
		const lut = buildLut(colorInterpolator('diverging'), 3);
		expect(lut[2]).toBeGreaterThan(lut[0]);
		expect(lut[8]).toBeGreaterThan(lut[10]);
	});

	it('gives no colour (NaN) for non-positive values on a log scale', () => {
		const n = colorNormalizer('sequential', [1e-4, 1], true);
		expect(n(0)).toBeNaN();
		expect(n(-1)).toBeNaN();
		expect(n(1e-2)).toBeCloseTo(0.5);
		expect(colorNormalizer('sequential', [0, 1])(NaN)).toBeNaN();
	});
});

describe('heatmap painting', () => {
	const lut = buildLut(colorInterpolator('sequential'), 256);
	const nan = [1, 2, 3, 4] as const;

	it('paints row-major and column-major values to the same pixels', () => {
		const rowMajor = [0, 1, 2, 3, 4, 5];
		const colMajor = [0, 3, 1, 4, 2, 5];
		const a = new Uint8ClampedArray(2 * 3 * 4);
		const b = new Uint8ClampedArray(2 * 3 * 4);
		const norm = colorNormalizer('sequential', [0, 5]);
		paintColumns({ out: a, stride: 3, values: rowMajor, rows: 2, cols: 3, columnMajor: false, c0: 0, c1: 3, norm, lut, nan });
		paintColumns({ out: b, stride: 3, values: colMajor, rows: 2, cols: 3, columnMajor: true, c0: 0, c1: 3, norm, lut, nan });
		expect([...a]).toEqual([...b]);
		expect([...a.slice(0, 4)]).toEqual([...lut.slice(0, 4)]);
		expect([...a.slice(20, 24)]).toEqual([...lut.slice(1020, 1024)]);
	});

	it('paints only the requested columns (appending) and uses the no-value colour', () => {
		const out = new Uint8ClampedArray(1 * 4 * 4);
		const norm = colorNormalizer('sequential', [1, 10], true);
		paintColumns({ out, stride: 4, values: [1, 0, 10, 5], rows: 1, cols: 4, columnMajor: true, c0: 1, c1: 3, norm, lut, nan });
		expect([...out.slice(0, 4)]).toEqual([0, 0, 0, 0]);
		expect([...out.slice(4, 8)]).toEqual([1, 2, 3, 4]);
		expect([...out.slice(8, 12)]).toEqual([...lut.slice(1020, 1024)]);
		expect([...out.slice(12, 16)]).toEqual([0, 0, 0, 0]);
	});

	it('reads cell values in either layout', () => {
		expect(cellValue([0, 1, 2, 3, 4, 5], 2, 3, 1, 0)).toBe(3);
		expect(cellValue([0, 3, 1, 4, 2, 5], 2, 3, 1, 0, true)).toBe(3);
		expect(cellValue([0], 1, 1, 1, 0)).toBeNaN();
	});
});

describe('running colour extent', () => {
	it('merges appended cells and rescans when not appending', () => {
		const r = new RunningExtent();
		const v = new Float32Array([1, 2, 3, 10, -4, 0]);
		expect(r.get(v, 3, 'sequential', false, true)).toEqual([1, 3]);
		expect(r.get(v, 5, 'sequential', false, true)).toEqual([-4, 10]);
		expect(r.get(v, 5, 'diverging', false, true)).toEqual([-10, 10]);
		expect(r.get(new Float32Array([0.5, 0.25]), 2, 'sequential', false, false)).toEqual([0.25, 0.5]);
		expect(r.get(v, 6, 'sequential', true, false)).toEqual([1, 10]);
	});
});
