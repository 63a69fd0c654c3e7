import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRng } from '$lib/ml/core/rng';
import { conv2dLoop, dotTerms, windowTaps, type FeatureMap } from '$lib/ml/functions/convLoop';
import { convOutputShape, type ConvGeometry } from '$lib/ml/functions/convShape';
import { conv2dTf, convFeatureMap, poolFeatureMap } from '$lib/ml/functions/convTf';
import { pool2dLoop } from '$lib/ml/functions/poolLoop';
import { useCpuBackend } from '../helpers';

useCpuBackend();

function random(n: number, seed: number): Float32Array {
	const rng = createRng(seed);
	return Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
}

function image(rows: number, cols: number, ch: number, seed: number): FeatureMap {
	return { data: random(rows * cols * ch, seed), shape: [rows, cols, ch] };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	expect(a.length).toBe(b.length);
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
	return m;
}

const SETTINGS: [string, number, number, number, ConvGeometry][] = [
	// name, rows, C_in, C_out, geometry
	['3x3 valid', 12, 1, 1, { kernel: 3, stride: 1, dilation: 1, padding: 'valid', pad: 0 }],
	['5x5 same, 3 -> 4 channels', 11, 3, 4, { kernel: 5, stride: 1, dilation: 1, padding: 'same', pad: 0 }],
	['3x3 stride 2 same (asymmetric pad)', 10, 2, 3, { kernel: 3, stride: 2, dilation: 1, padding: 'same', pad: 0 }],
	['4x4 same (even kernel)', 9, 1, 2, { kernel: 4, stride: 1, dilation: 1, padding: 'same', pad: 0 }],
	['3x3 dilation 2 valid', 13, 2, 2, { kernel: 3, stride: 1, dilation: 2, padding: 'valid', pad: 0 }],
	['3x3 dilation 3 same', 14, 1, 3, { kernel: 3, stride: 1, dilation: 3, padding: 'same', pad: 0 }],
	['7x7 stride 3 custom pad 4', 16, 3, 8, { kernel: 7, stride: 3, dilation: 1, padding: 'custom', pad: 4 }],
	['3x3 stride 2 dilation 2 custom pad 1', 15, 2, 3, { kernel: 3, stride: 2, dilation: 2, padding: 'custom', pad: 1 }],
	['5x5 stride 3 dilation 2 same', 28, 1, 2, { kernel: 5, stride: 3, dilation: 2, padding: 'same', pad: 0 }],
	['2x2 stride 4 dilation 3 valid', 17, 3, 1, { kernel: 2, stride: 4, dilation: 3, padding: 'valid', pad: 0 }],
	['1x1 (channel mixing only)', 6, 3, 5, { kernel: 1, stride: 1, dilation: 1, padding: 'valid', pad: 0 }]
];

