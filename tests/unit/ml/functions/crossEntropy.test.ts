import * as tf from '@tensorflow/tfjs-core';
import { metrics as tfMetrics } from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import {
	bce,
	bceGradProb,
	bceWithLogits,
	bceWithLogitsGrad,
	crossEntropyOf,
	crossEntropyOfTrueLogit,
	crossEntropyOfTrueLogitGrad,
	entropyOf,
	focal,
	focalGrad,
	klDivergence,
	sigmoidHalfSquaredError,
	sigmoidHalfSquaredErrorGrad,
	softmaxCrossEntropy,
	softmaxCrossEntropyGrad
} from '$lib/ml/functions/crossEntropy';
import {
	bceWithLogitsGradTf,
	bceWithLogitsTf,
	softmaxCrossEntropyGradTf,
	softmaxCrossEntropyTf
} from '$lib/ml/functions/lossesTf';
import { useCpuBackend } from '../helpers';

useCpuBackend();

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const numDiff = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
const PROBS = [1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999];
const LOGITS = [-30, -10, -4, -1, -0.1, 0, 0.3, 2, 8, 30];

describe('binary cross-entropy', () => {
	it('on a probability equals −[y log p + (1 − y) log(1 − p)], with its derivative (p − y)/(p(1 − p))', () => {
		for (const y of [0, 1, 0.3])
			for (const p of PROBS) {
				expect(bce(p, y)).toBeCloseTo(-(y * Math.log(p) + (1 - y) * Math.log(1 - p)), 10);
				expect(close(bceGradProb(p, y), (p - y) / (p * (1 - p)), 1e-9)).toBe(true);
				expect(close(bceGradProb(p, y), numDiff((q) => bce(q, y), p, 1e-9 * Math.min(p, 1 - p) + 1e-12), 1e-4)).toBe(true);
			}
		expect(bce(0, 1)).toBe(Infinity);
		expect(bce(1, 1)).toBe(0);
		expect(bce(0, 0)).toBe(0);
		expect(bceGradProb(0.5, 1)).toBe(-2);
	});

	it('matches tf.losses.logLoss (which clips p by ε = 1e-7) and tfMetrics.binaryCrossentropy', () => {
		tf.tidy(() => {
			const ys = [1, 0, 1, 0, 1];
			const ps = [0.9, 0.2, 0.35, 0.999, 0.01];
			const log = tf.losses.logLoss(tf.tensor1d(ys), tf.tensor1d(ps), undefined, undefined, tf.Reduction.NONE).dataSync();
			ps.forEach((p, i) => expect(log[i]).toBeCloseTo(bce(p, ys[i]), 3));
			const metric = tfMetrics.binaryCrossentropy(tf.tensor1d(ys), tf.tensor1d(ps)).dataSync()[0];
			expect(metric).toBeCloseTo(ps.reduce((s, p, i) => s + bce(p, ys[i]), 0) / ps.length, 4);
		});
	});

	it('on a logit equals bce(σ(z), y), matches tf.losses.sigmoidCrossEntropy, and never overflows', () => {
		tf.tidy(() => {
			const ys = LOGITS.map((_, i) => i % 2);
			const ref = tf.losses.sigmoidCrossEntropy(tf.tensor1d(ys), tf.tensor1d(LOGITS), undefined, 0, tf.Reduction.NONE).dataSync();
			const ours = bceWithLogitsTf(tf.tensor1d(LOGITS), tf.tensor1d(ys)).dataSync();
			LOGITS.forEach((z, i) => {
				expect(ref[i]).toBeCloseTo(bceWithLogits(z, ys[i]), 4);
				expect(ours[i]).toBeCloseTo(bceWithLogits(z, ys[i]), 4);
				if (Math.abs(z) < 15) expect(bceWithLogits(z, ys[i])).toBeCloseTo(bce(sig(z), ys[i]), 9);
			});
		});
		expect(bceWithLogits(-1000, 1)).toBeCloseTo(1000, 9);
		expect(bceWithLogits(1000, 1)).toBe(0);
	});

	it('its logit gradient is σ(z) − y: tf.grad of sigmoidCrossEntropy and finite differences agree', () => {
		const ys = LOGITS.map((_, i) => i % 2);
		const y = tf.tensor1d(ys);
		const z = tf.tensor1d(LOGITS);
		const ref = tf.grad((t: tf.Tensor) => tf.losses.sigmoidCrossEntropy(y, t, undefined, 0, tf.Reduction.SUM))(z);
		const ours = bceWithLogitsGradTf(z, y);
		const r = ref.dataSync();
		const o = ours.dataSync();
		LOGITS.forEach((v, i) => {
			expect(r[i]).toBeCloseTo(bceWithLogitsGrad(v, ys[i]), 5);
			expect(o[i]).toBeCloseTo(bceWithLogitsGrad(v, ys[i]), 5);
			expect(bceWithLogitsGrad(v, ys[i])).toBeCloseTo(numDiff((t) => bceWithLogits(t, ys[i]), v), 6);
		});
		for (const t of [y, z, ref, ours]) t.dispose();
	});
});

