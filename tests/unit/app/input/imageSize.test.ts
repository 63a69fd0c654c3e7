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
		expect(imageSize(bytes('GIF89a? no, just text')), 'GIF and BMP are left to the decoder').toBeNull();
		expect(imageSize(bytes('BM but text'))).toBeNull();
		expect(imageSize(bytes([0x89], 'PNG'))).toBeNull();
		expect(imageSize(bytes([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull();
		expect(imageSize(new Uint8Array())).toBeNull();
		expect(tooManyPixels(null)).toBe(false);
	});

	it('64 megapixels pass, one row more does not', () => {
		expect(tooManyPixels({ width: 8000, height: MAX_UPLOAD_PIXELS / 8000 })).toBe(false);
		expect(tooManyPixels({ width: 8000, height: MAX_UPLOAD_PIXELS / 8000 + 1 })).toBe(true);
	});
});
