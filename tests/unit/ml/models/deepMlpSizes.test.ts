import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createDeepMlp, hiddenSizes } from '$lib/ml/models/deepMlp';
import { mlpBceGradients } from '$lib/ml/models/deepMlpGrads';
import { useCpuBackend } from '../helpers';

useCpuBackend();

describe('createDeepMlp with per-layer sizes', () => {
	it('builds any list of hidden sizes, input side first', () => {
		const mlp = createDeepMlp({ hidden: [3, 8, 1], act: 'tanh', init: 'xavier', seed: 1 });
		expect(mlp.layerSizes).toEqual([2, 3, 8, 1, 1]);
		expect(mlp.weights.map((w) => w.shape)).toEqual([[2, 3], [3, 8], [8, 1], [1, 1]]);
		expect(mlp.paramCount).toBe(2 * 3 + 3 + 3 * 8 + 8 + 8 + 1 + 1 + 1);
		mlp.dispose();
	});

	it('with no hidden layer is logistic regression: logit = x W + b, and its gradient is x^T (p - y) / n', () => {
		const mlp = createDeepMlp({ hidden: [], act: 'relu', init: 'xavier', seed: 4 });
		expect(mlp.layerSizes).toEqual([2, 1]);
		const W = mlp.weights[0].dataSync();
		const xs = [0.5, -1, 2, 0.25];
		const ys = [1, 0];
		const out = tf.tidy(() => {
			const g = mlpBceGradients(mlp, tf.tensor2d(xs, [2, 2]), tf.tensor2d(ys, [2, 1]), tf.scalar(0.5));
			return { logit: g.logit.dataSync(), dW: g.weightGrads[0].dataSync(), deltas: g.deltas.length, pre: g.pre.length };
		});
		expect(out.pre).toBe(0);
		expect(out.deltas).toBe(1);
		const logits = [0, 1].map((r) => xs[2 * r] * W[0] + xs[2 * r + 1] * W[1]);
		logits.forEach((z, r) => expect(out.logit[r]).toBeCloseTo(z, 5));
		const p = logits.map((z) => 1 / (1 + Math.exp(-z)));
		for (let i = 0; i < 2; i++) {
			const ref = (xs[i] * (p[0] - ys[0]) + xs[2 + i] * (p[1] - ys[1])) / 2;
			expect(out.dW[i]).toBeCloseTo(ref, 5);
		}
		mlp.dispose();
	});

	it('gives the same network for depth/width and the equal list of sizes', () => {
		const a = createDeepMlp({ depth: 2, width: 4, act: 'relu', init: 'he', seed: 3 });
		const b = createDeepMlp({ hidden: [4, 4], act: 'relu', init: 'he', seed: 3 });
		a.weights.forEach((w, l) => expect(w.dataSync()).toEqual(b.weights[l].dataSync()));
		a.dispose();
		b.dispose();
	});

	it('rejects a hidden size below 1 and a missing depth', () => {
		expect(() => hiddenSizes({ hidden: [3, 0] })).toThrow();
		expect(() => hiddenSizes({ width: 3 })).toThrow();
		expect(hiddenSizes({ hidden: [2.7, 1] })).toEqual([2, 1]);
	});
});
