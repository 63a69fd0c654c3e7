/**
 * When a training run counts as diverged: one rule for every lesson with a learning rate.
 *
 * A run has diverged when
 *   1. a loss or a parameter is not a finite number (NaN or ±Infinity), or
 *   2. the loss has risen above DIVERGENCE_FACTOR times the model's reference loss: a loss scale
 *      fixed when the model is built (the untrained model's loss, or for a regression the squared
 *      size of the data window). A healthy run starts near its reference and goes down; even a
 *      too-large step that oscillates stays within a few times it. A thousand times it only comes
 *      from steps that overshoot by more each time.
 *
 * Finiteness is tested on the device with tf.isFinite, which tests the bits: WebGPU's shader
 * compiler may optimise `x != x` away, and max/min/relu may turn NaN into a number, so NaN is never
 * left to propagate into a flag. A model whose loss can spike and then come back down between two
 * read-backs (Adam's first too-large steps kill the ReLUs, after which the loss falls back to tens)
 * latches the test at every step on the device (`latchDivergence`), so a read-back that comes later
 * still sees it. Models whose divergence only grows (plain gradient descent on a quadratic) test
 * at read-backs only.
 */
import * as tf from '@tensorflow/tfjs-core';

/** How many times its reference loss a run's loss may reach before the run counts as diverged. */
export const DIVERGENCE_FACTOR = 1000;

/** The loss above which a model with reference loss `reference` (> 0) has diverged. */
export function divergenceBound(reference: number): number {
	if (!(Number.isFinite(reference) && reference > 0)) throw new Error(`divergence: bad reference loss ${reference}`);
	return DIVERGENCE_FACTOR * reference;
}

/**
 * Whether a read-back shows divergence: a loss that is not finite or not below `bound`, or a
 * device-side flag (finite flag or latch) that says so. `flags` are 1 = fine, 0 = diverged.
 */
export function isDivergedReadBack(losses: ArrayLike<number>, bound: number, okFlags: ArrayLike<number> = []): boolean {
	for (let i = 0; i < losses.length; i++) if (!(Math.abs(losses[i]) < bound)) return true;
	for (let i = 0; i < okFlags.length; i++) if (!(okFlags[i] > 0.5)) return true;
	return false;
}

/**
 * On the device, inside a training step's tf.tidy: 1 (float32, same shape as `loss`) where the loss
 * is not finite or is above `bound` (a kept scalar tensor), else 0.
 */
export function divergingTf(loss: tf.Tensor, bound: tf.Scalar): tf.Tensor {
	return tf.cast(tf.logicalOr(tf.logicalNot(tf.isFinite(loss)), tf.greater(loss, bound)), 'float32');
}

/**
 * A device-side latch: once any step's loss was not finite or above the bound, it stays set until
 * the model is disposed. `update` runs inside the step's tf.tidy and takes no JS numbers (the bound
 * is a kept tensor), so a step uploads nothing; `ok` is 1 while the run has not diverged, 0 after.
 */
export interface DivergenceLatch {
	/** Folds this step's loss (any shape) into the latch. Inside tf.tidy. */
	update(loss: tf.Tensor): void;
	/** 1 while no step has diverged, 0 after (float32 [1]); inside tf.tidy, for a stats vector. */
	ok(): tf.Tensor1D;
	dispose(): void;
}

/** Creates a latch for losses above `bound` (see divergenceBound) or not finite. */
export function createDivergenceLatch(bound: number): DivergenceLatch {
	const limit = tf.keep(tf.scalar(bound, 'float32'));
	const one = tf.keep(tf.scalar(1, 'float32'));
	const tripped = tf.tidy(() => tf.variable(tf.scalar(0, 'float32'), false));
	return {
		update(loss) {
			tripped.assign(tf.maximum(tripped, tf.max(divergingTf(loss, limit))) as tf.Scalar);
		},
		ok() {
			return tf.reshape(tf.sub(one, tripped), [1]);
		},
		dispose() {
			for (const t of [limit, one, tripped]) if (!t.isDisposed) t.dispose();
		}
	};
}
