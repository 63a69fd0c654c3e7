import { describe, expect, it } from 'vitest';
import { conv2dLoop } from '$lib/ml/functions/convLoop';
import {
	binomialRow,
	derivativeRow,
	KERNEL_PRESETS,
	kernelCentre,
	kernelPreset,
	kernelWeights,
	matchPreset,
	resizeKernel
} from '$lib/ml/functions/kernels';

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe('kernel presets', () => {
	it('3x3 presets are the textbook kernels', () => {
		expect(kernelPreset('identity', 3).cells).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0]);
		expect(kernelPreset('edge', 3).cells).toEqual([-1, -1, -1, -1, 8, -1, -1, -1, -1]);
		expect(kernelPreset('sobelX', 3).cells).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
		expect(kernelPreset('sobelY', 3).cells).toEqual([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
		expect(kernelPreset('box', 3)).toEqual({ cells: [1, 1, 1, 1, 1, 1, 1, 1, 1], divisor: 9 });
		expect(kernelPreset('gaussian', 3)).toEqual({ cells: [1, 2, 1, 2, 4, 2, 1, 2, 1], divisor: 16 });
		expect(kernelPreset('sharpen', 3).cells).toEqual([-1, -1, -1, -1, 9, -1, -1, -1, -1]);
	});

	it('5x5 and 7x7 Sobel are the extended (OpenCV) kernels', () => {
		expect(binomialRow(5)).toEqual([1, 4, 6, 4, 1]);
		expect(derivativeRow(3)).toEqual([-1, 0, 1]);
		expect(derivativeRow(5)).toEqual([-1, -2, 0, 2, 1]);
		expect(derivativeRow(7)).toEqual([-1, -4, -5, 0, 5, 4, 1]);
		expect(kernelPreset('sobelX', 5).cells.slice(10, 15)).toEqual([-6, -12, 0, 12, 6]);
	});

	it.each([1, 2, 3, 4, 5, 6, 7])('size %i: sums (blur 1, identity 1, sharpen 1, edge 0, Sobel 0) and centre', (k) => {
		const w = (name: (typeof KERNEL_PRESETS)[number]) => {
			const p = kernelPreset(name, k);
			return sum(Array.from(kernelWeights(p.cells, p.divisor)));
		};
		expect(w('identity')).toBeCloseTo(1, 6);
		expect(w('box')).toBeCloseTo(1, 6);
		expect(w('gaussian')).toBeCloseTo(1, 6);
		expect(w('sharpen')).toBeCloseTo(1, 6);
		expect(w('edge')).toBeCloseTo(0, 6);
		expect(w('sobelX')).toBeCloseTo(0, 6);
		expect(w('sobelY')).toBeCloseTo(0, 6);
		const id = kernelPreset('identity', k).cells;
		expect(id.indexOf(1)).toBe(kernelCentre(k) * k + kernelCentre(k));
		for (const name of KERNEL_PRESETS) {
			const p = kernelPreset(name, k);
			expect(p.cells).toHaveLength(k * k);
			expect(p.cells.every((v) => Number.isInteger(v) && !Object.is(v, -0))).toBe(true);
			// Small sizes make some presets coincide (2x2 Gaussian = box), so the match is an equal preset.
			const match = matchPreset(p.cells, p.divisor, k);
			expect(match).not.toBeNull();
			expect(kernelPreset(match ?? 'identity', k)).toEqual(p);
		}
	});

	it('Sobel x responds to a left-to-right brightening (positive), Sobel y to top-to-bottom', () => {
		const ramp = Float32Array.from({ length: 25 }, (_, i) => i % 5);
		const g = { kernel: 3, stride: 1, dilation: 1, padding: 'valid' as const, pad: 0 };
		const sx = kernelPreset('sobelX', 3);
		const sy = kernelPreset('sobelY', 3);
		expect(Array.from(conv2dLoop({ data: ramp, shape: [5, 5, 1] }, kernelWeights(sx.cells, 1), 1, g).data)).toEqual(Array(9).fill(8));
		expect(Array.from(conv2dLoop({ data: ramp, shape: [5, 5, 1] }, kernelWeights(sy.cells, 1), 1, g).data)).toEqual(Array(9).fill(0));
	});

	it('matchPreset names presets and returns null for custom kernels', () => {
		expect(matchPreset([1, 2, 1, 2, 4, 2, 1, 2, 1], 16, 3)).toBe('gaussian');
		expect(matchPreset([1, 2, 1, 2, 4, 2, 1, 2, 1], 1, 3)).toBeNull();
		expect(matchPreset([0, 0, 0, 0, 2, 0, 0, 0, 0], 1, 3)).toBeNull();
		expect(matchPreset([1, 2, 3], 1, 3)).toBeNull();
	});

	it('resizeKernel pads and crops around the centre', () => {
		const k3 = [1, 2, 3, 4, 5, 6, 7, 8, 9];
		const k5 = resizeKernel(k3, 3, 5);
		expect(k5.slice(6, 9)).toEqual([1, 2, 3]);
		expect(k5[12]).toBe(5);
		expect(sum(k5)).toBe(45);
		expect(resizeKernel(k5, 5, 3)).toEqual(k3);
		expect(resizeKernel(k3, 3, 1)).toEqual([5]);
		expect(resizeKernel(k3, 3, 2)).toEqual([5, 6, 8, 9]);
	});
});
