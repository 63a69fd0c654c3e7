/**
 * Reads a picture's width and height from its bytes without decoding it, so an upload can be refused
 * before the browser allocates width x height x 4 bytes: a 430 kB PNG can declare 20000 x 20000
 * pixels (1.6 GB once decoded). Covers every format Chromium's decoder sniffs from a file's bytes
 * (what `createImageBitmap(file)` decodes, whatever the `accept` hint or the file's name): PNG (with a
 * valid IHDR checksum), JPEG, WebP, GIF, BMP, ICO/CUR and AVIF (any HEIF file). Pure; no DOM.
 */
import { bmpSize, dibSize, gifSize, heifSize } from './imageHeaders';

/** A picture's size in pixels, as its header declares it. */
export interface ImageSize {
	width: number;
	height: number;
}

/** Most pixels an uploaded picture may have (64 megapixels: 256 MB once decoded to RGBA). */
export const MAX_UPLOAD_PIXELS = 64_000_000;


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

function pngSize(b: Uint8Array, view: DataView, at = 0): ImageSize | null {
	if (b.length < at + 33 || ascii(b, at + 1, 3) !== 'PNG' || ascii(b, at + 12, 4) !== 'IHDR') return null;
	if (crc32(b.subarray(at + 12, at + 29)) !== view.getUint32(at + 29)) return null;
	return { width: view.getUint32(at + 16), height: view.getUint32(at + 20) };
}

/**
 * ICO/CUR: the largest picture of the directory. A directory entry says at most 256 x 256, but the
 * PNG or bitmap it points to has its own header, and that is what a decoder may trust: each entry
 * counts as the larger of the two (a bitmap's header height covers its mask too, so it is halved).
 * Entries past the end of `b` count with their directory size.
 */
function icoSize(b: Uint8Array, view: DataView): ImageSize | null {
	const count = view.getUint16(4, true);
	if (count === 0) return null;
	let best: ImageSize | null = null;
	for (let k = 0; k < count && 6 + 16 * (k + 1) <= b.length; k++) {
		const e = 6 + 16 * k;
		let width = b[e] || 256;
		let height = b[e + 1] || 256;
		const at = view.getUint32(e + 12, true);
		const inner = b[at] === 0x89 ? pngSize(b, view, at) : dibSize(b, view, at);
		if (inner) {
			width = Math.max(width, inner.width);
			height = Math.max(height, b[at] === 0x89 ? inner.height : Math.ceil(inner.height / 2));
		}
		if (!best || width * height > best.width * best.height) best = { width, height };
	}
	return best;
}

/**
 * The declared size of the picture whose bytes are `b` (give the whole file: JPEG metadata, GIF
 * frames and ICO entries can lie far in), or null (unknown format, or no size in reach: the decoder
 * then decides).
 */
export function imageSize(b: Uint8Array): ImageSize | null {
	const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
	if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG') return pngSize(b, view);
	if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b, view);
	if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b, view);
	if (b.length >= 6 && ascii(b, 0, 3) === 'GIF') return gifSize(b, view);
	if (b.length >= 2 && ascii(b, 0, 2) === 'BM') return bmpSize(b, view);
	if (b.length >= 6 && b[0] === 0 && b[1] === 0 && (b[2] === 1 || b[2] === 2) && b[3] === 0) return icoSize(b, view);
	if (b.length >= 12 && ascii(b, 4, 4) === 'ftyp') return heifSize(b, view);
	return null;
}

/** True when a declared size is too many pixels to decode safely. */
export function tooManyPixels(size: ImageSize | null): boolean {
	return size !== null && size.width * size.height > MAX_UPLOAD_PIXELS;
}
