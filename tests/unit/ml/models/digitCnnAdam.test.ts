import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { DIGIT_CNN_DEFAULTS } from '$lib/ml/models/digitCnn';
import { digitCnnBackward } from '$lib/ml/models/digitCnnGrads';
import { poolUpsampleFilter } from '$lib/ml/models/digitCnnKernels';
import { createDigitCnnParams, paramList } from '$lib/ml/models/digitCnnNet';
import { createOptimizer } from '$lib/ml/train/optimizers';
import { traceEngine, useCpuBackend } from '../helpers';
import { syntheticDigits } from './digitFixtures';

useCpuBackend();

describe('the digit CNN’s Adam (train/optimizers.ts, as createDigitCnn uses it)', () => {
	it('updates the CNN like tf.train.adam on the same hand-written gradients over several steps', () => {
		const c = { ...DIGIT_CNN_DEFAULTS, filters1: 3, filters2: 4, kernel: 3 as const };
		const mine = createDigitCnnParams(c);
		const ref = createDigitCnnParams(c);
		const start = paramList(mine).map((v) => v.dataSync().slice());
		const digits = syntheticDigits(16, 4);
		const x = tf.tidy(() => tf.div(tf.tensor4d(Float32Array.from(digits.images), [16, 28, 28, 1]), 255) as tf.Tensor4D);
		const onehot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(digits.labels), 'int32'), 10), 'float32') as tf.Tensor2D);
		const invB = tf.scalar(1 / 16);
		const upsample = { pool1: poolUpsampleFilter(3, 2, 'max'), pool2: poolUpsampleFilter(4, 2, 'max') };
		const options = { pool: c.pool, poolSize: c.poolSize, kernel: c.kernel, filterGrad: 'auto', poolGrad: 'auto', upsample } as const;
		const adam = createOptimizer({ kind: 'adam', lr: 0.01 });
		const tfAdam = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
		const grads = (p: ReturnType<typeof createDigitCnnParams>) => {
			const g = digitCnnBackward(p, x, onehot, invB, options).grads;
			return [g.w1, g.b1, g.w2, g.b2, g.wd, g.bd];
		};
		for (let step = 0; step < 4; step++) {
			const trace = traceEngine(() => tf.tidy(() => adam.apply(paramList(mine), grads(mine))));
			expect(trace.uploads).toBe(0);
			tf.tidy(() => {
				const g = grads(ref);
				tfAdam.applyGradients(paramList(ref).map((v, i) => ({ name: v.name, tensor: g[i] })));
			});
			paramList(mine).forEach((v, i) => {
				const a = v.dataSync();
				const b = paramList(ref)[i].dataSync();
				let diff = 0;
				let moved = 0;
				a.forEach((val, k) => {
					diff = Math.max(diff, Math.abs(val - b[k]));
					moved = Math.max(moved, Math.abs(b[k] - start[i][k]));
				});
				expect(moved, `step ${step} param ${i}`).toBeGreaterThan(0);
				expect(diff / moved, `step ${step} param ${i}`).toBeLessThan(1e-3);
			});
		}
		adam.dispose();
		tfAdam.dispose();
		[...paramList(mine), ...paramList(ref), x, onehot, invB, upsample.pool1, upsample.pool2].forEach((t) => t.dispose());
	});
});
