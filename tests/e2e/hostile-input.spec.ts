import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { LESSON_SCHEMAS } from '../lessonSchemas';
import { expect, open, test } from './fixtures';

/**
 * Hostile links, page side (the parser itself is covered value by value in
 * tests/unit/app/hostileUrl.test.ts): every parameter of a lesson gets a hostile value at once, the
 * kinds rotated. The lesson renders, the notice names every corrected parameter,
 * no dialog opens, no injected element exists and nothing injected ran.
 */

/** Each would set `window.__xss` if it were ever executed. 100k characters can only come via a link. */
const HOSTILE = [
	'<script>window.__xss=1</script>',
	'"><img src=x onerror="window.__xss=2">',
	'NaN',
	'<svg onload="window.__xss=3">',
	'1e308',
	'Infinity',
	'\u202Eمرحبا😀',
	'-9999999999',
	'',
	'javascript:window.__xss=4',
	'-Infinity',
	'x'.repeat(100_000)
];

/** Shell params get hostile values too, except `backend=wasm` (fast, and the point is the page). */
const SHELL = 'backend=wasm&lang=%3Cscript%3Ewindow.__xss%3D5%3C%2Fscript%3E&present=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D6%22%3E&contrast=NaN';

/**
 * Opens `path?query`. A 100k-character query is longer than a static server accepts in a request
 * line, but a link can carry it to the app (history, a shared page): the prerendered document is
 * served from the build folder and the browser keeps the long address.
 */
async function openLong(page: Page, path: string, query: string): Promise<void> {
	await page.route(`**${path}?*`, async (route) => {
		if (route.request().resourceType() !== 'document') return route.fallback();
		await route.fulfill({ contentType: 'text/html', body: await readFile(`build${path}.html`) });
	});
	await open(page, `${path}?${query}`);
}

for (const [n, [slug, schema]] of LESSON_SCHEMAS.entries()) {
	test(`${slug}: every parameter hostile at once renders the lesson and lists every correction`, async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const keys = Object.keys(schema);
		// One link per lesson (the parser meets every kind for every parameter in the unit test); the
		// rotation starts elsewhere for each lesson so that every kind reaches some page.
		for (const shift of [n * 5]) {
			const values = keys.map((_k, i) => HOSTILE[(i + shift) % HOSTILE.length]);
			const query = keys.map((k, i) => `${k}=${encodeURIComponent(values[i])}`).join('&');
			// A bare boolean key (`?test=`) is a valid "on", so it is the one value not corrected.
			const corrected = keys.filter((k, i) => !(schema[k] as { kind: string }).kind.startsWith('boolean') || values[i] !== '');
			await openLong(page, `/lessons/${slug}`, `${SHELL}&${query}`);
			await expect(page.locator('main h1')).toBeVisible();
			await expect(page.getByRole('figure').first()).toBeVisible();
			for (const k of corrected) await expect(page.locator(`[data-testid="corrections-notice"] li[data-param="${k}"]`).first()).toBeAttached();
			for (const k of ['lang', 'present', 'contrast'])
				await expect(page.locator(`[data-testid="corrections-notice"] li[data-param="${k}"]`)).toHaveCount(1);
			// Hostile text is shown as text, the lesson's params in the address are rewritten with the values
			// used, and the refused shell params leave it (the good `backend=wasm` stays).
			await expect(page.getByTestId('corrections-notice').first()).toContainText('window.__xss');
			await expect
				.poll(() => {
					const search = new URL(page.url()).searchParams;
					const shell = ['lang', 'present', 'contrast'].filter((k) => search.has(k));
					return [...keys.filter((k) => search.getAll(k).length !== 1 || /xss|NaN|Infinity|x{100}/.test(search.get(k) ?? '')), ...shell];
				})
				.toEqual([]);
			expect(new URL(page.url()).searchParams.getAll('backend')).toEqual(['wasm']);
			expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
			expect(await page.locator('img[src="x"], main script, svg[onload]').count()).toBe(0);
			expect(await page.locator('html').getAttribute('lang')).toBe('en');
		}
		expect(dialogs).toEqual([]);
	});
}

test('convolution upload: a file over 10 MB, a non-image with a hostile name and pixel bombs (PNG, GIF) are refused with clear messages', async ({ page }) => {
	await open(page, '/lessons/convolution?backend=wasm&size=10');
	const using = page.getByTestId('input-using');
	await expect(using).toHaveAttribute('data-source', 'digit', { timeout: 30_000 });
	const file = page.getByTestId('image-upload-input');
	const message = page.getByTestId('image-upload-message');
	// 10.5 MB with a real PNG signature: refused for its size before anything decodes it.
	const big = Buffer.alloc(Math.round(10.5 * 1024 * 1024), 0);
	Buffer.from('89504e470d0a1a0a', 'hex').copy(big);
	await file.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: big });
	await expect(message).toHaveAttribute('role', 'alert');
	await expect(message).toContainText('“huge.png” is 10.5 MB; images up to 10 MB are accepted.');
	await expect(using).toHaveAttribute('data-source', 'digit');
	// Text bytes named like a picture, the name carrying markup and a right-to-left override.
	const name = '\u202Egnp.<img src=x onerror="window.__xss=1">.png';
	await file.setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from('<script>window.__xss=2</script>') });
	await expect(message).toContainText('<img src=x onerror="window.__xss=1">.png” is not an image');
	await expect(message).toContainText('\uFFFDgnp.');
	await expect(using).toHaveAttribute('data-source', 'digit');
	// A small PNG that declares 20000 x 20000 pixels (1.6 GB decoded) is refused before decoding.
	await file.setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: pixelBomb(20000) });
	await expect(message).toContainText('“bomb.png” is 20000×20000 pixels; pictures up to 64 megapixels are accepted.');
	await expect(using).toHaveAttribute('data-source', 'digit');
	// A GIF whose screen is 1 x 1 but whose frame declares 20000 x 20000 (decoders grow the canvas to it).
	const frame = Buffer.from([0x2c, 0, 0, 0, 0, 0x20, 0x4e, 0x20, 0x4e, 0, 2, 2, 0x4c, 0x01, 0, 0x3b]);
	await file.setInputFiles({ name: 'bomb.gif', mimeType: 'image/gif', buffer: Buffer.concat([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'), frame]) });
	await expect(message).toContainText('“bomb.gif” is 20000×20000 pixels; pictures up to 64 megapixels are accepted.');
	await expect(using).toHaveAttribute('data-source', 'digit');
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
});

/** A PNG header declaring side x side grayscale pixels (side² x 4 bytes once decoded). */
function pixelBomb(side: number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(side, 0);
	ihdr.writeUInt32BE(side, 4);
	ihdr[8] = 8;
	const row = Buffer.alloc(side + 1, 0xff);
	row[0] = 0;
	// One row of data is enough: the size is refused from the header before any decoding (a whole
	// white picture would be 400 MB to build here and a few hundred kB to send).
	const idat = deflateSync(row);
	return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
