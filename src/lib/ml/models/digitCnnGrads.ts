/**
 * The digit CNN's softmax cross-entropy and its gradients by explicit backpropagation:
 *   dlogits = (softmax - onehot) / B,  dWd = flat^T dlogits,  dbd = sum_rows dlogits,
 *   dpool2 = reshape(dlogits Wd^T),  drelu2 = poolGrad(dpool2),  dconv2 = drelu2 * step(conv2),
 *   dW2 = conv filter gradient(pool1, dconv2),  db2 = sum(dconv2),  dpool1 = conv input gradient,
 *   and the same for conv1 (its input gradient is not needed).
 * The backward kernels and their conv forms are in digitCnnKernels.ts. No op takes a JS number
 * (tfjs autodiff would upload constants every step).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoolKind } from './digitCnnLayers';
import {
	convInputGrad,
	filterGradByConv,
	filterGradByKernel,
	poolGradByKernel,
	poolGradByUpsample,
	usesFilterGradKernel,
	usesPoolGradKernel,
	type FilterGradMode,
	type PoolGradMode
} from './digitCnnKernels';
import { digitCnnForward, logSoftmax, type DigitCnnForward, type DigitCnnParams } from './digitCnnNet';

/** Gradients of the mean loss w.r.t. each parameter (same shapes as DigitCnnParams). */
export interface DigitCnnGrads {
	w1: tf.Tensor4D;
	b1: tf.Tensor1D;
	w2: tf.Tensor4D;
	b2: tf.Tensor1D;
	wd: tf.Tensor2D;
	bd: tf.Tensor1D;
}

/** A forward pass with its log-probabilities, loss and gradients. */
export interface DigitCnnBackward {
	fwd: DigitCnnForward;
	/** [B,10] log-softmax of the logits */
	logp: tf.Tensor2D;
	/** mean cross-entropy over the batch (nats) */
	loss: tf.Scalar;
	grads: DigitCnnGrads;
}

/** Settings of the backward pass. */
export interface BackwardOptions {
	pool: PoolKind;
	poolSize: number;
	kernel: number;
	filterGrad: FilterGradMode;
	poolGrad: PoolGradMode;
	/** kept upsampling filters (poolUpsampleFilter) for F1 and F2 channels; needed when pool gradients upsample */
	upsample?: { pool1: tf.Tensor4D; pool2: tf.Tensor4D };
}

/**
 * Forward and backward pass for images x [B,28,28,1], one-hot labels [B,10] and invB = 1/B (a kept
 * scalar). Call inside tf.tidy.
 */
export function digitCnnBackward(p: DigitCnnParams, x: tf.Tensor4D, onehot: tf.Tensor2D, invB: tf.Scalar, o: BackwardOptions): DigitCnnBackward {
	const fwd = digitCnnForward(p, o.pool, o.poolSize, x);
	const logp = logSoftmax(fwd.logits);
	const loss = tf.mul(tf.neg(tf.sum(tf.mul(onehot, logp))), invB) as tf.Scalar;
	const filterGrad = usesFilterGradKernel(o.filterGrad) ? filterGradByKernel : filterGradByConv;
	const poolKernel = usesPoolGradKernel(o.poolGrad);
	if (!poolKernel && !o.upsample) throw new Error('digitCnnBackward: upsampling filters missing');
	const poolGrad = (dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, layer: 'pool1' | 'pool2') =>
		poolKernel ? poolGradByKernel(dy, input, output, o.pool, o.poolSize) : poolGradByUpsample(dy, input, output, o.pool, o.poolSize, (o.upsample as NonNullable<BackwardOptions['upsample']>)[layer]);
	const dlogits = tf.mul(tf.sub(tf.exp(logp), onehot), invB) as tf.Tensor2D;
	const wd = tf.matMul(fwd.flat, dlogits, true, false) as tf.Tensor2D;
	const bd = tf.sum(dlogits, 0) as tf.Tensor1D;
	const dpool2 = tf.reshape(tf.matMul(dlogits, p.wd, false, true), fwd.pool2.shape) as tf.Tensor4D;
	const dconv2 = tf.mul(poolGrad(dpool2, fwd.relu2, fwd.pool2, 'pool2'), tf.step(fwd.conv2)) as tf.Tensor4D;
	const w2 = filterGrad(fwd.pool1, dconv2, o.kernel);
	const b2 = tf.sum(dconv2, [0, 1, 2]) as tf.Tensor1D;
	const dpool1 = convInputGrad(dconv2, p.w2, fwd.pool1.shape);
	const dconv1 = tf.mul(poolGrad(dpool1, fwd.relu1, fwd.pool1, 'pool1'), tf.step(fwd.conv1)) as tf.Tensor4D;
	const w1 = filterGrad(x, dconv1, o.kernel);
	const b1 = tf.sum(dconv1, [0, 1, 2]) as tf.Tensor1D;
	return { fwd, logp, loss, grads: { w1, b1, w2, b2, wd, bd } };
}
