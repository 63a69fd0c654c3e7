/**
 * The backward kernels of the digit CNN, each in two forms, and the choice between them:
 * - conv filter gradient: the backend's Conv2DBackpropFilter kernel, or the same sum written as a
 *   stride-1 convolution ("conv trick"; WASM has no such kernel, and tfjs's cpu one is slow);
 * - pooling gradient: the MaxPoolGrad / AvgPoolGrad kernels, or an upsampling by a transposed
 *   convolution with a kept identity filter (what the cpu backend runs fastest).
 * Kernels run through the public `tf.engine().runKernel`. Call inside tf.tidy unless noted.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { PoolKind } from './digitCnnLayers';

/** Filter gradient: the backend's kernel, the conv trick, or pick per backend (auto). */
export type FilterGradMode = 'auto' | 'kernel' | 'conv';
/** Pooling gradient: the backend's kernel, upsampling by transposed conv, or pick per backend (auto). */
export type PoolGradMode = 'auto' | 'kernel' | 'upsample';

/**
 * Backends where 'auto' takes the conv forms although they have the kernels: tfjs's cpu
 * Conv2DBackpropFilter, MaxPoolGrad and AvgPoolGrad read element by element through TensorBuffer
 * (the filter gradient took 12 s per step against 0.3 s for the trick, default net, batch 64).
 */
export const CONV_FORM_BACKENDS: ReadonlySet<string> = new Set(['cpu']);

/** Whether `backend` (default: the active one) has a Conv2DBackpropFilter kernel (WASM has none). */
export function hasFilterGradKernel(backend: string = tf.getBackend()): boolean {
	return tf.getKernel(tf.Conv2DBackpropFilter, backend) !== undefined;
}

/** Whether `mode` computes the filter gradient with the Conv2DBackpropFilter kernel on `backend`. */
export function usesFilterGradKernel(mode: FilterGradMode, backend: string = tf.getBackend()): boolean {
	if (mode !== 'auto') return mode === 'kernel';
	return hasFilterGradKernel(backend) && !CONV_FORM_BACKENDS.has(backend);
}

/** Whether `mode` computes pooling gradients with the MaxPoolGrad/AvgPoolGrad kernels on `backend`. */
export function usesPoolGradKernel(mode: PoolGradMode, backend: string = tf.getBackend()): boolean {
	if (mode !== 'auto') return mode === 'kernel';
	return !CONV_FORM_BACKENDS.has(backend);
}

/**
 * Filter gradient of a stride-1 'same' conv with an odd kernel k, as a convolution: with x read as
 * [C_in, H, W, B] and dy read as a filter [H, W, B, C_out], conv2d with (k-1)/2 zero padding on
 * each side (explicit, so no pad op) is [C_in, k, k, C_out], transposed to HWIO [k, k, C_in, C_out]:
 * dW[i,j,c,o] = sum over b,h,w of x[b, h+i-p, w+j-p, c] dy[b, h, w, o].
 * x [B,H,W,C_in], dy [B,H,W,C_out].
 */
export function filterGradByConv(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
	const p = (k - 1) / 2;
	const input = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D;
	const filter = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
	const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [p, p], [p, p], [0, 0]];
	return tf.transpose(tf.conv2d(input, filter, 1, pad), [1, 2, 0, 3]);
}

/** Filter gradient with the backend's Conv2DBackpropFilter kernel ('same', stride 1). */
export function filterGradByKernel(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D {
	const filterShape = [k, k, x.shape[3], dy.shape[3]];
	return tf.engine().runKernel<tf.Tensor4D>(tf.Conv2DBackpropFilter, { x, dy }, { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', filterShape });
}

/** Input gradient of a conv (Conv2DBackpropInput, i.e. a transposed convolution). */
export function convInputGrad(dy: tf.Tensor4D, filter: tf.Tensor4D, inputShape: number[], stride = 1, pad: 'same' | 'valid' = 'same'): tf.Tensor4D {
	return tf.engine().runKernel<tf.Tensor4D>(tf.Conv2DBackpropInput, { dy, filter }, { strides: [stride, stride], pad, dataFormat: 'NHWC', inputShape });
}

/** Gradient through a pooling layer (window = stride = size, 'valid') with the backend's kernel. */
export function poolGradByKernel(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, kind: PoolKind, size: number): tf.Tensor4D {
	const attrs = { filterSize: [size, size], strides: [size, size], pad: 'valid' };
	return kind === 'max'
		? tf.engine().runKernel<tf.Tensor4D>(tf.MaxPoolGrad, { dy, input, output }, attrs)
		: tf.engine().runKernel<tf.Tensor4D>(tf.AvgPoolGrad, { dy, input }, attrs);
}

/**
 * The kept filter [size, size, C, C] that upsamples a pooled map back to its input by a transposed
 * convolution: identity over channels at every window position, times 1 (max) or 1/size^2 (avg).
 * Call once, outside any training step (it uploads); the caller disposes it.
 */
export function poolUpsampleFilter(channels: number, size: number, kind: PoolKind): tf.Tensor4D {
	const values = new Float32Array(size * size * channels * channels);
	const v = kind === 'max' ? 1 : 1 / (size * size);
	for (let w = 0; w < size * size; w++) for (let c = 0; c < channels; c++) values[(w * channels + c) * channels + c] = v;
	return tf.tensor4d(values, [size, size, channels, channels], 'float32');
}

/**
 * Pooling gradient by upsampling (windows do not overlap, so each input cell has one window):
 * avg: up(dy) with the 1/size^2 filter; max: up(dy) * (input == up(output)), so the gradient goes
 * to the cell(s) holding the window's maximum (ties only among zeros after ReLU, where the ReLU
 * gradient is 0 anyway). Cells no window covers (28 % 3) get 0.
 */
export function poolGradByUpsample(dy: tf.Tensor4D, input: tf.Tensor4D, output: tf.Tensor4D, kind: PoolKind, size: number, filter: tf.Tensor4D): tf.Tensor4D {
	const up = (t: tf.Tensor4D) => convInputGrad(t, filter, input.shape, size, 'valid');
	if (kind === 'avg') return up(dy);
	return tf.mul(up(dy), tf.cast(tf.equal(input, up(output)), 'float32'));
}
