import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createMlpPlayground } from '$lib/ml/models/mlpPlayground';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** tfjs's WebGPU backend splits these itself when they have too many inputs. */
const SPLIT_BY_TFJS = new Set(['Concat', 'Pack']);

/** The largest number of inputs any kernel (but Concat/Pack) took while `fn` ran. */
async function maxKernelInputs(fn: () => tf.Tensor | null): Promise<number> {
	const info = await tf.profile(() => fn() ?? tf.scalar(0));
	(info.result as tf.Tensor).dispose();
	return Math.max(...info.kernels.filter((k) => !SPLIT_BY_TFJS.has(k.name)).map((k) => k.inputShapes.length));
}

describe('WebGPU storage-buffer limit (playground)', () => {
	it('no kernel of a recorded step, minibatch step, focus step or inspect takes more than 7 inputs', async () => {
		const p = createMlpPlayground({ data: 'spiral', noise: 0.05, hidden: [8, 8, 8, 8], act: 'gelu', lr: 0.1, batch: 16, seed: 1 });
		try {
			expect(await maxKernelInputs(() => p.step(true))).toBeLessThanOrEqual(7);
			p.configure({ focus: 4 });
			expect(await maxKernelInputs(() => p.step(true))).toBeLessThanOrEqual(7);
			p.configure({ batch: 1000 });
			expect(await maxKernelInputs(() => p.step(true))).toBeLessThanOrEqual(7);
			expect(await maxKernelInputs(() => p.inspect())).toBeLessThanOrEqual(7);
		} finally {
			p.dispose();
		}
	});
});
