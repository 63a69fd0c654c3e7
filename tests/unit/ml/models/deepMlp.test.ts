import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { activation } from '$lib/ml/functions/activations';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { useCpuBackend } from '../helpers';

useCpuBackend();

describe('createDeepMlp', () => {
	it('has the documented layer sizes, parameter count and variable shapes', () => {
		const mlp = createDeepMlp({ depth: 3, width: 5, act: 'tanh', init: 'xavier', seed: 1 });
		expect(mlp.layerSizes).toEqual([2, 5, 5, 5, 1]);
		expect(mlp.paramCount).toBe(2 * 5 + 5 + 2 * (5 * 5 + 5) + 5 + 1);
		expect(mlp.weights.map((w) => w.shape)).toEqual([[2, 5], [5, 5], [5, 5], [5, 1]]);
		expect(mlp.biases.map((b) => b.shape)).toEqual([[5], [5], [5], [1]]);
		expect(mlp.biases.every((b) => b.dataSync().every((v) => v === 0))).toBe(true);
		mlp.dispose();
	});

	it('is seeded: same seed same weights, other seed other weights', () => {
		const cfg = { depth: 2, width: 4, act: 'relu', init: 'he', seed: 7 } as const;
		const a = createDeepMlp(cfg);
		const b = createDeepMlp(cfg);
		const c = createDeepMlp({ ...cfg, seed: 8 });
		a.weights.forEach((w, l) => {
			expect(w.dataSync()).toEqual(b.weights[l].dataSync());
			expect(w.dataSync()).not.toEqual(c.weights[l].dataSync());
		});
		for (const m of [a, b, c]) m.dispose();
	});

	it('forward returns the logit and per-layer pre-activations matching a plain JS pass', () => {
		const mlp = createDeepMlp({ depth: 2, width: 3, act: 'gelu', init: 'normal', seed: 3 });
		const xs = [0.3, -0.7, -1, 0.2];
		const [W1, W2, W3] = mlp.weights.map((w) => w.dataSync());
		const out = tf.tidy(() => {
			const f = mlp.forward(tf.tensor2d(xs, [2, 2]));
			return { logit: f.logit.dataSync(), pre: f.pre.map((z) => z.dataSync()), shapes: f.pre.map((z) => z.shape) };
		});
		expect(out.shapes).toEqual([[2, 3], [2, 3]]);
		for (let r = 0; r < 2; r++) {
			const z1 = [0, 1, 2].map((j) => xs[2 * r] * W1[j] + xs[2 * r + 1] * W1[3 + j]);
			const h1 = z1.map((z) => activation('gelu', z));
			const z2 = [0, 1, 2].map((j) => h1.reduce((s, h, i) => s + h * W2[3 * i + j], 0));
			const h2 = z2.map((z) => activation('gelu', z));
			const logit = h2.reduce((s, h, i) => s + h * W3[i], 0);
			z1.forEach((v, j) => expect(out.pre[0][3 * r + j]).toBeCloseTo(v, 5));
			z2.forEach((v, j) => expect(out.pre[1][3 * r + j]).toBeCloseTo(v, 5));
			expect(out.logit[r]).toBeCloseTo(logit, 5);
		}
		mlp.dispose();
	});

	it('dispose frees every tensor it made, and is safe twice', () => {
		const before = tf.memory().numTensors;
		const mlp = createDeepMlp({ depth: 4, width: 6, act: 'leakyRelu', alpha: 0.2, init: 'small', seed: 1 });
		expect(tf.memory().numTensors).toBeGreaterThan(before);
		mlp.dispose();
		mlp.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});

	it('rejects a depth or width below 1', () => {
		expect(() => createDeepMlp({ depth: 0, width: 3, act: 'relu', init: 'he', seed: 1 })).toThrow();
		expect(() => createDeepMlp({ depth: 2, width: 0, act: 'relu', init: 'he', seed: 1 })).toThrow();
	});
});
