import { describe, expect, it } from 'vitest';
import { decimateMinMax, polylinePath } from '$lib/charts/core/decimate';

function noisy(n: number): { x: Float64Array; y: Float64Array } {
	const x = new Float64Array(n);
	const y = new Float64Array(n);
	let s = 7;
	for (let i = 0; i < n; i++) {
		s = (s * 16807) % 2147483647;
		x[i] = (i / n) * 800;
		y[i] = Math.sin(i / 50) * 100 + (s / 2147483647) * 30;
	}
	return { x, y };
}

describe('decimateMinMax', () => {
	it('reduces 10k points to at most 4 per pixel column', () => {
		const { x, y } = noisy(10_000);
		const out = decimateMinMax(x, y, 1);
		expect(out.x.length).toBeLessThanOrEqual(4 * 800);
		expect(out.x.length).toBeLessThan(10_000);
	});

	it('keeps both endpoints and the min and max of every bucket', () => {
		const { x, y } = noisy(10_000);
		const out = decimateMinMax(x, y, 1);
		expect(out.x[0]).toBe(x[0]);
		expect(out.y[0]).toBe(y[0]);
		expect(out.x.at(-1)).toBe(x[9999]);
		expect(out.y.at(-1)).toBe(y[9999]);
		const buckets = new Map<number, { lo: number; hi: number }>();
		for (let i = 0; i < x.length; i++) {
			const b = Math.floor(x[i]);
			const e = buckets.get(b) ?? { lo: Infinity, hi: -Infinity };
			buckets.set(b, { lo: Math.min(e.lo, y[i]), hi: Math.max(e.hi, y[i]) });
		}
		for (const [b, { lo, hi }] of buckets) {
			const ys = out.y.filter((_, i) => Math.floor(out.x[i]) === b);
			expect(Math.min(...ys)).toBe(lo);
			expect(Math.max(...ys)).toBe(hi);
		}
		expect(Math.max(...out.y)).toBe(Math.max(...y));
		expect(Math.min(...out.y)).toBe(Math.min(...y));
	});

	it('keeps points in their original order', () => {
		const { x, y } = noisy(3000);
		const out = decimateMinMax(x, y, 2);
		for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThanOrEqual(out.x[i - 1]);
	});

	it('returns small inputs unchanged', () => {
		const out = decimateMinMax([0, 10, 20], [5, 1, 3], 1);
		expect(out).toEqual({ x: [0, 10, 20], y: [5, 1, 3] });
	});

	it('breaks the line at non-finite points with one gap marker and no trailing gap', () => {
		const out = decimateMinMax([0, 1, 2, 3, 4, 5], [1, NaN, Infinity, 2, 3, NaN], 1);
		expect(out.x).toEqual([0, NaN, 3, 4]);
		expect(polylinePath(out)).toBe('M0,1h0M3,2L4,3');
	});

	it('handles empty and all-invalid input', () => {
		expect(decimateMinMax([], [])).toEqual({ x: [], y: [] });
		expect(decimateMinMax([0, 1], [NaN, NaN])).toEqual({ x: [], y: [] });
		expect(polylinePath({ x: [], y: [] })).toBe('');
	});
});
