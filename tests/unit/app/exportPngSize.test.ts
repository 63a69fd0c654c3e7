import { describe, expect, it } from 'vitest';
import { MAX_CANVAS_SIDE, pngPixelSize } from '$lib/app/export/pngSize';

describe('PNG export size', () => {
	it('is the CSS size times the scale, exactly', () => {
		expect(pngPixelSize(640, 260, 1)).toEqual({ width: 640, height: 260 });
		expect(pngPixelSize(640, 260, 2)).toEqual({ width: 1280, height: 520 });
		expect(pngPixelSize(333, 201, 4)).toEqual({ width: 1332, height: 804 });
	});

	it('rounds fractional CSS sizes to whole pixels', () => {
		expect(pngPixelSize(100.4, 50.5, 2)).toEqual({ width: 201, height: 101 });
	});

	it('rejects empty sizes, bad scales and oversized canvases', () => {
		expect(() => pngPixelSize(0, 100, 2)).toThrow(RangeError);
		expect(() => pngPixelSize(100, NaN, 2)).toThrow(RangeError);
		expect(() => pngPixelSize(100, 100, 0)).toThrow(RangeError);
		expect(() => pngPixelSize(100, 100, -2)).toThrow(RangeError);
		expect(() => pngPixelSize(MAX_CANVAS_SIDE, 10, 2)).toThrow(RangeError);
	});
});
