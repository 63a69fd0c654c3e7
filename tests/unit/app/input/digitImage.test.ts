import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centreOfMass, fitToSquare, inkBox, resampleArea, rgbaToInk, toMnistDigit } from '$lib/app/input/digitImage';
import { decodeDigitFile, digitPixels } from '$lib/ml/data/mnist';

function rgba(w: number, h: number, px: (x: number, y: number) => [number, number, number, number]): Uint8ClampedArray {
	const out = new Uint8ClampedArray(w * h * 4);
	for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.set(px(x, y), 4 * (y * w + x));
	return out;
}

describe('rgbaToInk', () => {
	it('treats dark strokes on paper and light strokes on a dark screen both as ink', () => {
		const paper = rgba(5, 5, (x) => (x === 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
		const screen = rgba(5, 5, (x) => (x === 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
		for (const img of [paper, screen]) {
			const ink = rgbaToInk(img, 5, 5);
			expect(ink[2]).toBeCloseTo(1);
			expect(ink[0]).toBeCloseTo(0);
		}
	});

	it('counts transparent pixels as background', () => {
		const img = rgba(4, 4, (x, y) => (x === 1 && y === 1 ? [20, 20, 20, 255] : [0, 0, 0, 0]));
		const ink = rgbaToInk(img, 4, 4);
		expect(ink[5]).toBeGreaterThan(0.9);
		expect(Math.max(...Array.from(ink).filter((_, i) => i !== 5))).toBe(0);
	});
});

describe('resampleArea', () => {
	it('keeps the mean and averages blocks exactly', () => {
		const src = Float32Array.from({ length: 16 }, (_, i) => i);
		const out = resampleArea(src, 4, 4, 2, 2);
		expect(Array.from(out)).toEqual([(0 + 1 + 4 + 5) / 4, (2 + 3 + 6 + 7) / 4, (8 + 9 + 12 + 13) / 4, (10 + 11 + 14 + 15) / 4]);
		const odd = resampleArea(src, 4, 4, 3, 3);
		const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
		expect(mean(odd)).toBeCloseTo(mean(src), 5);
	});
});

describe('toMnistDigit', () => {
	it('returns null for an empty pad', () => {
		expect(toMnistDigit(new Float32Array(100), 10, 10)).toBeNull();
	});

	it('scales the ink to a 20-pixel box and centres its mass', () => {
		// A tall bar in the corner of a 280x280 pad.
		const w = 280;
		const ink = new Float32Array(w * w);
		for (let y = 10; y < 110; y++) for (let x = 10; x < 40; x++) ink[y * w + x] = 1;
		const d = toMnistDigit(ink, w, w)!;
		const box = inkBox(d, 28, 28)!;
		expect(box.y1 - box.y0).toBe(20);
		expect(box.x1 - box.x0).toBe(6);
		const c = centreOfMass(d, 28, 28);
		expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
		expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
	});

	it('leaves real MNIST digits nearly as they are (they were made this way)', async () => {
		const set = await decodeDigitFile(new Uint8Array(readFileSync('static/data/mnist-val.bin')));
		let worst = 0;
		for (let i = 0; i < 50; i++) {
			const img = digitPixels(set, i);
			const again = toMnistDigit(img, 28, 28)!;
			const c = centreOfMass(again, 28, 28);
			worst = Math.max(worst, Math.abs(c.x - 14), Math.abs(c.y - 14));
		}
		expect(worst).toBeLessThanOrEqual(1);
	});
});

describe('fitToSquare', () => {
	it('keeps the aspect ratio and pads with background', () => {
		const ink = new Float32Array(40 * 20).fill(1);
		const out = fitToSquare(ink, 40, 20, 28);
		const box = inkBox(out, 28, 28)!;
		expect(box.x1 - box.x0).toBe(28);
		expect(box.y1 - box.y0).toBe(14);
	});
});
