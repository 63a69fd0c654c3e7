/** Per-layer gradient magnitudes: the read-out that shows gradients vanishing or exploding with depth. */
import * as tf from '@tensorflow/tfjs-core';

/**
 * L2 (Frobenius) norm of each layer's weight gradient, as a vector [layers]; entry 0 is the layer
 * closest to the input. Call inside tf.tidy.
 */
export function layerGradNorms(weightGrads: readonly tf.Tensor[]): tf.Tensor1D {
	return tf.stack(weightGrads.map((g) => tf.sqrt(tf.sum(tf.square(g))))) as tf.Tensor1D;
}

/**
 * |g| of every entry of each weight gradient, flattened row-major and concatenated [sum of sizes].
 * Call inside tf.tidy.
 */
export function edgeGradMagnitudes(weightGrads: readonly tf.Tensor[]): tf.Tensor1D {
	return tf.concat(weightGrads.map((g) => tf.reshape(tf.abs(g), [-1]))) as tf.Tensor1D;
}
