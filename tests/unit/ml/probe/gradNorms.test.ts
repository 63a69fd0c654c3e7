import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activation, type ActivationName } from '$lib/ml/functions/activations';
import { createDepthExperiment } from '$lib/ml/models/depthExperiment';
import { edgeGradMagnitudes, layerGradNorms } from '$lib/ml/probe/gradNorms';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** Mean BCE of an MLP in plain float64 JS (independent of tfjs): weights row-major [in x out]. */
function referenceLoss(
	W: Float64Array[],
	b: Float64Array[],
	sizes: number[],
	x: Float32Array,
	y: Float32Array,
	act: ActivationName,
	alpha: number
): number {
	const n = y.length;
	let total = 0;
	for (let r = 0; r < n; r++) {
		let h = [x[2 * r], x[2 * r + 1]];
		for (let l = 0; l < W.length; l++) {
			const out = new Array<number>(sizes[l + 1]).fill(0);
			for (let j = 0; j < out.length; j++) {
				let z = b[l][j];
				for (let i = 0; i < h.length; i++) z += h[i] * W[l][i * out.length + j];
				out[j] = l === W.length - 1 ? z : activation(act, z, { alpha });
			}
			h = out;
		}
		const z = h[0];
		total += Math.max(z, 0) - z * y[r] + Math.log1p(Math.exp(-Math.abs(z)));
	}
	return total / n;
}

describe('layerGradNorms', () => {
	it('is the L2 norm of each gradient, and edge magnitudes are |g| row-major', () => {
		const [norms, edges] = tf.tidy(() => {
			const gs = [tf.tensor2d([3, 4], [1, 2]), tf.tensor2d([1, -2, 2, 0, 0, 0], [2, 3])];
			return [layerGradNorms(gs).dataSync(), edgeGradMagnitudes(gs).dataSync()];
		});
		expect(Array.from(norms)).toEqual([5, 3]);
		expect(Array.from(edges)).toEqual([3, 4, 1, 2, 2, 0, 0, 0]);
	});

	it('equals central finite differences of an independent float64 loss on a tiny net', async () => {
		const alpha = 0.2;
		for (const act of ACTIVATION_NAMES) {
			const exp = createDepthExperiment({ act, alpha, depth: 2, width: 3, init: 'normal', lr: 0.1, data: 'xor', seed: 2, n: 6 });
			const sizes = [...exp.layerSizes];
			const W = exp.mlp.weights.map((w) => Float64Array.from(w.dataSync()));
			const b = exp.mlp.biases.map((v) => Float64Array.from(v.dataSync()));
			const { x, y } = exp.dataset;
			const t = exp.inspect();
			const probe = exp.decode((await t.data()) as Float32Array);
			t.dispose();
			const h = 1e-6;
			const fdNorms = W.map((Wl, l) => {
				let sq = 0;
				for (let k = 0; k < Wl.length; k++) {
					const keep = Wl[k];
					Wl[k] = keep + h;
					const up = referenceLoss(W, b, sizes, x, y, act, alpha);
					Wl[k] = keep - h;
					const down = referenceLoss(W, b, sizes, x, y, act, alpha);
					Wl[k] = keep;
					const g = (up - down) / (2 * h);
					sq += g * g;
					expect(Math.abs(probe.edgeGrads[l][k] - Math.abs(g)), `${act} edge ${l}/${k}`).toBeLessThan(1e-3 * Math.abs(g) + 1e-6);
				}
				return Math.sqrt(sq);
			});
			expect(probe.gradNorms.length).toBe(3);
			fdNorms.forEach((v, l) => {
				expect(v, `${act} layer ${l + 1} norm`).toBeGreaterThan(1e-4);
				expect(Math.abs(probe.gradNorms[l] - v) / v, `${act} layer ${l + 1}`).toBeLessThan(1e-3);
			});
			expect(probe.loss).toBeCloseTo(referenceLoss(W, b, sizes, x, y, act, alpha), 5);
			exp.dispose();
		}
	});
});
