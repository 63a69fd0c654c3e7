import { describe, expect, it } from 'vitest';
import { makeGaussianClasses, positiveCount, POSITIVE_CENTRE } from '$lib/ml/data/gaussianClasses';

describe('makeGaussianClasses', () => {
	it('has exactly round(n * share) positives, for every share', () => {
		for (const share of [0.01, 0.05, 0.2, 0.5]) {
			const d = makeGaussianClasses({ n: 2000, positiveShare: share, spread: 0.6, seed: 1 });
			const pos = d.y.reduce((a, b) => a + b, 0);
			expect(pos).toBe(Math.round(2000 * share));
			expect(d.positives).toBe(pos);
			expect(d.negatives).toBe(2000 - pos);
			expect(d.x).toHaveLength(4000);
		}
		expect(positiveCount(1000, 0.05)).toBe(50);
		expect(positiveCount(10, 2)).toBe(10);
	});

	it('centres the classes at +-POSITIVE_CENTRE with the given spread', () => {
		const d = makeGaussianClasses({ n: 20000, positiveShare: 0.5, spread: 0.3, seed: 2 });
		const stats = [0, 1].map((label) => {
			let sx = 0;
			let sy = 0;
			let sxx = 0;
			let c = 0;
			for (let i = 0; i < d.n; i++)
				if (d.y[i] === label) {
					sx += d.x[2 * i];
					sy += d.x[2 * i + 1];
					sxx += d.x[2 * i] ** 2;
					c++;
				}
			const mx = sx / c;
			return { mx, my: sy / c, sd: Math.sqrt(sxx / c - mx * mx) };
		});
		expect(stats[1].mx).toBeCloseTo(POSITIVE_CENTRE[0], 1);
		expect(stats[1].my).toBeCloseTo(POSITIVE_CENTRE[1], 1);
		expect(stats[0].mx).toBeCloseTo(-POSITIVE_CENTRE[0], 1);
		expect(stats[0].sd).toBeCloseTo(0.3, 1);
	});

	it('is seeded, and streams give independent sets', () => {
		const base = { n: 50, positiveShare: 0.2, spread: 0.5, seed: 9 };
		expect(makeGaussianClasses(base)).toEqual(makeGaussianClasses(base));
		expect(makeGaussianClasses({ ...base, stream: 'test' }).x).not.toEqual(makeGaussianClasses(base).x);
		expect(makeGaussianClasses({ ...base, seed: 10 }).x).not.toEqual(makeGaussianClasses(base).x);
		// the labels are shuffled: positives are not all at the start
		const y = Array.from(makeGaussianClasses({ ...base, n: 1000 }).y);
		expect(y.slice(0, 200).some((v) => v === 0)).toBe(true);
	});

	it('rejects a non-positive spread', () => {
		expect(() => makeGaussianClasses({ n: 10, positiveShare: 0.5, spread: 0 })).toThrow(/spread/);
	});
});