describe('loop convolution equals tf.conv2d', () => {
	it.each(SETTINGS)('%s: loop == tf.conv2d to 1e-5 (random input and weights)', async (_, rows, cin, cout, g) => {
		const x = image(rows, rows + 1, cin, rows * 7 + cin);
		const w = random(g.kernel * g.kernel * cin * cout, 99 + cout);
		const bias = random(cout, 5);
		const loop = conv2dLoop(x, w, cout, g, bias);
		const [oh, ow] = convOutputShape(rows, rows + 1, g);
		expect(loop.shape).toEqual([oh, ow, cout]);
		const viaTf = await convFeatureMap(x, w, cout, g, bias);
		expect(viaTf.shape).toEqual(loop.shape);
		expect(maxDiff(viaTf.data, loop.data)).toBeLessThan(1e-5);
	});

	it('is cross-correlation: the kernel is not flipped', () => {
		// A single bright pixel convolved with an asymmetric kernel gives the kernel rotated by 180°
		// (each output looks "back" at the pixel); true convolution would give the kernel itself.
		const x: FeatureMap = { data: new Float32Array(25), shape: [5, 5, 1] };
		x.data[12] = 1;
		const k = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const g: ConvGeometry = { kernel: 3, stride: 1, dilation: 1, padding: 'valid', pad: 0 };
		const y = conv2dLoop(x, k, 1, g);
		expect(Array.from(y.data)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
		const t = tf.tidy(() => conv2dTf(tf.tensor4d(x.data, [1, 5, 5, 1]), tf.tensor4d(k, [3, 3, 1, 1]), g).dataSync());
		expect(Array.from(t)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
	});

	it('the worked dot product sums to the output value, padding taps reading 0', () => {
		const rows = 8;
		const x = image(rows, rows, 1, 3);
		const k = random(9, 4);
		const g: ConvGeometry = { kernel: 3, stride: 2, dilation: 2, padding: 'custom', pad: 2 };
		const y = conv2dLoop(x, k, 1, g);
		const [oh, ow] = y.shape;
		for (let r = 0; r < oh; r++)
			for (let c = 0; c < ow; c++) {
				const terms = dotTerms(x.data, rows, rows, k, r, c, g);
				expect(terms).toHaveLength(9);
				const sum = terms.reduce((s, t) => s + t.product, 0);
				expect(Math.abs(sum - y.data[r * ow + c])).toBeLessThan(1e-5);
				for (const t of terms) if (!t.inside) expect(t.x).toBe(0);
			}
		// Top-left output: taps start 2 pixels above and left of the image, 2 apart.
		const taps = windowTaps(0, 0, rows, rows, g);
		expect(taps.map((t) => [t.row, t.col])).toEqual([
			[-2, -2], [-2, 0], [-2, 2],
			[0, -2], [0, 0], [0, 2],
			[2, -2], [2, 0], [2, 2]
		]);
		expect(taps.filter((t) => t.inside)).toHaveLength(4);
	});
});

describe('loop pooling equals tf.maxPool / tf.avgPool', () => {
	const CASES: [number, number, number, 'valid' | 'same'][] = [
		[2, 2, 3, 'valid'],
		[3, 3, 2, 'valid'],
		[3, 2, 1, 'valid'],
		[2, 1, 2, 'valid'],
		[4, 4, 1, 'valid'],
		[3, 2, 2, 'same'],
		[2, 2, 3, 'same']
	];
	it.each(CASES)('size %i stride %i, %i channels, %s', async (size, stride, ch, padding) => {
		const x = image(13, 11, ch, size * 10 + stride);
		for (const kind of ['max', 'avg'] as const) {
			const loop = pool2dLoop(x, kind, size, stride, padding);
			const viaTf = await poolFeatureMap(x, kind, size, stride, padding);
			expect(viaTf.shape).toEqual(loop.shape);
			expect(maxDiff(viaTf.data, loop.data), kind).toBeLessThan(1e-6);
		}
	});

	it('max keeps the strongest response, average the mean; 26 -> 13 with 2x2 windows', () => {
		const x: FeatureMap = { data: Float32Array.from([1, -2, 3, 0, 4, 8, -1, 2, 0, 0, 5, 5, 6, 2, 1, 1]), shape: [4, 4, 1] };
		expect(Array.from(pool2dLoop(x, 'max', 2, 2).data)).toEqual([8, 3, 6, 5]);
		expect(Array.from(pool2dLoop(x, 'avg', 2, 2).data)).toEqual([2.75, 1, 2, 3]);
		expect(pool2dLoop({ data: new Float32Array(26 * 26), shape: [26, 26, 1] }, 'max', 2, 2).shape).toEqual([13, 13, 1]);
	});
});

describe('WebGPU storage-buffer limit', () => {
	it('no kernel of the tensor path takes more than 7 inputs', async () => {
		for (const [, rows, cin, cout, g] of SETTINGS) {
			const info = await tf.profile(() =>
				tf.tidy(() => tf.add(conv2dTf(tf.ones([1, rows, rows, cin]), tf.ones([g.kernel, g.kernel, cin, cout]), g), tf.ones([cout])))
			);
			(info.result as tf.Tensor).dispose();
			expect(Math.max(...info.kernels.map((k) => k.inputShapes.length))).toBeLessThanOrEqual(7);
		}
	});
});

describe('the tensor path leaks nothing', () => {
	it('convFeatureMap and poolFeatureMap leave the tensor count unchanged over many calls', async () => {
		const x = image(14, 14, 2, 1);
		const w = random(3 * 3 * 2 * 4, 2);
		await convFeatureMap(x, w, 4, SETTINGS[0][4]);
		const before = tf.memory().numTensors;
		for (const [, , , , g] of SETTINGS) {
			const ww = random(g.kernel * g.kernel * 2 * 3, 8);
			await convFeatureMap(x, ww, 3, g, [0.1, 0.2, 0.3]);
			await convFeatureMap(x, ww, 3, g);
		}
		await poolFeatureMap(x, 'max', 2, 2);
		await poolFeatureMap(x, 'avg', 3, 1, 'same');
		// A kernel that does not fit returns an empty map without touching tf.
		const empty = await convFeatureMap({ data: new Float32Array(4), shape: [2, 2, 1] }, new Float32Array(9), 1, SETTINGS[0][4]);
		expect(empty.shape).toEqual([0, 0, 1]);
		expect(tf.memory().numTensors).toBe(before);
	});
});
