/**
 * Geometry of a 2-D convolution: the output-size formula, the effective (dilated) kernel size and
 * the zero padding of each mode, exactly as TensorFlow.js computes them. Pure numbers, no tensors.
 *
 * One axis: input size W, kernel K, stride S, dilation D, padding P before and after:
 *   O = floor((W + P_before + P_after - D(K - 1) - 1) / S) + 1
 * ('valid' is P = 0; 'same' pads so that O = ceil(W / S), putting the odd pixel after: bottom/right).
 */

/** How the input is padded with zeros: none, TensorFlow's 'same', or `pad` zeros on every side. */
export type PaddingMode = 'valid' | 'same' | 'custom';

/** Every padding mode, in display order. */
export const PADDING_MODES = ['valid', 'same', 'custom'] as const satisfies readonly PaddingMode[];

/** Settings of one square convolution (the same along rows and columns). */
export interface ConvGeometry {
	/** Kernel size K (K x K taps). */
	kernel: number;
	/** Step between two output positions, input pixels. */
	stride: number;
	/** Spacing between two taps of the kernel, input pixels (1 = dense kernel). */
	dilation: number;
	padding: PaddingMode;
	/** Zeros added on every side when `padding` is 'custom' (ignored otherwise). */
	pad: number;
}

/** Zero rows/columns added on each side of the input. */
export interface Pads {
	top: number;
	bottom: number;
	left: number;
	right: number;
}

/** Span of a dilated kernel in input pixels: D(K - 1) + 1. */
export function effectiveKernel(kernel: number, dilation: number): number {
	return dilation * (kernel - 1) + 1;
}

/**
 * The output-size formula for one axis, O = floor((W + P_before + P_after - D(K - 1) - 1) / S) + 1;
 * with one `pad` it is the textbook floor((W + 2P - D(K - 1) - 1) / S) + 1. Returns 0 (no output)
 * when the dilated kernel does not fit in the padded input.
 */
export function outputSize(
	input: number,
	kernel: number,
	stride: number,
	padBefore: number,
	dilation = 1,
	padAfter = padBefore
): number {
	const span = input + padBefore + padAfter - effectiveKernel(kernel, dilation);
	return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/**
 * TensorFlow's 'same' padding on one axis: O = ceil(W / S) outputs and
 * max(0, (O - 1)S + D(K - 1) + 1 - W) zeros in all, floor(half) before and the rest after.
 */
export function samePads(input: number, kernel: number, stride: number, dilation = 1): [before: number, after: number] {
	const out = Math.ceil(input / stride);
	const total = Math.max(0, (out - 1) * stride + effectiveKernel(kernel, dilation) - input);
	const before = Math.floor(total / 2);
	return [before, total - before];
}

/** The zeros a geometry adds around an input of `rows` x `cols`. */
export function convPads(rows: number, cols: number, g: ConvGeometry): Pads {
	if (g.padding === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
	if (g.padding === 'custom') return { top: g.pad, bottom: g.pad, left: g.pad, right: g.pad };
	const [top, bottom] = samePads(rows, g.kernel, g.stride, g.dilation);
	const [left, right] = samePads(cols, g.kernel, g.stride, g.dilation);
	return { top, bottom, left, right };
}

/** Output rows and columns of a geometry on a `rows` x `cols` input (0 when the kernel does not fit). */
export function convOutputShape(rows: number, cols: number, g: ConvGeometry): [number, number] {
	const p = convPads(rows, cols, g);
	const oh = outputSize(rows, g.kernel, g.stride, p.top, g.dilation, p.bottom);
	const ow = outputSize(cols, g.kernel, g.stride, p.left, g.dilation, p.right);
	return oh > 0 && ow > 0 ? [oh, ow] : [0, 0];
}

/**
 * Learnable parameters of a conv layer with C_in input and C_out output channels:
 * K * K * C_in * C_out weights, plus C_out biases when `bias`.
 */
export function convParams(kernel: number, cin: number, cout: number, bias = true): number {
	return kernel * kernel * cin * cout + (bias ? cout : 0);
}
