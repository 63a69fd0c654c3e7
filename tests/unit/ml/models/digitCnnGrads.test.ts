import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '$lib/ml/core/rng';
import { DIGIT_CNN_DEFAULTS, type DigitCnnConfig } from '$lib/ml/models/digitCnn';
import { digitCnnBackward, filterGradByConv, filterGradByKernel, hasFilterGradKernel, type FilterGradMode } from '$lib/ml/models/digitCnnGrads';
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

/** Hand gradients (in `mode`) and tfjs autodiff of tf.losses.softmaxCrossEntropy, per parameter. */
function compare(c: DigitCnnConfig, mode: FilterGradMode): { loss: [number, number]; errors: Record<string, number> } {
	const params = createDigitCnnParams(c);
	const vars = paramList(params);
	const { x, onehot } = batch(c.seed);
	const invB = tf.scalar(1 / B);
	const out = tf.tidy(() => {
		const mine = digitCnnBackward(params, x, onehot, invB, { pool: c.pool, poolSize: c.poolSize, kernel: c.kernel, filterGrad: mode });
		const ref = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(onehot, digitCnnForward(params, c.pool, c.poolSize, x).logits) as tf.Scalar, vars);
		const errors: Record<string, number> = {};
		PARAM_NAMES.forEach((name, i) => (errors[name] = relErr(mine.grads[name].dataSync(), ref.grads[vars[i].name].dataSync())));
		return { loss: [mine.loss.dataSync()[0], ref.value.dataSync()[0]] as [number, number], errors };
	});
	[...vars, x, onehot, invB].forEach((t) => t.dispose());
	return out;
}

describe('digitCnnBackward', () => {
	it('equals tfjs autodiff (1e-4 relative) for max and avg pooling, pool 2 and 3, kernel 3 and 5', () => {
		for (const pool of ['max', 'avg'] as const)
			for (const poolSize of [2, 3] as const)
				for (const kernel of [3, 5] as const) {
					const c = { ...DIGIT_CNN_DEFAULTS, filters1: 3, filters2: 4, pool, poolSize, kernel, seed: 7 + kernel + poolSize };
					const { loss, errors } = compare(c, 'kernel');
					const label = `${pool} pool ${poolSize} kernel ${kernel}`;
					expect(loss[0], label).toBeCloseTo(loss[1], 5);
					for (const [name, err] of Object.entries(errors)) expect(err, `${label} ${name}`).toBeLessThan(1e-4);
				}
	});

	it('gives the same gradients through the conv trick (the WASM path), forced on cpu', () => {
		for (const kernel of [3, 5] as const) {
			const { errors } = compare({ ...DIGIT_CNN_DEFAULTS, filters1: 3, filters2: 5, kernel, pool: 'avg', poolSize: 3, seed: 3 }, 'conv');
			for (const [name, err] of Object.entries(errors)) expect(err, `kernel ${kernel} ${name}`).toBeLessThan(1e-4);
		}
	});

	it('builds no tensor from a JS value, with the kernel or the conv trick', () => {
		const c = { ...DIGIT_CNN_DEFAULTS, filters1: 2, filters2: 4 };
		const params = createDigitCnnParams(c);
		const { x, onehot } = batch(1);
		const invB = tf.scalar(1 / B);
		for (const filterGrad of ['kernel', 'conv'] as const) {
			const t = traceEngine(() => tf.tidy(() => void digitCnnBackward(params, x, onehot, invB, { pool: 'max', poolSize: 2, kernel: 5, filterGrad })));
			expect(t.uploads, filterGrad).toBe(0);
			expect(t.kernels).toContain('Conv2DBackpropInput');
			expect(t.kernels).toContain('MaxPoolGrad');
			expect(t.kernels.includes('Conv2DBackpropFilter'), filterGrad).toBe(filterGrad === 'kernel');
		}
		[...paramList(params), x, onehot, invB].forEach((t) => t.dispose());
	});
});

describe('filter gradient by convolution (for backends without Conv2DBackpropFilter)', () => {
	it('equals the Conv2DBackpropFilter kernel for kernel 1, 3, 5 and several shapes', () => {
		const rng = createRng(11);
		for (const [b, h, cin, cout, k] of [
			[2, 28, 1, 3, 5],
			[3, 14, 4, 6, 3],
			[1, 9, 2, 5, 5],
			[4, 7, 3, 2, 1]
		]) {
			const x = tf.tensor4d(Float32Array.from({ length: b * h * h * cin }, () => rng.normal()), [b, h, h, cin]);
			const dy = tf.tensor4d(Float32Array.from({ length: b * h * h * cout }, () => rng.normal()), [b, h, h, cout]);
			const [trick, kernel] = tf.tidy(() => [filterGradByConv(x, dy, k), filterGradByKernel(x, dy, k)]);
			expect(trick.shape).toEqual([k, k, cin, cout]);
			expect(relErr(trick.dataSync(), kernel.dataSync()), `${[b, h, cin, cout, k]}`).toBeLessThan(1e-5);
			[x, dy, trick, kernel].forEach((t) => t.dispose());
		}
	});

	it('the cpu backend has the kernel (so the trick is forced there for this comparison)', () => {
		expect(hasFilterGradKernel('cpu')).toBe(true);
	});
});
