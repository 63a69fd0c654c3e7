/**
 * Binary cross-entropy on the logit and its gradients for a DeepMlp, by explicit backpropagation:
 *   dz_out = (sigmoid(logit) - y) / n,   dW_l = h_{l-1}^T dz_l,   db_l = sum_rows dz_l,
 *   dz_{l-1} = (dz_l W_l^T) * f'(z_{l-1}).
 * Written out (rather than tf.grads) so each layer's f' factor is explicit and no op takes a JS
 * number: tfjs's built-in gradients upload constants every step (scalar(1) in the sigmoid/tanh
 * gradients, a full ones(shape) tensor in sum/mean).
 */
import * as tf from '@tensorflow/tfjs-core';
import { activateGrad } from '../functions/activationsTf';
import type { DeepMlp, MlpForward } from './deepMlp';

/** A forward pass plus the gradient of the mean BCE w.r.t. every weight [in, out] and bias [out]. */
export interface MlpGradients extends MlpForward {
	weightGrads: tf.Tensor2D[];
	biasGrads: tf.Tensor1D[];
	/**
	 * The backpropagated errors dLoss/dz [n, out] of each layer's pre-activation, same order as the
	 * weights (the last one belongs to the logit). Scaled by invN like the gradients.
	 */
	deltas: tf.Tensor2D[];
}

/**
 * Mean binary cross-entropy of logits [n, 1] against labels y [n, 1] in the stable form
 * max(z, 0) - z y + log(1 + e^{-|z|}) (nats). Call inside tf.tidy.
 */
export function bceWithLogits(logit: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
	const perPoint = tf.add(tf.sub(tf.relu(logit), tf.mul(logit, y)), tf.log1p(tf.exp(tf.neg(tf.abs(logit)))));
	return tf.mean(perPoint);
}

/** Share of points [n, 1] whose logit sign matches the 0/1 label (logit > 0 predicts 1). Inside tf.tidy. */
export function logitAccuracy(logit: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
	return tf.mean(tf.cast(tf.equal(tf.step(logit), y), 'float32'));
}

/**
 * Forward and backward pass for x [n, in], labels y [n, 1] and invN = 1/n (a kept scalar).
 * Call inside tf.tidy.
 */
export function mlpBceGradients(mlp: DeepMlp, x: tf.Tensor2D, y: tf.Tensor2D, invN: tf.Scalar): MlpGradients {
	const fwd = mlp.forward(x);
	const { pre, post } = fwd;
	const depth = pre.length;
	const weightGrads: tf.Tensor2D[] = new Array(depth + 1);
	const biasGrads: tf.Tensor1D[] = new Array(depth + 1);
	const deltas: tf.Tensor2D[] = new Array(depth + 1);
	let dz: tf.Tensor2D = tf.mul(tf.sub(tf.sigmoid(fwd.logit), y), invN);
	for (let l = depth; l >= 0; l--) {
		deltas[l] = dz;
		const input = l === 0 ? x : post[l - 1];
		weightGrads[l] = tf.matMul(input, dz, true, false);
		biasGrads[l] = tf.sum(dz, 0);
		if (l > 0) {
			const dh = tf.matMul(dz, mlp.weights[l], false, true);
			dz = tf.mul(dh, activateGrad(pre[l - 1], post[l - 1], mlp.act, mlp.kit));
		}
	}
	return { ...fwd, weightGrads, biasGrads, deltas };
}
