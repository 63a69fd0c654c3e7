import { describe, expect, it } from 'vitest';
import {
	apFromCounts,
	aucFromCounts,
	averagePrecision,
	binaryReport,
	confusionMatrix,
	countsAt,
	curveCounts,
	pointIndex,
	prCurve,
	prFromCounts,
	predictAt,
	reportFromCounts,
	rocAuc,
	rocCurve,
	rocFromCounts
} from '$lib/ml/metrics/classification';
import { makeGaussianClasses } from '$lib/ml/data/gaussianClasses';
import { createRng } from '$lib/ml/core/rng';

const arr = (a: Float64Array) => Array.from(a);

/** Mann-Whitney AUC by brute force over every (positive, negative) pair, ties one half. */
function pairAuc(s: number[], y: number[]): number {
	let wins = 0;
	let pairs = 0;
	for (let i = 0; i < s.length; i++)
		for (let j = 0; j < s.length; j++)
			if (y[i] === 1 && y[j] === 0) {
				pairs++;
				wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
			}
	return wins / pairs;
}

describe('binaryReport and confusionMatrix', () => {
	// pred  1 1 0 0 1 0 1 0
	// truth 1 0 0 1 1 0 0 0
	//       TP FP TN FN TP TN FP TN  ->  TP 2, FP 2, TN 3, FN 1
	const pred = [1, 1, 0, 0, 1, 0, 1, 0];
	const truth = [1, 0, 0, 1, 1, 0, 0, 0];

	it('matches the hand count (scikit-learn accuracy/precision/recall/f1_score)', () => {
		const r = binaryReport(pred, truth);
		expect([r.tp, r.fp, r.tn, r.fn]).toEqual([2, 2, 3, 1]);
		expect(r.accuracy).toBe(5 / 8); // (2 + 3) / 8
		expect(r.precision).toBe(0.5); // 2 / (2 + 2)
		expect(r.recall).toBeCloseTo(2 / 3, 15); // 2 / (2 + 1)
		expect(r.specificity).toBe(0.6); // 3 / (3 + 2)
		expect(r.f1).toBeCloseTo(4 / 7, 15); // 2*2 / (2*2 + 2 + 1) = 2PR/(P+R) = (2/3)/(7/6)
		expect(r.f1).toBeCloseTo((2 * r.precision * r.recall) / (r.precision + r.recall), 15);
	});

	it('confusion matrix: rows are the truth, columns the prediction ([[TN, FP], [FN, TP]])', () => {
		expect(confusionMatrix(pred, truth)).toEqual([
			[3, 2],
			[1, 2]
		]);
		// scikit-learn's documented 3-class example
		expect(confusionMatrix([0, 0, 2, 2, 0, 2], [2, 0, 2, 2, 0, 1])).toEqual([
			[2, 0, 0],
			[0, 0, 1],
			[1, 0, 2]
		]);
		expect(confusionMatrix([0, 0], [0, 0])).toEqual([
			[2, 0],
			[0, 0]
		]);
		expect(confusionMatrix([0, 1], [1, 1], 3)).toEqual([
			[0, 0, 0],
			[1, 1, 0],
			[0, 0, 0]
		]);
	});

	it('gives 0 where a denominator is 0 (zero_division = 0)', () => {
		// Predict all negative on 3 negatives, 1 positive: nothing predicted positive.
		const r = binaryReport([0, 0, 0, 0], [0, 0, 0, 1]);
		expect(r).toMatchObject({ tp: 0, fp: 0, tn: 3, fn: 1, accuracy: 0.75, precision: 0, recall: 0, specificity: 1, f1: 0 });
		// No positives at all, none predicted: recall and F1 have 0/0.
		expect(binaryReport([0, 0], [0, 0])).toMatchObject({ accuracy: 1, precision: 0, recall: 0, specificity: 1, f1: 0 });
		// No negatives at all: specificity has 0/0.
		expect(binaryReport([1, 1], [1, 1])).toMatchObject({ accuracy: 1, precision: 1, recall: 1, specificity: 0, f1: 1 });
	});

	it('the 95:5 majority-class classifier reaches 0.95 accuracy and 0 recall', () => {
		const data = makeGaussianClasses({ n: 2000, positiveShare: 0.05, spread: 0.6, seed: 3 });
		expect(data.positives).toBe(100);
		const majority = new Array(data.n).fill(0); // class 0 is the majority
		const r = binaryReport(majority, data.y);
		expect(r.accuracy).toBe(0.95);
		expect(r.recall).toBe(0);
		expect(r.precision).toBe(0);
		expect(r.f1).toBe(0);
		expect(r.specificity).toBe(1);
	});

	it('rejects empty input, mismatched lengths and labels other than 0/1 with a clear error', () => {
		expect(() => binaryReport([], [])).toThrow(/empty input/);
		expect(() => confusionMatrix([], [])).toThrow(/empty input/);
		expect(() => binaryReport([1], [1, 0])).toThrow(/length mismatch/);
		expect(() => binaryReport([2], [1])).toThrow(/0 or 1/);
		expect(() => binaryReport([1], [0.5])).toThrow(/0 or 1/);
		expect(() => confusionMatrix([0, -1], [0, 1])).toThrow(/non-negative integers/);
		expect(() => confusionMatrix([0, 2], [0, 1], 2)).toThrow(/nClasses/);
	});
});

