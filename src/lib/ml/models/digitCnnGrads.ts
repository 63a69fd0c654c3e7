/**
 * The digit CNN's softmax cross-entropy and its gradients by explicit backpropagation:
 *   dlogits = (softmax - onehot) / B,  dWd = flat^T dlogits,  dbd = sum_rows dlogits,
 *   dpool2 = reshape(dlogits Wd^T),  drelu2 = poolGrad(dpool2),  dconv2 = drelu2 * step(conv2),
 *   dW2 = conv filter gradient(pool1, dconv2),  db2 = sum(dconv2),  dpool1 = conv input gradient,
 *   and the same for conv1 (its input gradient is not needed).
 * The backward kernels (Conv2DBackpropFilter, Conv2DBackpropInput, MaxPoolGrad, AvgPoolGrad) run
 * through the public `tf.engine().runKernel`. The WASM backend has no Conv2DBackpropFilter; there
 * (and on cpu, where the kernel is slow) the filter gradient is itself a stride-1 convolution
 * (`filterGradByConv`). No op takes a JS
 * number (tfjs autodiff would upload constants every step).
 */
import * as tf from '@tensorflow/tfjs';
import type { PoolKind } from './digitCnnLayers';
import { digitCnnForward, logSoftmax, type DigitCnnForward, type DigitCnnParams } from './digitCnnNet';

/** How the conv filter gradient is computed: the backend's kernel, the conv trick, or pick (auto, see usesFilterGradKernel). */
export type FilterGradMode = 'auto' | 'kernel' | 'conv';

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

/** Whether the active backend has a Conv2DBackpropFilter kernel (WASM has none). */
export function hasFilterGradKernel(backend: string = tf.getBackend()): boolean {
	return tf.getKernel(tf.Conv2DBackpropFilter, backend) !== undefined;
}

/**
 * Filter gradient of a stride-1 'same' conv with an odd kernel k, as a convolution: with x padded
 * by (k-1)/2 and read as [C_in, H+k-1, W+k-1, B] and dy read as a filter [OH, OW, B, C_out],
 * conv2d(x', dy', valid) is [C_in, k, k, C_out], transposed to HWIO [k, k, C_in, C_out].
 * x [B,H,W,C_in], dy [B,H,W,C_out]. Call inside tf.tidy.
 */
export function filterGradByConv(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
	const p = (k - 1) / 2;
	const padded = p > 0 ? tf.pad(x, [[0, 0], [p, p], [p, p], [0, 0]]) : x;
	const input = tf.transpose(padded, [3, 1, 2, 0]) as tf.Tensor4D;
	const filter = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
	return tf.transpose(tf.conv2d(input, filter, 1, 'valid'), [1, 2, 0, 3]);
}

/** Filter gradient with the backend's Conv2DBackpropFilter kernel ('same', stride 1). Inside tf.tidy. */
export function filterGradByKernel(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
	const filterShape = [k, k, x.shape[3], dy.shape[3]];
	return tf.engine().runKernel<tf.Tensor4D>(tf.Conv2DBackpropFilter, { x, dy }, { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', filterShape });
}

/** Input gradient of a stride-1 'same' conv (Conv2DBackpropInput). Inside tf.tidy. */
function inputGrad(dy: tf.Tensor4D, filter: tf.Tensor4D, inputShape: number[]): tf.Tensor4D {
	return tf.engine().runKernel<tf.Tensor4D>(tf.Conv2DBackpropInput, { dy, filter }, { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', inputShape });
}

/** Gradient through a pooling layer (window = stride = size, 'valid'). Inside tf.tidy. */
export function poolGrad(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, kind: PoolKind, size: number): tf.Tensor4D {
	const attrs = { filterSize: [size, size], strides: [size, size], pad: 'valid' };
	return kind === 'max'
		? tf.engine().runKernel<tf.Tensor4D>(tf.MaxPoolGrad, { dy, input, output }, attrs)
		: tf.engine().runKernel<tf.Tensor4D>(tf.AvgPoolGrad, { dy, input }, attrs);
}

/**
 * Backends where 'auto' takes the conv trick although they have the kernel: tfjs's cpu
 * Conv2DBackpropFilter reads element by element and was ~40x slower than the trick for L10's
 * default net (12 s against 0.3 s per step, batch 64, Node).
 */
export const CONV_TRICK_BACKENDS: ReadonlySet<string> = new Set(['cpu']);

/** Whether `mode` computes the filter gradient with the Conv2DBackpropFilter kernel on `backend`. */
export function usesFilterGradKernel(mode: FilterGradMode, backend: string = tf.getBackend()): boolean {
	if (mode !== 'auto') return mode === 'kernel';
	return hasFilterGradKernel(backend) && !CONV_TRICK_BACKENDS.has(backend);
}

/** The filter-gradient function a mode selects on the active backend. */
export function filterGradFn(mode: FilterGradMode): (x: tf.Tensor4D, dy: tf.Tensor4D, k: number) => tf.Tensor4D {
	return usesFilterGradKernel(mode) ? filterGradByKernel : filterGradByConv;
}

/** Settings of the backward pass. */
export interface BackwardOptions {
	pool: PoolKind;
	poolSize: number;
	kernel: number;
	filterGrad: FilterGradMode;
}

/**
 * Forward and backward pass for images x [B,28,28,1], one-hot labels [B,10] and invB = 1/B (a kept
 * scalar). Call inside tf.tidy.
 */
export function digitCnnBackward(p: DigitCnnParams, x: tf.Tensor4D, onehot: tf.Tensor2D, invB: tf.Scalar, o: BackwardOptions): DigitCnnBackward {
	const fwd = digitCnnForward(p, o.pool, o.poolSize, x);
	const logp = logSoftmax(fwd.logits);
	const loss = tf.mul(tf.neg(tf.sum(tf.mul(onehot, logp))), invB) as tf.Scalar;
	const filterGrad = filterGradFn(o.filterGrad);
	const dlogits = tf.mul(tf.sub(tf.exp(logp), onehot), invB) as tf.Tensor2D;
	const wd = tf.matMul(fwd.flat, dlogits, true, false) as tf.Tensor2D;
	const bd = tf.sum(dlogits, 0) as tf.Tensor1D;
	const dpool2 = tf.reshape(tf.matMul(dlogits, p.wd, false, true), fwd.pool2.shape) as tf.Tensor4D;
	const dconv2 = tf.mul(poolGrad(dpool2, fwd.relu2, fwd.pool2, o.pool, o.poolSize), tf.step(fwd.conv2)) as tf.Tensor4D;
	const w2 = filterGrad(fwd.pool1, dconv2, o.kernel);
	const b2 = tf.sum(dconv2, [0, 1, 2]) as tf.Tensor1D;
	const dpool1 = inputGrad(dconv2, p.w2, fwd.pool1.shape);
	const dconv1 = tf.mul(poolGrad(dpool1, fwd.relu1, fwd.pool1, o.pool, o.poolSize), tf.step(fwd.conv1)) as tf.Tensor4D;
	const w1 = filterGrad(x, dconv1, o.kernel);
	const b1 = tf.sum(dconv1, [0, 1, 2]) as tf.Tensor1D;
	return { fwd, logp, loss, grads: { w1, b1, w2, b2, wd, bd } };
}
