import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeDigitCnn, digitCnnParamCount, DIGIT_CNN_DEFAULTS, type DigitCnnConfig } from '$lib/ml/models/digitCnn';
import { createDigitCnnParams, digitCnnForward, paramList } from '$lib/ml/models/digitCnnNet';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** Every combination of the discrete settings, with small, default and large filter counts. */
function allConfigs(): DigitCnnConfig[] {
	const out: DigitCnnConfig[] = [];
	for (const [filters1, filters2] of [
		[2, 4],
		[8, 16],
		[16, 32]
	])
		for (const kernel of [3, 5] as const)
			for (const pool of ['max', 'avg'] as const)
				for (const poolSize of [2, 3] as const) out.push({ ...DIGIT_CNN_DEFAULTS, filters1, filters2, kernel, pool, poolSize });
	return out;
}

describe('describeDigitCnn', () => {
	it('gives the hand-counted shapes and parameters of the default net', () => {
		const layers = describeDigitCnn(DIGIT_CNN_DEFAULTS);
		expect(layers.map((l) => l.id)).toEqual(['input', 'conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'flatten', 'dense', 'softmax']);
		expect(layers.map((l) => l.shape)).toEqual([[28, 28, 1], [28, 28, 8], [28, 28, 8], [14, 14, 8], [14, 14, 16], [14, 14, 16], [7, 7, 16], [784], [10], [10]]);
		// conv1 5*5*1*8 + 8, conv2 5*5*8*16 + 16, dense 7*7*16*10 + 10
		expect(layers.map((l) => l.params)).toEqual([0, 208, 0, 0, 3216, 0, 0, 0, 7850, 0]);
		expect(layers.find((l) => l.id === 'conv1')?.weightShape).toEqual([5, 5, 1, 8]);
		expect(layers.find((l) => l.id === 'conv2')?.weightShape).toEqual([5, 5, 8, 16]);
		expect(layers.find((l) => l.id === 'dense')?.weightShape).toEqual([784, 10]);
		expect(digitCnnParamCount(DIGIT_CNN_DEFAULTS)).toBe(11274);
	});

	it('pool size 3 floors 28 -> 9 -> 3; kernel 3 with 2 and 4 filters counts 3*3*1*2+2, 3*3*2*4+4, 3*3*4*10+10', () => {
		const layers = describeDigitCnn({ ...DIGIT_CNN_DEFAULTS, filters1: 2, filters2: 4, kernel: 3, poolSize: 3 });
		expect(layers.map((l) => l.shape)).toEqual([[28, 28, 1], [28, 28, 2], [28, 28, 2], [9, 9, 2], [9, 9, 4], [9, 9, 4], [3, 3, 4], [36], [10], [10]]);
		expect(layers.map((l) => l.params)).toEqual([0, 20, 0, 0, 76, 0, 0, 0, 370, 0]);
	});

	it('equals the shapes of a real forward pass and the sizes of the real variables for every config', () => {
		for (const c of allConfigs()) {
			const layers = describeDigitCnn(c);
			const params = createDigitCnnParams(c);
			const shapes = tf.tidy(() => {
				const f = digitCnnForward(params, c.pool, c.poolSize, tf.zeros([2, 28, 28, 1]) as tf.Tensor4D);
				return [f.x, f.conv1, f.relu1, f.pool1, f.conv2, f.relu2, f.pool2, f.flat, f.logits, tf.softmax(f.logits)].map((t) => t.shape.slice(1));
			});
			expect(layers.map((l) => l.shape), JSON.stringify(c)).toEqual(shapes);
			const sizes = paramList(params).map((v) => v.size);
			expect([layers[1].params, layers[4].params, layers[8].params]).toEqual([sizes[0] + sizes[1], sizes[2] + sizes[3], sizes[4] + sizes[5]]);
			expect([layers[1].weightShape, layers[4].weightShape, layers[8].weightShape]).toEqual([params.w1.shape, params.w2.shape, params.wd.shape]);
			expect(digitCnnParamCount(c)).toBe(sizes.reduce((a, b) => a + b, 0));
			paramList(params).forEach((v) => v.dispose());
		}
	});

	it('refuses settings outside the contract ranges', () => {
		const bad: Partial<DigitCnnConfig>[] = [
			{ filters1: 1 },
			{ filters1: 17 },
			{ filters1: 2.5 },
			{ filters2: 3 },
			{ filters2: 33 },
			{ kernel: 4 as 3 },
			{ pool: 'min' as 'max' },
			{ poolSize: 4 as 2 },
			{ lr: 0 },
			{ lr: NaN },
			{ batch: 15 },
			{ batch: 257 },
			{ seed: Infinity }
		];
		for (const b of bad) expect(() => describeDigitCnn({ ...DIGIT_CNN_DEFAULTS, ...b }), JSON.stringify(b)).toThrow(/digitCnn: bad/);
	});

	it('He-initialises seeded weights (std sqrt(2/fanIn)) and zero biases', () => {
		const c = { ...DIGIT_CNN_DEFAULTS, filters1: 16, filters2: 32 };
		const a = createDigitCnnParams(c);
		const b = createDigitCnnParams(c);
		const other = createDigitCnnParams({ ...c, seed: 2 });
		expect(a.w2.dataSync()).toEqual(b.w2.dataSync());
		expect(a.w2.dataSync()).not.toEqual(other.w2.dataSync());
		const w = Array.from(a.w2.dataSync());
		const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
		expect(std).toBeGreaterThan(0.9 * Math.sqrt(2 / (5 * 5 * 16)));
		expect(std).toBeLessThan(1.1 * Math.sqrt(2 / (5 * 5 * 16)));
		expect(Array.from(a.b1.dataSync()).every((v) => v === 0)).toBe(true);
		for (const p of [a, b, other]) paramList(p).forEach((v) => v.dispose());
	});
});
