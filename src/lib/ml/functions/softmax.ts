/**
 * Softmax on plain number arrays: the stable log-sum-exp form with a temperature, the naive
 * exp-then-divide form (which overflows on purpose for the lesson), and entropy.
 */

/** log(sum_i exp(v_i)) computed as m + log(sum_i exp(v_i - m)), m = max v (never overflows). */
export function logSumExp(values: ArrayLike<number>): number {
	let m = -Infinity;
	for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
	if (m === -Infinity || !Number.isFinite(m)) return m;
	let s = 0;
	for (let i = 0; i < values.length; i++) s += Math.exp(values[i] - m);
	return m + Math.log(s);
}

/** Index of the largest entry (first one on ties); -1 for an empty array. */
export function argmax(values: ArrayLike<number>): number {
	let best = -1;
	for (let i = 0; i < values.length; i++) if (best < 0 || values[i] > values[best]) best = i;
	return best;
}

/**
 * Stable softmax p_i = exp(z_i / T - m) / sum_j exp(z_j / T - m), m = max_j z_j / T (the same as
 * exp(z_i / T - logSumExp(z / T)) but without the rounding of a large offset). T -> 0 tends to
 * one-hot on the argmax (T <= 0 returns that limit, ties shared equally); large T tends to uniform.
 */
export function softmax(logits: ArrayLike<number>, temperature = 1): Float64Array {
	const n = logits.length;
	const p = new Float64Array(n);
	if (n === 0) return p;
	if (!(temperature > 0)) {
		let max = -Infinity;
		for (let i = 0; i < n; i++) if (logits[i] > max) max = logits[i];
		let ties = 0;
		for (let i = 0; i < n; i++) if (logits[i] === max) ties++;
		for (let i = 0; i < n; i++) p[i] = logits[i] === max ? 1 / ties : 0;
		return p;
	}
	let m = -Infinity;
	for (let i = 0; i < n; i++) m = Math.max(m, logits[i] / temperature);
	let s = 0;
	for (let i = 0; i < n; i++) {
		p[i] = Math.exp(logits[i] / temperature - m);
		s += p[i];
	}
	for (let i = 0; i < n; i++) p[i] /= s;
	return p;
}

/** What the naive softmax produced and whether it broke down. */
export interface NaiveSoftmaxResult {
	/** exp(z_i / T) / sum_j exp(z_j / T), possibly NaN when it broke down */
	p: Float64Array;
	/** the raw exponentials exp(z_i / T) */
	exps: Float64Array;
	/** some exp(z_i / T) overflowed to Infinity (float64 overflows above z/T ~ 709.78) */
	overflow: boolean;
	/** every exp(z_i / T) underflowed to 0, so the sum is 0 and the ratio is 0/0 */
	underflow: boolean;
	/** true when any p_i is not a finite number */
	failed: boolean;
}

/** Softmax as written in textbooks, exp then divide, without subtracting the max. */
export function naiveSoftmax(logits: ArrayLike<number>, temperature = 1): NaiveSoftmaxResult {
	const n = logits.length;
	const exps = new Float64Array(n);
	const p = new Float64Array(n);
	let sum = 0;
	let overflow = false;
	for (let i = 0; i < n; i++) {
		exps[i] = Math.exp(logits[i] / temperature);
		if (exps[i] === Infinity) overflow = true;
		sum += exps[i];
	}
	let failed = false;
	for (let i = 0; i < n; i++) {
		p[i] = exps[i] / sum;
		if (!Number.isFinite(p[i])) failed = true;
	}
	return { p, exps, overflow, underflow: n > 0 && sum === 0, failed };
}

/** Entropy -sum p_i log p_i (0 log 0 = 0), in nats by default or in the given log base (2: bits). */
export function entropy(p: ArrayLike<number>, base = Math.E): number {
	let h = 0;
	for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
	return h / Math.log(base);
}
