import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
	MARGIN_LOSSES,
	REGRESSION_LOSSES,
	huber,
	huberGrad,
	marginLoss,
	marginLossGrad,
	meanRegressionLoss,
	regressionLoss,
	regressionLossGrad,
	sampleFunction,
	softplus
} from '$lib/ml/functions/losses';
import {
	MAE_SHARPNESS,
	createRobustKit,
	meanRegressionLossGradTf,
	meanRegressionLossTf,
	robustGradTf,
	robustLossTf
} from '$lib/ml/functions/lossesTf';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const ERRORS = [-40, -7.5, -3, -1.2, -1, -0.7, -0.2, -1e-3, 1e-3, 0.05, 0.5, 0.999, 1, 1.5, 2.25, 6, 33];
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
const numDiff = (f: (x: number) => number, x: number, h = 1e-6) => (f(x + h) - f(x - h)) / (2 * h);

/** The formulas written out independently of the implementation. */
const FORMULA = {
	mse: (e: number) => e ** 2,
	mae: (e: number) => (e < 0 ? -e : e),
	huber: (e: number, d: number) => (Math.abs(e) <= d ? e ** 2 / 2 : d * Math.abs(e) - d ** 2 / 2)
};

describe('regression losses (float64)', () => {
	it('equal their formulas', () => {
		for (const d of [0.3, 1, 2.5])
			for (const e of ERRORS) {
				expect(regressionLoss('mse', e)).toBeCloseTo(FORMULA.mse(e), 12);
				expect(regressionLoss('mae', e)).toBeCloseTo(FORMULA.mae(e), 12);
				expect(regressionLoss('huber', e, d)).toBeCloseTo(FORMULA.huber(e, d), 12);
			}
	});

	it('have the derivatives 2e, sign(e), clip(e, −δ, δ), matching finite differences off the kinks', () => {
		for (const d of [0.3, 1, 2.5])
			for (const e of ERRORS) {
				expect(regressionLossGrad('mse', e)).toBeCloseTo(2 * e, 12);
				expect(regressionLossGrad('mae', e)).toBe(Math.sign(e));
				expect(regressionLossGrad('huber', e, d)).toBe(Math.max(-d, Math.min(d, e)));
				for (const name of REGRESSION_LOSSES) {
					if (Math.abs(Math.abs(e) - d) < 1e-5 && name === 'huber') continue;
					const fd = numDiff((v) => regressionLoss(name, v, d), e);
					expect(close(regressionLossGrad(name, e, d), fd, 1e-5), `${name}'(${e})`).toBe(true);
				}
			}
		expect(regressionLossGrad('mae', 0)).toBe(0);
	});

	it('Huber is continuous with a continuous slope at ±δ, and bounded in slope by δ', () => {
		for (const d of [0.2, 1, 3]) {
			expect(huber(d - 1e-9, d)).toBeCloseTo(huber(d + 1e-9, d), 7);
			expect(huberGrad(d - 1e-9, d)).toBeCloseTo(huberGrad(d + 1e-9, d), 8);
			for (const e of ERRORS) expect(Math.abs(huberGrad(e, d))).toBeLessThanOrEqual(d);
		}
	});

	it('Huber tends to ½·MSE as δ → ∞ and to δ·MAE (up to δ²/2) as δ → 0', () => {
		for (const e of ERRORS) {
			expect(huber(e, 1e6)).toBeCloseTo(0.5 * e * e, 9);
			const d = 1e-6;
			expect(huber(e, d) / d).toBeCloseTo(Math.abs(e) - d / 2, 6);
		}
	});

	it('grows quadratically (MSE), linearly (MAE, Huber beyond δ): a 10x error costs 100x vs 10x', () => {
		expect(regressionLoss('mse', 10) / regressionLoss('mse', 1)).toBeCloseTo(100, 12);
		expect(regressionLoss('mae', 10) / regressionLoss('mae', 1)).toBeCloseTo(10, 12);
		expect(regressionLoss('huber', 20, 1) / regressionLoss('huber', 2, 1)).toBeCloseTo(19.5 / 1.5, 12);
	});

	it('meanRegressionLoss averages the per-point losses', () => {
		expect(meanRegressionLoss('mse', [1, 2, 3], [1, 0, 0])).toBeCloseTo((0 + 4 + 9) / 3, 12);
		expect(meanRegressionLoss('mae', [1, 2, 3], [1, 0, 0])).toBeCloseTo(5 / 3, 12);
		expect(meanRegressionLoss('mae', [], [])).toBeNaN();
	});
});

