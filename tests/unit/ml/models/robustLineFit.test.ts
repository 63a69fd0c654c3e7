import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeLinePoints, makeOutliers, type Point } from '$lib/ml/data/line1d';
import { createLineFit, FIT_MODELS, stepScales, type LineFit, type LineFitStats } from '$lib/ml/models/robustLineFit';
import { traceEngine, useCpuBackend } from '../helpers';
import { lineLoss, referenceFit } from './lineFitRef';

useCpuBackend();

function read(fit: LineFit, record = false): LineFitStats {
	const t = record ? fit.step(true) : fit.inspect();
	if (!t) throw new Error('no stats');
	const values = t.dataSync() as Float32Array;
	t.dispose();
	return fit.decode(values);
}

function train(fit: LineFit, steps: number): LineFitStats {
	for (let i = 0; i < steps; i++) fit.step(false);
	return read(fit);
}

/** Fits the points with the three losses and returns the lines after `steps` steps. */
function fitted(points: readonly Point[], steps = 300, delta = 1): LineFitStats {
	const fit = createLineFit({ points, delta, lr: 0.5 });
	try {
		return train(fit, steps);
	} finally {
		fit.dispose();
	}
}

const MSE = FIT_MODELS.indexOf('mse');
const MAE = FIT_MODELS.indexOf('mae');
const HUBER = FIT_MODELS.indexOf('huber');

