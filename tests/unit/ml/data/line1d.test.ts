import { describe, expect, it } from 'vitest';
import { LINE_WINDOW, TRUE_LINE, clampToWindow, makeLinePoints, makeOutlier, makeOutliers } from '$lib/ml/data/line1d';

const inWindow = (p: { x: number; y: number }) =>
	p.x >= LINE_WINDOW.xMin && p.x <= LINE_WINDOW.xMax && p.y >= LINE_WINDOW.yMin && p.y <= LINE_WINDOW.yMax;

describe('line1d data', () => {
	it('makes n seeded points around y = 0.6x + 2, spread over x, inside the window', () => {
		const pts = makeLinePoints({ n: 30, noise: 0.5, seed: 3 });
		expect(pts).toHaveLength(30);
		expect(pts.every(inWindow)).toBe(true);
		expect(makeLinePoints({ n: 30, noise: 0.5, seed: 3 })).toEqual(pts);
		expect(makeLinePoints({ n: 30, noise: 0.5, seed: 4 })).not.toEqual(pts);
		const xs = pts.map((p) => p.x);
		expect(Math.min(...xs)).toBeLessThan(1);
		expect(Math.max(...xs)).toBeGreaterThan(9);
		const resid = pts.map((p) => p.y - (TRUE_LINE.slope * p.x + TRUE_LINE.intercept));
		const sd = Math.sqrt(resid.reduce((s, r) => s + r * r, 0) / resid.length);
		expect(sd).toBeGreaterThan(0.25);
		expect(sd).toBeLessThan(0.9);
	});

	it('noise 0 puts every point on the line', () => {
		for (const p of makeLinePoints({ n: 10, noise: 0, seed: 1 })) expect(p.y).toBeCloseTo(0.6 * p.x + 2, 12);
		expect(makeLinePoints({ n: 0 })).toEqual([]);
	});

	it('outliers sit far below the line at large x, and adding one never moves the earlier ones', () => {
		const five = makeOutliers(5, 9);
		expect(makeOutliers(3, 9)).toEqual(five.slice(0, 3));
		expect(makeOutlier(4, 9)).toEqual(five[4]);
		for (const p of five) {
			expect(inWindow(p)).toBe(true);
			expect(p.x).toBeGreaterThanOrEqual(7.5);
			expect(TRUE_LINE.slope * p.x + TRUE_LINE.intercept - p.y).toBeGreaterThan(5);
		}
		expect(makeOutliers(-2)).toEqual([]);
	});

	it('clamps points into the window', () => {
		expect(clampToWindow({ x: -3, y: 42 })).toEqual({ x: 0, y: 10 });
		expect(clampToWindow({ x: 4, y: 5 })).toEqual({ x: 4, y: 5 });
	});
});
