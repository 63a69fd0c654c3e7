import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
	convOutputShape,
	convPads,
	convParams,
	effectiveKernel,
	outputSize,
	PADDING_MODES,
	samePads,
	type ConvGeometry
} from '$lib/ml/functions/convShape';
import { conv2dTf, tfPadding } from '$lib/ml/functions/convTf';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** The formula as the lesson states it, written out independently: floor((W + 2P - D(K-1) - 1)/S) + 1. */
const formula = (w: number, k: number, s: number, p: number, d: number) => Math.floor((w + 2 * p - d * (k - 1) - 1) / s) + 1;

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 27, 28];

function* geometries(): Generator<ConvGeometry> {
	for (let kernel = 1; kernel <= 7; kernel++)
		for (let stride = 1; stride <= 4; stride++)
			for (let dilation = 1; dilation <= 3; dilation++)
				for (const padding of PADDING_MODES)
					for (let pad = 0; pad <= (padding === 'custom' ? 4 : 0); pad++) yield { kernel, stride, dilation, padding, pad };
}

describe('output size', () => {
	it('valid and custom padding follow floor((W + 2P - D(K-1) - 1)/S) + 1 for the whole sweep', () => {
		let checked = 0;
		for (const w of SIZES)
			for (const g of geometries()) {
				if (g.padding === 'same') continue;
				const p = g.padding === 'custom' ? g.pad : 0;
				const expected = formula(w, g.kernel, g.stride, p, g.dilation);
				expect(outputSize(w, g.kernel, g.stride, p, g.dilation), JSON.stringify({ w, ...g })).toBe(Math.max(0, expected));
				const [oh, ow] = convOutputShape(w, w, g);
				expect(oh).toBe(expected > 0 ? expected : 0);
				expect(ow).toBe(oh);
				checked++;
			}
		expect(checked).toBeGreaterThan(8000);
	});

	it("'same' gives ceil(W/S) outputs, and the formula with its (possibly asymmetric) padding agrees", () => {
		for (const w of SIZES)
			for (const g of geometries()) {
				if (g.padding !== 'same') continue;
				const [before, after] = samePads(w, g.kernel, g.stride, g.dilation);
				expect(after - before === 0 || after - before === 1).toBe(true);
				expect(outputSize(w, g.kernel, g.stride, before, g.dilation, after)).toBe(Math.ceil(w / g.stride));
				expect(convOutputShape(w, w, g)).toEqual([Math.ceil(w / g.stride), Math.ceil(w / g.stride)]);
			}
	});

	it('equals the shape TensorFlow.js computes (computeConv2DInfo) for every setting of the sweep', () => {
		let checked = 0;
		for (const w of SIZES)
			for (const g of geometries()) {
				const [oh, ow] = convOutputShape(w, w + 3, g);
				const info = tf.backend_util.computeConv2DInfo(
					[1, w, w + 3, 1],
					[g.kernel, g.kernel, 1, 2],
					g.stride,
					g.dilation,
					tfPadding(w, w + 3, g)
				);
				const label = JSON.stringify({ w, ...g });
				if (oh > 0) {
					expect([info.outHeight, info.outWidth], label).toEqual([oh, ow]);
					const p = convPads(w, w + 3, g);
					expect(info.padInfo.top, label).toBe(p.top);
					expect(info.padInfo.bottom, label).toBe(p.bottom);
					expect(info.padInfo.left, label).toBe(p.left);
					expect(info.padInfo.right, label).toBe(p.right);
					checked++;
				} else {
					expect(Math.min(info.outHeight, info.outWidth), label).toBeLessThanOrEqual(0);
				}
			}
		expect(checked).toBeGreaterThan(7000);
	});

	it("equals tf.conv2d's real output shape, stride and dilation both above 1 included", () => {
		let checked = 0;
		for (const w of [5, 9, 14, 28])
			for (const g of geometries()) {
				const [oh, ow] = convOutputShape(w, w, g);
				if (oh === 0) continue;
				const shape = tf.tidy(() => conv2dTf(tf.zeros([1, w, w, 2]), tf.zeros([g.kernel, g.kernel, 2, 3]), g).shape);
				expect(shape, JSON.stringify({ w, ...g })).toEqual([1, oh, ow, 3]);
				checked++;
			}
		expect(checked).toBeGreaterThan(1000);
	});

	it('worked examples: 28 -> 26 (3x3 valid), 28 -> 14 (same, stride 2), 28 -> 22 (3x3, dilation 3), 7 -> 3 (3x3, stride 2)', () => {
		const g = (kernel: number, stride: number, dilation: number, padding: ConvGeometry['padding'], pad = 0): ConvGeometry => ({
			kernel,
			stride,
			dilation,
			padding,
			pad
		});
		expect(convOutputShape(28, 28, g(3, 1, 1, 'valid'))).toEqual([26, 26]);
		expect(convOutputShape(28, 28, g(3, 2, 1, 'same'))).toEqual([14, 14]);
		expect(convOutputShape(28, 28, g(3, 1, 3, 'valid'))).toEqual([22, 22]);
		expect(convOutputShape(7, 7, g(3, 2, 1, 'valid'))).toEqual([3, 3]);
		expect(convOutputShape(28, 28, g(5, 1, 1, 'custom', 2))).toEqual([28, 28]);
		// Stride 2 on an even input with 'same' and a 3x3 kernel pads 0 before and 1 after.
		expect(samePads(28, 3, 2)).toEqual([0, 1]);
		expect(samePads(28, 4, 1)).toEqual([1, 2]);
		expect(effectiveKernel(3, 2)).toBe(5);
		expect(convOutputShape(3, 3, g(3, 1, 2, 'valid'))).toEqual([0, 0]);
	});

	it('parameter count: K*K*C_in*C_out weights plus C_out biases', () => {
		expect(convParams(3, 1, 8)).toBe(80);
		expect(convParams(3, 1, 8, false)).toBe(72);
		expect(convParams(5, 3, 8)).toBe(608);
		expect(convParams(3, 64, 128)).toBe(73_856);
	});
});