describe('squared error on a sigmoid output vs BCE at saturation', () => {
	it('d/dz ½(σ(z) − y)² = (p − y)·p(1 − p) = BCE gradient × σ′(z)', () => {
		for (const y of [0, 1])
			for (const z of LOGITS) {
				const p = sig(z);
				expect(sigmoidHalfSquaredErrorGrad(z, y)).toBeCloseTo((p - y) * p * (1 - p), 12);
				expect(sigmoidHalfSquaredErrorGrad(z, y)).toBeCloseTo(bceWithLogitsGrad(z, y) * p * (1 - p), 12);
				expect(sigmoidHalfSquaredErrorGrad(z, y)).toBeCloseTo(numDiff((t) => sigmoidHalfSquaredError(t, y), z), 7);
			}
	});

	it('confidently wrong (target 1, z = −10): MSE gradient is below 1e-4, BCE gradient stays near −1', () => {
		expect(Math.abs(sigmoidHalfSquaredErrorGrad(-10, 1))).toBeLessThan(1e-4);
		expect(bceWithLogitsGrad(-10, 1)).toBeLessThan(-0.9999);
		// the MSE gradient is largest (in size) at p = 1/3, z = −ln 2, where it is 4/27
		expect(sigmoidHalfSquaredErrorGrad(-Math.LN2, 1)).toBeCloseTo(-4 / 27, 12);
		for (const z of LOGITS) expect(Math.abs(sigmoidHalfSquaredErrorGrad(z, 1))).toBeLessThanOrEqual(4 / 27 + 1e-12);
		// the squared error itself is bounded by ½: a confident mistake costs little
		expect(sigmoidHalfSquaredError(-30, 1)).toBeCloseTo(0.5, 10);
		expect(bceWithLogits(-30, 1)).toBeCloseTo(30, 9);
	});
});

