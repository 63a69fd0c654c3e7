import { describe, expect, it } from 'vitest';
import { argmax, entropy, logSumExp, naiveSoftmax, softmax } from '$lib/ml/functions/softmax';

const Z = [2, 1, 0.5, -1, -2];
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('softmax', () => {
	it('sums to 1, is positive and keeps the order of the logits', () => {
		for (const t of [0.05, 0.5, 1, 3, 10]) {
			const p = softmax(Z, t);
			expect(sum(p)).toBeCloseTo(1, 14);
			for (let i = 1; i < p.length; i++) expect(p[i]).toBeLessThan(p[i - 1]);
			expect(p.every((v) => v > 0)).toBe(true);
		}
	});

	it('equals exp(z_i)/sum exp(z_j) for small logits', () => {
		const e = Z.map(Math.exp);
		const p = softmax(Z);
		Z.forEach((_, i) => expect(p[i]).toBeCloseTo(e[i] / sum(e), 15));
	});

	it('is invariant to adding a constant to every logit', () => {
		const a = softmax(Z, 0.7);
		for (const c of [-500, 3.25, 1000]) {
			const b = softmax(
				Z.map((z) => z + c),
				0.7
			);
			a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
		}
	});

	it('tends to one-hot on the argmax as T -> 0 and to uniform as T grows', () => {
		const cold = softmax(Z, 1e-3);
		expect(cold[0]).toBeCloseTo(1, 12);
		expect(sum(cold.subarray(1))).toBeLessThan(1e-12);
		expect(Array.from(softmax(Z, 0))).toEqual([1, 0, 0, 0, 0]);
		expect(Array.from(softmax([3, 1, 3], 0))).toEqual([0.5, 0, 0.5]);
		const hot = softmax(Z, 1e6);
		hot.forEach((v) => expect(v).toBeCloseTo(0.2, 5));
		expect(entropy(softmax(Z, 0.1))).toBeLessThan(entropy(softmax(Z, 1)));
		expect(entropy(softmax(Z, 1))).toBeLessThan(entropy(softmax(Z, 10)));
	});

	it('stays finite at logits like [1000, 0] where the naive form overflows', () => {
		const stable = softmax([1000, 0]);
		expect(stable[0]).toBe(1);
		expect(stable[1]).toBeGreaterThanOrEqual(0);
		expect(stable[1]).toBeLessThan(1e-300);
		const naive = naiveSoftmax([1000, 0]);
		expect(naive.overflow).toBe(true);
		expect(naive.failed).toBe(true);
		expect(naive.exps[0]).toBe(Infinity);
		expect(naive.p[0]).toBeNaN();
		expect(naive.p[1]).toBe(0);
	});

	it('naive form agrees with the stable one when nothing overflows, and reports underflow', () => {
		const n = naiveSoftmax(Z, 2);
		expect(n.overflow || n.underflow || n.failed).toBe(false);
		const s = softmax(Z, 2);
		s.forEach((v, i) => expect(n.p[i]).toBeCloseTo(v, 14));
		const under = naiveSoftmax([-1000, -1001]);
		expect(under.underflow).toBe(true);
		expect(under.failed).toBe(true);
		const ok = softmax([-1000, -1001]);
		expect(ok[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
	});
});

describe('logSumExp, argmax, entropy', () => {
	it('computes log-sum-exp without overflow', () => {
		expect(logSumExp([1, 2, 3])).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), 14);
		expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
		expect(logSumExp([])).toBe(-Infinity);
		expect(logSumExp([-Infinity, 0])).toBe(0);
	});

	it('finds the first largest index', () => {
		expect(argmax([1, 5, 5, 2])).toBe(1);
		expect(argmax([])).toBe(-1);
	});

	it('entropy is 0 for one-hot and log k for uniform, in any base', () => {
		expect(entropy([0, 1, 0])).toBe(0);
		expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 14);
		expect(entropy([0.5, 0.5], 2)).toBeCloseTo(1, 14);
	});
});