describe('createLineFit', () => {
	it('fits three models on one leading axis, in FIT_MODELS order, starting flat at the mean', () => {
		expect([...FIT_MODELS]).toEqual(['mse', 'mae', 'huber']);
		const points = makeLinePoints({ seed: 1 });
		const fit = createLineFit({ points, delta: 1, lr: 0.5 });
		expect(fit.size).toBe(30);
		const s = read(fit);
		const meanY = points.reduce((a, p) => a + p.y, 0) / points.length;
		for (let m = 0; m < 3; m++) {
			expect(s.slopes[m]).toBeCloseTo(0, 6);
			expect(s.intercepts[m]).toBeCloseTo(meanY, 4);
		}
		expect(s.loss).toBe(s.losses[MSE]);
		expect(s.diverged).toBe(false);
		expect(fit.step(false)).toBeNull();
		expect(fit.steps).toBe(1);
		expect(() => fit.decode(new Float32Array(2))).toThrow();
		fit.dispose();
		expect(() => fit.step(false)).toThrow();
		expect(() => createLineFit({ points: [], delta: 1, lr: 0.5 })).toThrow();
	});

	it('scales each step: ½ for MSE, 1 for MAE, 1/min(1, δ) for Huber', () => {
		expect(stepScales(0.1)).toEqual([0.5, 1, 10]);
		expect(stepScales(4)).toEqual([0.5, 1, 1]);
	});

	it("converges within 300 steps to each loss's own minimiser (float64 reference), with and without outliers", () => {
		for (const seed of [1, 2]) {
			const clean = makeLinePoints({ seed });
			for (const points of [clean, [...clean, ...makeOutliers(3, seed)]]) {
				const s = fitted(points);
				for (const [m, name] of FIT_MODELS.entries()) {
					const ref = referenceFit(name, points, 1);
					const refLoss = lineLoss(name, ref, points, 1);
					// the loss reached is the minimum (to float32 accuracy), and the line is the minimiser
					expect(s.losses[m], `${name} loss, seed ${seed}`).toBeLessThan(refLoss * 1.002 + 1e-5);
					expect(s.losses[m]).toBeGreaterThan(refLoss * 0.998 - 1e-5);
					expect(Math.abs(s.slopes[m] - ref.a), `${name} slope`).toBeLessThan(name === 'mae' ? 0.01 : 1e-3);
					expect(Math.abs(s.intercepts[m] - ref.b), `${name} intercept`).toBeLessThan(name === 'mae' ? 0.06 : 5e-3);
				}
			}
		}
	});

	it('MUST SHOW: adding outliers moves the MSE slope far more than the Huber slope (and MAE the least)', () => {
		const ratios: number[] = [];
		for (const seed of [1, 2, 3, 4, 5]) {
			const clean = makeLinePoints({ seed });
			const before = fitted(clean);
			const after = fitted([...clean, ...makeOutliers(3, seed)]);
			const moved = (m: number) => Math.abs(after.slopes[m] - before.slopes[m]);
			ratios.push(moved(MSE) / moved(HUBER));
			expect(moved(MSE), `seed ${seed}`).toBeGreaterThan(0.15);
			expect(moved(HUBER)).toBeLessThan(0.1);
			expect(moved(MAE)).toBeLessThan(moved(MSE) / 3);
			// the clean fits agree with each other and with the true slope 0.6
			for (let m = 0; m < 3; m++) expect(Math.abs(before.slopes[m] - 0.6)).toBeLessThan(0.1);
		}
		for (const r of ratios) expect(r).toBeGreaterThan(3);
	});

	it('new points keep the current lines (warm start), then the fit moves to the new minimiser', () => {
		const clean = makeLinePoints({ seed: 7 });
		const fit = createLineFit({ points: clean, delta: 1, lr: 0.5 });
		const settled = train(fit, 300);
		const points = [...clean, ...makeOutliers(4, 7), { x: 1, y: 9.5 }];
		fit.setPoints(points);
		expect(fit.size).toBe(35);
		const same = read(fit);
		for (let m = 0; m < 3; m++) {
			expect(same.slopes[m]).toBeCloseTo(settled.slopes[m], 4);
			expect(same.intercepts[m]).toBeCloseTo(settled.intercepts[m], 3);
		}
		const after = train(fit, 300);
		const ref = referenceFit('mse', points);
		expect(after.slopes[MSE]).toBeCloseTo(ref.a, 3);
		expect(after.intercepts[MSE]).toBeCloseTo(ref.b, 2);
		expect(() => fit.setPoints([])).toThrow();
		fit.dispose();
	});

	it('δ steers Huber between MAE (small δ) and MSE (large δ), live through configure', () => {
		const points = [...makeLinePoints({ seed: 2 }), ...makeOutliers(3, 2)];
		const fit = createLineFit({ points, delta: 1, lr: 0.5 });
		fit.configure({ delta: 100 });
		const wide = train(fit, 300);
		expect(wide.slopes[HUBER]).toBeCloseTo(referenceFit('mse', points).a, 3);
		fit.configure({ delta: 0.02, lr: 0.5, ignored: 'x' });
		fit.setPoints(points);
		const narrow = train(fit, 600);
		const mae = referenceFit('mae', points).a;
		expect(Math.abs(narrow.slopes[HUBER] - mae)).toBeLessThan(0.03);
		fit.configure({ delta: -1, lr: Number.NaN });
		fit.dispose();
	});

	it('reports divergence (finite flag) when the learning rate is far too high', () => {
		const fit = createLineFit({ points: makeLinePoints({ seed: 1 }), delta: 1, lr: 50, decaySteps: 1e9 });
		let s = read(fit);
		expect(s.diverged).toBe(false);
		for (let i = 0; i < 400 && !s.diverged; i++) s = read(fit, true);
		expect(s.diverged).toBe(true);
		fit.dispose();
	});

	it('leaks no tensor: steps, read-backs, new points, δ and lr changes, dispose', () => {
		const baseline = tf.memory().numTensors;
		const fit = createLineFit({ points: makeLinePoints({ seed: 1 }), delta: 1, lr: 0.5 });
		fit.step(false);
		const owned = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) fit.step(i % 5 === 0)?.dispose();
		fit.inspect().dispose();
		fit.configure({ delta: 2, lr: 0.3 });
		fit.setPoints([...makeLinePoints({ seed: 2 }), ...makeOutliers(2)]);
		for (let i = 0; i < 20; i++) fit.step(i % 5 === 0)?.dispose();
		expect(tf.memory().numTensors).toBe(owned);
		fit.dispose();
		fit.dispose();
		expect(tf.memory().numTensors).toBe(baseline);
	});

	it('a step uploads nothing (kept scalar tensors) and no kernel takes more than 7 inputs', async () => {
		const fit = createLineFit({ points: makeLinePoints({ seed: 1 }), delta: 1, lr: 0.5 });
		for (const record of [false, true]) {
			const trace = traceEngine(() => fit.step(record));
			trace.result?.dispose();
			expect(trace.uploads, `record=${record}`).toBe(0);
			const info = await tf.profile(() => fit.step(record) ?? tf.scalar(0));
			(info.result as tf.Tensor).dispose();
			const inputs = info.kernels.filter((k) => k.name !== 'Concat' && k.name !== 'Pack').map((k) => k.inputShapes.length);
			expect(Math.max(...inputs)).toBeLessThanOrEqual(7);
		}
		fit.dispose();
	});
});
