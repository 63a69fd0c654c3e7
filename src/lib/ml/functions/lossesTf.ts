/**
 * Loss functions and their gradients as tensor ops (call inside tf.tidy).
 *
 * The three regression losses share one form, a scaled Huber function of the error r = ŷ − y:
 *   ρ(r) = huber_c(k·r) / k,   ψ(r) = dρ/dŷ = clip(k·r, −c, c),
 * so one op sequence evaluates MSE, MAE and Huber side by side when k and c are per-model columns:
 * - MSE:   k = 2, c = ∞ (MSE_CAP): ρ = r², ψ = 2r;
 * - MAE:   k = 10⁶ (MAE_SHARPNESS), c = 1: ψ = sign(r) wherever |r| ≥ 10⁻⁶, ρ = |r| − 5·10⁻⁷;
 * - Huber: k = 1, c = δ: exactly tf.losses.huberLoss with `delta` = δ.
 * The loss is computed as m·(|k r| − ½m)/k with m = min(|k r|, c), which never squares c (no
 * overflow for MSE's cap) and has no branch. Every constant is a tensor owned by a RobustKit, so a
 * training step takes no JS numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { RegressionLossName } from './losses';

/** MSE's clip level: larger than any error the lessons produce, small enough for float32. */
export const MSE_CAP = 1e30;

/** MAE's slope factor: sign(r) is clip(10⁶·r, −1, 1), exact for |r| ≥ 10⁻⁶. */
export const MAE_SHARPNESS = 1e6;

/** The scale k and clip level c of one regression loss in the scaled-Huber form. */
export interface RobustShape {
	k: number;
	c: number;
}

/** k and c for a loss (δ is used by Huber only; it must be > 0). */
export function robustShape(name: RegressionLossName, delta: number): RobustShape {
	switch (name) {
		case 'mse':
			return { k: 2, c: MSE_CAP };
		case 'mae':
			return { k: MAE_SHARPNESS, c: 1 };
		case 'huber':
			return { k: 1, c: delta };
	}
}

/** Kept constants of one or more regression losses stacked along a leading model axis. */
export interface RobustKit {
	/** the losses, one per row */
	readonly names: readonly RegressionLossName[];
	/** scale k per model [M, 1] */
	readonly k: tf.Tensor2D;
	/** clip level c per model [M, 1] (a variable: Huber's δ can change between steps) */
	readonly c: tf.Variable<tf.Rank.R2>;
	/** −c per model [M, 1] */
	readonly negC: tf.Variable<tf.Rank.R2>;
	/** the scalar ½ */
	readonly half: tf.Scalar;
	/** Sets Huber's δ (call between steps, not inside one); ignores δ that is not finite and > 0. */
	setDelta(delta: number): void;
	/** Frees the constants. Safe to call twice. */
	dispose(): void;
}

/** Creates the constants for `names` (call outside any training step). */
export function createRobustKit(names: readonly RegressionLossName[], delta: number): RobustKit {
	const shapes = (d: number) => names.map((n) => robustShape(n, d));
	const column = (values: number[]) => tf.tensor2d(values, [values.length, 1], 'float32');
	const initial = shapes(delta);
	const k = tf.keep(column(initial.map((s) => s.k)));
	const variable = (values: number[]) => tf.tidy(() => tf.variable(column(values), false) as tf.Variable<tf.Rank.R2>);
	const c = variable(initial.map((s) => s.c));
	const negC = variable(initial.map((s) => -s.c));
	const half = tf.keep(tf.scalar(0.5, 'float32'));
	let disposed = false;
	return {
		names: [...names],
		k,
		c,
		negC,
		half,
		setDelta(d) {
			if (disposed || !Number.isFinite(d) || d <= 0) return;
			const next = shapes(d).map((s) => s.c);
			tf.tidy(() => {
				c.assign(column(next));
				negC.assign(column(next.map((v) => -v)));
			});
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const t of [k, c, negC, half]) t.dispose();
		}
	};
}

/** ψ(r) = clip(k r, −c, c): dLoss/dŷ per element; r [M, N] (or broadcastable), k, c, negC [M, 1]. */
export function robustGradTf(r: tf.Tensor, kit: Pick<RobustKit, 'k' | 'c' | 'negC'>): tf.Tensor {
	return tf.minimum(tf.maximum(tf.mul(kit.k, r), kit.negC), kit.c);
}

/** ρ(r) = m(|k r| − ½m)/k with m = min(|k r|, c): the loss per element, same shapes as robustGradTf. */
export function robustLossTf(r: tf.Tensor, kit: Pick<RobustKit, 'k' | 'c' | 'half'>): tf.Tensor {
	const a = tf.abs(tf.mul(kit.k, r));
	const m = tf.minimum(a, kit.c);
	return tf.div(tf.mul(m, tf.sub(a, tf.mul(kit.half, m))), kit.k);
}

/**
 * Mean loss of one regression loss over all elements (tf.losses's default reduction without
 * weights). Builds its own constants: for tests and one-off use, not inside a training step.
 */
export function meanRegressionLossTf(name: RegressionLossName, predictions: tf.Tensor, labels: tf.Tensor, delta = 1): tf.Scalar {
	return tf.tidy(() => {
		const kit = createRobustKit([name], delta);
		try {
			return tf.mean(robustLossTf(tf.reshape(tf.sub(predictions, labels), [1, -1]), kit)) as tf.Scalar;
		} finally {
			kit.dispose();
		}
	});
}

/** Gradient of that mean with respect to the predictions (same shape as `predictions`). */
export function meanRegressionLossGradTf(name: RegressionLossName, predictions: tf.Tensor, labels: tf.Tensor, delta = 1): tf.Tensor {
	return tf.tidy(() => {
		const kit = createRobustKit([name], delta);
		try {
			const psi = robustGradTf(tf.reshape(tf.sub(predictions, labels), [1, -1]), kit);
			return tf.reshape(tf.div(psi, tf.scalar(predictions.size, 'float32')), predictions.shape);
		} finally {
			kit.dispose();
		}
	});
}

/** Element-wise BCE on logits z with targets y: relu(z) − z·y + log(1 + e^{−|z|}) (no overflow). */
export function bceWithLogitsTf(z: tf.Tensor, y: tf.Tensor): tf.Tensor {
	return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

/** Its gradient with respect to z: σ(z) − y. */
export function bceWithLogitsGradTf(z: tf.Tensor, y: tf.Tensor): tf.Tensor {
	return tf.sub(tf.sigmoid(z), y);
}

/** Softmax cross-entropy per row: logits [n, K] and one-hot (or soft) targets [n, K] -> [n]. */
export function softmaxCrossEntropyTf(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
	const logp = tf.logSoftmax(logits);
	return tf.neg(tf.sum(tf.mul(targets, logp), 1)) as tf.Tensor1D;
}

/** Its gradient with respect to the logits (targets summing to 1 per row): softmax(z) − y, [n, K]. */
export function softmaxCrossEntropyGradTf(logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor2D {
	return tf.sub(tf.softmax(logits), targets);
}
