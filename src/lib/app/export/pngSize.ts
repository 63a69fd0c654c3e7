/** Largest canvas side Chromium and Firefox accept, in pixels. */
export const MAX_CANVAS_SIDE = 16384;

/** Largest canvas area (pixels) we ask a browser for. */
export const MAX_CANVAS_AREA = 16384 * 16384;

/** Pixel size of a PNG export. */
export interface PngSize {
	/** Width in device pixels = CSS width x scale. */
	width: number;
	/** Height in device pixels = CSS height x scale. */
	height: number;
}

/**
 * PNG pixel size for a chart of `cssWidth` x `cssHeight` CSS pixels at `scale` (1, 2, 4 ...):
 * exactly size x scale, rounded to whole pixels. Throws a RangeError for empty sizes, bad scales
 * or a canvas larger than browsers allow.
 */
export function pngPixelSize(cssWidth: number, cssHeight: number, scale: number): PngSize {
	if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`bad PNG scale ${scale}`);
	if (!(cssWidth > 0) || !(cssHeight > 0) || !Number.isFinite(cssWidth * cssHeight))
		throw new RangeError(`bad chart size ${cssWidth}x${cssHeight}`);
	const width = Math.round(cssWidth * scale);
	const height = Math.round(cssHeight * scale);
	if (width > MAX_CANVAS_SIDE || height > MAX_CANVAS_SIDE || width * height > MAX_CANVAS_AREA)
		throw new RangeError(`PNG of ${width}x${height} pixels is too large`);
	return { width, height };
}
