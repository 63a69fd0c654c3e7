/**
 * The multi-channel view's data: an input with C_in channels made from one grayscale image, and
 * C_out x C_in kernels (structured from the presets, or random with He scaling). Pure functions.
 */
import { createRng, deriveSeed } from '$lib/ml/core/rng';
import type { FeatureMap } from '$lib/ml/functions/convLoop';
import { kernelPreset, kernelWeights, type KernelPresetName } from '$lib/ml/functions/kernels';

/** Presets the structured weights cycle through. */
const CYCLE: KernelPresetName[] = ['sobelX', 'sobelY', 'edge', 'gaussian', 'sharpen', 'identity'];

/**
 * C_in channels from a grayscale image [rows x cols] in [0, 1]: one channel is the image; two or
 * three channels paint it with colour ramps (left-to-right fading out, top-to-bottom fading in,
 * left-to-right fading in), like the red, green and blue planes of a coloured picture.
 */
export function colourChannels(image: ArrayLike<number>, rows: number, cols: number, cin: number): FeatureMap {
	const data = new Float32Array(rows * cols * cin);
	for (let r = 0; r < rows; r++) {
		const v = rows > 1 ? r / (rows - 1) : 0.5;
		for (let c = 0; c < cols; c++) {
			const u = cols > 1 ? c / (cols - 1) : 0.5;
			const x = image[r * cols + c];
			const ramps = cin === 1 ? [1] : cin === 2 ? [1 - u, u] : [1 - u, v, u];
			for (let ch = 0; ch < cin; ch++) data[(r * cols + c) * cin + ch] = x * ramps[ch];
		}
	}
	return { data, shape: [rows, cols, cin] };
}

/** The preset of kernel (input channel i, output channel o) in the structured weights. */
export function structuredPreset(i: number, o: number): KernelPresetName {
	return CYCLE[(o + 2 * i) % CYCLE.length];
}

/**
 * Weights [K, K, C_in, C_out] (HWIO, row-major). 'structured': kernel (i, o) is a preset divided by
 * C_in (so each output averages its input channels' responses); 'random': He-normal,
 * std sqrt(2 / (K² C_in)), from `seed`.
 */
export function channelWeights(k: number, cin: number, cout: number, mode: 'structured' | 'random', seed: number): Float32Array {
	const w = new Float32Array(k * k * cin * cout);
	const rng = createRng(deriveSeed(seed, 'conv-channels'));
	const std = Math.sqrt(2 / (k * k * cin));
	for (let o = 0; o < cout; o++) {
		for (let i = 0; i < cin; i++) {
			const p = kernelPreset(structuredPreset(i, o), k);
			const cells = kernelWeights(p.cells, p.divisor);
			for (let t = 0; t < k * k; t++) {
				const v = mode === 'structured' ? cells[t] / cin : rng.normal(0, std);
				w[(t * cin + i) * cout + o] = v;
			}
		}
	}
	return w;
}

/** Kernel (i, o) of HWIO weights as K x K row-major values. */
export function kernelSlice(w: Float32Array, k: number, cin: number, cout: number, i: number, o: number): Float32Array {
	return Float32Array.from({ length: k * k }, (_, t) => w[(t * cin + i) * cout + o]);
}

/** Channel `ch` of an HWC map as rows x cols row-major values. */
export function channelSlice(m: FeatureMap, ch: number): Float32Array {
	const [rows, cols, n] = m.shape;
	return Float32Array.from({ length: rows * cols }, (_, i) => m.data[i * n + ch]);
}
