import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { activation, activationDerivative, ACTIVATION_NAMES, sigmoid } from '$lib/ml/functions/activations';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { decodeTrace, traceLayout, traceSampleSync, traceSampleTensor, type SampleTrace } from '$lib/ml/probe/sampleTrace';
import { traceEngine, useCpuBackend } from '../helpers';
import { finiteDiff64, forward64, loss64, type Mlp64 } from './mlp64';

useCpuBackend();

/** The traced network as float64 arrays (the very float32 weights the probe used). */
function net64(t: SampleTrace, act: Mlp64['act'], alpha?: number): Mlp64 {
	return { sizes: t.layerSizes, W: t.W.map((w) => Float64Array.from(w)), b: t.b.map((b) => Float64Array.from(b)), act, alpha };
}

const NETS: { hidden: number[]; act: Mlp64['act']; seed: number }[] = [
	{ hidden: [], act: 'tanh', seed: 1 },
	{ hidden: [4], act: 'tanh', seed: 2 },
	{ hidden: [3, 5], act: 'sigmoid', seed: 3 },
	{ hidden: [8, 1, 6], act: 'gelu', seed: 4 },
	{ hidden: [5, 5, 5, 5], act: 'elu', seed: 5 },
	{ hidden: [6, 2], act: 'leakyRelu', seed: 6 },
	{ hidden: [8, 8], act: 'relu', seed: 7 }
];

describe('traceSample: gradients equal finite differences', () => {
	it('every dL/dW and dL/db of a sample matches a central finite difference of an independent float64 pass (1e-3 relative)', () => {
		let checked = 0;
		for (const { hidden, act, seed } of NETS) {
			const mlp = createDeepMlp({ hidden, act, alpha: 0.1, init: 'xavier', seed });
			// Biases start at 0; give them values so their gradients are tested in general position.
			mlp.biases.forEach((b, l) => tf.tidy(() => b.assign(tf.randomNormal(b.shape, 0, 0.3, 'float32', seed + l))));
			for (const [x, y] of [[[0.4, -0.7], 1], [[-0.9, 0.2], 0]] as const) {
				const t = traceSampleSync(mlp, x, y);
				const net = net64(t, act, 0.1);
				// Stay off ReLU kinks (a finite difference across one is not a derivative).
				const zs = forward64(net, x);
				expect(zs.slice(0, -1).every((z) => z.every((v) => Math.abs(v) > 1e-4))).toBe(true);
				for (let l = 0; l < t.W.length; l++) {
					for (const [kind, grads] of [['W', t.dW[l]], ['b', t.db[l]]] as const) {
						grads.forEach((g, i) => {
							const fd = finiteDiff64(net, x, y, kind, l, i);
							expect(Math.abs(g - fd), `${act} ${hidden} ${kind}${l}[${i}] ${g} vs ${fd}`).toBeLessThanOrEqual(1e-3 * Math.abs(fd) + 1e-7);
							checked++;
						});
					}
				}
			}
			mlp.dispose();
		}
		expect(checked).toBeGreaterThan(500);
	});
});

describe('traceSample: the forward and backward numbers', () => {
	it('holds z, a, the prediction, the loss and the deltas of the textbook formulas', () => {
		for (const act of ACTIVATION_NAMES) {
			const mlp = createDeepMlp({ hidden: [3, 2], act, alpha: 0.2, init: 'normal', seed: 9 });
			const x = [0.3, -0.5];
			const t = traceSampleSync(mlp, x, 1);
			const net = net64(t, act, 0.2);
			const zs = forward64(net, x);
			expect(t.layerSizes).toEqual([2, 3, 2, 1]);
			expect(Array.from(t.x)).toEqual([Math.fround(0.3), Math.fround(-0.5)]);
			expect(t.y).toBe(1);
			zs.forEach((z, l) => z.forEach((v, j) => expect(t.z[l][j]).toBeCloseTo(v, 5)));
			for (let l = 0; l < 2; l++) t.z[l].forEach((z, j) => expect(t.a[l][j]).toBeCloseTo(activation(act, z, { alpha: 0.2 }), 5));
			expect(t.logit).toBeCloseTo(zs[2][0], 5);
			expect(t.p).toBeCloseTo(sigmoid(t.logit), 6);
			expect(t.a[2][0]).toBeCloseTo(t.p, 6);
			expect(t.loss).toBeCloseTo(loss64(net, x, 1), 5);
			// delta_out = p - y; delta_l = (W_{l+1} delta_{l+1}) * f'(z_l); dW = a_{l-1} delta_l^T; db = delta_l.
			expect(t.delta[2][0]).toBeCloseTo(t.p - 1, 6);
			for (let l = 1; l >= 0; l--) {
				const out = t.layerSizes[l + 2];
				t.delta[l].forEach((d, i) => {
					let back = 0;
					for (let j = 0; j < out; j++) back += t.W[l + 1][i * out + j] * t.delta[l + 1][j];
					expect(d).toBeCloseTo(back * activationDerivative(act, t.z[l][i], { alpha: 0.2 }), 5);
				});
			}
			for (let l = 0; l < 3; l++) {
				const input = l === 0 ? t.x : t.a[l - 1];
				const out = t.layerSizes[l + 1];
				input.forEach((a, i) => t.delta[l].forEach((d, j) => expect(t.dW[l][i * out + j]).toBeCloseTo(a * d, 6)));
				t.delta[l].forEach((d, j) => expect(t.db[l][j]).toBeCloseTo(d, 6));
			}
			mlp.dispose();
		}
	});

	it('works without hidden layers (logistic regression)', () => {
		const mlp = createDeepMlp({ hidden: [], act: 'relu', init: 'xavier', seed: 2 });
		const t = traceSampleSync(mlp, [1, 2], 0);
		expect(t.layerSizes).toEqual([2, 1]);
		expect(t.z.length).toBe(1);
		expect(t.dW[0][0]).toBeCloseTo(t.p * 1, 6);
		expect(t.dW[0][1]).toBeCloseTo(t.p * 2, 6);
		mlp.dispose();
	});

	it('has the documented layout, rejects a wrong length, uploads nothing and leaks nothing', () => {
		const mlp = createDeepMlp({ hidden: [4, 3], act: 'tanh', init: 'xavier', seed: 1 });
		const layout = traceLayout(mlp.layerSizes);
		// x (2), y, logit, p, loss + per layer: z, a, delta, b, db (out each) and W, dW (in x out each)
		expect(layout.length).toBe(2 + 4 + (5 * 4 + 2 * 2 * 4) + (5 * 3 + 2 * 4 * 3) + (5 * 1 + 2 * 3 * 1));
		expect(() => decodeTrace(new Float32Array(3), mlp.layerSizes)).toThrow();
		const x = tf.tensor2d([[0.1, 0.2]]);
		const y = tf.tensor2d([[1]]);
		const one = tf.scalar(1);
		const before = tf.memory().numTensors;
		const trace = traceEngine(() => tf.tidy(() => traceSampleTensor(mlp, x, y, one)));
		expect(trace.uploads).toBe(0);
		expect(trace.result.shape).toEqual([layout.length]);
		trace.result.dispose();
		for (let i = 0; i < 20; i++) traceSampleSync(mlp, [0.3, 0.1], 0);
		expect(tf.memory().numTensors).toBe(before);
		for (const t of [x, y, one]) t.dispose();
		mlp.dispose();
	});
});
