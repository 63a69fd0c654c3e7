/**
 * Lean plain SGD, w <- w - lr * g, with the learning rate kept in a scalar variable: changing it
 * assigns the variable (outside a step) and the update itself creates no tensor from a JS value.
 */
import * as tf from '@tensorflow/tfjs-core';

/** An SGD optimiser owning its learning-rate variable. */
export interface Sgd {
	/** the learning rate (scalar variable) */
	readonly lr: tf.Variable<tf.Rank.R0>;
	/** Sets the learning rate (call between steps, not inside one). Ignores non-finite or negative values. */
	setLearningRate(value: number): void;
	/** Applies w -= lr * g to each variable with its gradient (same order). Call inside tf.tidy. */
	apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
	/** Frees the learning-rate variable. Safe to call twice. */
	dispose(): void;
}

/** Creates an SGD optimiser with the given learning rate. */
export function createSgd(learningRate: number): Sgd {
	const lr = tf.tidy(() => tf.variable(tf.scalar(learningRate, 'float32'), false) as tf.Variable<tf.Rank.R0>);
	let disposed = false;
	return {
		lr,
		setLearningRate(value) {
			if (!Number.isFinite(value) || value < 0 || disposed) return;
			tf.tidy(() => lr.assign(tf.scalar(value, 'float32')));
		},
		apply(variables, grads) {
			if (variables.length !== grads.length) throw new Error('sgd: variables and grads differ in length');
			for (let i = 0; i < variables.length; i++) variables[i].assign(tf.sub(variables[i], tf.mul(lr, grads[i])));
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			lr.dispose();
		}
	};
}