describe('regression losses against tf.losses (cpu backend)', () => {
	const labels = [0, 1, 2, 3, -1.5, 4.2, 0.3, 10];
	const preds = [0.5, -1, 2.3, 7, -1.4, 1, 0.3, -2];

	it('tf versions equal tf.losses.meanSquaredError, absoluteDifference and huberLoss (delta = δ)', () => {
		tf.tidy(() => {
			const y = tf.tensor1d(labels);
			const p = tf.tensor1d(preds);
			const ours = (name: (typeof REGRESSION_LOSSES)[number], d = 1) => meanRegressionLossTf(name, p, y, d).dataSync()[0];
			expect(ours('mse')).toBeCloseTo(tf.losses.meanSquaredError(y, p).dataSync()[0], 4);
			expect(ours('mae')).toBeCloseTo(tf.losses.absoluteDifference(y, p).dataSync()[0], 4);
			for (const d of [0.5, 1, 2]) expect(ours('huber', d)).toBeCloseTo(tf.losses.huberLoss(y, p, undefined, d).dataSync()[0], 5);
			// the float64 versions agree too
			for (const name of REGRESSION_LOSSES) expect(meanRegressionLoss(name, preds, labels, 1)).toBeCloseTo(ours(name), 4);
		});
	});

	it('per-element values equal tf.losses with Reduction.NONE', () => {
		tf.tidy(() => {
			const y = tf.tensor1d(labels);
			const p = tf.tensor1d(preds);
			const d = 0.8;
			const kit = createRobustKit(REGRESSION_LOSSES, d);
			const rows = robustLossTf(tf.reshape(tf.sub(p, y), [1, -1]), kit).arraySync() as number[][];
			const none = tf.Reduction.NONE;
			const expected = [
				tf.losses.meanSquaredError(y, p, undefined, none),
				tf.losses.absoluteDifference(y, p, undefined, none),
				tf.losses.huberLoss(y, p, undefined, d, none)
			].map((t) => Array.from(t.dataSync()));
			rows.forEach((row, m) => row.forEach((v, i) => expect(v).toBeCloseTo(expected[m][i], 4)));
			kit.dispose();
		});
	});

	it('gradients equal tf.grad of tf.losses (MAE away from 0), and the float64 derivatives / N', () => {
		const n = preds.length;
		const y = tf.tensor1d(labels.map((v, i) => (v === preds[i] ? v + 0.5 : v)));
		const p = tf.tensor1d(preds);
		const refs = {
			mse: tf.grad((q: tf.Tensor) => tf.losses.meanSquaredError(y, q)),
			mae: tf.grad((q: tf.Tensor) => tf.losses.absoluteDifference(y, q)),
			huber: tf.grad((q: tf.Tensor) => tf.losses.huberLoss(y, q, undefined, 1.3))
		};
		for (const name of REGRESSION_LOSSES) {
			const ours = meanRegressionLossGradTf(name, p, y, 1.3);
			const ref = refs[name](p);
			const yv = y.dataSync();
			const ov = ours.dataSync();
			ref.dataSync().forEach((v, i) => {
				expect(ov[i]).toBeCloseTo(v, 5);
				expect(ov[i]).toBeCloseTo(regressionLossGrad(name, preds[i] - yv[i], 1.3) / n, 5);
			});
			ours.dispose();
			ref.dispose();
		}
		y.dispose();
		p.dispose();
	});

	it('MAE in the scaled-Huber form: sign(r) exactly for |r| ≥ 1e-6, |r| within 1e-6', () => {
		tf.tidy(() => {
			const kit = createRobustKit(['mae'], 1);
			const r = tf.tensor2d([[-5, -1e-6, 1e-6, 3e-4, 7, 123.25]]);
			const psi = robustGradTf(r, kit).dataSync();
			expect(Array.from(psi)).toEqual([-1, -1, 1, 1, 1, 1]);
			const rho = robustLossTf(r, kit).dataSync();
			r.dataSync().forEach((v, i) => expect(Math.abs(rho[i] - Math.abs(v))).toBeLessThan(2 / MAE_SHARPNESS));
			kit.dispose();
		});
	});

	it('documents tf.losses reductions: default SUM_BY_NONZERO_WEIGHTS divides by the count of non-zero weights, MEAN by their sum', () => {
		tf.tidy(() => {
			const y = tf.tensor1d([0, 1, 2, 3]);
			const p = tf.tensor1d([0.5, -1, 2.3, 7]);
			const sq = [0.25, 4, 0.09, 16];
			const w = tf.tensor1d([2, 0, 1, 0]);
			expect(tf.losses.meanSquaredError(y, p).dataSync()[0]).toBeCloseTo(sq.reduce((a, b) => a + b) / 4, 5);
			expect(tf.losses.meanSquaredError(y, p, w).dataSync()[0]).toBeCloseTo((2 * 0.25 + 0.09) / 2, 5);
			expect(tf.losses.meanSquaredError(y, p, w, tf.Reduction.MEAN).dataSync()[0]).toBeCloseTo((2 * 0.25 + 0.09) / 3, 5);
			expect(tf.losses.meanSquaredError(y, p, undefined, tf.Reduction.SUM).dataSync()[0]).toBeCloseTo(20.34, 4);
			// huberLoss's delta is the threshold δ of ½e² / δ(|e| − ½δ); default 1
			expect(tf.losses.huberLoss(y, p, undefined, undefined, tf.Reduction.NONE).dataSync()[3]).toBeCloseTo(huber(4, 1), 6);
		});
	});

	it('changing δ on a kit moves only Huber, uploads nothing inside the loss ops', () => {
		const kit = createRobustKit(REGRESSION_LOSSES, 1);
		const r = tf.tensor2d([[3]]);
		const at = () => tf.tidy(() => Array.from(robustGradTf(tf.tile(r, [3, 1]), kit).dataSync()));
		expect(at()).toEqual([6, 1, 1]);
		kit.setDelta(2.5);
		expect(at()).toEqual([6, 1, 2.5]);
		kit.setDelta(-1);
		kit.setDelta(Number.NaN);
		expect(at()).toEqual([6, 1, 2.5]);
		const trace = traceEngine(() => tf.tidy(() => robustLossTf(robustGradTf(r, kit), kit).dataSync()));
		expect(trace.uploads).toBe(0);
		r.dispose();
		const before = tf.memory().numTensors;
		kit.dispose();
		kit.dispose();
		expect(tf.memory().numTensors).toBe(before - 4);
	});
});

