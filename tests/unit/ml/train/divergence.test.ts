import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createDivergenceLatch, DIVERGENCE_FACTOR, divergenceBound, isDivergedReadBack } from '$lib/ml/train/divergence';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

describe('the divergence rule', () => {
	it('bounds the loss at DIVERGENCE_FACTOR times the reference and rejects a bad reference', () => {
		expect(DIVERGENCE_FACTOR).toBe(1000);
		expect(divergenceBound(2)).toBe(2000);
		for (const bad of [0, -1, NaN, Infinity]) expect(() => divergenceBound(bad)).toThrow();
	});

	it('a read-back diverged: a loss not finite or not below the bound, or a device flag at 0', () => {
		expect(isDivergedReadBack([1, 999], 1000)).toBe(false);
		expect(isDivergedReadBack([1, 1000], 1000)).toBe(true);
		expect(isDivergedReadBack([NaN], 1000)).toBe(true);
		expect(isDivergedReadBack([Infinity], 1000)).toBe(true);
		expect(isDivergedReadBack([-Infinity], 1000)).toBe(true);
		expect(isDivergedReadBack([1], 1000, [1, 1])).toBe(false);
		expect(isDivergedReadBack([1], 1000, [1, 0])).toBe(true);
		expect(isDivergedReadBack([1], 1000, [NaN])).toBe(true);
	});

	it('the latch trips on a loss above the bound, NaN or Infinity, stays tripped, uploads nothing and leaks nothing', () => {
		const before = tf.memory().numTensors;
		const ok = (latch: ReturnType<typeof createDivergenceLatch>) => tf.tidy(() => latch.ok().dataSync()[0]);
		for (const bad of [5000, NaN, Infinity, -Infinity]) {
			const latch = createDivergenceLatch(1000);
			const losses = [tf.scalar(2), tf.tensor1d([3, bad]), tf.scalar(1)];
			tf.tidy(() => latch.update(losses[0]));
			expect(ok(latch)).toBe(1);
			// A step's update takes kept tensors only: no upload.
			const traced = traceEngine(() => tf.tidy(() => latch.update(losses[1])));
			expect(traced.uploads).toBe(0);
			expect(ok(latch), String(bad)).toBe(0);
			tf.tidy(() => latch.update(losses[2]));
			expect(ok(latch)).toBe(0);
			losses.forEach((t) => t.dispose());
			latch.dispose();
			latch.dispose();
		}
		expect(tf.memory().numTensors).toBe(before);
	});
});