describe('softmax cross-entropy', () => {
	const rows = [
		[2, 1, 0, -1],
		[0, 0, 5, 0],
		[100, -100, 3, 0.5]
	];
	const targets = [0, 1, 3];

	it('equals −log softmax(z)_y, matches tf.losses.softmaxCrossEntropy, and its gradient is p − onehot', () => {
		const logits = tf.tensor2d(rows);
		const onehot = tf.cast(tf.oneHot(tf.tensor1d(targets, 'int32'), 4), 'float32') as tf.Tensor2D;
		const ref = tf.losses.softmaxCrossEntropy(onehot, logits, undefined, 0, tf.Reduction.NONE).dataSync();
		const ours = softmaxCrossEntropyTf(logits, onehot).dataSync();
		const refGrad = tf.grad((z: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, z, undefined, 0, tf.Reduction.SUM))(logits);
		const oursGrad = softmaxCrossEntropyGradTf(logits, onehot);
		const rg = refGrad.arraySync() as number[][];
		const og = oursGrad.arraySync() as number[][];
		rows.forEach((z, i) => {
			const m = Math.max(...z);
			const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
			expect(softmaxCrossEntropy(z, targets[i])).toBeCloseTo(lse - z[targets[i]], 10);
			expect(ref[i]).toBeCloseTo(softmaxCrossEntropy(z, targets[i]), 3);
			expect(ours[i]).toBeCloseTo(softmaxCrossEntropy(z, targets[i]), 3);
			const g = softmaxCrossEntropyGrad(z, targets[i]);
			g.forEach((v, k) => {
				expect(rg[i][k]).toBeCloseTo(v, 5);
				expect(og[i][k]).toBeCloseTo(v, 5);
				expect(Math.abs(v)).toBeLessThanOrEqual(1);
			});
			expect(g.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
		});
		for (const t of [logits, onehot, refGrad, oursGrad]) t.dispose();
	});

	it('as a function of the true logit with the others at 0: log(1 + (K − 1)e^{−z}), gradient p − 1', () => {
		for (const k of [2, 3, 10, 100])
			for (const z of LOGITS) {
				const logits = [z, ...Array(k - 1).fill(0)];
				expect(crossEntropyOfTrueLogit(z, k)).toBeCloseTo(softmaxCrossEntropy(logits, 0), 9);
				expect(crossEntropyOfTrueLogitGrad(z, k)).toBeCloseTo(softmaxCrossEntropyGrad(logits, 0)[0], 12);
				const g = crossEntropyOfTrueLogitGrad(z, k);
				expect(g).toBeLessThan(0);
				expect(g).toBeGreaterThanOrEqual(-1);
			}
		// at z = 0 every class is equally likely: the loss is log K
		expect(crossEntropyOfTrueLogit(0, 10)).toBeCloseTo(Math.log(10), 12);
		// K = 2 is binary cross-entropy on the logit
		for (const z of LOGITS) expect(crossEntropyOfTrueLogit(z, 2)).toBeCloseTo(bceWithLogits(z, 1), 12);
		expect(crossEntropyOfTrueLogit(3, 1)).toBe(0);
	});
});

describe('focal loss', () => {
	it('γ = 0 is BCE for y = 1; larger γ discounts easy examples far more than hard ones', () => {
		for (const p of PROBS) {
			expect(focal(p, 0)).toBeCloseTo(bce(p, 1), 12);
			expect(focalGrad(p, 0)).toBeCloseTo(bceGradProb(p, 1), 9);
			for (const g of [0.5, 1, 2, 5]) expect(close(focalGrad(p, g), numDiff((q) => focal(q, g), p, 1e-7 * p), 1e-4)).toBe(true);
		}
		// an easy example (p = 0.9) loses 99% of its loss at γ = 2, a hard one (p = 0.1) only 19%
		expect(focal(0.9, 2) / focal(0.9, 0)).toBeCloseTo(0.01, 12);
		expect(focal(0.1, 2) / focal(0.1, 0)).toBeCloseTo(0.81, 12);
		expect(focalGrad(1, 0.5)).toBeCloseTo(0, 12);
	});
});

describe('entropy and KL divergence', () => {
	const p = [0.5, 0.3, 0.2, 0];
	const q = [0.25, 0.25, 0.25, 0.25];

	it('H(p, q) = H(p) + KL(p ‖ q); KL ≥ 0, 0 only for q = p, not symmetric', () => {
		expect(crossEntropyOf(p, q)).toBeCloseTo(entropyOf(p) + klDivergence(p, q), 12);
		expect(klDivergence(p, q)).toBeGreaterThan(0);
		expect(klDivergence(p, p)).toBe(0);
		expect(klDivergence(q, p)).toBe(Infinity);
		const r = [0.1, 0.6, 0.3];
		const s = [0.3, 0.3, 0.4];
		expect(klDivergence(r, s)).not.toBeCloseTo(klDivergence(s, r), 3);
		expect(entropyOf(q)).toBeCloseTo(Math.log(4), 12);
	});

	it('with a one-hot target, cross-entropy is −log q_y and equals the KL divergence (H(y) = 0)', () => {
		const y = [0, 1, 0];
		const model = [0.2, 0.7, 0.1];
		expect(entropyOf(y)).toBe(0);
		expect(crossEntropyOf(y, model)).toBeCloseTo(-Math.log(0.7), 12);
		expect(klDivergence(y, model)).toBeCloseTo(-Math.log(0.7), 12);
	});
});
