import { describe, expect, it } from 'vitest';
import { DATASETS } from '$lessons/activation-functions/meta';
import { TOY2D_NAMES, makeToy2d } from '$lib/ml/data/toy2d';

describe('makeToy2d', () => {
	it('offers every data set the lesson schema names', () => {
		for (const d of DATASETS) expect(TOY2D_NAMES).toContain(d);
	});

	it('returns the requested count with exactly balanced 0/1 labels, inputs roughly in [-1, 1]^2', () => {
		for (const name of TOY2D_NAMES) {
			for (const n of [2, 7, 256]) {
				const d = makeToy2d(name, { n, seed: 4 });
				expect(d.n).toBe(n);
				expect(d.x.length).toBe(2 * n);
				expect(d.y.length).toBe(n);
				const ones = d.y.reduce((a, b) => a + b, 0);
				expect(ones).toBe(n - Math.floor(n / 2));
				expect(d.y.every((v) => v === 0 || v === 1)).toBe(true);
				expect(d.x.every((v) => Math.abs(v) < 1.5)).toBe(true);
			}
		}
	});

	it('is deterministic per seed and differs between seeds', () => {
		for (const name of TOY2D_NAMES) {
			const a = makeToy2d(name, { n: 64, seed: 11 });
			const b = makeToy2d(name, { n: 64, seed: 11 });
			const c = makeToy2d(name, { n: 64, seed: 12 });
			expect(a.x).toEqual(b.x);
			expect(a.y).toEqual(b.y);
			expect(a.x).not.toEqual(c.x);
		}
	});

	it('shuffles the rows (labels are not sorted)', () => {
		const d = makeToy2d('moons', { n: 100, seed: 1 });
		const firstHalfOnes = d.y.subarray(0, 50).reduce((a, b) => a + b, 0);
		expect(firstHalfOnes).toBeGreaterThan(10);
		expect(firstHalfOnes).toBeLessThan(40);
	});

	it('has the shapes it claims (noise-free): xor quadrants, circle radii, blob sides', () => {
		const xor = makeToy2d('xor', { n: 200, noise: 0, seed: 2 });
		for (let i = 0; i < xor.n; i++) expect(xor.x[2 * i] * xor.x[2 * i + 1] > 0 ? 1 : 0).toBe(xor.y[i]);
		const circle = makeToy2d('circle', { n: 200, noise: 0, seed: 2 });
		for (let i = 0; i < circle.n; i++) {
			const r = Math.hypot(circle.x[2 * i], circle.x[2 * i + 1]);
			expect(r < 0.55 ? 1 : 0).toBe(circle.y[i]);
		}
		const moons = makeToy2d('moons', { n: 400, noise: 0, seed: 2 });
		let meanY0 = 0;
		let meanY1 = 0;
		for (let i = 0; i < moons.n; i++) {
			if (moons.y[i] === 1) meanY1 += moons.x[2 * i + 1];
			else meanY0 += moons.x[2 * i + 1];
		}
		expect(meanY0 / 200).toBeGreaterThan(meanY1 / 200 + 0.5);
		const spiral = makeToy2d('spiral', { n: 200, noise: 0, seed: 2 });
		for (let i = 0; i < spiral.n; i++) expect(Math.hypot(spiral.x[2 * i], spiral.x[2 * i + 1])).toBeLessThanOrEqual(0.95 + 1e-6);
	});

	it('noise spreads the points: larger noise, larger deviation from the noise-free set', () => {
		const clean = makeToy2d('circle', { n: 200, noise: 0, seed: 3 });
		const dev = (noise: number) => {
			const d = makeToy2d('circle', { n: 200, noise, seed: 3 });
			return d.x.reduce((s, v, i) => s + (v - clean.x[i]) ** 2, 0);
		};
		expect(dev(0.2)).toBeGreaterThan(dev(0.05));
		expect(dev(0.05)).toBeGreaterThan(0);
	});
});
