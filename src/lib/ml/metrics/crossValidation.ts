/**
 * k-fold cross-validation splits (scikit-learn's KFold and StratifiedKFold ideas) and the mean and
 * standard deviation of per-fold scores. Pure functions on plain arrays; seeded shuffling.
 */
import { createRng, deriveSeed } from '../core/rng';
import { assertBinary, assertNonEmpty } from './curveCounts';

/** One split: indices to train on and indices to validate on (each sorted ascending). */
export interface Fold {
	train: number[];
	validation: number[];
}

function checkK(n: number, k: number, what: string): void {
	if (!Number.isInteger(k) || k < 2) throw new Error(`${what}: k must be an integer >= 2 (got ${k})`);
	if (k > n) throw new Error(`${what}: k = ${k} is larger than the number of samples (${n})`);
}

/** Builds the folds from each index's validation fold. */
function foldsFrom(assign: Int32Array, k: number): Fold[] {
	const folds: Fold[] = Array.from({ length: k }, () => ({ train: [], validation: [] }));
	for (let i = 0; i < assign.length; i++) {
		for (let f = 0; f < k; f++) (f === assign[i] ? folds[f].validation : folds[f].train).push(i);
	}
	return folds;
}

/** 0..n-1, shuffled by a seeded generator when `seed` is given. */
function order(n: number, seed: number | undefined, label: string): number[] {
	const idx = Array.from({ length: n }, (_, i) => i);
	return seed === undefined ? idx : createRng(deriveSeed(seed, label)).shuffle(idx);
}

/**
 * k-fold splits of n samples: every index is in exactly one validation fold; the first n mod k
 * folds have floor(n/k) + 1 samples, the others floor(n/k) (scikit-learn's KFold). Without a seed
 * the folds are contiguous blocks in order (shuffle=False); with one, the indices are shuffled
 * first (shuffle=True), the same way for the same seed. Needs 2 <= k <= n.
 */
export function kFoldIndices(n: number, k: number, seed?: number): Fold[] {
	const what = 'kFoldIndices';
	if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: n must be a non-negative integer (got ${n})`);
	assertNonEmpty(n, what);
	checkK(n, k, what);
	const idx = order(n, seed, 'kfold');
	const assign = new Int32Array(n);
	const base = Math.floor(n / k);
	const extra = n % k;
	for (let f = 0, at = 0; f < k; f++) {
		const size = base + (f < extra ? 1 : 0);
		for (let j = 0; j < size; j++) assign[idx[at + j]] = f;
		at += size;
	}
	return foldsFrom(assign, k);
}

/**
 * Stratified k-fold splits of 0/1 `labels`: each fold gets (as nearly as possible) the same share
 * of each class. Indices are grouped by class (shuffled within each class when a seed is given) and
 * dealt to the folds in turn, so per-class counts and fold sizes each differ by at most one
 * between folds. A class with fewer than k samples leaves some folds without it (scikit-learn warns
 * in that case). Needs 2 <= k <= labels.length.
 */
export function stratifiedKFoldIndices(labels: ArrayLike<number>, k: number, seed?: number): Fold[] {
	const what = 'stratifiedKFoldIndices';
	assertNonEmpty(labels.length, what);
	assertBinary(labels, what);
	checkK(labels.length, k, what);
	const shuffled = order(labels.length, seed, 'stratified-kfold');
	const byClass = [...shuffled.filter((i) => labels[i] === 0), ...shuffled.filter((i) => labels[i] === 1)];
	const assign = new Int32Array(labels.length);
	byClass.forEach((i, position) => (assign[i] = position % k));
	return foldsFrom(assign, k);
}

/** For each of n indices, the fold whose validation set holds it (-1 if none). */
export function foldOf(folds: readonly Fold[], n: number): Int32Array {
	const out = new Int32Array(n).fill(-1);
	folds.forEach((f, j) => f.validation.forEach((i) => (out[i] = j)));
	return out;
}

/**
 * Mean and population standard deviation (ddof = 0, numpy's default, as in `scores.std()`) of the
 * finite values; `count` = how many were finite. NaN mean and std when none is.
 */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number; count: number } {
	let count = 0;
	let sum = 0;
	for (let i = 0; i < values.length; i++)
		if (Number.isFinite(values[i])) {
			count++;
			sum += values[i];
		}
	if (count === 0) return { mean: NaN, std: NaN, count };
	const mean = sum / count;
	let sq = 0;
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sq += (values[i] - mean) ** 2;
	return { mean, std: Math.sqrt(sq / count), count };
}
