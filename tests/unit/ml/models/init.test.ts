import { describe, expect, it } from 'vitest';
import { INITS } from '$lessons/activation-functions/meta';
import { createRng } from '$lib/ml/core/rng';
import { INIT_NAMES, initWeights } from '$lib/ml/models/init';

const stats = (w: Float32Array) => {
	const mean = w.reduce((a, b) => a + b, 0) / w.length;
	const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
	return { mean, sd, maxAbs: w.reduce((a, b) => Math.max(a, Math.abs(b)), 0) };
};

describe('initWeights', () => {
	it('offers the lesson schema\'s initialisations', () => {
		expect([...INIT_NAMES]).toEqual([...INITS]);
	});

	it('draws the documented spreads', () => {
		const fanIn = 100;
		const fanOut = 60;
		const xavier = stats(initWeights('xavier', fanIn, fanOut, createRng(1)));
		const limit = Math.sqrt(6 / (fanIn + fanOut));
		expect(xavier.maxAbs).toBeLessThanOrEqual(limit);
		expect(xavier.sd).toBeCloseTo(limit / Math.sqrt(3), 2);
		const he = stats(initWeights('he', fanIn, fanOut, createRng(1)));
		expect(he.sd / Math.sqrt(2 / fanIn)).toBeCloseTo(1, 1);
		const normal = stats(initWeights('normal', fanIn, fanOut, createRng(1)));
		expect(normal.sd).toBeCloseTo(1, 1);
		const small = stats(initWeights('small', fanIn, fanOut, createRng(1)));
		expect(small.sd / 0.01).toBeCloseTo(1, 1);
		for (const s of [xavier, he, normal, small]) expect(Math.abs(s.mean)).toBeLessThan(3 * s.sd / Math.sqrt(fanIn * fanOut) + 1e-9);
	});

	it('is deterministic per rng seed', () => {
		expect(initWeights('he', 3, 4, createRng(5))).toEqual(initWeights('he', 3, 4, createRng(5)));
		expect(initWeights('he', 3, 4, createRng(5))).not.toEqual(initWeights('he', 3, 4, createRng(6)));
	});
});
