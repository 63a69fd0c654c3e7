import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageSize, MAX_UPLOAD_PIXELS, tooManyPixels } from '$lib/app/input/imageSize';

const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];
const le32 = (n: number) => [...le16(n & 0xffff), ...le16(n >>> 16)];

describe('imageSize reads the declared size without decoding', () => {
	it('PNG (the 430 kB file that declares 20000 x 20000)', () => {
		const ihdr = Buffer.from(bytes('IHDR', be32(20000), be32(20000), [8, 0, 0, 0, 0]));
		const png = bytes([0x89], 'PNG\r\n\x1a\n', be32(13), [...ihdr], be32(crc32(ihdr)));
		expect(imageSize(png)).toEqual({ width: 20000, height: 20000 });
		expect(tooManyPixels(imageSize(png))).toBe(true);
		png[31] ^= 1;
		expect(imageSize(png), 'a broken IHDR checksum').toBeNull();
	});


	it('JPEG, walking past metadata segments to the frame header', () => {
		const app1 = [0xff, 0xe1, ...be16(2 + 300), ...new Array(300).fill(0)];
		const sof2 = [0xff, 0xc2, ...be16(17), 8, ...be16(3000), ...be16(4000), 3];
		expect(imageSize(bytes([0xff, 0xd8], app1, [0xff, 0xdb, ...be16(4), 0, 0], sof2))).toEqual({ width: 4000, height: 3000 });
	});

	it('WebP (extended, lossless and lossy)', () => {
		const head = (kind: string) => [...bytes('RIFF', le32(100), 'WEBP', kind)];
		const vp8x = bytes(head('VP8X'), le32(10), [0, 0, 0, 0], le24(8191), le24(1023));
		expect(imageSize(vp8x)).toEqual({ width: 8192, height: 1024 });
		const vp8l = bytes(head('VP8L'), le32(10), [0x2f], le32((99 & 0x3fff) | (49 << 14)));
		expect(imageSize(vp8l)).toEqual({ width: 100, height: 50 });
		const vp8 = bytes(head('VP8 '), le32(10), [0, 0, 0, 0x9d, 0x01, 0x2a], le16(320), le16(240));
		expect(imageSize(vp8)).toEqual({ width: 320, height: 240 });
	});


	it('unknown, text and cut-short files give null (the decoder then decides)', () => {
		expect(imageSize(bytes('<script>alert(1)</script>'))).toBeNull();
		expect(imageSize(bytes('GIF89a? no, just text')), 'text after a GIF signature').toBeNull();
		expect(imageSize(bytes('BMW is a car maker, not a bitmap header at all'))).toBeNull();
		expect(imageSize(bytes('BM but text'))).toBeNull();
		expect(imageSize(bytes([0, 0, 1, 0, 0, 0]))).toBeNull();
		expect(imageSize(bytes(be32(16), 'ftypavif', be32(0)))).toBeNull();
		expect(imageSize(bytes([0x89], 'PNG'))).toBeNull();
		expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull();
		expect(imageSize(new Uint8Array())).toBeNull();
		expect(tooManyPixels(null)).toBe(false);
	});

	it('GIF: the logical screen, grown by any frame (a 1 x 1 screen may carry a huge frame)', () => {
		const gct = [0x80 | 1, 0, 0, ...new Array(12).fill(0)];
		const frame = (left: number, top: number, w: number, h: number) => [0x2c, ...le16(left), ...le16(top), ...le16(w), ...le16(h), 0, 2, 2, 0x4c, 0x01, 0];
		const ext = [0x21, 0xf9, 4, 0, 0, 0, 0, 0];
		const gif = (...blocks: number[][]) => bytes('GIF89a', le16(1), le16(1), gct, ...blocks, [0x3b]);
		expect(imageSize(bytes('GIF87a', le16(28), le16(28), [0, 0, 0], frame(0, 0, 28, 28), [0x3b]))).toEqual({ width: 28, height: 28 });
		expect(imageSize(bytes('GIF89a', le16(65535), le16(65535), [0, 0, 0]))).toEqual({ width: 65535, height: 65535 });
		const lying = gif(ext, frame(0, 0, 10, 10), ext, frame(5, 60000, 20000, 5000));
		expect(imageSize(lying)).toEqual({ width: 20005, height: 65000 });
		expect(tooManyPixels(imageSize(lying))).toBe(true);
		expect(imageSize(lying.subarray(0, lying.length - 20)), 'cut inside the second frame: what was read').toEqual({ width: 10, height: 10 });
		expect(imageSize(bytes('GIF89a', le16(1)))).toBeNull();
		expect(imageSize(gif([0x99]))).toBeNull();
	});

	it('BMP: info header (negative height = top-down), OS/2 core header, V5 header; text and bad fields refused', () => {
		const file = (dib: number[]) => bytes('BM', le32(54 + 4), [0, 0, 0, 0], le32(54), dib, [0, 0, 0, 0]);
		const info = (w: number, h: number, planes = 1, depth = 24, size = 40) =>
			[...le32(size), ...le32(w), ...le32(h >>> 0), ...le16(planes), ...le16(depth), ...new Array(size - 16).fill(0)];
		expect(imageSize(file(info(28, 28)))).toEqual({ width: 28, height: 28 });
		expect(imageSize(file(info(20000, -20000)))).toEqual({ width: 20000, height: 20000 });
		expect(tooManyPixels(imageSize(file(info(20000, -20000))))).toBe(true);
		expect(imageSize(file(info(9000, 8000, 1, 32, 124)))).toEqual({ width: 9000, height: 8000 });
		expect(imageSize(file([...le32(12), ...le16(65535), ...le16(65535), ...le16(1), ...le16(8)]))).toEqual({ width: 65535, height: 65535 });
		expect(imageSize(file(info(28, 28, 2))), 'two planes').toBeNull();
		expect(imageSize(file(info(28, 28, 1, 7))), 'seven bits per pixel').toBeNull();
		expect(imageSize(file(info(-28, 28))), 'negative width').toBeNull();
		expect(imageSize(file(info(28, 28, 1, 24, 200))), 'header size').toBeNull();
		expect(imageSize(file(info(28, 28)).subarray(0, 28)), 'cut short').toBeNull();
	});

	it('ICO/CUR: the largest entry, counting the PNG or bitmap it holds (the directory says at most 256)', () => {
		const ihdr = Buffer.from(bytes('IHDR', be32(30000), be32(30000), [8, 6, 0, 0, 0]));
		const png = [...bytes([0x89], 'PNG\r\n\x1a\n', be32(13), [...ihdr], be32(crc32(ihdr)))];
		const dib = [...le32(40), ...le32(64), ...le32(128), ...le16(1), ...le16(32), ...new Array(24).fill(0)];
		const entry = (w: number, h: number, at: number) => [w, h, 0, 0, ...le16(1), ...le16(32), ...le32(100), ...le32(at)];
		const head = (type: number, n: number) => [0, 0, ...le16(type), ...le16(n)];
		const small = bytes(head(1, 1), entry(64, 64, 22), dib);
		expect(imageSize(small)).toEqual({ width: 64, height: 64 });
		expect(imageSize(bytes(head(2, 1), entry(0, 0, 22), dib)), 'a cursor, 0 meaning 256').toEqual({ width: 256, height: 256 });
		const bomb = bytes(head(1, 2), entry(16, 16, 38), entry(0, 0, 38 + dib.length), dib, png);
		expect(imageSize(bomb)).toEqual({ width: 30000, height: 30000 });
		expect(tooManyPixels(imageSize(bomb))).toBe(true);
		expect(imageSize(bomb.subarray(0, 38)), 'entries in reach, their data not').toEqual({ width: 256, height: 256 });
		expect(imageSize(bytes(head(1, 0)))).toBeNull();
	});

	it('AVIF/HEIF: the largest ispe in meta/iprp/ipco', () => {
		const box = (type: string, ...body: number[][]) => [...be32(8 + body.flat().length), ...bytes(type), ...body.flat()];
		const ispe = (w: number, h: number) => box('ispe', [0, 0, 0, 0], be32(w), be32(h));
		const avif = (...props: number[][]) =>
			bytes(box('ftyp', [...bytes('avif')], be32(0), [...bytes('mif1')]), box('meta', [0, 0, 0, 0], box('hdlr', new Array(8).fill(0)), box('iprp', box('ipco', ...props))), box('mdat', [1, 2, 3]));
		expect(imageSize(avif(ispe(640, 480)))).toEqual({ width: 640, height: 480 });
		const grid = avif(ispe(512, 512), ispe(16384, 16384));
		expect(imageSize(grid)).toEqual({ width: 16384, height: 16384 });
		expect(tooManyPixels(imageSize(grid))).toBe(true);
		expect(imageSize(grid.subarray(0, grid.length - 30)), 'cut inside the second ispe').toEqual({ width: 512, height: 512 });
		expect(imageSize(avif()), 'no ispe: the decoder decides').toBeNull();
		const lying = avif(ispe(100, 100));
		lying.set(be32(0xfffffff0), 0);
		expect(imageSize(lying), 'an ftyp box claiming 4 GB hides the rest').toBeNull();
	});

	it('64 megapixels pass, one row more does not', () => {
		expect(tooManyPixels({ width: 8000, height: MAX_UPLOAD_PIXELS / 8000 })).toBe(false);
		expect(tooManyPixels({ width: 8000, height: MAX_UPLOAD_PIXELS / 8000 + 1 })).toBe(true);
	});
});
