import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatFlat, groupedKernels, MAX_KERNEL_INPUTS, sumTensors } from '$lib/ml/core/ops';
import { createDepthExperiment } from '$lib/ml/models/depthExperiment';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** tfjs's WebGPU backend splits these itself when they have too many inputs. */
const SPLIT_BY_TFJS = new Set(['Concat', 'Pack']);

/** The largest number of inputs any kernel (but Concat/Pack) took while `fn` ran. */
async function maxKernelInputs(fn: () => tf.Tensor | null): Promise<number> {
	const info = await tf.profile(() => fn() ?? tf.scalar(0));
	(info.result as tf.Tensor).dispose();
	return Math.max(...info.kernels.filter((k) => !SPLIT_BY_TFJS.has(k.name)).map((k) => k.inputShapes.length));
}

describe('sumTensors', () => {
	it('sums any number of tensors', async () => {
		for (const n of [1, 2, 6, 7, 11, 21, 40]) {
			const before = tf.memory().numTensors;
			const result = tf.tidy(() => sumTensors(Array.from({ length: n }, (_, i) => tf.scalar(i + 1))));
			expect((await result.data())[0]).toBe((n * (n + 1)) / 2);
			result.dispose();
			expect(tf.memory().numTensors).toBe(before);
		}
		expect(() => sumTensors([])).toThrow();
	});

	it('never gives one kernel more than MAX_KERNEL_INPUTS inputs', async () => {
		const parts = Array.from({ length: 40 }, (_, i) => tf.scalar(i));
		expect(await maxKernelInputs(() => tf.tidy(() => sumTensors(parts)))).toBeLessThanOrEqual(MAX_KERNEL_INPUTS);
		parts.forEach((p) => p.dispose());
	});
});

describe('concatFlat', () => {
	it('joins any number of tensors of any shapes into one flat tensor, in order, leaving nothing behind', async () => {
		for (const n of [1, 2, 6, 7, 13, 22, 40]) {
			const parts = Array.from({ length: n }, (_, i) => tf.fill(i % 2 ? [2, 3] : [i % 5 + 1], i));
			const expected = parts.flatMap((p) => Array.from(p.dataSync()));
			const before = tf.memory().numTensors;
			const flat = tf.tidy(() => concatFlat(parts));
			expect(flat.shape).toEqual([expected.length]);
			expect(Array.from(await flat.data())).toEqual(expected);
			flat.dispose();
			expect(tf.memory().numTensors).toBe(before);
			parts.forEach((p) => p.dispose());
		}
		expect(() => concatFlat([])).toThrow();
	});

	it('runs groupedKernels(n) concat kernels, none with more than MAX_KERNEL_INPUTS inputs', async () => {
		expect([1, 2, 6, 7, 12, 13, 22, 36, 37].map(groupedKernels)).toEqual([0, 1, 1, 2, 3, 3, 5, 7, 8]);
		for (const n of [2, 7, 13, 22, 40]) {
			const parts = Array.from({ length: n }, () => tf.ones([3]));
			const info = await tf.profile(() => concatFlat(parts));
			(info.result as tf.Tensor).dispose();
			const concats = info.kernels.filter((k) => k.name === 'Concat');
			expect(concats.length).toBe(groupedKernels(n));
			expect(Math.max(...concats.map((k) => k.inputShapes.length))).toBeLessThanOrEqual(MAX_KERNEL_INPUTS);
			parts.forEach((p) => p.dispose());
		}
	});
});

describe('WebGPU storage-buffer limit', () => {
	it('no kernel of a recorded depth-20 step takes more than 7 inputs (8 buffers with the output), Concat and Pack aside', async () => {
		const e = createDepthExperiment({ act: 'gelu', alpha: 0.1, depth: 20, width: 4, init: 'he', lr: 0.1, data: 'moons', seed: 1, n: 32 });
		try {
			expect(await maxKernelInputs(() => e.step(true))).toBeLessThanOrEqual(7);
			expect(await maxKernelInputs(() => e.inspect())).toBeLessThanOrEqual(7);
		} finally {
			e.dispose();
		}
	});
});
