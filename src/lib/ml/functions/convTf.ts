/**
 * The same convolution and pooling as `convLoop.ts` / `poolLoop.ts` with TensorFlow.js ops (the path
 * the lesson runs live on the selected backend). tf.conv2d refuses a stride and a dilation both above
 * 1, so that case runs at stride 1 with the explicit padding of the requested geometry and keeps
 * every S-th row and column: the same positions, hence the same output.
 */
import * as tf from '@tensorflow/tfjs-core';
import { convOutputShape, convPads, type ConvGeometry } from './convShape';
import type { FeatureMap } from './convLoop';
import type { PoolKind } from './poolLoop';

/** tf.conv2d's padding argument for a geometry on a `rows` x `cols` input. */
export function tfPadding(rows: number, cols: number, g: ConvGeometry): 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]] {
	if (g.padding === 'valid') return 'valid';
	if (g.padding === 'same') return 'same';
	const p = convPads(rows, cols, g);
	return [
		[0, 0],
		[p.top, p.bottom],
		[p.left, p.right],
		[0, 0]
	];
}

/**
 * Convolution as tensor ops. `x`: [N, rows, cols, C_in]; `w`: [K, K, C_in, C_out] (HWIO);
 * returns [N, O_rows, O_cols, C_out]. Call inside tf.tidy. The kernel must fit the padded input.
 */
export function conv2dTf(x: tf.Tensor4D, w: tf.Tensor4D, g: ConvGeometry): tf.Tensor4D {
	const [, rows, cols] = x.shape;
	const d: [number, number] = [g.dilation, g.dilation];
	if (g.stride === 1 || g.dilation === 1) {
		return tf.conv2d(x, w, g.stride, tfPadding(rows, cols, g), 'NHWC', d);
	}
	const p = convPads(rows, cols, g);
	const dense = tf.conv2d(
		x,
		w,
		1,
		[
			[0, 0],
			[p.top, p.bottom],
			[p.left, p.right],
			[0, 0]
		],
		'NHWC',
		d
	);
	const [oh, ow] = convOutputShape(rows, cols, g);
	const s = g.stride;
	return tf.stridedSlice(dense, [0, 0, 0, 0], [x.shape[0], (oh - 1) * s + 1, (ow - 1) * s + 1, w.shape[3]], [1, s, s, 1]) as tf.Tensor4D;
}

/**
 * One feature map computed on the current backend: uploads `x` [rows, cols, C_in] and the HWIO
 * weights, convolves (plus `bias` per output channel when given) inside tf.tidy and reads back once.
 * Returns [O_rows, O_cols, C_out]; an empty map when the kernel does not fit. Leaves no tensors.
 */
export async function convFeatureMap(
	x: FeatureMap,
	weights: Float32Array,
	cout: number,
	g: ConvGeometry,
	bias?: ArrayLike<number>
): Promise<FeatureMap> {
	const [rows, cols, cin] = x.shape;
	const [oh, ow] = convOutputShape(rows, cols, g);
	if (oh === 0) return { data: new Float32Array(0), shape: [0, 0, cout] };
	const y = tf.tidy(() => {
		const xt = tf.tensor4d(x.data, [1, rows, cols, cin]);
		const wt = tf.tensor4d(weights, [g.kernel, g.kernel, cin, cout]);
		const out = conv2dTf(xt, wt, g);
		return bias ? tf.add<tf.Tensor4D>(out, tf.tensor1d(Array.from(bias))) : out;
	});
	try {
		const data = (await y.data()) as Float32Array;
		const [, oh, ow, oc] = y.shape;
		return { data, shape: [oh, ow, oc] };
	} finally {
		y.dispose();
	}
}

/**
 * Max or average pooling of `x` [rows, cols, C] on the current backend (tf.maxPool / tf.avgPool,
 * inside tf.tidy, one read-back). Returns [O_rows, O_cols, C]. Leaves no tensors.
 */
export async function poolFeatureMap(
	x: FeatureMap,
	kind: PoolKind,
	size: number,
	stride: number,
	padding: 'valid' | 'same' = 'valid'
): Promise<FeatureMap> {
	const [rows, cols, ch] = x.shape;
	const [oh] = convOutputShape(rows, cols, { kernel: size, stride, dilation: 1, padding, pad: 0 });
	if (oh === 0) return { data: new Float32Array(0), shape: [0, 0, ch] };
	const y = tf.tidy(() => {
		const xt = tf.tensor4d(x.data, [1, rows, cols, ch]);
		return kind === 'max' ? tf.maxPool(xt, size, stride, padding) : tf.avgPool(xt, size, stride, padding);
	});
	try {
		const data = (await y.data()) as Float32Array;
		const [, oh, ow, oc] = y.shape;
		return { data, shape: [oh, ow, oc] };
	} finally {
		y.dispose();
	}
}
