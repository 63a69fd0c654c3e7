import { describe, expect, it } from 'vitest';
import { galleryTable, inkScale, paintDigit } from '$lib/charts/core/digitModel';

describe('digit gallery model', () => {
	it('scales bytes by 255 and floats by 1', () => {
		expect(inkScale(new Uint8Array(4))).toBe(255);
		expect(inkScale(new Float32Array(4))).toBe(1);
		expect(inkScale([0, 1])).toBe(1);
	});

	it('paints the indexed image as a blend from paper to ink, clamped', () => {
		// Two 2 x 2 images; paint the second.
		const images = new Float32Array([1, 1, 1, 1, 0, 0.5, 1, 7]);
		const out = new Uint8ClampedArray(16);
		paintDigit(images, 1, 2, 1, [200, 200, 200, 255], [0, 100, 0, 255], out);
		expect([...out.slice(0, 4)]).toEqual([200, 200, 200, 255]);
		expect([...out.slice(4, 8)]).toEqual([100, 150, 100, 255]);
		expect([...out.slice(8, 12)]).toEqual([0, 100, 0, 255]);
		expect([...out.slice(12, 16)]).toEqual([0, 100, 0, 255]);
		const bytes = new Uint8Array([0, 255, 51, NaN]);
		paintDigit(bytes, 0, 2, 255, [0, 0, 0, 255], [255, 255, 255, 255], out);
		expect(out[4]).toBe(255);
		expect(out[8]).toBe(51);
	});

	it('tabulates index, label and prediction per digit', () => {
		const t = galleryTable(3, [17, 4, 99], [4, 9, 1], [9, 9, 7], ['index', 'label', 'prediction']);
		expect(t.rows).toEqual([[17, 4, 9], [4, 9, 9], [99, 1, 7]]);
		expect(t.total).toBe(3);
		const bare = galleryTable(2, undefined, undefined, undefined, ['i', 'l', 'p'], 1);
		expect(bare.rows).toEqual([[0, '', '']]);
		expect(bare.total).toBe(2);
	});
});
