/**
 * Max and average pooling written as loops (the reference for tf.maxPool / tf.avgPool). Each
 * channel is pooled on its own over a size x size window moved by `stride`; pooling has no
 * weights. With 'same' padding the window may hang over the edge: only pixels inside the image
 * count (the maximum of those, or their mean), as in TensorFlow.
 */
import { convOutputShape, convPads, type ConvGeometry } from './convShape';
import type { FeatureMap } from './convLoop';

/** Which statistic a pooling window keeps. */
export type PoolKind = 'max' | 'avg';

/** The pooling kinds, in display order. */
export const POOL_KINDS = ['max', 'avg'] as const satisfies readonly PoolKind[];

/** The convolution geometry of a pooling window (no dilation). */
export function poolGeometry(size: number, stride: number, padding: 'valid' | 'same'): ConvGeometry {
	return { kernel: size, stride, dilation: 1, padding, pad: 0 };
}

/**
 * Pools `x` [rows, cols, C] with a size x size window and `stride`: [O_rows, O_cols, C]
 * (O from the convolution size formula; empty when the window does not fit).
 */
export function pool2dLoop(
	x: FeatureMap,
	kind: PoolKind,
	size: number,
	stride: number,
	padding: 'valid' | 'same' = 'valid'
): FeatureMap {
	const [rows, cols, ch] = x.shape;
	const g = poolGeometry(size, stride, padding);
	const [oh, ow] = convOutputShape(rows, cols, g);
	const p = convPads(rows, cols, g);
	const out = new Float32Array(oh * ow * ch);
	for (let r = 0; r < oh; r++) {
		const r0 = Math.max(0, r * stride - p.top);
		const r1 = Math.min(rows, r * stride - p.top + size);
		for (let c = 0; c < ow; c++) {
			const c0 = Math.max(0, c * stride - p.left);
			const c1 = Math.min(cols, c * stride - p.left + size);
			for (let k = 0; k < ch; k++) {
				let best = -Infinity;
				let sum = 0;
				for (let i = r0; i < r1; i++) {
					for (let j = c0; j < c1; j++) {
						const v = x.data[(i * cols + j) * ch + k];
						if (v > best) best = v;
						sum += v;
					}
				}
				const count = (r1 - r0) * (c1 - c0);
				out[(r * ow + c) * ch + k] = kind === 'max' ? best : sum / count;
			}
		}
	}
	return { data: out, shape: [oh, ow, ch] };
}
