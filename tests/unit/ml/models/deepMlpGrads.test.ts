import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '$lib/ml/functions/activations';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { bceWithLogits, logitAccuracy, mlpBceGradients } from '$lib/ml/models/deepMlpGrads';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const X = [0.5, -0.2, -0.9, 0.4, 0.1, 0.8, -0.3, -0.6, 0.7, 0.7, -0.1, 0.05];
const Y = [1, 0, 1, 0, 1, 0];

describe('mlpBceGradients', () => {
	it('equals tfjs autodiff (tf.variableGrads of the same loss) for every activation', () => {
		for (const act of ACTIVATION_NAMES) {
			const mlp = createDeepMlp({ depth: 3, width: 4, act, alpha: 0.2, init: 'normal', seed: 5 });
			const vars = mlp.weights.flatMap((w, l) => [w, mlp.biases[l]]);
			const [mine, auto] = tf.tidy(() => {
				const x = tf.tensor2d(X, [6, 2]);
				const y = tf.tensor2d(Y, [6, 1]);
				const g = mlpBceGradients(mlp, x, y, tf.scalar(1 / 6));
				const ours = g.weightGrads.flatMap((w, l) => [w, g.biasGrads[l]]).map((t) => t.dataSync());
				const { grads } = tf.variableGrads(() => bceWithLogits(mlp.forward(x).logit, y), vars);
				const ref = vars.map((v) => grads[v.name].dataSync());
				return [ours, ref];
			});
			mine.forEach((g, i) =>
				g.forEach((v, j) => expect(Math.abs(v - auto[i][j]), `${act} var ${i}[${j}]`).toBeLessThan(1e-5 + 1e-4 * Math.abs(auto[i][j])))
			);
			mlp.dispose();
		}
	});

	it('computes BCE (nats) and accuracy like the textbook formulas', () => {
		const logits = [2, -1, 0.5, -3, 30, -30];
		const labels = [1, 0, 0, 1, 1, 0];
		const [loss, acc] = tf.tidy(() => {
			const z = tf.tensor2d(logits, [6, 1]);
			const y = tf.tensor2d(labels, [6, 1]);
			return [bceWithLogits(z, y).dataSync()[0], logitAccuracy(z, y).dataSync()[0]];
		});
		const ref =
			logits.reduce((s, z, i) => {
				const p = 1 / (1 + Math.exp(-z));
				return s - (labels[i] ? Math.log(p) : Math.log(1 - p));
			}, 0) / 6;
		expect(loss).toBeCloseTo(ref, 5);
		expect(acc).toBeCloseTo(4 / 6, 6);
	});

	it('builds no tensor from a JS value (unlike tfjs autodiff, which uploads constants)', () => {
		const mlp = createDeepMlp({ depth: 3, width: 4, act: 'sigmoid', init: 'xavier', seed: 1 });
		const x = tf.tensor2d(X, [6, 2]);
		const y = tf.tensor2d(Y, [6, 1]);
		const invN = tf.scalar(1 / 6);
		const manual = traceEngine(() => tf.tidy(() => void mlpBceGradients(mlp, x, y, invN)));
		expect(manual.uploads).toBe(0);
		const vars = mlp.weights.flatMap((w, l) => [w, mlp.biases[l]]);
		const auto = traceEngine(() => tf.tidy(() => void tf.variableGrads(() => bceWithLogits(mlp.forward(x).logit, y), vars)));
		expect(auto.uploads).toBeGreaterThan(0);
		for (const t of [x, y, invN]) t.dispose();
		mlp.dispose();
	});
});
