import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '$lib/ml/core/rng';
import {
	filterGradByConv,
	filterGradByKernel,
	hasFilterGradKernel,
	poolGradByKernel,
	poolGradByUpsample,
	poolUpsampleFilter,
	usesFilterGradKernel,
	usesPoolGradKernel
} from '$lib/ml/models/digitCnnKernels';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** Largest |a - b| relative to the largest |b|. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
	let diff = 0;
	let scale = 0;
	for (let i = 0; i < b.length; i++) {
		diff = Math.max(diff, Math.abs(a[i] - b[i]));
		scale = Math.max(scale, Math.abs(b[i]));
	}
	return diff / scale;
}

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

	it('auto picks the kernels on GPU backends, the conv trick where the kernel is missing (wasm) or slow (cpu)', () => {
		expect(hasFilterGradKernel('cpu')).toBe(true);
		expect(usesFilterGradKernel('auto', 'cpu')).toBe(false);
		expect(usesPoolGradKernel('auto', 'cpu')).toBe(false);
		expect(usesFilterGradKernel('kernel', 'cpu')).toBe(true);
		expect(usesPoolGradKernel('kernel', 'cpu')).toBe(true);
		expect(usesFilterGradKernel('conv', 'webgpu')).toBe(false);
		expect(usesPoolGradKernel('upsample', 'webgpu')).toBe(false);
	});
});

describe('pooling gradient by upsampling (the cpu path)', () => {
	it('equals MaxPoolGrad / AvgPoolGrad for pool 2 and 3, including the uncovered last row of 28 with pool 3', () => {
		const rng = createRng(5);
		for (const kind of ['max', 'avg'] as const)
			for (const [size, side, c] of [
				[2, 28, 3],
				[3, 28, 2],
				[2, 14, 5],
				[3, 9, 4]
			]) {
				const input = tf.tensor4d(Float32Array.from({ length: 2 * side * side * c }, () => rng.normal()), [2, side, side, c]);
				const output = kind === 'max' ? tf.maxPool(input, size, size, 'valid') : tf.avgPool(input, size, size, 'valid');
				const dy = tf.tensor4d(Float32Array.from({ length: output.size }, () => rng.normal()), output.shape);
				const filter = poolUpsampleFilter(c, size, kind);
				const [mine, ref] = tf.tidy(() => [poolGradByUpsample(dy, input, output, kind, size, filter), poolGradByKernel(dy, input, output, kind, size)]);
				expect(mine.shape).toEqual(input.shape);
				expect(relErr(mine.dataSync(), ref.dataSync()), `${kind} ${size} ${side}`).toBeLessThan(1e-6);
				[input, output, dy, filter, mine, ref].forEach((t) => t.dispose());
			}
	});
});
