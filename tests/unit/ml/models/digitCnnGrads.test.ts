import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '$lib/ml/core/rng';
import { DIGIT_CNN_DEFAULTS, type DigitCnnConfig } from '$lib/ml/models/digitCnn';
import { digitCnnBackward } from '$lib/ml/models/digitCnnGrads';
import { poolUpsampleFilter, type FilterGradMode, type PoolGradMode } from '$lib/ml/models/digitCnnKernels';
import { createDigitCnnParams, digitCnnForward, paramList, PARAM_NAMES } from '$lib/ml/models/digitCnnNet';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const B = 3;

function batch(seed: number): { x: tf.Tensor4D; onehot: tf.Tensor2D } {
	const rng = createRng(seed);
	const pixels = Float32Array.from({ length: B * 784 }, () => rng.next());
	const labels = Int32Array.from({ length: B }, () => rng.int(0, 10));
	return { x: tf.tensor4d(pixels, [B, 28, 28, 1]), onehot: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32') as tf.Tensor2D) };
}

/** Largest |a - b| relative to the largest |b| (the gradient's own scale). */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let diff = 0;
	let scale = 0;
	for (let i = 0; i < b.length; i++) {
		diff = Math.max(diff, Math.abs(a[i] - b[i]));
		scale = Math.max(scale, Math.abs(b[i]));
	}
	return diff / scale;
}

/** Hand gradients (with the given kernel forms) and tfjs autodiff of tf.losses.softmaxCrossEntropy, per parameter. */
function compare(c: DigitCnnConfig, filterGrad: FilterGradMode, poolGrad: PoolGradMode): { loss: [number, number]; errors: Record<string, number> } {
	const params = createDigitCnnParams(c);
	const vars = paramList(params);
	const { x, onehot } = batch(c.seed);
	const invB = tf.scalar(1 / B);
	const upsample = { pool1: poolUpsampleFilter(c.filters1, c.poolSize, c.pool), pool2: poolUpsampleFilter(c.filters2, c.poolSize, c.pool) };
	const out = tf.tidy(() => {
		const mine = digitCnnBackward(params, x, onehot, invB, { pool: c.pool, poolSize: c.poolSize, kernel: c.kernel, filterGrad, poolGrad, upsample });
		const ref = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(onehot, digitCnnForward(params, c.pool, c.poolSize, x).logits) as tf.Scalar, vars);
		const errors: Record<string, number> = {};
		PARAM_NAMES.forEach((name, i) => (errors[name] = relErr(mine.grads[name].dataSync(), ref.grads[vars[i].name].dataSync())));
		return { loss: [mine.loss.dataSync()[0], ref.value.dataSync()[0]] as [number, number], errors };
	});
	[...vars, x, onehot, invB, upsample.pool1, upsample.pool2].forEach((t) => t.dispose());
	return out;
}

describe('digitCnnBackward', () => {
	const cases = (filterGrad: FilterGradMode, poolGrad: PoolGradMode) => {
		for (const pool of ['max', 'avg'] as const)
			for (const poolSize of [2, 3] as const)
				for (const kernel of [3, 5] as const) {
					const c = { ...DIGIT_CNN_DEFAULTS, filters1: 3, filters2: 4, pool, poolSize, kernel, seed: 7 + kernel + poolSize };
					const { loss, errors } = compare(c, filterGrad, poolGrad);
					const label = `${filterGrad}/${poolGrad}: ${pool} pool ${poolSize} kernel ${kernel}`;
					expect(loss[0], label).toBeCloseTo(loss[1], 5);
					for (const [name, err] of Object.entries(errors)) expect(err, `${label} ${name}`).toBeLessThan(1e-4);
				}
	};

	it('equals tfjs autodiff (1e-4 relative) for max and avg pooling, pool 2 and 3, kernel 3 and 5 (backward kernels)', () => {
		cases('kernel', 'kernel');
	});

	it('equals tfjs autodiff through the conv forms: filter gradient by conv trick (the WASM path), pooling gradient by upsampling (the cpu path)', () => {
		cases('conv', 'upsample');
	});

	it('builds no tensor from a JS value, with the kernel or the conv trick', () => {
		const c = { ...DIGIT_CNN_DEFAULTS, filters1: 2, filters2: 4 };
		const params = createDigitCnnParams(c);
		const { x, onehot } = batch(1);
		const invB = tf.scalar(1 / B);
		const upsample = { pool1: poolUpsampleFilter(2, 2, 'max'), pool2: poolUpsampleFilter(4, 2, 'max') };
		for (const [filterGrad, poolGrad] of [
			['kernel', 'kernel'],
			['conv', 'upsample']
		] as const) {
			const t = traceEngine(() => tf.tidy(() => void digitCnnBackward(params, x, onehot, invB, { pool: 'max', poolSize: 2, kernel: 5, filterGrad, poolGrad, upsample })));
			expect(t.uploads, filterGrad).toBe(0);
			expect(t.kernels).toContain('Conv2DBackpropInput');
			expect(t.kernels.includes('MaxPoolGrad'), poolGrad).toBe(poolGrad === 'kernel');
			expect(t.kernels.includes('Conv2DBackpropFilter'), filterGrad).toBe(filterGrad === 'kernel');
		}
		expect(() => tf.tidy(() => void digitCnnBackward(params, x, onehot, invB, { pool: 'max', poolSize: 2, kernel: 5, filterGrad: 'kernel', poolGrad: 'upsample' }))).toThrow(/upsampling/);
		[...paramList(params), x, onehot, invB, upsample.pool1, upsample.pool2].forEach((t) => t.dispose());
	});
});
