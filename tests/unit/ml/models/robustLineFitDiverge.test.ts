import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeLinePoints, makeOutliers, type Point } from '$lib/ml/data/line1d';
import { createLineFit, DIVERGED_LINE_LOSS, FIT_MODELS, type LineFit, type LineFitStats } from '$lib/ml/models/robustLineFit';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** The lesson's points: 30 on the line (noise 0.5, seed 1) plus `out` seeded outliers. */
const lessonPoints = (out: number): Point[] => [...makeLinePoints({ n: 30, noise: 0.5, seed: 1 }), ...makeOutliers(out, 1)];

function record(fit: LineFit): LineFitStats {
	const t = fit.step(true)!;
	const s = fit.decode(t.dataSync() as Float32Array);
	t.dispose();
	return s;
}

/** Steps until diverged (recording every step) or `steps`; returns the last stats and the step. */
function run(points: Point[], lr: number, steps: number, delta = 1): { s: LineFitStats; step: number; maxLoss: number } {
	const fit = createLineFit({ points, delta, lr });
	let s = record(fit);
	let maxLoss = Math.max(...s.losses);
	let step = 1;
	for (; step < steps && !s.diverged; step++) {
		s = record(fit);
		maxLoss = Math.max(maxLoss, ...s.losses);
	}
	fit.dispose();
	return { s, step, maxLoss };
}

describe('L03 line fit at learning rate 10', () => {
	it('the MSE fit diverges within 5 steps (loss ×81 per step) and is the fit named; MAE and Huber stay bounded', () => {
		for (const out of [0, 10]) {
			const { s, step } = run(lessonPoints(out), 10, 50);
			expect(s.diverged, `out=${out}`).toBe(true);
			expect(step).toBeLessThanOrEqual(5);
			expect(s.divergedFits).toEqual(['mse']);
			expect(s.losses[FIT_MODELS.indexOf('mse')]).toBeGreaterThan(DIVERGED_LINE_LOSS);
			for (const name of ['mae', 'huber'] as const) expect(Math.abs(s.slopes[FIT_MODELS.indexOf(name)])).toBeLessThan(10);
		}
	});

	it('the default (0.5), the old cap (1) and 1.9 never trip the rule over 300 steps (the fits settle by then), whatever δ; 2.5 does', () => {
		for (const out of [0, 10])
			for (const lr of [0.5, 1, 1.9])
				for (const delta of [0.1, 10]) {
					const { s, maxLoss } = run(lessonPoints(out), lr, 300, delta);
					expect(s.diverged, `out=${out} lr=${lr} δ=${delta}`).toBe(false);
					// Far below the bound: the starting loss is the largest.
					expect(maxLoss).toBeLessThan(DIVERGED_LINE_LOSS / 100);
				}
		expect(run(lessonPoints(0), 2.5, 300).s.divergedFits).toEqual(['mse']);
	});

	it('detection adds no tensor: the diverged fit frees everything', () => {
		const before = tf.memory().numTensors;
		const fit = createLineFit({ points: lessonPoints(3), delta: 1, lr: 10 });
		const held = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) record(fit);
		expect(tf.memory().numTensors).toBe(held);
		expect(record(fit).diverged).toBe(true);
		fit.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});

	it('decode names each fit whose loss, finiteness or line breaks the rule', () => {
		const fit = createLineFit({ points: lessonPoints(0), delta: 1, lr: 0.5 });
		// layout: slopes [3], intercepts [3], losses [3], finite [3]
		const fine = [0.6, 0.6, 0.6, 2, 2, 2, 1, 1, 1, 1, 1, 1];
		const with_ = (i: number, v: number) => Float32Array.from(fine.map((x, j) => (j === i ? v : x)));
		expect(fit.decode(Float32Array.from(fine)).divergedFits).toEqual([]);
		expect(fit.decode(with_(6, DIVERGED_LINE_LOSS * 2)).divergedFits).toEqual(['mse']);
		expect(fit.decode(with_(7, NaN)).divergedFits).toEqual(['mae']);
		expect(fit.decode(with_(11, 0)).divergedFits).toEqual(['huber']);
		expect(fit.decode(with_(4, 2e9))).toMatchObject({ diverged: true, divergedFits: ['mae'] });
		fit.dispose();
	});
});
