/**
 * Loader for the MNIST subset files the build writes (`static/data/mnist-{train,val}.bin`, see
 * `scripts/mnistSubset.mjs`). Format "DLXM" version 1: 'DLXM', then uint32 big-endian version,
 * count, rows, cols; `count` label bytes (0-9); count*rows*cols pixel bytes (0 background, 255 ink).
 * The file is stored gzip-compressed; a server may already have decompressed it, so both are read.
 */

/** A set of digits as plain bytes. */
export interface DigitSet {
	count: number;
	rows: number;
	cols: number;
	/** One class label (0-9) per digit. */
	labels: Uint8Array;
	/** count*rows*cols bytes, row-major per digit: 0 = background, 255 = ink. */
	images: Uint8Array;
}

/** Why a digit file was refused. */
export type DigitFileErrorCode = 'empty' | 'magic' | 'version' | 'header' | 'truncated' | 'label' | 'gzip' | 'fetch';

/** A digit file that cannot be used; `code` selects the message, `detail` says what was found. */
export class DigitFileError extends Error {
	constructor(readonly code: DigitFileErrorCode, readonly detail: string) {
		super(`digit file: ${code}: ${detail}`);
		this.name = 'DigitFileError';
	}
}

const MAGIC = [0x44, 0x4c, 0x58, 0x4d]; // 'DLXM'
const HEADER = 20;
/** Largest count and side we accept (guards against a corrupt header asking for gigabytes). */
const MAX_COUNT = 100_000;
const MAX_SIDE = 64;

/** Parses an uncompressed DLXM file, checking every field; throws DigitFileError. */
export function parseDigitSet(bytes: Uint8Array): DigitSet {
	if (bytes.length === 0) throw new DigitFileError('empty', '0 bytes');
	if (!MAGIC.every((b, i) => i >= bytes.length || bytes[i] === b)) {
		const seen = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
		throw new DigitFileError('magic', `starts with ${seen}`);
	}
	if (bytes.length < HEADER) throw new DigitFileError('truncated', `${bytes.length} bytes, header needs ${HEADER}`);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const version = view.getUint32(4);
	if (version !== 1) throw new DigitFileError('version', `version ${version}`);
	const count = view.getUint32(8);
	const rows = view.getUint32(12);
	const cols = view.getUint32(16);
	if (count < 1 || count > MAX_COUNT || rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
		throw new DigitFileError('header', `count ${count}, ${rows}x${cols}`);
	}
	const expected = HEADER + count * (1 + rows * cols);
	if (bytes.length !== expected) throw new DigitFileError('truncated', `${bytes.length} bytes, expected ${expected}`);
	const labels = bytes.slice(HEADER, HEADER + count);
	const bad = labels.findIndex((l) => l > 9);
	if (bad >= 0) throw new DigitFileError('label', `digit ${bad} has label ${labels[bad]}`);
	const images = bytes.slice(HEADER + count, expected);
	return { count, rows, cols, labels, images };
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
	return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes with the platform's DecompressionStream (browsers, Node 18+). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	try {
		const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
		return new Uint8Array(await new Response(stream).arrayBuffer());
	} catch (e) {
		throw new DigitFileError('gzip', e instanceof Error ? e.message : String(e));
	}
}

/** Decodes a digit file as fetched: gunzips it when it is still compressed, then parses it. */
export async function decodeDigitFile(bytes: Uint8Array): Promise<DigitSet> {
	return parseDigitSet(isGzip(bytes) ? await gunzip(bytes) : bytes);
}

/** One digit's pixels as floats in [0, 1] (length rows*cols). */
export function digitPixels(set: DigitSet, index: number): Float32Array {
	const px = set.rows * set.cols;
	const i = Math.min(Math.max(0, Math.floor(index)), set.count - 1);
	const out = new Float32Array(px);
	for (let k = 0; k < px; k++) out[k] = set.images[i * px + k] / 255;
	return out;
}
