import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createDigitCnn } from '$lib/ml/models/digitCnn';
import { useCpuBackend } from '../helpers';
import { SMALL, syntheticDigits } from './digitFixtures';

useCpuBackend();

/** tfjs's WebGPU backend splits these itself when they have too many inputs. */
const SPLIT_BY_TFJS = new Set(['Concat', 'Pack']);

/** The largest number of inputs any kernel (but Concat/Pack) took while `fn` ran, and the kernel names. */
async function maxKernelInputs(fn: () => tf.Tensor | null): Promise<{ max: number; names: Set<string> }> {
	const info = await tf.profile(() => fn() ?? tf.scalar(0));
	(info.result as tf.Tensor).dispose();
	const kernels = info.kernels.filter((k) => !SPLIT_BY_TFJS.has(k.name));
	return { max: Math.max(...kernels.map((k) => k.inputShapes.length)), names: new Set(info.kernels.map((k) => k.name)) };
}

describe('WebGPU storage-buffer limit', () => {
	it('no kernel of a recorded step, inspect or probe pass takes more than 7 inputs (Concat and Pack aside), for both kernel forms', async () => {
		for (const [filterGrad, poolGrad] of [
			['kernel', 'kernel'],
			['conv', 'upsample']
		] as const) {
			const m = createDigitCnn({ ...SMALL, filters1: 16, filters2: 32 }, syntheticDigits(40), { filterGrad, poolGrad });
			const step = await maxKernelInputs(() => m.step(true));
			expect(step.max, filterGrad).toBeLessThanOrEqual(7);
			expect(step.names.has('Conv2DBackpropFilter')).toBe(filterGrad === 'kernel');
			expect(step.names.has('MaxPoolGrad')).toBe(poolGrad === 'kernel');
			expect((await maxKernelInputs(() => m.inspect())).max).toBeLessThanOrEqual(7);
			const probe = await maxKernelInputs(() => tf.tidy(() => m.forwardAll(tf.zeros([1, 28, 28, 1])).logits));
			expect(probe.max).toBeLessThanOrEqual(7);
			m.dispose();
		}
	});
});
