/**
 * The one sort behind every threshold curve: scores ordered from high to low with ties grouped,
 * and the cumulative true- and false-positive counts at each distinct score (scikit-learn's
 * `_binary_clf_curve`). ROC, precision-recall, AUC, AP and the counts at any threshold all derive
 * from it in O(n) or O(log n), so a live chart sorts once per read-back, not once per chart.
 *
 * Convention (as scikit-learn's): a point is predicted positive when its score >= the threshold.
 */

/** Cumulative counts at each distinct score, highest first. */
export interface CurveCounts {
	/** Distinct scores, strictly decreasing [m]. */
	thresholds: Float64Array;
	/** tps[i] = positives with score >= thresholds[i] [m] (non-decreasing). */
	tps: Float64Array;
	/** fps[i] = negatives with score >= thresholds[i] [m] (non-decreasing). */
	fps: Float64Array;
	/** Number of positives (label 1) and negatives (label 0). */
	positives: number;
	negatives: number;
}

/** TP, FP, TN and FN of a binary prediction. */
export interface Counts {
	tp: number;
	fp: number;
	tn: number;
	fn: number;
}

/** Throws unless `n` > 0 (an empty input has no metric). */
export function assertNonEmpty(n: number, what: string): void {
	if (n === 0) throw new Error(`${what}: empty input (need at least one sample)`);
}

/** Throws unless the two arrays have the same length. */
export function assertSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
	if (a.length !== b.length) throw new Error(`${what}: length mismatch (${a.length} vs ${b.length})`);
}

/** Throws unless every value is 0 or 1. */
export function assertBinary(values: ArrayLike<number>, what: string, name = 'labels'): void {
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== 0 && v !== 1) throw new Error(`${what}: ${name} must be 0 or 1 (got ${v} at index ${i})`);
	}
}

/**
 * Sorts `scores` (any finite numbers, e.g. probabilities in [0, 1]) against 0/1 `labels` once and
 * returns the cumulative counts. Throws on empty input, mismatched lengths, labels other than 0/1
 * and non-finite scores.
 */
export function curveCounts(scores: ArrayLike<number>, labels: ArrayLike<number>, what = 'curveCounts'): CurveCounts {
	assertSameLength(scores, labels, what);
	assertNonEmpty(scores.length, what);
	assertBinary(labels, what);
	const n = scores.length;
	let positives = 0;
	for (let i = 0; i < n; i++) {
		const v = scores[i];
		if (!Number.isFinite(v)) throw new Error(`${what}: scores must be finite numbers (got ${v} at index ${i})`);
		positives += labels[i];
	}
	// The positives' and the negatives' scores, each sorted by the typed array's native numeric sort
	// (no comparator: several times faster than sorting an index by score, and L04 does this for
	// the test set and every fold 20 times a second while training), then merged from the top.
	const pos = new Float64Array(positives);
	const neg = new Float64Array(n - positives);
	for (let i = 0, a = 0, b = 0; i < n; i++) {
		if (labels[i] === 1) pos[a++] = scores[i];
		else neg[b++] = scores[i];
	}
	pos.sort();
	neg.sort();
	const thresholdsAll = new Float64Array(n);
	const tpsAll = new Float64Array(n);
	const fpsAll = new Float64Array(n);
	let m = 0;
	let tp = 0;
	let fp = 0;
	let i = pos.length - 1;
	let j = neg.length - 1;
	while (i >= 0 || j >= 0) {
		// One group per distinct score, highest first, closed after all its points are counted.
		const t = Math.max(i >= 0 ? pos[i] : -Infinity, j >= 0 ? neg[j] : -Infinity);
		while (i >= 0 && pos[i] === t) {
			tp++;
			i--;
		}
		while (j >= 0 && neg[j] === t) {
			fp++;
			j--;
		}
		thresholdsAll[m] = t;
		tpsAll[m] = tp;
		fpsAll[m] = fp;
		m++;
	}
	return { thresholds: thresholdsAll.slice(0, m), tps: tpsAll.slice(0, m), fps: fpsAll.slice(0, m), positives: tp, negatives: fp };
}

/**
 * How many distinct thresholds are >= `t`: 0 when `t` is above every score. Index `i` of a curve
 * that starts with the (threshold +Infinity) end point is the operating point at `t`. O(log m).
 */
export function pointIndex(c: CurveCounts, t: number): number {
	let lo = 0;
	let hi = c.thresholds.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (c.thresholds[mid] >= t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** TP, FP, TN, FN when every score >= `t` is predicted positive. O(log m). */
export function countsAt(c: CurveCounts, t: number): Counts {
	const i = pointIndex(c, t);
	const tp = i > 0 ? c.tps[i - 1] : 0;
	const fp = i > 0 ? c.fps[i - 1] : 0;
	return { tp, fp, tn: c.negatives - fp, fn: c.positives - tp };
}
