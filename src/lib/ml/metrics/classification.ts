/**
 * Classification metrics as pure functions on plain arrays: labels are 0/1 (1 = positive), scores
 * are numbers where higher means "more positive" (probabilities in [0, 1] here). They follow
 * scikit-learn's definitions; where scikit-learn warns or raises on a degenerate input, the choice
 * made here is documented on the function. Every function throws a clear error on empty input,
 * mismatched lengths or labels that are not 0/1.
 *
 * Threshold convention (scikit-learn's): predicted positive when score >= threshold.
 * For live charts, sort once with `curveCounts` and use the `...FromCounts` variants.
 */
import {
	assertBinary,
	assertNonEmpty,
	assertSameLength,
	curveCounts,
	type Counts,
	type CurveCounts
} from './curveCounts';

export { countsAt, curveCounts, pointIndex, type Counts, type CurveCounts } from './curveCounts';
export { foldOf, kFoldIndices, meanStd, stratifiedKFoldIndices, type Fold } from './crossValidation';

/** The threshold metrics of a binary prediction, each in [0, 1], with the counts they come from. */
export interface BinaryReport extends Counts {
	/** (TP + TN) / all */
	accuracy: number;
	/** TP / (TP + FP): of the predicted positives, the share that are positive; 0 if none predicted. */
	precision: number;
	/** TP / (TP + FN), the true-positive rate (sensitivity); 0 if there are no positives. */
	recall: number;
	/** TN / (TN + FP), the true-negative rate (1 - FPR); 0 if there are no negatives. */
	specificity: number;
	/** 2 TP / (2 TP + FP + FN), the harmonic mean of precision and recall; 0 if TP = FP = FN = 0. */
	f1: number;
}

/** A ROC curve: false- and true-positive rates per threshold, thresholds decreasing. */
export interface RocCurve {
	fpr: Float64Array;
	tpr: Float64Array;
	/** thresholds[0] = +Infinity (the (0, 0) end: nothing predicted positive), then each distinct score. */
	thresholds: Float64Array;
}

/** A precision-recall curve, thresholds decreasing (recall non-decreasing). */
export interface PrCurve {
	precision: Float64Array;
	recall: Float64Array;
	/** thresholds[0] = +Infinity (the end point recall 0, precision 1), then each distinct score. */
	thresholds: Float64Array;
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : 0);

/** The metrics of given counts (a denominator of 0 gives 0, as scikit-learn's zero_division=0). */
export function reportFromCounts({ tp, fp, tn, fn }: Counts): BinaryReport {
	const total = tp + fp + tn + fn;
	return {
		tp,
		fp,
		tn,
		fn,
		accuracy: ratio(tp + tn, total),
		precision: ratio(tp, tp + fp),
		recall: ratio(tp, tp + fn),
		specificity: ratio(tn, tn + fp),
		f1: ratio(2 * tp, 2 * tp + fp + fn)
	};
}

/** Accuracy, precision, recall, specificity and F1 of 0/1 predictions against 0/1 truth. */
export function binaryReport(pred: ArrayLike<number>, truth: ArrayLike<number>): BinaryReport {
	const what = 'binaryReport';
	assertSameLength(pred, truth, what);
	assertNonEmpty(pred.length, what);
	assertBinary(pred, what, 'predictions');
	assertBinary(truth, what);
	let tp = 0;
	let fp = 0;
	let tn = 0;
	let fn = 0;
	for (let i = 0; i < pred.length; i++) {
		const positive = truth[i] === 1;
		if (pred[i] === 1) {
			if (positive) tp++;
			else fp++;
		} else if (positive) fn++;
		else tn++;
	}
	return reportFromCounts({ tp, fp, tn, fn });
}

/**
 * Confusion matrix as scikit-learn's: C[i][j] = number of samples of true class i predicted as j
 * (rows = truth, columns = prediction). For 0/1 labels: [[TN, FP], [FN, TP]]. Labels are integers
 * in [0, nClasses); nClasses defaults to max(2, largest label + 1).
 */
export function confusionMatrix(pred: ArrayLike<number>, truth: ArrayLike<number>, nClasses?: number): number[][] {
	const what = 'confusionMatrix';
	assertSameLength(pred, truth, what);
	assertNonEmpty(pred.length, what);
	let largest = 0;
	for (const arr of [pred, truth])
		for (let i = 0; i < arr.length; i++) {
			const v = arr[i];
			if (!Number.isInteger(v) || v < 0) throw new Error(`${what}: labels must be non-negative integers (got ${v})`);
			largest = Math.max(largest, v);
		}
	const k = nClasses ?? Math.max(2, largest + 1);
	if (!Number.isInteger(k) || k < 1) throw new Error(`${what}: bad number of classes ${nClasses}`);
	if (largest >= k) throw new Error(`${what}: label ${largest} is not below nClasses = ${k}`);
	const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (let i = 0; i < pred.length; i++) m[truth[i]][pred[i]]++;
	return m;
}

