import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDepthExperiment, DIVERGED_WEIGHT_SQ, isDiverged } from '$lib/ml/models/depthExperiment';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('divergence detection', () => {
	it('flags non-finite losses, gradients or weights, and exploded weights', () => {
		expect(isDiverged(0.7, 10, 1, [1, 2])).toBe(false);
		expect(isDiverged(NaN, 10, 1, [1])).toBe(true);
		expect(isDiverged(Infinity, 10, 1, [1])).toBe(true);
		expect(isDiverged(0.7, 10, 0, [1])).toBe(true);
		expect(isDiverged(0.7, NaN, 1, [1])).toBe(true);
		expect(isDiverged(0.7, DIVERGED_WEIGHT_SQ * 2, 1, [1])).toBe(true);
		expect(isDiverged(0.7, 10, 1, [1, NaN])).toBe(true);
	});

	it('a learning rate of 10 with N(0,1) ReLU weights diverges within a few steps; a sane run does not', async () => {
		const run = async (lr: number, init: 'normal' | 'he') => {
			const e = createDepthExperiment({ act: 'relu', alpha: 0.1, depth: 10, width: 16, init, lr, data: 'moons', seed: 1 });
			try {
				for (let i = 0; i < 20; i++) {
					const t = e.step(true)!;
					const s = e.decode((await t.data()) as Float32Array);
					t.dispose();
					if (s.diverged) return i;
				}
				return -1;
			} finally {
				e.dispose();
			}
		};
		const at = await run(10, 'normal');
		expect(at).toBeGreaterThanOrEqual(0);
		expect(at).toBeLessThan(10);
		expect(await run(0.05, 'he')).toBe(-1);
	});
});