describe('ROC curve and AUC', () => {
	// scikit-learn's documented example: y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8].
	// Sorted high to low: 0.8 (1), 0.4 (0), 0.35 (1), 0.1 (0); P = N = 2.
	const y = [0, 0, 1, 1];
	const s = [0.1, 0.4, 0.35, 0.8];

	it('lists one point per distinct score after the (0, 0) start at threshold +Infinity', () => {
		const roc = rocCurve(s, y);
		expect(arr(roc.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
		expect(arr(roc.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
		expect(arr(roc.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
		expect(rocAuc(s, y)).toBe(0.75); // pairs (0.8>0.1, 0.8>0.4, 0.35>0.1, 0.35<0.4) -> 3/4
	});

	it('groups tied scores into one point and counts tied pairs one half (Mann-Whitney)', () => {
		// positives 0.9, 0.5, 0.5; negatives 0.9, 0.5, 0.1.
		// Pairs: 0.9 vs (0.9 tie .5, 0.5 win, 0.1 win) = 2.5; each 0.5 vs (lose, tie .5, win) = 1.5.
		// AUC = (2.5 + 1.5 + 1.5) / 9 = 11/18.
		const ty = [1, 0, 1, 0, 1, 0];
		const ts = [0.9, 0.9, 0.5, 0.5, 0.5, 0.1];
		const roc = rocCurve(ts, ty);
		expect(arr(roc.thresholds)).toEqual([Infinity, 0.9, 0.5, 0.1]);
		expect(arr(roc.fpr)).toEqual([0, 1 / 3, 2 / 3, 1]);
		expect(arr(roc.tpr)).toEqual([0, 1 / 3, 1, 1]);
		expect(rocAuc(ts, ty)).toBeCloseTo(11 / 18, 15);
		expect(rocAuc(ts, ty)).toBeCloseTo(pairAuc(ts, ty), 15);
	});

	it('all scores equal: the diagonal, AUC 0.5', () => {
		const roc = rocCurve([0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1, 1]);
		expect(arr(roc.fpr)).toEqual([0, 1]);
		expect(arr(roc.tpr)).toEqual([0, 1]);
		expect(rocAuc([0.5, 0.5, 0.5], [0, 1, 1])).toBe(0.5);
	});

	it('perfect, reversed and any order agree with the pair count', () => {
		expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
		expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
		const rng = createRng(5);
		for (let trial = 0; trial < 20; trial++) {
			const n = 2 + rng.int(0, 60);
			const ys = Array.from({ length: n }, (_, i) => (i < 1 ? 0 : i < 2 ? 1 : rng.next() < 0.3 ? 1 : 0));
			const ss = ys.map(() => Math.round(rng.next() * 10) / 10); // many ties
			expect(rocAuc(ss, ys)).toBeCloseTo(pairAuc(ss, ys), 12);
		}
	});

	it('one class only: the undefined rate is NaN and AUC is NaN (scikit-learn raises)', () => {
		const neg = rocCurve([0.2, 0.7], [0, 0]);
		expect(arr(neg.fpr)).toEqual([0, 0.5, 1]);
		expect(neg.tpr.every(Number.isNaN)).toBe(true);
		const pos = rocCurve([0.2, 0.7], [1, 1]);
		expect(pos.fpr.every(Number.isNaN)).toBe(true);
		expect(rocAuc([0.2, 0.7], [0, 0])).toBeNaN();
		expect(rocAuc([0.2, 0.7], [1, 1])).toBeNaN();
	});

	it('rejects empty input, NaN scores and bad labels with a clear error', () => {
		expect(() => rocCurve([], [])).toThrow(/rocCurve: empty input/);
		expect(() => rocAuc([], [])).toThrow(/rocAuc: empty input/);
		expect(() => rocAuc([NaN, 0.5], [0, 1])).toThrow(/finite/);
		expect(() => rocAuc([0.1, 0.5], [0, 2])).toThrow(/0 or 1/);
		expect(() => rocAuc([0.1], [0, 1])).toThrow(/length mismatch/);
	});
});

describe('precision-recall curve and average precision', () => {
	const y = [0, 0, 1, 1];
	const s = [0.1, 0.4, 0.35, 0.8];

	it('matches precision_recall_curve (reversed) and average_precision_score on the documented example', () => {
		// thresholds 0.8: TP 1 FP 0 -> P 1, R 0.5; 0.4: TP 1 FP 1 -> P 0.5, R 0.5;
		// 0.35: TP 2 FP 1 -> P 2/3, R 1; 0.1: TP 2 FP 2 -> P 0.5, R 1.
		const pr = prCurve(s, y);
		expect(arr(pr.thresholds)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
		expect(arr(pr.precision)).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
		expect(arr(pr.recall)).toEqual([0, 0.5, 0.5, 1, 1]);
		// AP = 0.5 * 1 + 0 * 0.5 + 0.5 * 2/3 + 0 * 0.5 = 5/6 (scikit-learn documents 0.83...)
		expect(averagePrecision(s, y)).toBeCloseTo(5 / 6, 15);
	});

	it('groups ties: AP = sum (R_n - R_{n-1}) P_n over distinct thresholds, no interpolation', () => {
		// Thresholds 0.9: TP 1 FP 1 -> P 1/2, R 1/3; 0.5: TP 3 FP 2 -> P 3/5, R 1; 0.1: P 1/2, R 1.
		// AP = 1/3 * 1/2 + 2/3 * 3/5 + 0 = 1/6 + 2/5 = 17/30 (an interpolated AP would use max precision).
		const ty = [1, 0, 1, 0, 1, 0];
		const ts = [0.9, 0.9, 0.5, 0.5, 0.5, 0.1];
		const pr = prCurve(ts, ty);
		expect(arr(pr.precision)).toEqual([1, 1 / 2, 3 / 5, 1 / 2]);
		expect(arr(pr.recall)).toEqual([0, 1 / 3, 1, 1]);
		expect(averagePrecision(ts, ty)).toBeCloseTo(17 / 30, 15);
		// Reversed ranking of [0, 0, 1, 1]: (0.5 - 0) * 1/3 + (1 - 0.5) * 1/2 = 5/12.
		expect(averagePrecision([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBeCloseTo(5 / 12, 15);
		expect(averagePrecision([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
	});

	it('all scores equal: AP is the share of positives; no positives: NaN; no negatives: 1', () => {
		expect(averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1, 1])).toBeCloseTo(0.6, 15);
		const pr = prCurve([0.5, 0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1, 1]);
		expect(arr(pr.precision)).toEqual([1, 0.6]);
		expect(arr(pr.recall)).toEqual([0, 1]);
		expect(averagePrecision([0.3, 0.6], [0, 0])).toBeNaN();
		expect(prCurve([0.3, 0.6], [0, 0]).recall.every(Number.isNaN)).toBe(true);
		expect(averagePrecision([0.3, 0.6], [1, 1])).toBe(1);
		expect(() => averagePrecision([], [])).toThrow(/averagePrecision: empty input/);
		expect(() => prCurve([], [])).toThrow(/prCurve: empty input/);
	});
});

describe('sorted counts: one sort per read-back serves every chart', () => {
	const rng = createRng(11);
	const n = 2000;
	const labels = Array.from({ length: n }, () => (rng.next() < 0.1 ? 1 : 0));
	const scores = labels.map((l) => Math.min(1, Math.max(0, 0.3 * l + 0.35 + rng.normal(0, 0.2))));

	it('the operating point at any threshold is a vertex of the ROC and PR curves and equals binaryReport', () => {
		const c = curveCounts(scores, labels);
		const roc = rocFromCounts(c);
		const pr = prFromCounts(c);
		for (const t of [0, 0.1, 0.37, 0.5, 0.5000001, 0.9, 1, 1.5, -1]) {
			const i = pointIndex(c, t);
			const k = countsAt(c, t);
			const r = binaryReport(predictAt(scores, t), labels);
			expect(k).toEqual({ tp: r.tp, fp: r.fp, tn: r.tn, fn: r.fn });
			expect(reportFromCounts(k)).toEqual(r);
			expect(roc.fpr[i]).toBe(k.fp / c.negatives);
			expect(roc.tpr[i]).toBe(k.tp / c.positives);
			if (i > 0) expect(pr.precision[i]).toBe(r.precision);
			expect(pr.recall[i]).toBe(k.tp / c.positives);
		}
		// A lower threshold never moves the point down or left.
		let last = { fpr: -1, tpr: -1 };
		for (let t = 1; t >= 0; t -= 0.01) {
			const i = pointIndex(c, t);
			expect(roc.fpr[i]).toBeGreaterThanOrEqual(last.fpr);
			expect(roc.tpr[i]).toBeGreaterThanOrEqual(last.tpr);
			last = { fpr: roc.fpr[i], tpr: roc.tpr[i] };
		}
		expect(pointIndex(c, 2)).toBe(0); // above every score: the (0, 0) end
		expect(pointIndex(c, -1)).toBe(c.thresholds.length); // below every score: (1, 1)
		expect(aucFromCounts(c)).toBe(rocAuc(scores, labels));
		expect(apFromCounts(c)).toBe(averagePrecision(scores, labels));
	});

	it('curve counts are monotone and end at the class totals', () => {
		const c = curveCounts(scores, labels);
		for (let i = 1; i < c.thresholds.length; i++) {
			expect(c.thresholds[i]).toBeLessThan(c.thresholds[i - 1]);
			expect(c.tps[i]).toBeGreaterThanOrEqual(c.tps[i - 1]);
			expect(c.fps[i]).toBeGreaterThanOrEqual(c.fps[i - 1]);
		}
		const last = c.thresholds.length - 1;
		expect(c.tps[last]).toBe(labels.filter((l) => l === 1).length);
		expect(c.fps[last]).toBe(labels.filter((l) => l === 0).length);
		expect(c.positives + c.negatives).toBe(n);
	});
});

describe('curveCounts against a plain reference', () => {
	/** One group per distinct score, highest first: counts of positives and negatives at or above it. */
	function reference(scores: number[], labels: number[]) {
		const distinct = [...new Set(scores)].sort((a, b) => b - a);
		return {
			thresholds: distinct,
			tps: distinct.map((t) => scores.filter((s, i) => s >= t && labels[i] === 1).length),
			fps: distinct.map((t) => scores.filter((s, i) => s >= t && labels[i] === 0).length)
		};
	}

	it('matches on heavy ties, one class only, and one point, and leaves its inputs alone', () => {
		const rng = createRng(5);
		const cases: [number[], number[]][] = [
			[Array.from({ length: 300 }, () => Math.round(rng.next() * 6) / 6), Array.from({ length: 300 }, () => (rng.next() < 0.4 ? 1 : 0))],
			[[0.2, 0.2, 0.9, 0.1], [1, 1, 1, 1]],
			[[0.2, -3, 0.9, 0.9], [0, 0, 0, 0]],
			[[0.5], [1]],
			[Array.from({ length: 500 }, () => rng.normal(0, 1)), Array.from({ length: 500 }, () => (rng.next() < 0.05 ? 1 : 0))]
		];
		for (const [scores, labels] of cases) {
			const copy = [...scores];
			const c = curveCounts(scores, labels);
			const r = reference(scores, labels);
			expect([...c.thresholds]).toEqual(r.thresholds);
			expect([...c.tps]).toEqual(r.tps);
			expect([...c.fps]).toEqual(r.fps);
			expect(scores).toEqual(copy);
		}
	});
});
