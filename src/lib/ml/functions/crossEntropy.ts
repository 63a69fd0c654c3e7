/**
 * Cross-entropy losses on plain float64 numbers, with their derivatives: binary cross-entropy on
 * a probability and on a logit, the squared error of a sigmoid output (to compare gradients at
 * saturation), softmax cross-entropy over K classes, focal loss, and the entropy / KL-divergence
 * identities. Natural logarithms throughout (nats). Tensor versions live in `lossesTf.ts`.
 */
import { sigmoid } from './activations';
import { softplus } from './losses';
import { logSumExp, softmax } from './softmax';

/** y·log(p) with the convention 0·log 0 = 0 (a zero-weight term never turns into NaN). */
function xlogy(y: number, p: number): number {
	return y === 0 ? 0 : y * Math.log(p);
}

/**
 * Binary cross-entropy of a predicted probability p ∈ [0, 1] for a target y ∈ [0, 1]:
 * −[y log p + (1 − y) log(1 − p)]. Infinity for a certain wrong answer (p = 0 with y = 1).
 * `tf.losses.logLoss` computes the same with p clipped by ε = 1e-7.
 */
export function bce(p: number, y: number): number {
	const s = xlogy(y, p) + xlogy(1 - y, 1 - p);
	return s === 0 ? 0 : -s;
}

/** dBCE/dp = −y/p + (1 − y)/(1 − p) = (p − y) / (p(1 − p)): unbounded as p → 0 or 1. */
export function bceGradProb(p: number, y: number): number {
	const a = y === 0 ? 0 : -y / p;
	const b = y === 1 ? 0 : (1 - y) / (1 - p);
	return a + b;
}

/**
 * BCE of logit z (p = σ(z)) for target y, in the overflow-free form max(z, 0) − z·y +
 * log(1 + e^{−|z|}) that `tf.losses.sigmoidCrossEntropy` uses.
 */
export function bceWithLogits(z: number, y: number): number {
	return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** dBCE/dz = σ(z) − y: bounded in (−1, 1), and large whenever the prediction is far from y. */
export function bceWithLogitsGrad(z: number, y: number): number {
	return sigmoid(z) - y;
}

/** ½(σ(z) − y)²: squared error on a sigmoid output (the "MSE for classification" pitfall). */
export function sigmoidHalfSquaredError(z: number, y: number): number {
	const d = sigmoid(z) - y;
	return 0.5 * d * d;
}

/**
 * d/dz ½(σ(z) − y)² = (p − y)·p(1 − p) with p = σ(z): BCE's gradient times σ'(z) ≤ ¼, so it
 * vanishes when the unit saturates, even when the answer is confidently wrong.
 */
export function sigmoidHalfSquaredErrorGrad(z: number, y: number): number {
	const p = sigmoid(z);
	return (p - y) * p * (1 - p);
}

/** Softmax cross-entropy of logits for the true class `target`: logSumExp(z) − z_target. */
export function softmaxCrossEntropy(logits: ArrayLike<number>, target: number): number {
	return logSumExp(logits) - logits[target];
}

/** Its gradient with respect to the logits: softmax(z) − onehot(target), each entry in (−1, 1). */
export function softmaxCrossEntropyGrad(logits: ArrayLike<number>, target: number): Float64Array {
	const g = softmax(logits);
	g[target] -= 1;
	return g;
}

/**
 * Cross-entropy over K classes as a function of the true class's logit z when the other K − 1
 * logits are 0: log(1 + (K − 1)e^{−z}) = softplus(log(K − 1) − z). K = 2 gives BCE on the logit.
 */
export function crossEntropyOfTrueLogit(z: number, k: number): number {
	return k <= 1 ? 0 : softplus(Math.log(k - 1) - z);
}

/** Its derivative p_true − 1 = −(K − 1)/(e^z + K − 1): in (−1, 0), near −1 while z is far too low. */
export function crossEntropyOfTrueLogitGrad(z: number, k: number): number {
	return k <= 1 ? 0 : -sigmoid(Math.log(k - 1) - z);
}

/**
 * Focal loss for a positive example (y = 1) with predicted probability p and focusing parameter
 * γ ≥ 0: −(1 − p)^γ log p (Lin et al., 2017). γ = 0 is plain BCE; larger γ shrinks the loss of
 * examples that are already classified well, so rare hard examples dominate the sum.
 */
export function focal(p: number, gamma: number): number {
	return -Math.pow(1 - p, gamma) * Math.log(p);
}

/** dFocal/dp = γ(1 − p)^{γ−1} log p − (1 − p)^γ / p (the first term is 0 at γ = 0 and at p = 1). */
export function focalGrad(p: number, gamma: number): number {
	const first = gamma === 0 || p >= 1 ? 0 : gamma * Math.pow(1 - p, gamma - 1) * Math.log(p);
	return first - Math.pow(1 - p, gamma) / p;
}

/** Entropy H(p) = −Σ p_i log p_i of a distribution (nats; 0·log 0 = 0). */
export function entropyOf(p: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < p.length; i++) s -= xlogy(p[i], p[i]);
	return s;
}

/** Cross-entropy H(p, q) = −Σ p_i log q_i of a model distribution q against a target p (nats). */
export function crossEntropyOf(p: ArrayLike<number>, q: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < p.length; i++) s -= xlogy(p[i], q[i]);
	return s;
}

/**
 * Kullback–Leibler divergence KL(p ‖ q) = Σ p_i log(p_i / q_i) ≥ 0 (nats), 0 only when q = p;
 * Infinity when q_i = 0 where p_i > 0. Not symmetric. H(p, q) = H(p) + KL(p ‖ q).
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
	let s = 0;
	for (let i = 0; i < p.length; i++) {
		if (p[i] === 0) continue;
		s += p[i] * (Math.log(p[i]) - Math.log(q[i]));
	}
	return s;
}
