/**
 * Dead-unit detection. A hidden unit is dead on a batch when its pre-activation is <= 0 for every
 * sample: its ReLU output and its gradient are then zero for all of them, so it cannot recover
 * by gradient descent on that data.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Per-unit dead flags (1 = dead, 0 = alive) [units] from pre-activations [n, units]. Call inside tf.tidy. */
export function deadUnitFlags(pre: tf.Tensor2D, zero: tf.Scalar): tf.Tensor1D {
	return tf.cast(tf.lessEqual(tf.max(pre, 0), zero), 'float32') as tf.Tensor1D;
}

/** Dead flags of several layers and their shares. */
export interface DeadUnitStats {
	/** all layers' flags concatenated, layer 1 first [sum of units] */
	flags: tf.Tensor1D;
	/** dead share of each layer [layers], in [0, 1] */
	shareByLayer: tf.Tensor1D;
	/** dead share over all units (scalar) */
	share: tf.Scalar;
}

/** Dead flags and shares for a list of hidden pre-activations [n, units_l]. Call inside tf.tidy. */
export function deadUnitStats(pre: readonly tf.Tensor2D[], zero: tf.Scalar): DeadUnitStats {
	const perLayer = pre.map((z) => deadUnitFlags(z, zero));
	const flags = tf.concat(perLayer) as tf.Tensor1D;
	return {
		flags,
		shareByLayer: tf.stack(perLayer.map((f) => tf.mean(f))) as tf.Tensor1D,
		share: tf.mean(flags)
	};
}
