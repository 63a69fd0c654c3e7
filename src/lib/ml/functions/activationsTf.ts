/**
 * Activation functions and their derivatives as tensor ops for models. Every constant (alpha, 1,
 * 0.5, 1/sqrt 2, ...) is a scalar tensor in an ActivationKit created once and disposed by its owner,
 * so no op in a training step takes a JS number (no per-step uploads on GPU backends).
 */
import * as tf from '@tensorflow/tfjs-core';
import { DEFAULT_LEAKY_ALPHA, type ActivationName } from './activations';

/** The scalar constants the activations need, owned by one model. */
export interface ActivationKit {
	readonly zero: tf.Scalar;
	readonly one: tf.Scalar;
	readonly half: tf.Scalar;
	/** leaky-ReLU negative slope */
	readonly alpha: tf.Scalar;
	readonly oneMinusAlpha: tf.Scalar;
	readonly invSqrt2: tf.Scalar;
	readonly invSqrt2Pi: tf.Scalar;
	/** Frees the constants. Safe to call twice. */
	dispose(): void;
}

/** Creates the constants once (call outside any training step). */
export function createActivationKit(alpha: number = DEFAULT_LEAKY_ALPHA): ActivationKit {
	const make = (v: number): tf.Scalar => tf.keep(tf.scalar(v, 'float32'));
	const tensors = {
		zero: make(0),
		one: make(1),
		half: make(0.5),
		alpha: make(alpha),
		oneMinusAlpha: make(1 - alpha),
		invSqrt2: make(Math.SQRT1_2),
		invSqrt2Pi: make(1 / Math.sqrt(2 * Math.PI))
	};
	let disposed = false;
	return {
		...tensors,
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const t of Object.values(tensors)) t.dispose();
		}
	};
}

/** Standard normal CDF 0.5 (1 + erf(x / sqrt 2)) as ops (same shape as x). */
function normalCdfOp(x: tf.Tensor, k: ActivationKit): tf.Tensor {
	return tf.mul(k.half, tf.add(k.one, tf.erf(tf.mul(x, k.invSqrt2))));
}

/** f(x) element-wise, same shape as x. Call inside tf.tidy. */
export function activate<T extends tf.Tensor>(x: T, name: ActivationName, k: ActivationKit): T {
	switch (name) {
		case 'sigmoid':
			return tf.sigmoid(x);
		case 'tanh':
			return tf.tanh(x);
		case 'relu':
			return tf.relu(x);
		case 'leakyRelu':
			return tf.prelu(x as tf.Tensor, k.alpha) as T;
		case 'elu':
			return tf.elu(x);
		case 'gelu':
			return tf.mul(x, normalCdfOp(x, k)) as T;
	}
}

/**
 * f'(z) element-wise, given the pre-activation z and the output h = f(z) (reused where the
 * derivative is cheaper from h). Matches `activationDerivative` incl. the kink convention
 * relu'(0) = 0, leakyRelu'(0) = alpha. Call inside tf.tidy.
 */
export function activateGrad<T extends tf.Tensor>(
	z: T,
	h: T,
	name: ActivationName,
	k: ActivationKit
): T {
	switch (name) {
		case 'sigmoid':
			return tf.sub(h, tf.square(h));
		case 'tanh':
			return tf.sub(k.one, tf.square(h));
		case 'relu':
			return tf.step(z);
		case 'leakyRelu':
			return tf.add(k.alpha, tf.mul(k.oneMinusAlpha, tf.step(z)));
		case 'elu':
			return tf.exp(tf.minimum(z, k.zero));
		case 'gelu': {
			const pdf = tf.mul(k.invSqrt2Pi, tf.exp(tf.neg(tf.mul(k.half, tf.square(z)))));
			return tf.add(normalCdfOp(z, k), tf.mul(z, pdf));
		}
	}
}
