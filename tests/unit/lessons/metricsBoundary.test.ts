import { describe, expect, it } from 'vitest';
import { gridCellCenters } from '$lib/charts/core/scatterGrid';
import { makeGaussianClasses } from '$lib/ml/data/gaussianClasses';
import { balancedSample, decisionLine, logit, plotExtent, probabilityGrid } from '$lessons/metrics/boundary';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const BOX: [number, number] = [-2, 2];

describe('logit', () => {
	it('inverts the sigmoid and is infinite at 0 and 1', () => {
		for (const p of [0.01, 0.2, 0.5, 0.9, 0.999]) expect(sigmoid(logit(p))).toBeCloseTo(p, 12);
		expect(logit(0.5)).toBe(0);
		expect(logit(0)).toBe(-Infinity);
		expect(logit(1)).toBe(Infinity);
		expect(logit(-0.1)).toBeNaN();
		expect(logit(NaN)).toBeNaN();
	});
});

describe('decisionLine', () => {
	it('is the vertical line x = 0 for w = (1, 0), b = 0, t = 0.5, across the whole box', () => {
		const l = decisionLine(1, 0, 0, 0.5, BOX, BOX);
		expect(l.x.map((v) => v + 0)).toEqual([0, 0]);
		expect([...l.y].sort((a, b) => a - b)).toEqual([-2, 2]);
	});

	it('runs corner to corner for x + y = 0, and P = t at both ends for any threshold', () => {
		const l = decisionLine(1, 1, 0, 0.5, BOX, BOX);
		const ends = l.x.map((x, i) => [x, l.y[i]].map((v) => Math.round(v * 1e9) / 1e9 + 0)).sort((a, b) => a[0] - b[0]);
		expect(ends).toEqual([
			[-2, 2],
			[2, -2]
		]);
		for (const t of [0.1, 0.3, 0.62, 0.9]) {
			const [w1, w2, b] = [1.7, -0.6, 0.4];
			const s = decisionLine(w1, w2, b, t, BOX, BOX);
			expect(s.x).toHaveLength(2);
			for (let i = 0; i < 2; i++) {
				expect(sigmoid(w1 * s.x[i] + w2 * s.y[i] + b)).toBeCloseTo(t, 9);
				expect(Math.abs(s.x[i])).toBeLessThanOrEqual(2 + 1e-9);
				expect(Math.abs(s.y[i])).toBeLessThanOrEqual(2 + 1e-9);
			}
			// An end lies on the box's edge.
			expect(Math.max(...s.x.map(Math.abs), ...s.y.map(Math.abs))).toBeCloseTo(2, 9);
		}
	});

	it('moves parallel (same direction) when the threshold changes, towards the positive side as t rises', () => {
		const [w1, w2, b] = [2, 1, -0.3];
		const a = decisionLine(w1, w2, b, 0.5, BOX, BOX);
		const c = decisionLine(w1, w2, b, 0.8, BOX, BOX);
		const dir = (s: { x: number[]; y: number[] }) => (s.y[1] - s.y[0]) / (s.x[1] - s.x[0]);
		expect(dir(c)).toBeCloseTo(dir(a), 9);
		expect(dir(a)).toBeCloseTo(-w1 / w2, 9);
		const mid = (s: { x: number[]; y: number[] }) => w1 * (s.x[0] + s.x[1]) / 2 + w2 * (s.y[0] + s.y[1]) / 2;
		expect(mid(c)).toBeGreaterThan(mid(a));
		expect(mid(c) + b).toBeCloseTo(logit(0.8), 9);
	});

	it('has no line when w = 0, at t = 0 or 1, for non-finite input, or when the line misses the box', () => {
		const none = { x: [], y: [] };
		expect(decisionLine(0, 0, 0.3, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(0, 0, 0, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(1, 1, 0, 0, BOX, BOX)).toEqual(none);
		expect(decisionLine(1, 1, 0, 1, BOX, BOX)).toEqual(none);
		expect(decisionLine(NaN, 1, 0, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(1, Infinity, 0, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(1, 1, NaN, 0.5, BOX, BOX)).toEqual(none);
		// x = 3 lies right of the box; x + y = 4 only touches its corner (2, 2).
		expect(decisionLine(1, 0, -3, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(1, 1, -4, 0.5, BOX, BOX)).toEqual(none);
		// Tiny weights: the line is far away (none), or through the origin when b = 0.
		expect(decisionLine(1e-300, 1e-300, 0.2, 0.5, BOX, BOX)).toEqual(none);
		expect(decisionLine(1e-300, 0, 0, 0.5, BOX, BOX).x).toHaveLength(2);
	});
});

describe('probabilityGrid', () => {
	it('gives sigmoid(w·x + b) at the grid cell centres (row 0 at the top)', () => {
		const c = gridCellCenters(4, 5, BOX, BOX);
		const p = probabilityGrid([1, 2, -0.5, 99], c.x, c.y);
		expect(p).toHaveLength(20);
		for (let k = 0; k < 20; k++) expect(p[k]).toBeCloseTo(sigmoid(c.x[k] + 2 * c.y[k] - 0.5), 6);
		// With w2 > 0 the top row has the larger probabilities.
		expect(p[2]).toBeGreaterThan(p[17]);
		expect(Array.from(probabilityGrid([0, 0, 0], c.x, c.y))).toEqual(Array(20).fill(0.5));
	});

	it('saturates without NaN for huge logits', () => {
		const p = probabilityGrid([1e6, 0, 0], [-1, 1], [0, 0]);
		expect(Array.from(p)).toEqual([0, 1]);
	});
});

describe('balancedSample and plotExtent', () => {
	it('keeps every point of a small set', () => {
		expect(balancedSample([0, 1, 1, 0], 600)).toEqual([0, 1, 2, 3]);
	});

	it('draws 600 of 2,000 test points with the exact class balance, distinct and ascending', () => {
		for (const share of [0.5, 0.2, 0.05, 0.01]) {
			const d = makeGaussianClasses({ n: 2000, positiveShare: share, spread: 0.6, seed: 3, stream: 'test' });
			const idx = balancedSample(d.y, 600);
			expect(idx).toHaveLength(600);
			expect(new Set(idx).size).toBe(600);
			expect(idx).toEqual([...idx].sort((a, b) => a - b));
			expect(idx.filter((i) => d.y[i] === 1)).toHaveLength(Math.round(600 * share));
		}
	});

	it('covers the classes with a symmetric, half-rounded extent', () => {
		expect(plotExtent(0.6)).toEqual([-2, 2]);
		expect(plotExtent(0.2)).toEqual([-1, 1]);
		expect(plotExtent(1.5)).toEqual([-4.5, 4.5]);
		expect(plotExtent(NaN)).toEqual([-3, 3]);
	});
});
