/**
 * Declared sizes of the picture formats whose headers take a walk to read (GIF, BMP, HEIF/AVIF),
 * for `imageSize`. Each reader checks the structure it walks, so text that merely starts with a
 * signature (`GIF89a ...`, `BMW ...`) is not mistaken for a picture. Pure; no DOM.
 */
import type { ImageSize } from './imageSize';

function ascii(b: Uint8Array, at: number, n: number): string {
	return String.fromCharCode(...b.subarray(at, at + n));
}

/** Skips GIF data sub-blocks starting at `i`; the index after the terminator, or -1 when cut short. */
function skipSubBlocks(b: Uint8Array, i: number): number {
	while (i < b.length) {
		if (b[i] === 0) return i + 1;
		i += 1 + b[i];
	}
	return -1;
}

/**
 * GIF: the logical screen, grown to cover every image descriptor within `b` (decoders grow the
 * canvas to a first frame larger than the screen, so a 1 x 1 screen can carry a 20000 x 20000
 * frame). A file cut short gives what was read so far; a first block that is neither an extension,
 * an image nor the trailer means it is not a GIF (null).
 */
export function gifSize(b: Uint8Array, view: DataView): ImageSize | null {
	if (b.length < 13 || !/^GIF8[79]a$/.test(ascii(b, 0, 6))) return null;
	let width = view.getUint16(6, true);
	let height = view.getUint16(8, true);
	const packed = b[10];
	let i = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
	let first = true;
	while (i < b.length) {
		const kind = b[i];
		if (kind === 0x3b) break;
		if (kind === 0x21) {
			if (i + 2 > b.length) break;
			i = skipSubBlocks(b, i + 2);
		} else if (kind === 0x2c) {
			if (i + 10 > b.length) break;
			width = Math.max(width, view.getUint16(i + 1, true) + view.getUint16(i + 5, true));
			height = Math.max(height, view.getUint16(i + 3, true) + view.getUint16(i + 7, true));
			const local = b[i + 9];
			i += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1;
			i = i <= b.length ? skipSubBlocks(b, i) : -1;
		} else if (first) return null;
		else break;
		first = false;
		if (i < 0) break;
	}
	return { width, height };
}

const BMP_DEPTHS = new Set([1, 2, 4, 8, 16, 24, 32, 64]);

/**
 * A bitmap's DIB header at `at` (no file header): BITMAPCOREHEADER (OS/2 1.x, 12 bytes, unsigned
 * 16-bit sizes) or BITMAPINFOHEADER and its successors and OS/2 2.x headers (16 to 124 bytes,
 * signed 32-bit sizes; a negative height is a top-down bitmap, same size). Null unless the header
 * size, the plane count (1) and the bit depth are ones a bitmap can have, or the width is not positive.
 */
export function dibSize(b: Uint8Array, view: DataView, at: number): ImageSize | null {
	if (at + 16 > b.length) return null;
	const header = view.getUint32(at, true);
	if (header === 12) {
		const ok = view.getUint16(at + 8, true) === 1 && BMP_DEPTHS.has(view.getUint16(at + 10, true));
		return ok ? { width: view.getUint16(at + 4, true), height: view.getUint16(at + 6, true) } : null;
	}
	if (header < 16 || header > 124) return null;
	const width = view.getInt32(at + 4, true);
	const height = Math.abs(view.getInt32(at + 8, true));
	const planes = view.getUint16(at + 12, true);
	const depth = view.getUint16(at + 14, true);
	if (planes !== 1 || !(BMP_DEPTHS.has(depth) || depth === 0) || width <= 0) return null;
	return { width, height };
}

/** BMP: the 14-byte file header ('BM', reserved fields zero), then the DIB header. */
export function bmpSize(b: Uint8Array, view: DataView): ImageSize | null {
	if (b.length < 30 || b[0] !== 0x42 || b[1] !== 0x4d || view.getUint32(6, true) !== 0) return null;
	return dibSize(b, view, 14);
}

/** Boxes inside which HEIF keeps its item properties: meta (a full box), iprp, ipco. */
const CONTAINERS: Record<string, number> = { meta: 4, iprp: 0, ipco: 0 };

/**
 * HEIF/AVIF (ISO base media file with an `ftyp` box): the largest `ispe` (image spatial extents)
 * property found in meta/iprp/ipco within `b` (a grid picture declares its full size there).
 * Null when there is none in reach: the decoder decides.
 */
export function heifSize(b: Uint8Array, view: DataView): ImageSize | null {
	if (b.length < 12 || ascii(b, 4, 4) !== 'ftyp') return null;
	let best: ImageSize | null = null;
	const walk = (start: number, end: number, depth: number) => {
		let i = start;
		while (i + 8 <= end) {
			let size = view.getUint32(i);
			const type = ascii(b, i + 4, 4);
			let head = 8;
			if (size === 1) {
				if (i + 16 > end) return;
				size = view.getUint32(i + 8) * 2 ** 32 + view.getUint32(i + 12);
				head = 16;
			} else if (size === 0) size = end - i;
			if (size < head) return;
			const stop = Math.min(end, i + size);
			if (type === 'ispe' && i + head + 12 <= stop) {
				const s = { width: view.getUint32(i + head + 4), height: view.getUint32(i + head + 8) };
				if (!best || s.width * s.height > best.width * best.height) best = s;
			} else if (Object.hasOwn(CONTAINERS, type) && depth < 4) walk(i + head + CONTAINERS[type], stop, depth + 1);
			i += size;
		}
	};
	walk(0, b.length, 0);
	return best;
}