/** 0/1 predictions: 1 where score >= t. */
export function predictAt(scores: ArrayLike<number>, t: number): Uint8Array {
	return Uint8Array.from({ length: scores.length }, (_, i) => (scores[i] >= t ? 1 : 0));
}

/**
 * ROC curve from sorted counts: one point per distinct score plus the (0, 0) start, not dropping
 * collinear points (scikit-learn's roc_curve with drop_intermediate=False, whose thresholds[0] is
 * also +Infinity since version 1.3). FPR is NaN when there are no negatives and TPR when there
 * are no positives (scikit-learn warns and returns NaN too).
 */
export function rocFromCounts(c: CurveCounts): RocCurve {
	const m = c.thresholds.length;
	const fpr = new Float64Array(m + 1);
	const tpr = new Float64Array(m + 1);
	const thresholds = new Float64Array(m + 1);
	thresholds[0] = Infinity;
	for (let i = 0; i < m; i++) {
		fpr[i + 1] = c.fps[i] / c.negatives;
		tpr[i + 1] = c.tps[i] / c.positives;
		thresholds[i + 1] = c.thresholds[i];
	}
	if (c.negatives === 0) fpr.fill(NaN);
	if (c.positives === 0) tpr.fill(NaN);
	return { fpr, tpr, thresholds };
}

/** ROC curve (TPR against FPR) of `scores` for 0/1 `labels`; see `rocFromCounts`. */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocCurve {
	return rocFromCounts(curveCounts(scores, labels, 'rocCurve'));
}

/**
 * Area under the ROC curve by the trapezoid rule over the full curve, which equals the
 * Mann-Whitney statistic: the share of (positive, negative) pairs whose positive scores higher,
 * tied pairs counting one half (scikit-learn's roc_auc_score). NaN when only one class is present
 * (scikit-learn raises an error there; NaN lets a live chart show "undefined" instead).
 */
export function aucFromCounts(c: CurveCounts): number {
	if (c.positives === 0 || c.negatives === 0) return NaN;
	let area = 0;
	let tp0 = 0;
	let fp0 = 0;
	for (let i = 0; i < c.thresholds.length; i++) {
		area += (c.fps[i] - fp0) * (c.tps[i] + tp0);
		tp0 = c.tps[i];
		fp0 = c.fps[i];
	}
	return area / (2 * c.positives * c.negatives);
}

/** ROC AUC of `scores` for 0/1 `labels`; see `aucFromCounts`. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
	return aucFromCounts(curveCounts(scores, labels, 'rocAuc'));
}

/**
 * Precision-recall curve from sorted counts: the (recall 0, precision 1) end point, then one point
 * per distinct score. These are the points of scikit-learn's precision_recall_curve
 * (drop_intermediate=False), listed in the opposite order (it lists increasing thresholds and puts
 * the end point last, without a threshold). Recall is NaN when there are no positives
 * (scikit-learn warns and sets it to 1).
 */
export function prFromCounts(c: CurveCounts): PrCurve {
	const m = c.thresholds.length;
	const precision = new Float64Array(m + 1);
	const recall = new Float64Array(m + 1);
	const thresholds = new Float64Array(m + 1);
	precision[0] = 1;
	thresholds[0] = Infinity;
	for (let i = 0; i < m; i++) {
		precision[i + 1] = c.tps[i] / (c.tps[i] + c.fps[i]);
		recall[i + 1] = c.tps[i] / c.positives;
		thresholds[i + 1] = c.thresholds[i];
	}
	if (c.positives === 0) recall.fill(NaN);
	return { precision, recall, thresholds };
}

/** Precision-recall curve of `scores` for 0/1 `labels`; see `prFromCounts`. */
export function prCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): PrCurve {
	return prFromCounts(curveCounts(scores, labels, 'prCurve'));
}

/**
 * Average precision, AP = sum_n (R_n - R_{n-1}) P_n over the distinct thresholds in decreasing
 * order (ties grouped), with R_0 = 0: a step-wise sum, no interpolation (scikit-learn's
 * average_precision_score). NaN when there are no positives (recall is undefined).
 */
export function apFromCounts(c: CurveCounts): number {
	if (c.positives === 0) return NaN;
	let ap = 0;
	let tp0 = 0;
	for (let i = 0; i < c.thresholds.length; i++) {
		ap += (c.tps[i] - tp0) * (c.tps[i] / (c.tps[i] + c.fps[i]));
		tp0 = c.tps[i];
	}
	return ap / c.positives;
}

/** Average precision of `scores` for 0/1 `labels`; see `apFromCounts`. */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
	return apFromCounts(curveCounts(scores, labels, 'averagePrecision'));
}
