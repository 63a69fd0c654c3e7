import { describe, expect, it } from 'vitest';
import { foldOf, kFoldIndices, meanStd, stratifiedKFoldIndices, type Fold } from '$lib/ml/metrics/classification';

/** Checks the partition: every index in exactly one validation fold, train = the rest, sorted. */
function expectPartition(folds: Fold[], n: number): void {
	const seen = new Array(n).fill(0);
	for (const f of folds) {
		for (const i of f.validation) seen[i]++;
		expect(f.train.length + f.validation.length).toBe(n);
		const val = new Set(f.validation);
		expect(f.train.some((i) => val.has(i))).toBe(false);
		expect([...f.train].sort((a, b) => a - b)).toEqual(f.train);
		expect([...f.validation].sort((a, b) => a - b)).toEqual(f.validation);
	}
	expect(seen.every((c) => c === 1)).toBe(true);
	const sizes = folds.map((f) => f.validation.length);
	expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
}

describe('kFoldIndices', () => {
	it('without a seed: contiguous blocks, the first n mod k folds one larger (scikit-learn KFold)', () => {
		const folds = kFoldIndices(10, 3);
		expect(folds.map((f) => f.validation)).toEqual([
			[0, 1, 2, 3],
			[4, 5, 6],
			[7, 8, 9]
		]);
		expect(folds[1].train).toEqual([0, 1, 2, 3, 7, 8, 9]);
	});

	it('every index lands in exactly one validation fold; sizes differ by at most one', () => {
		for (const n of [2, 3, 7, 10, 99, 1000])
			for (const k of [2, 3, 5, 10])
				if (k <= n)
					for (const seed of [undefined, 1, 42]) {
						const folds = kFoldIndices(n, k, seed);
						expect(folds).toHaveLength(k);
						expectPartition(folds, n);
					}
	});

	it('a seed shuffles reproducibly', () => {
		const a = kFoldIndices(50, 5, 7);
		expect(kFoldIndices(50, 5, 7)).toEqual(a);
		expect(kFoldIndices(50, 5, 8)).not.toEqual(a);
		expect(a).not.toEqual(kFoldIndices(50, 5));
	});

	it('rejects empty input and impossible k with a clear error', () => {
		expect(() => kFoldIndices(0, 2)).toThrow(/empty input/);
		expect(() => kFoldIndices(5, 1)).toThrow(/k must be an integer >= 2/);
		expect(() => kFoldIndices(5, 2.5)).toThrow(/k must be/);
		expect(() => kFoldIndices(3, 4)).toThrow(/larger than the number of samples/);
		expect(() => kFoldIndices(-1, 2)).toThrow(/non-negative integer/);
	});
});

describe('stratifiedKFoldIndices', () => {
	it('gives every fold the same class balance (95:5 with 5 folds: 1 positive and 19 negatives each)', () => {
		const labels = Array.from({ length: 100 }, (_, i) => (i % 20 === 0 ? 1 : 0));
		const folds = stratifiedKFoldIndices(labels, 5, 3);
		expectPartition(folds, 100);
		for (const f of folds) {
			expect(f.validation.filter((i) => labels[i] === 1)).toHaveLength(1);
			expect(f.validation.filter((i) => labels[i] === 0)).toHaveLength(19);
		}
	});

	it('per-class counts and fold sizes differ by at most one, for any balance', () => {
		for (const [n, pos, k] of [
			[1000, 10, 10],
			[1000, 500, 3],
			[37, 5, 4],
			[10, 3, 10]
		]) {
			const labels = Array.from({ length: n }, (_, i) => (i < pos ? 1 : 0));
			const folds = stratifiedKFoldIndices(labels, k, 1);
			expectPartition(folds, n);
			for (const c of [0, 1]) {
				const counts = folds.map((f) => f.validation.filter((i) => labels[i] === c).length);
				expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
			}
		}
	});

	it('plain k-fold at 99:1 can leave folds without a positive; stratified cannot when positives >= k', () => {
		const labels = Array.from({ length: 1000 }, (_, i) => (i % 100 === 0 ? 1 : 0));
		const plainEmpty = [1, 2, 3, 4, 5].map(
			(seed) => kFoldIndices(1000, 10, seed).filter((f) => f.validation.every((i) => labels[i] === 0)).length
		);
		expect(Math.max(...plainEmpty)).toBeGreaterThan(0);
		for (const seed of [1, 2, 3, 4, 5]) {
			const folds = stratifiedKFoldIndices(labels, 10, seed);
			expect(folds.every((f) => f.validation.some((i) => labels[i] === 1))).toBe(true);
		}
	});

	it('rejects empty input and bad labels', () => {
		expect(() => stratifiedKFoldIndices([], 2)).toThrow(/empty input/);
		expect(() => stratifiedKFoldIndices([0, 2, 1], 2)).toThrow(/0 or 1/);
		expect(() => stratifiedKFoldIndices([0, 1], 3)).toThrow(/larger than/);
	});
});

describe('foldOf and meanStd', () => {
	it('foldOf maps each index to its validation fold', () => {
		expect(Array.from(foldOf(kFoldIndices(5, 2), 5))).toEqual([0, 0, 0, 1, 1]);
	});

	it('meanStd: mean and population std (ddof 0) of the finite values', () => {
		// mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 4 = 1.25
		const r = meanStd([1, 2, 3, 4]);
		expect(r.mean).toBe(2.5);
		expect(r.std).toBeCloseTo(Math.sqrt(1.25), 15);
		expect(r.count).toBe(4);
		expect(meanStd([1, NaN, 3])).toEqual({ mean: 2, std: 1, count: 2 });
		const none = meanStd([NaN]);
		expect(none.count).toBe(0);
		expect(none.mean).toBeNaN();
	});
});