describe('margin losses', () => {
	const MARGINS = [-6, -2, -0.5, -1e-3, 0.2, 0.99, 1.01, 1.5, 4, 30];

	it('equal 0–1, max(0, 1 − m) and log(1 + e^{−m}); logistic never overflows', () => {
		for (const m of MARGINS) {
			expect(marginLoss('zeroOne', m)).toBe(m <= 0 ? 1 : 0);
			expect(marginLoss('hinge', m)).toBeCloseTo(Math.max(0, 1 - m), 12);
			expect(marginLoss('logistic', m)).toBeCloseTo(Math.log(1 + Math.exp(-m)), 12);
		}
		expect(marginLoss('logistic', -1000)).toBeCloseTo(1000, 9);
		expect(marginLoss('logistic', 1000)).toBe(0);
		expect(softplus(800)).toBe(800);
	});

	it('derivatives match finite differences; hinge is exactly 0 once the margin reaches 1', () => {
		for (const name of MARGIN_LOSSES)
			for (const m of MARGINS) {
				if (name === 'zeroOne' || (name === 'hinge' && Math.abs(m - 1) < 1e-4)) continue;
				expect(close(marginLossGrad(name, m), numDiff((v) => marginLoss(name, v), m), 1e-5), `${name}'(${m})`).toBe(true);
			}
		expect(marginLossGrad('hinge', 1)).toBe(0);
		expect(marginLossGrad('hinge', 0.999)).toBe(-1);
		expect(marginLossGrad('logistic', 30)).toBeLessThan(0);
	});

	it('hinge equals tf.losses.hingeLoss (labels 0/1 are mapped to −1/+1 there)', () => {
		tf.tidy(() => {
			const labels01 = [1, 0, 1, 0, 1];
			const scores = [0.3, 0.5, 2, -3, -0.2];
			const ref = tf.losses.hingeLoss(tf.tensor1d(labels01), tf.tensor1d(scores), undefined, tf.Reduction.NONE).dataSync();
			scores.forEach((s, i) => expect(ref[i]).toBeCloseTo(marginLoss('hinge', (2 * labels01[i] - 1) * s), 6));
		});
	});

	it('logistic on the margin is binary cross-entropy on the logit (tf.losses.sigmoidCrossEntropy)', () => {
		tf.tidy(() => {
			const labels01 = [1, 0, 1, 0];
			const logits = [2, 2, -3, -0.4];
			const ref = tf.losses.sigmoidCrossEntropy(tf.tensor1d(labels01), tf.tensor1d(logits), undefined, 0, tf.Reduction.NONE).dataSync();
			logits.forEach((z, i) => expect(ref[i]).toBeCloseTo(marginLoss('logistic', (2 * labels01[i] - 1) * z), 5));
		});
	});
});

describe('sampleFunction', () => {
	it('samples n evenly spaced points with values and derivatives', () => {
		const c = sampleFunction((x) => x * x, (x) => 2 * x, -2, 2, 5);
		expect(Array.from(c.x)).toEqual([-2, -1, 0, 1, 2]);
		expect(Array.from(c.y)).toEqual([4, 1, 0, 1, 4]);
		expect(Array.from(c.dy)).toEqual([-4, -2, 0, 2, 4]);
		expect(sampleFunction(Math.abs, Math.sign, 0, 1, 1).x.length).toBe(2);
	});
});
