import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeDigitFile, digitPixels, DigitFileError, isGzip, parseDigitSet } from '$lib/ml/data/mnist';

/** Builds a DLXM file by hand. */
function file(count: number, rows: number, cols: number, labels: number[], fill = 7, magic = 'DLXM', version = 1): Uint8Array {
	const out = new Uint8Array(20 + count + count * rows * cols);
	out.set(Array.from(magic, (c) => c.charCodeAt(0)), 0);
	const v = new DataView(out.buffer);
	v.setUint32(4, version);
	v.setUint32(8, count);
	v.setUint32(12, rows);
	v.setUint32(16, cols);
	out.set(labels, 20);
	out.fill(fill, 20 + count);
	return out;
}

function codeOf(f: () => unknown): string {
	try {
		f();
	} catch (e) {
		expect(e).toBeInstanceOf(DigitFileError);
		return (e as DigitFileError).code;
	}
	return 'none';
}

describe('parseDigitSet', () => {
	it('reads a well-formed file', () => {
		const set = parseDigitSet(file(3, 2, 2, [0, 9, 4]));
		expect(set).toMatchObject({ count: 3, rows: 2, cols: 2 });
		expect(Array.from(set.labels)).toEqual([0, 9, 4]);
		expect(set.images.length).toBe(12);
		expect(Array.from(digitPixels(set, 1))).toEqual(Array.from(new Float32Array(4).fill(7 / 255)));
	});

	it('refuses every kind of broken file with its own code', () => {
		const good = file(3, 2, 2, [0, 1, 2]);
		expect(codeOf(() => parseDigitSet(new Uint8Array(0)))).toBe('empty');
		expect(codeOf(() => parseDigitSet(good.subarray(0, 10)))).toBe('truncated');
		expect(codeOf(() => parseDigitSet(file(3, 2, 2, [0, 1, 2], 7, 'PNG!')))).toBe('magic');
		expect(codeOf(() => parseDigitSet(file(3, 2, 2, [0, 1, 2], 7, 'DLXM', 2)))).toBe('version');
		expect(codeOf(() => parseDigitSet(file(0, 2, 2, [])))).toBe('header');
		expect(codeOf(() => parseDigitSet(file(1, 2, 999, [1])))).toBe('header');
		expect(codeOf(() => parseDigitSet(good.subarray(0, good.length - 1)))).toBe('truncated');
		const padded = new Uint8Array(good.length + 5);
		padded.set(good);
		expect(codeOf(() => parseDigitSet(padded))).toBe('truncated');
		expect(codeOf(() => parseDigitSet(file(3, 2, 2, [0, 10, 2])))).toBe('label');
	});

	it('says what it found in the message', () => {
		try {
			parseDigitSet(new TextEncoder().encode('<html>not found</html>'));
		} catch (e) {
			expect((e as DigitFileError).detail).toBe('starts with 3c 68 74 6d');
		}
	});
});

describe('decodeDigitFile', () => {
	it('reads gzip-compressed and already decompressed bytes alike', async () => {
		const raw = file(2, 3, 3, [5, 6]);
		const gz = new Uint8Array(gzipSync(raw));
		expect(isGzip(gz)).toBe(true);
		expect(isGzip(raw)).toBe(false);
		const a = await decodeDigitFile(gz);
		const b = await decodeDigitFile(raw);
		expect(Array.from(a.labels)).toEqual([5, 6]);
		expect(a.images).toEqual(b.images);
	});

	it('reports a corrupt gzip stream as such', async () => {
		const gz = new Uint8Array(gzipSync(file(2, 3, 3, [5, 6])));
		const broken = gz.slice(0, 12);
		await expect(decodeDigitFile(broken)).rejects.toMatchObject({ code: 'gzip' });
	});
});

describe('the shipped subset', () => {
	const splits = [
		{ name: 'train', count: 12_000, perClass: 1200 },
		{ name: 'val', count: 2_000, perClass: 200 }
	];
	for (const s of splits) {
		it(`${s.name}: ${s.count} real 28x28 digits, ${s.perClass} per class`, async () => {
			const set = await decodeDigitFile(new Uint8Array(readFileSync(`static/data/mnist-${s.name}.bin`)));
			expect(set).toMatchObject({ count: s.count, rows: 28, cols: 28 });
			const perClass = new Array(10).fill(0);
			for (const l of set.labels) perClass[l]++;
			expect(perClass).toEqual(new Array(10).fill(s.perClass));
			// Real MNIST: ink covers roughly a fifth of each digit, and corners are blank.
			let ink = 0;
			let corners = 0;
			for (let i = 0; i < set.count; i++) {
				const img = set.images.subarray(i * 784, (i + 1) * 784);
				for (const p of img) if (p > 127) ink++;
				corners += img[0] + img[27] + img[756] + img[783];
			}
			const share = ink / (set.count * 784);
			expect(share).toBeGreaterThan(0.08);
			expect(share).toBeLessThan(0.25);
			expect(corners).toBe(0);
		});
	}

	it('train and val share no digit', async () => {
		const train = await decodeDigitFile(new Uint8Array(readFileSync('static/data/mnist-train.bin')));
		const val = await decodeDigitFile(new Uint8Array(readFileSync('static/data/mnist-val.bin')));
		const key = (s: typeof train, i: number) => Buffer.from(s.images.subarray(i * 784, (i + 1) * 784)).toString('base64');
		const seen = new Set<string>();
		for (let i = 0; i < train.count; i++) seen.add(key(train, i));
		let dup = 0;
		for (let i = 0; i < val.count; i++) if (seen.has(key(val, i))) dup++;
		expect(dup).toBe(0);
	});
});
