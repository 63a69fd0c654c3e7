import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { packStats, statsLayout } from '$lib/ml/probe/pack';
import { useCpuBackend } from '../helpers';

useCpuBackend();

describe('packStats and statsLayout', () => {
	it('round-trips several tensors through one flat float32 vector', () => {
		const layout = statsLayout([
			['a', 1],
			['b', 4],
			['c', 3]
		] as const);
		expect(layout.length).toBe(8);
		expect(layout.offset).toEqual({ a: 0, b: 1, c: 5 });
		const packed = tf.tidy(() =>
			packStats([tf.scalar(7), tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor1d([1, 0, 1], 'bool')])
		);
		expect(packed.dtype).toBe('float32');
		expect(packed.shape).toEqual([8]);
		const values = packed.dataSync() as Float32Array;
		packed.dispose();
		expect(Array.from(layout.slice(values, 'a'))).toEqual([7]);
		expect(Array.from(layout.slice(values, 'b'))).toEqual([1, 2, 3, 4]);
		expect(Array.from(layout.slice(values, 'c'))).toEqual([1, 0, 1]);
	});
});
