import { describe, expect, it } from 'vitest';
import {
	axisTicks,
	isPlottable,
	seriesExtent,
	symmetricExtent,
	usableExtent
} from '$lib/charts/core/domain';

describe('log-scale filtering', () => {
	it('rejects non-finite values everywhere and non-positive values on log axes', () => {
		expect(isPlottable(1, 2)).toBe(true);
		expect(isPlottable(1, 0)).toBe(true);
		expect(isPlottable(1, -3)).toBe(true);
		expect(isPlottable(1, 0, false, true)).toBe(false);
		expect(isPlottable(1, -3, false, true)).toBe(false);
		expect(isPlottable(0, 1, true, false)).toBe(false);
		expect(isPlottable(NaN, 1)).toBe(false);
		expect(isPlottable(1, Infinity)).toBe(false);
	});

	it('computes extents from plottable points only', () => {
		const s = [{ x: [0, 1, 2, 3, 4], y: [0, -1, 1e-8, NaN, 100] }];
		expect(seriesExtent(s)).toEqual({ x: [0, 4], y: [-1, 100] });
		expect(seriesExtent(s, false, true)).toEqual({ x: [2, 4], y: [1e-8, 100] });
		expect(seriesExtent([{ x: [1], y: [-1] }], false, true)).toBeNull();
		expect(seriesExtent([])).toBeNull();
	});

	it('uses the shorter of x and y when their lengths differ', () => {
		expect(seriesExtent([{ x: [0, 1, 2], y: [5] }])).toEqual({ x: [0, 0], y: [5, 5] });
	});
});

describe('domains and ticks', () => {
	it('widens degenerate extents', () => {
		expect(usableExtent([3, 3])).toEqual([2.7, 3.3]);
		expect(usableExtent([0, 0])).toEqual([-1, 1]);
		expect(usableExtent([5, 5], true)).toEqual([0.5, 50]);
		expect(usableExtent(null)).toEqual([0, 1]);
		expect(usableExtent(null, true)).toEqual([1, 10]);
		expect(usableExtent([-1, 2], true)).toEqual([1, 10]);
		expect(usableExtent([4, 1])).toEqual([1, 4]);
	});

	it('gives powers of ten on wide log axes, thinned to about the count', () => {
		expect(axisTicks([1e-3, 10], 10, true)).toEqual([1e-3, 1e-2, 1e-1, 1, 10]);
		const many = axisTicks([1e-12, 1], 5, true);
		expect(many.length).toBeLessThanOrEqual(5);
		expect(many[0]).toBe(1e-12);
		for (const t of many) expect(Number.isInteger(Math.round(Math.log10(t) * 1e9) / 1e9)).toBe(true);
	});

	it('gives in-decade ticks on a narrow log axis and nice ticks on a linear axis', () => {
		const narrow = axisTicks([2, 8], 5, true);
		expect(narrow.length).toBeGreaterThan(1);
		expect(narrow.every((t) => t >= 2 && t <= 8)).toBe(true);
		expect(axisTicks([0, 1], 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(axisTicks([-1, 0], 5, true)).toEqual([]);
	});

	it('makes symmetric extents', () => {
		expect(symmetricExtent([-2, 5])).toEqual([-5, 5]);
		expect(symmetricExtent(null)).toEqual([-1, 1]);
	});
});

describe('narrow log axes', () => {
	it('thins in-decade ticks to mantissas 1, 2, 5', () => {
		const t = axisTicks([2, 50], 5, true);
		expect(t.length).toBeLessThanOrEqual(5);
		expect(t).toContain(10);
		for (const v of t) expect([1, 2, 5]).toContain(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9)));
	});
});
