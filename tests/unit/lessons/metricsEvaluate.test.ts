import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { binaryReport, predictAt, rocCurve } from '$lib/ml/metrics/classification';
import { createLogisticCv } from '$lib/ml/models/logisticCv';
import { buildExperiment } from '$lessons/metrics/experiment';
import {
	classHistogram,
	constantScores,
	evaluate,
	foldResults,
	metricOf,
	operatingPoint,
	stepSeries
} from '$lessons/metrics/evaluate';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** Trains the lesson's models on the CPU until converged (or `maxSteps`); returns the last read-back. */
function train(pos: number, maxSteps = 3000) {
	const exp = buildExperiment({ pos, noise: 0.6, k: 5, strat: true, seed: 1 });
	const model = createLogisticCv({ train: exp.train, test: exp.test, foldOf: exp.foldOf, k: 5, lr: 4 });
	const first = model.inspect();
	let stats = model.decode(first.dataSync() as Float32Array);
	first.dispose();
	for (let s = 1; s <= maxSteps; s++) {
		const t = model.step(s % 50 === 0);
		if (!t) continue;
		stats = model.decode(t.dataSync() as Float32Array);
		t.dispose();
		if (stats.gradNorm < 1e-4) break;
	}
	model.dispose();
	return { exp, stats };
}

describe('the lesson on a trained model (must-show lines)', () => {
	it('95:5 with the majority-class baseline: accuracy 0.95, recall 0, at the ROC curve’s (0, 0) end', () => {
		const exp = buildExperiment({ pos: 5, noise: 0.6, k: 5, strat: true, seed: 3 });
		expect(exp.test.positives).toBe(100);
		const ev = evaluate(constantScores(exp.test.n, exp.train.positives / exp.train.n), exp.test.y);
		for (const t of [0, 0.5, 1]) {
			const op = operatingPoint(ev, t, true);
			expect(op.report.accuracy).toBe(0.95);
			expect(op.report.recall).toBe(0);
			expect([op.fpr, op.tpr, op.index]).toEqual([0, 0, 0]);
		}
		expect(ev.auc).toBe(0.5);
		expect(ev.ap).toBeCloseTo(0.05, 12);
	});

	it('moving the threshold moves the operating point along the drawn ROC curve, never retraining', () => {
		const { exp, stats } = train(20);
		const ev = evaluate(stats.testScores, exp.test.y);
		const roc = rocCurve(stats.testScores, exp.test.y);
		let prev = { fpr: 2, tpr: 2 };
		for (let t = 0; t <= 1.0001; t += 0.05) {
			const op = operatingPoint(ev, t);
			// The point is a vertex of the curve: the same pair at the same index.
			expect([op.fpr, op.tpr]).toEqual([roc.fpr[op.index], roc.tpr[op.index]]);
			expect(op.report).toEqual(binaryReport(predictAt(stats.testScores, t), exp.test.y));
			expect(op.fpr).toBeLessThanOrEqual(prev.fpr);
			expect(op.tpr).toBeLessThanOrEqual(prev.tpr);
			prev = op;
		}
		expect(ev.auc).toBeGreaterThan(0.9);
	});

	it('under imbalance the ROC AUC holds while average precision falls (50:50 against 99:1)', () => {
		const balanced = train(50);
		const rare = train(1);
		const b = evaluate(balanced.stats.testScores, balanced.exp.test.y);
		const r = evaluate(rare.stats.testScores, rare.exp.test.y);
		expect(Math.abs(b.auc - r.auc)).toBeLessThan(0.03);
		expect(b.ap).toBeGreaterThan(0.9);
		expect(r.ap).toBeLessThan(b.ap - 0.3);
		expect(r.prevalence).toBe(0.01);
	}, 120_000);
});

describe('evaluate helpers', () => {
	it('metricOf picks AUC, AP or a threshold metric', () => {
		const ev = evaluate([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
		const op = operatingPoint(ev, 0.5);
		expect(metricOf('auc', ev, op)).toBe(0.75);
		expect(metricOf('ap', ev, op)).toBeCloseTo(5 / 6, 12);
		expect(metricOf('recall', ev, op)).toBe(0.5);
		expect(metricOf('precision', ev, op)).toBe(1);
		expect(metricOf('accuracy', ev, op)).toBe(0.75);
	});

	it('classHistogram counts every score once per class, or shares that sum to 1', () => {
		const s = [0, 0.04, 0.5, 0.99, 1, 0.51];
		const y = [0, 0, 0, 1, 1, 1];
		const h = classHistogram(s, y, 10);
		expect(h.edges).toHaveLength(11);
		expect(h.negatives.reduce((a, b) => a + b)).toBe(3);
		expect(h.positives.reduce((a, b) => a + b)).toBe(3);
		expect(h.negatives[0]).toBe(2);
		expect(h.positives[9]).toBe(2); // 0.99 and 1.0 share the last bin
		const share = classHistogram(s, y, 10, 'share');
		expect(share.positives.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
		expect(share.negatives[5]).toBeCloseTo(1 / 3, 12);
	});

	it('stepSeries draws a histogram as a closed step line', () => {
		const { x, y } = stepSeries([0, 0.5, 1], [2, 3]);
		expect(Array.from(x)).toEqual([0, 0, 0.5, 0.5, 1, 1]);
		expect(Array.from(y)).toEqual([0, 2, 2, 3, 3, 0]);
	});

	it('foldResults scores each validation fold; a fold without positives has an undefined AUC', () => {
		const labels = [1, 0, 0, 0, 1, 0, 0, 0];
		const scores = [0.9, 0.2, 0.6, 0.1, 0.7, 0.3, 0.8, 0.4];
		const folds = [
			{ train: [4, 5, 6, 7], validation: [0, 1, 2, 3] },
			{ train: [0, 1, 2, 3], validation: [4, 5, 6, 7] },
			{ train: [0, 4], validation: [1, 2, 3, 5, 6, 7] }
		];
		const auc = foldResults(scores, labels, folds, 'auc', 0.5);
		expect(auc.map((f) => f.size)).toEqual([4, 4, 6]);
		expect(auc.map((f) => f.positives)).toEqual([1, 1, 0]);
		expect(auc[0].score).toBe(1); // 0.9 above 0.2, 0.6, 0.1
		expect(auc[1].score).toBeCloseTo(2 / 3, 12); // 0.7 above 0.3, 0.4, below 0.8
		expect(auc[2].score).toBeNaN();
		const recall = foldResults(scores, labels, folds, 'recall', 0.5);
		expect(recall.map((f) => f.score)).toEqual([1, 1, 0]);
		const majority = foldResults(scores, labels, folds, 'accuracy', 0.5, true);
		expect(majority.map((f) => f.score)).toEqual([0.75, 0.75, 1]);
	});
});
