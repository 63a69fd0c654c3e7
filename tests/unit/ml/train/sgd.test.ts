import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createSgd } from '$lib/ml/train/sgd';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

describe('createSgd', () => {
	it('applies w -= lr * g and follows setLearningRate', () => {
		const w = tf.variable(tf.tensor1d([1, 2, 3]));
		const g = tf.tensor1d([0.5, -1, 2]);
		const sgd = createSgd(0.1);
		tf.tidy(() => sgd.apply([w], [g]));
		Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([0.95, 2.1, 2.8][i], 6));
		sgd.setLearningRate(2);
		expect(sgd.lr.dataSync()[0]).toBe(2);
		tf.tidy(() => sgd.apply([w], [g]));
		Array.from(w.dataSync()).forEach((v, i) => expect(v).toBeCloseTo([-0.05, 4.1, -1.2][i], 6));
		sgd.setLearningRate(NaN);
		sgd.setLearningRate(-1);
		expect(sgd.lr.dataSync()[0]).toBe(2);
		expect(() => sgd.apply([w], [])).toThrow();
		sgd.dispose();
		sgd.dispose();
		w.dispose();
		g.dispose();
	});

	it('updates without building tensors from JS values and without leaking', () => {
		const w = tf.variable(tf.zeros([4, 4]));
		const g = tf.ones([4, 4]);
		const sgd = createSgd(0.5);
		const before = tf.memory().numTensors;
		const { uploads } = traceEngine(() => tf.tidy(() => sgd.apply([w], [g])));
		expect(uploads).toBe(0);
		expect(tf.memory().numTensors).toBe(before);
		expect(w.dataSync()[0]).toBeCloseTo(-0.5, 7);
		sgd.setLearningRate(0.1);
		expect(tf.memory().numTensors).toBe(before);
		sgd.dispose();
		expect(tf.memory().numTensors).toBe(before - 1);
		w.dispose();
		g.dispose();
	});
});
