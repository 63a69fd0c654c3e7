/**
 * What L04's charts show, computed on the main thread from the classifier's read-back scores:
 * `evaluate` sorts once per read-back (ROC, PR, AUC, AP); `operatingPoint` is O(log n), so the
 * threshold slider never retrains and never re-sorts. Plain arrays in, plain numbers out.
 */
import {
	apFromCounts,
	aucFromCounts,
	curveCounts,
	pointIndex,
	prFromCounts,
	reportFromCounts,
	rocFromCounts,
	countsAt,
	type BinaryReport,
	type CurveCounts,
	type Fold,
	type PrCurve,
	type RocCurve
} from '$lib/ml/metrics/classification';
import type { CV_METRICS, HIST_MODES } from './meta';

/** One of the metrics a fold can be scored with. */
export type CvMetric = (typeof CV_METRICS)[number];
/** Histogram mode. */
export type HistMode = (typeof HIST_MODES)[number];

/** Threshold-free results of one set of scores. */
export interface Evaluation {
	counts: CurveCounts;
	roc: RocCurve;
	pr: PrCurve;
	/** ROC AUC (NaN with one class only) */
	auc: number;
	/** average precision (NaN without positives) */
	ap: number;
	/** share of positives */
	prevalence: number;
}

/** The results at one threshold: the point on both curves and the threshold metrics. */
export interface OperatingPoint {
	/** index of the point in `roc` and `pr` */
	index: number;
	report: BinaryReport;
	fpr: number;
	tpr: number;
	precision: number;
	recall: number;
}

/** Sorts the scores once and derives both curves and their areas. */
export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>): Evaluation {
	const counts = curveCounts(scores, labels);
	return {
		counts,
		roc: rocFromCounts(counts),
		pr: prFromCounts(counts),
		auc: aucFromCounts(counts),
		ap: apFromCounts(counts),
		prevalence: counts.positives / (counts.positives + counts.negatives)
	};
}

/**
 * The operating point at threshold `t` (positive when score >= t). With `majority` the classifier
 * predicts the majority class, negative, for every point: the curves' (0, 0) end.
 */
export function operatingPoint(ev: Evaluation, t: number, majority = false): OperatingPoint {
	const threshold = majority ? Infinity : t;
	const index = pointIndex(ev.counts, threshold);
	const report = reportFromCounts(countsAt(ev.counts, threshold));
	return { index, report, fpr: ev.roc.fpr[index], tpr: ev.roc.tpr[index], precision: ev.pr.precision[index], recall: ev.pr.recall[index] };
}

/** Scores of the "always predict the majority class" baseline: one constant for every point. */
export function constantScores(n: number, value: number): Float64Array {
	return new Float64Array(n).fill(value);
}

/** The value of `metric` at an operating point of an evaluation. */
export function metricOf(metric: CvMetric, ev: Evaluation, op: OperatingPoint): number {
	if (metric === 'auc') return ev.auc;
	if (metric === 'ap') return ev.ap;
	return op.report[metric];
}

/** Per-class histogram of scores in [0, 1]: `bins` equal bins, counts or per-class shares. */
export function classHistogram(
	scores: ArrayLike<number>,
	labels: ArrayLike<number>,
	bins = 20,
	mode: HistMode = 'count'
): { edges: Float64Array; negatives: Float64Array; positives: Float64Array } {
	const edges = Float64Array.from({ length: bins + 1 }, (_, i) => i / bins);
	const negatives = new Float64Array(bins);
	const positives = new Float64Array(bins);
	let nPos = 0;
	for (let i = 0; i < scores.length; i++) {
		const b = Math.min(bins - 1, Math.max(0, Math.floor(scores[i] * bins)));
		if (labels[i] === 1) {
			positives[b]++;
			nPos++;
		} else negatives[b]++;
	}
	if (mode === 'share') {
		const nNeg = scores.length - nPos;
		for (let b = 0; b < bins; b++) {
			negatives[b] = nNeg ? negatives[b] / nNeg : 0;
			positives[b] = nPos ? positives[b] / nPos : 0;
		}
	}
	return { edges, negatives, positives };
}

/** A histogram as a stepped line: (edge_b, v_b), (edge_b+1, v_b) per bin, from 0 and back to 0. */
export function stepSeries(edges: ArrayLike<number>, values: ArrayLike<number>): { x: Float64Array; y: Float64Array } {
	const n = values.length;
	const x = new Float64Array(2 * n + 2);
	const y = new Float64Array(2 * n + 2);
	x[0] = edges[0];
	for (let b = 0; b < n; b++) {
		x[2 * b + 1] = edges[b];
		x[2 * b + 2] = edges[b + 1];
		y[2 * b + 1] = values[b];
		y[2 * b + 2] = values[b];
	}
	x[2 * n + 1] = edges[n];
	return { x, y };
}

/** One validation fold's size, positives and score. */
export interface FoldResult {
	size: number;
	positives: number;
	/** NaN where the metric is undefined (e.g. AUC of a fold without positives) */
	score: number;
}

/**
 * Scores each validation fold from the out-of-fold scores (`cvScores[i]` comes from the model that
 * did not train on point i) at threshold `t`; with `majority` every point gets the same score.
 */
export function foldResults(
	cvScores: ArrayLike<number>,
	labels: ArrayLike<number>,
	folds: readonly Fold[],
	metric: CvMetric,
	t: number,
	majority = false
): FoldResult[] {
	return folds.map((f) => {
		const y = f.validation.map((i) => labels[i]);
		const s = majority ? constantScores(y.length, 0) : f.validation.map((i) => cvScores[i]);
		const ev = evaluate(s, y);
		return { size: y.length, positives: ev.counts.positives, score: metricOf(metric, ev, operatingPoint(ev, t, majority)) };
	});
}
