/**
 * Regression and margin losses on plain float64 numbers, each with its derivative, for curves,
 * formulas and reference computations. Conventions (the same as TensorFlow.js's `tf.losses`):
 * - the error is e = ŷ − y (prediction minus target); every derivative is with respect to ŷ;
 * - MSE is e² per point (no ½; `tf.losses.meanSquaredError`), MAE is |e| (`absoluteDifference`);
 * - Huber with threshold δ is ½e² for |e| ≤ δ and δ(|e| − ½δ) beyond (`tf.losses.huberLoss`,
 *   whose `delta` argument is this δ, default 1.0). So Huber → ½·MSE as δ → ∞, and Huber / δ → MAE
 *   as δ → 0;
 * - margin losses take the margin m = t·s of a score s and a label t ∈ {−1, +1}.
 * Cross-entropy and its relatives live in `crossEntropy.ts`; tensor versions in `lossesTf.ts`.
 */

/** The three regression losses the lessons compare, in display order. */
export const REGRESSION_LOSSES = ['mse', 'mae', 'huber'] as const;

/** One regression loss's name. */
export type RegressionLossName = (typeof REGRESSION_LOSSES)[number];

/** Huber's δ when none is given (tfjs's default). */
export const DEFAULT_HUBER_DELTA = 1;

/** Huber loss of an error e with threshold δ > 0: ½e² inside [−δ, δ], δ(|e| − ½δ) outside. */
export function huber(e: number, delta: number): number {
	const a = Math.abs(e);
	return a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
}

/** dHuber/dŷ = clip(e, −δ, δ): the error itself inside the threshold, ±δ outside (bounded). */
export function huberGrad(e: number, delta: number): number {
	return Math.max(-delta, Math.min(delta, e));
}

/** The per-point loss of error e = ŷ − y (δ is used by Huber only). */
export function regressionLoss(name: RegressionLossName, e: number, delta = DEFAULT_HUBER_DELTA): number {
	switch (name) {
		case 'mse':
			return e * e;
		case 'mae':
			return Math.abs(e);
		case 'huber':
			return huber(e, delta);
	}
}

/**
 * dLoss/dŷ for error e = ŷ − y: 2e (MSE), sign(e) (MAE; 0 at e = 0, the subgradient frameworks
 * use), clip(e, −δ, δ) (Huber).
 */
export function regressionLossGrad(name: RegressionLossName, e: number, delta = DEFAULT_HUBER_DELTA): number {
	switch (name) {
		case 'mse':
			return 2 * e;
		case 'mae':
			return Math.sign(e);
		case 'huber':
			return huberGrad(e, delta);
	}
}

/** Mean loss of predictions against targets (same length), as `tf.losses.*` reduce it by default. */
export function meanRegressionLoss(
	name: RegressionLossName,
	predictions: ArrayLike<number>,
	targets: ArrayLike<number>,
	delta = DEFAULT_HUBER_DELTA
): number {
	const n = Math.min(predictions.length, targets.length);
	let s = 0;
	for (let i = 0; i < n; i++) s += regressionLoss(name, predictions[i] - targets[i], delta);
	return n > 0 ? s / n : NaN;
}

/** The margin losses of the classification section, in display order. */
export const MARGIN_LOSSES = ['zeroOne', 'hinge', 'logistic'] as const;

/** One margin loss's name. */
export type MarginLossName = (typeof MARGIN_LOSSES)[number];

/** log(1 + e^x) without overflow (softplus). */
export function softplus(x: number): number {
	return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Loss of margin m = t·s: 0–1 loss (1 when m ≤ 0: misclassified, a tie counts as an error),
 * hinge max(0, 1 − m) (SVMs), logistic log(1 + e^{−m}) (binary cross-entropy on the logit s).
 */
export function marginLoss(name: MarginLossName, m: number): number {
	switch (name) {
		case 'zeroOne':
			return m <= 0 ? 1 : 0;
		case 'hinge':
			return Math.max(0, 1 - m);
		case 'logistic':
			return softplus(-m);
	}
}

/**
 * dLoss/dm: 0 for the 0–1 loss (almost everywhere: it gives no gradient at all), −1 for m < 1 and
 * 0 from m = 1 on for hinge, −σ(−m) = −1/(1 + e^{m}) for logistic (never exactly 0).
 */
export function marginLossGrad(name: MarginLossName, m: number): number {
	switch (name) {
		case 'zeroOne':
			return 0;
		case 'hinge':
			return m < 1 ? -1 : 0;
		case 'logistic':
			return m >= 0 ? -Math.exp(-m) / (1 + Math.exp(-m)) : -1 / (1 + Math.exp(m));
	}
}

/** A sampled curve: n points of a function and its derivative (float64). */
export interface SampledCurve {
	x: Float64Array;
	y: Float64Array;
	dy: Float64Array;
}

/** Samples f and f' at n evenly spaced points from lo to hi inclusive (n >= 2). */
export function sampleFunction(f: (x: number) => number, df: (x: number) => number, lo: number, hi: number, n: number): SampledCurve {
	const count = Math.max(2, Math.floor(n));
	const x = new Float64Array(count);
	const y = new Float64Array(count);
	const dy = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const xi = lo + ((hi - lo) * i) / (count - 1);
		x[i] = xi;
		y[i] = f(xi);
		dy[i] = df(xi);
	}
	return { x, y, dy };
}
