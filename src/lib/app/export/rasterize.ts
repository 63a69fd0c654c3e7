import { pngPixelSize } from './pngSize';

/**
 * Rasterises standalone SVG markup of `cssWidth` x `cssHeight` CSS pixels to a PNG blob of exactly
 * (size x scale) pixels: SVG -> Image -> canvas -> canvas.toBlob. Browser only.
 */
export async function svgToPngBlob(
	markup: string,
	cssWidth: number,
	cssHeight: number,
	scale: number
): Promise<Blob> {
	const { width, height } = pngPixelSize(cssWidth, cssHeight, scale);
	const img = new Image(width, height);
	img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
	await img.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('2-D canvas unavailable');
	ctx.drawImage(img, 0, 0, width, height);
	return new Promise((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
	);
}
