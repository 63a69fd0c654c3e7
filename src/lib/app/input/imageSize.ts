/**
 * Reads a picture's width and height from its first bytes (PNG with a valid IHDR checksum, JPEG, WebP) without
 * decoding it, so an upload can be refused before the browser allocates width x height x 4 bytes:
 * a 430 kB PNG can declare 20000 x 20000 pixels (1.6 GB once decoded). GIF and BMP headers are too
 * weak to tell a picture from text that starts with their signature, so those are left to the decoder.
 * Pure; no DOM.
 */

/** A picture's size in pixels, as its header declares it. */
export interface ImageSize {
	width: number;
	height: number;
}

/** Most pixels an uploaded picture may have (64 megapixels: 256 MB once decoded to RGBA). */
export const MAX_UPLOAD_PIXELS = 64_000_000;

/** Bytes of a file to read for {@link imageSize} (JPEG metadata can come before the size). */
export const HEADER_BYTES = 256 * 1024;

function ascii(b: Uint8Array, at: number, n: number): string {
	return String.fromCharCode(...b.subarray(at, at + n));
}

/** CRC-32 (PNG chunk checksum) of `b`. */
function crc32(b: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of b) {
		c ^= byte;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return (c ^ 0xffffffff) >>> 0;
}

function jpegSize(b: Uint8Array, view: DataView): ImageSize | null {
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1];
		if (marker === 0xff) {
			i += 1;
			continue;
		}
		const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
		if (isSof) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
		i += 2 + view.getUint16(i + 2);
	}
	return null;
}

function webpSize(b: Uint8Array, view: DataView): ImageSize | null {
	const kind = ascii(b, 12, 4);
	if (kind === 'VP8X' && b.length >= 30)
		return { width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) };
	if (kind === 'VP8L' && b.length >= 25) {
		const bits = view.getUint32(21, true);
		return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
	}
	if (kind === 'VP8 ' && b.length >= 30) return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
	return null;
}

/** The declared size of the picture whose first bytes are `b`, or null (unknown format or cut short). */
export function imageSize(b: Uint8Array): ImageSize | null {
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	if (b.length >= 33 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR' && crc32(b.subarray(12, 29)) === view.getUint32(29))
		return { width: view.getUint32(16), height: view.getUint32(20) };
	if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b, view);
	if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b, view);
	return null;
}

/** True when a declared size is too many pixels to decode safely. */
export function tooManyPixels(size: ImageSize | null): boolean {
	return size !== null && size.width * size.height > MAX_UPLOAD_PIXELS;
}
