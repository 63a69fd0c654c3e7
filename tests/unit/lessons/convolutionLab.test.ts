import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { coerceValue } from '$lib/app/urlState';
import { conv2dLoop } from '$lib/ml/functions/convLoop';
import { convOutputShape, outputSize, PADDING_MODES } from '$lib/ml/functions/convShape';
import { kernelPreset, KERNEL_PRESETS } from '$lib/ml/functions/kernels';
import { LESSONS } from '$lessons/catalog';
import { channelSlice, channelWeights, colourChannels, kernelSlice, structuredPreset } from '$lessons/convolution/channels';
import { explorerData } from '$lessons/convolution/explorer';
import { filledFormulaTex } from '$lessons/convolution/formula';
import { digitPixels, firstOfEachClass, scaleImage, shapeImage } from '$lessons/convolution/input';
import { fitKernel, presetOf, resizeKernelValue, squareSide } from '$lessons/convolution/kernelState';
import { FULL_SIDE, schema } from '$lessons/convolution/meta';
import { PRESETS } from '$lessons/convolution/presets';
import { SELF_CHECK_IDS } from '$lessons/convolution/text/types';

describe('filled-in size formula', () => {
	it('evaluates to the output size and renders, for a sweep of settings', () => {
		for (const w of [5, 14, 28])
			for (let k = 1; k <= 7; k++)
				for (let s = 1; s <= 4; s++)
					for (let d = 1; d <= 3; d++)
						for (const [before, after] of [[0, 0], [1, 1], [0, 1], [4, 4]]) {
							const tex = filledFormulaTex({ w, k, s, d, before, after }, 'no output');
							const o = outputSize(w, k, s, before, d, after);
							if (o > 0) expect(tex.endsWith(`= ${o}`), tex).toBe(true);
							else expect(tex).toContain('no output');
							expect(() => katex.renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
						}
	});

	it('shows 2·P for even padding and P_before + P_after for uneven padding', () => {
		expect(filledFormulaTex({ w: 28, k: 3, s: 1, d: 1, before: 0, after: 0 }, 'x')).toBe(
			String.raw`O = \left\lfloor \frac{28 + 2 \cdot 0 - 1 \cdot (3 - 1) - 1}{1} \right\rfloor + 1 = 25 + 1 = 26`
		);
		expect(filledFormulaTex({ w: 28, k: 3, s: 2, d: 1, before: 0, after: 1 }, 'x')).toContain(String.raw`\lfloor 26 / 2 \rfloor + 1 = 13 + 1 = 14`);
		expect(filledFormulaTex({ w: 28, k: 3, s: 2, d: 1, before: 0, after: 1 }, 'x')).toContain('28 + 0 + 1');
	});
});

describe('output-size explorer', () => {
	it('gives every padding mode the output size of convOutputShape along the chosen axis', () => {
		const base = { kernel: 3, stride: 2, dilation: 2, padding: 'custom' as const, pad: 1 };
		const d = explorerData('input', { w: 20, g: base });
		expect(d.x[0]).toBe(1);
		expect(d.at).toBe(20);
		for (const p of PADDING_MODES) d.x.forEach((w, i) => expect(d.y[p][i]).toBe(convOutputShape(w, w, { ...base, padding: p })[0]));
		expect(d.y.valid[0]).toBe(0);
		const s = explorerData('stride', { w: 28, g: { ...base, dilation: 1 } });
		expect(s.x).toEqual([1, 2, 3, 4]);
		expect(s.y.same).toEqual([28, 14, 10, 7]);
		expect(explorerData('dilation', { w: 28, g: base }).y.valid).toEqual([13, 12, 11]);
		expect(explorerData('kernel', { w: 28, g: base }).at).toBe(3);
	});
});

describe('kernel state', () => {
	it('fits a URL list to K: unchanged when it matches, centre crop/pad for a square, Sobel x otherwise', () => {
		expect(fitKernel([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual({ cells: [1, 2, 3, 4, 5, 6, 7, 8, 9], fitted: false });
		expect(fitKernel([1, 2, 3, 4, 5, 6, 7, 8, 9], 1)).toEqual({ cells: [5], fitted: true });
		expect(fitKernel([1, 2, 3], 3)).toEqual({ cells: kernelPreset('sobelX', 3).cells, fitted: true });
		expect(squareSide(49)).toBe(7);
		expect(squareSide(10)).toBeNull();
	});

	it('a preset stays that preset at the new size; a custom kernel keeps its centre', () => {
		for (const name of KERNEL_PRESETS) expect(resizeKernelValue(kernelPreset(name, 3), 3, 5)).toEqual(kernelPreset(name, 5));
		const custom = { cells: [0, 0, 0, 0, 2, 0, 0, 0, 1], divisor: 3 };
		expect(presetOf(custom, 3)).toBe('custom');
		const grown = resizeKernelValue(custom, 3, 5);
		expect(grown.divisor).toBe(3);
		expect(grown.cells[12]).toBe(2);
		expect(grown.cells[18]).toBe(1);
		expect(presetOf(kernelPreset('gaussian', 5), 5)).toBe('gaussian');
	});

	it('every preset at every size fits in the kernel list parameter (cells and divisor in range)', () => {
		for (let k = 1; k <= 7; k++)
			for (const name of KERNEL_PRESETS) {
				const p = kernelPreset(name, k);
				expect(coerceValue(schema.kern, p.cells).reason, `${name} ${k}`).toBeNull();
				expect(coerceValue(schema.kdiv, p.divisor).reason, `${name} ${k}`).toBeNull();
			}
	});
});

describe('multi-channel data', () => {
	it('channels paint the picture with ramps; weights are HWIO and sliced back per kernel', () => {
		const img = shapeImage(10);
		const one = colourChannels(img, 10, 10, 1);
		expect(Array.from(one.data)).toEqual(Array.from(img));
		const three = colourChannels(img, 10, 10, 3);
		expect(three.shape).toEqual([10, 10, 3]);
		const sum = channelSlice(three, 0).map((v, i) => v + channelSlice(three, 2)[i]);
		sum.forEach((v, i) => expect(v).toBeCloseTo(img[i], 6));
		const w = channelWeights(3, 2, 4, 'structured', 1);
		expect(w).toHaveLength(3 * 3 * 2 * 4);
		const k = kernelSlice(w, 3, 2, 4, 1, 3);
		const p = kernelPreset(structuredPreset(1, 3), 3);
		k.forEach((v, t) => expect(v).toBeCloseTo(p.cells[t] / p.divisor / 2, 6));
		// With C_in = 1 the first output channel of the structured weights is the lesson's default Sobel x.
		const single = conv2dLoop(one, channelWeights(3, 1, 1, 'structured', 1), 1, { kernel: 3, stride: 1, dilation: 1, padding: 'valid', pad: 0 });
		const sobel = conv2dLoop(one, Float32Array.from(kernelPreset('sobelX', 3).cells), 1, { kernel: 3, stride: 1, dilation: 1, padding: 'valid', pad: 0 });
		expect(Array.from(single.data)).toEqual(Array.from(sobel.data));
	});

	it('random weights are seeded with He scaling', () => {
		const a = channelWeights(5, 3, 8, 'random', 7);
		expect(Array.from(a)).toEqual(Array.from(channelWeights(5, 3, 8, 'random', 7)));
		expect(Array.from(a)).not.toEqual(Array.from(channelWeights(5, 3, 8, 'random', 8)));
		const std = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
		expect(std).toBeGreaterThan(0.7 * Math.sqrt(2 / 75));
		expect(std).toBeLessThan(1.3 * Math.sqrt(2 / 75));
	});
});

describe('input pictures', () => {
	it('the built-in shape has a square outline and a diagonal', () => {
		const img = shapeImage(FULL_SIDE);
		expect(img).toHaveLength(784);
		expect(img[5 * 28 + 14]).toBe(1);
		expect(img[14 * 28 + 5]).toBe(1);
		expect(img[14 * 28 + 14]).toBe(1);
		expect(img[0]).toBe(0);
	});

	it('digits are read as [0, 1], one per class found, and shrunk by area averaging', () => {
		const images = new Uint8Array(3 * 4).fill(0);
		images.set([255, 0, 0, 255], 4);
		const set = { count: 3, rows: 2, cols: 2, labels: Uint8Array.from([7, 2, 7]), images };
		expect(Array.from(digitPixels(set, 1))).toEqual([1, 0, 0, 1]);
		expect(firstOfEachClass(set)[7]).toBe(0);
		expect(firstOfEachClass(set)[2]).toBe(1);
		expect(firstOfEachClass(set)[0]).toBe(-1);
		expect(Array.from(scaleImage(Float32Array.from([1, 0, 0, 1]), 2, 1))).toEqual([0.5]);
		const full = shapeImage(28);
		const small = scaleImage(full, 28, 14);
		expect(small).toHaveLength(196);
		expect(small.reduce((s, v) => s + v, 0)).toBeCloseTo(full.reduce((s, v) => s + v, 0) / 4, 1);
	});
});

describe('L09 self-check presets', () => {
	it('exist for every question, only use valid values of the schema, and point at a section', () => {
		expect(Object.keys(PRESETS).sort()).toEqual([...SELF_CHECK_IDS].sort());
		const sections = LESSONS.find((l) => l.id === 'L09')?.sections.map((s) => s.id) ?? [];
		for (const preset of Object.values(PRESETS)) {
			expect(sections).toContain(preset.target);
			for (const [key, value] of Object.entries(preset.values)) {
				const spec = schema[key as keyof typeof schema];
				expect(spec, key).toBeDefined();
				const { value: used, reason } = coerceValue(spec, value);
				expect(reason, `${key}=${value}`).toBeFalsy();
				expect(used).toBe(value);
			}
		}
	});
});

describe('cell text', () => {
	it('writes any value in at most four characters (five with a minus)', async () => {
		const { cellText } = await import('$lessons/convolution/cellText');
		const cases: [number, string][] = [
			[0, '0'], [0.001, '0'], [0.42, '.42'], [0.4, '.4'], [-0.42, '−.42'], [0.999, '1'], [1.25, '1.3'],
			[-3.96, '−4'], [10, '10'], [340, '340'], [100, '100'], [25000, '3e4'], [Number.NaN, '–']
		];
		for (const [v, text] of cases) expect(cellText(v), String(v)).toBe(text);
		for (let i = 0; i < 2000; i++) {
			const v = (Math.sin(i) * 10) ** 3;
			expect(cellText(v).replace('−', '').length).toBeLessThanOrEqual(4);
		}
	});
});
