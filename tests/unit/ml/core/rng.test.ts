import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '$lib/ml/core/rng';

const draw = (seed: number, k = 20) => {
	const r = createRng(seed);
	return Array.from({ length: k }, () => r.next());
};

describe('createRng', () => {
	it('repeats the same sequence for the same seed and differs between seeds', () => {
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
		expect(draw(0)).not.toEqual(draw(1));
	});

	it('draws uniforms in [0, 1) with the right mean and variance', () => {
		const r = createRng(7);
		const n = 20000;
		let s = 0;
		let s2 = 0;
		let lo = Infinity;
		let hi = -Infinity;
		for (let i = 0; i < n; i++) {
			const u = r.next();
			lo = Math.min(lo, u);
			hi = Math.max(hi, u);
			s += u;
			s2 += u * u;
		}
		expect(lo).toBeGreaterThanOrEqual(0);
		expect(hi).toBeLessThan(1);
		expect(s / n).toBeCloseTo(0.5, 2);
		expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
		const v = r.uniform(-3, -1);
		expect(v).toBeGreaterThanOrEqual(-3);
		expect(v).toBeLessThan(-1);
	});

	it('draws normals with the requested mean and standard deviation', () => {
		const r = createRng(3);
		const n = 20000;
		const xs = Array.from({ length: n }, () => r.normal(2, 0.5));
		const mean = xs.reduce((a, b) => a + b, 0) / n;
		const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
		expect(mean).toBeCloseTo(2, 1);
		expect(Math.abs(sd - 0.5)).toBeLessThan(0.01);
		expect(xs.every(Number.isFinite)).toBe(true);
	});

	it('draws integers in [lo, hi) covering every value', () => {
		const r = createRng(5);
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const k = r.int(-2, 3);
			expect(Number.isInteger(k)).toBe(true);
			seen.add(k);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
	});

	it('shuffles into a permutation, deterministically per seed', () => {
		const base = Array.from({ length: 50 }, (_, i) => i);
		const a = createRng(9).shuffle([...base]);
		const b = createRng(9).shuffle([...base]);
		expect(a).toEqual(b);
		expect(a).not.toEqual(base);
		expect([...a].sort((x, y) => x - y)).toEqual(base);
		const typed = createRng(9).shuffle(Float32Array.from(base));
		expect(Array.from(typed)).toEqual(a);
	});
});

describe('deriveSeed', () => {
	it('gives distinct deterministic seeds per label and base seed', () => {
		expect(deriveSeed(1, 'weights')).toBe(deriveSeed(1, 'weights'));
		const seeds = new Set([deriveSeed(1, 'a'), deriveSeed(1, 'b'), deriveSeed(2, 'a'), deriveSeed(2, 'b')]);
		expect(seeds.size).toBe(4);
	});
});
