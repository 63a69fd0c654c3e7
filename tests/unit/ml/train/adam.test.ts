import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '$lib/ml/core/rng';
import { createAdam } from '$lib/ml/train/adam';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const SHAPES = [[3, 4], [5], [2, 2, 2, 3]];

describe('createAdam', () => {
	it('updates exactly like tf.train.adam on the same gradients over several steps, also after a learning-rate change', () => {
		const rng = createRng(3);
		const init = SHAPES.map((s) => Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.normal()));
		const mine = init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
		const ref = init.map((v, i) => tf.variable(tf.tensor(v, SHAPES[i])));
		const adam = createAdam(mine, 0.01, { beta1: 0.8, beta2: 0.99, epsilon: 1e-7 });
		const tfAdam = tf.train.adam(0.01, 0.8, 0.99, 1e-7);
		for (let step = 0; step < 6; step++) {
			if (step === 3) {
				adam.setLearningRate(0.05);
				(tfAdam as unknown as { learningRate: number }).learningRate = 0.05;
			}
			const grads = SHAPES.map((s) => tf.tensor(Float32Array.from({ length: s.reduce((a, b) => a * b, 1) }, () => rng.normal(0, step + 1)), s));
			tf.tidy(() => adam.apply(grads));
			tfAdam.applyGradients(ref.map((v, i) => ({ name: v.name, tensor: grads[i] })));
			grads.forEach((g) => g.dispose());
			mine.forEach((v, i) => {
				const a = v.dataSync();
				const b = ref[i].dataSync();
				a.forEach((x, j) => expect(Math.abs(x - b[j]), `step ${step} var ${i}[${j}]`).toBeLessThan(1e-6));
			});
		}
		expect(adam.lr.dataSync()[0]).toBeCloseTo(0.05, 7);
		adam.dispose();
		tfAdam.dispose();
		[...mine, ...ref].forEach((v) => v.dispose());
	});

	it('an update builds no tensor from a JS value; dispose frees everything it made', () => {
		const before = tf.memory().numTensors;
		const w = tf.tidy(() => tf.variable(tf.ones([4])));
		const g = tf.fill([4], 0.5);
		const adam = createAdam([w], 0.1);
		const trace = traceEngine(() => tf.tidy(() => adam.apply([g])));
		expect(trace.uploads).toBe(0);
		expect(trace.kernels).not.toContain('Fill');
		// First step: m = 0.05, v = 0.00025, bias-corrected 0.5 and 0.25 -> w = 1 - 0.1 * 0.5 / (0.5 + 1e-7)
		expect(w.dataSync()[0]).toBeCloseTo(0.9, 5);
		adam.setLearningRate(NaN);
		adam.setLearningRate(-1);
		expect(adam.lr.dataSync()[0]).toBeCloseTo(0.1, 7);
		expect(() => tf.tidy(() => adam.apply([g, g]))).toThrow();
		adam.dispose();
		adam.dispose();
		w.dispose();
		g.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});
