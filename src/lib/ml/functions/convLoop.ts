/**
 * Convolution written as plain loops, the definition itself: what deep-learning libraries call
 * convolution is cross-correlation (the kernel is not flipped),
 *   y[r, c, o] = b[o] + sum_{i, j, ch} x[r*S - P_top + i*D, c*S - P_left + j*D, ch] * w[i, j, ch, o],
 * with x = 0 outside the image (zero padding). Layouts are TensorFlow's: images HWC (NHWC without
 * the batch axis), kernels HWIO, all row-major. The reference for the tensor path and the lesson's
 * worked dot product.
 */
import { convOutputShape, convPads, type ConvGeometry } from './convShape';

/** A feature map or image: `data` row-major HWC with `shape` [rows, cols, channels]. */
export interface FeatureMap {
	data: Float32Array;
	shape: [number, number, number];
}

/** One tap of the kernel at one output position. */
export interface Tap {
	/** Kernel row and column. */
	i: number;
	j: number;
	/** Input row and column the tap reads (may lie in the zero padding, outside the image). */
	row: number;
	col: number;
	/** Whether (row, col) is inside the image (else the input value is a padding zero). */
	inside: boolean;
}

/** The K x K taps (row-major over the kernel) of output position (r, c) on a `rows` x `cols` input. */
export function windowTaps(r: number, c: number, rows: number, cols: number, g: ConvGeometry): Tap[] {
	const p = convPads(rows, cols, g);
	const taps: Tap[] = [];
	for (let i = 0; i < g.kernel; i++) {
		for (let j = 0; j < g.kernel; j++) {
			const row = r * g.stride - p.top + i * g.dilation;
			const col = c * g.stride - p.left + j * g.dilation;
			taps.push({ i, j, row, col, inside: row >= 0 && row < rows && col >= 0 && col < cols });
		}
	}
	return taps;
}

/**
 * Multi-channel convolution by loops. `x`: [rows, cols, C_in]; `weights`: HWIO [K, K, C_in, C_out]
 * row-major; `bias`: C_out values or none. Returns [O_rows, O_cols, C_out] (empty when the kernel
 * does not fit). Accumulates in float64.
 */
export function conv2dLoop(
	x: FeatureMap,
	weights: Float32Array,
	cout: number,
	g: ConvGeometry,
	bias?: ArrayLike<number>
): FeatureMap {
	const [rows, cols, cin] = x.shape;
	const k = g.kernel;
	if (weights.length !== k * k * cin * cout) {
		throw new Error(`conv2dLoop: ${weights.length} weights, expected ${k}x${k}x${cin}x${cout}`);
	}
	const [oh, ow] = convOutputShape(rows, cols, g);
	const p = convPads(rows, cols, g);
	const out = new Float32Array(oh * ow * cout);
	const acc = new Float64Array(cout);
	for (let r = 0; r < oh; r++) {
		for (let c = 0; c < ow; c++) {
			for (let o = 0; o < cout; o++) acc[o] = bias ? bias[o] : 0;
			for (let i = 0; i < k; i++) {
				const row = r * g.stride - p.top + i * g.dilation;
				if (row < 0 || row >= rows) continue;
				for (let j = 0; j < k; j++) {
					const col = c * g.stride - p.left + j * g.dilation;
					if (col < 0 || col >= cols) continue;
					const xi = (row * cols + col) * cin;
					const wi = (i * k + j) * cin * cout;
					for (let ch = 0; ch < cin; ch++) {
						const v = x.data[xi + ch];
						if (v === 0) continue;
						const w0 = wi + ch * cout;
						for (let o = 0; o < cout; o++) acc[o] += v * weights[w0 + o];
					}
				}
			}
			const oi = (r * ow + c) * cout;
			for (let o = 0; o < cout; o++) out[oi + o] = acc[o];
		}
	}
	return { data: out, shape: [oh, ow, cout] };
}

/** One term x * w of the dot product at an output position (single channel). */
export interface DotTerm extends Tap {
	/** Input value (0 in the padding). */
	x: number;
	/** Kernel weight. */
	w: number;
	product: number;
}

/**
 * The worked dot product of a single-channel kernel (K x K row-major) at output (r, c) of a
 * single-channel image [rows, cols]: every tap's input, weight and product; the sum is the output.
 */
export function dotTerms(
	image: ArrayLike<number>,
	rows: number,
	cols: number,
	kernel: ArrayLike<number>,
	r: number,
	c: number,
	g: ConvGeometry
): DotTerm[] {
	return windowTaps(r, c, rows, cols, g).map((t) => {
		const x = t.inside ? image[t.row * cols + t.col] : 0;
		const w = kernel[t.i * g.kernel + t.j];
		return { ...t, x, w, product: x * w };
	});
}
