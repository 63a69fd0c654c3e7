import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { chartChanges, chartData, expect, open, stableBox, test } from './fixtures';

const LESSON = '/lessons/convolution';
const INPUT = 'Input with the sliding window';
const OUTPUT = 'Feature map (output)';

/** A small 8-bit grayscale PNG of side x side pixels (pixel(x, y) in 0..255), encoded by hand. */
function grayPng(side: number, pixel: (x: number, y: number) => number): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([len, body, crc]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(side, 0);
	ihdr.writeUInt32BE(side, 4);
	ihdr.set([8, 0, 0, 0, 0], 8);
	const raw = Buffer.alloc(side * (side + 1));
	for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) raw[y * (side + 1) + 1 + x] = pixel(x, y);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(raw)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** Drags the mouse across the drawing pad along `points` (fractions of its size). */
async function draw(page: Page, points: [number, number][]): Promise<void> {
	const pad = page.getByTestId('draw-pad-canvas');
	const box = await stableBox(pad);
	const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
	await page.mouse.move(...at(points[0]));
	await page.mouse.down();
	for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
	await page.mouse.up();
}

test('real digits load, and the thumbnails and the digit number pick the input', async ({ page }) => {
	await open(page, `${LESSON}?size=12`);
	const using = page.getByTestId('input-using');
	await expect(using).toHaveAttribute('data-source', 'digit', { timeout: 30_000 });
	await expect(using).toContainText('digit 7 (number 0)');
	const before = await chartData(page, INPUT);
	await page.getByTestId('input-thumb-3').click();
	await expect(page.getByTestId('input-thumb-3')).toHaveAttribute('aria-pressed', 'true');
	await expect(using).toContainText('digit 3');
	await chartChanges(page, INPUT, before);
	const field = page.getByTestId('input-digit');
	const box = page.getByTestId('input-digit-input');
	await box.fill('42');
	await box.press('Enter');
	await expect(using).toContainText('number 42');
	await box.fill('seven');
	await box.press('Enter');
	await expect(field.getByRole('alert')).toBeVisible();
	await expect(box).toHaveValue('42');
	await box.fill('5000');
	await box.press('Enter');
	await expect(field.getByRole('alert')).toContainText(/max/i);
	await expect(box).toHaveValue('1999');
	await page.getByTestId('input-src-select').selectOption('shape');
	await expect(using).toHaveAttribute('data-source', 'shape');
	await expect(using).toContainText('square');
});

test('drawing on the pad changes the input and the feature map; clearing it falls back to the digit', async ({ page }) => {
	await open(page, `${LESSON}?size=10`);
	const using = page.getByTestId('input-using');
	await expect(using).toHaveAttribute('data-source', 'digit', { timeout: 30_000 });
	const input = await chartData(page, INPUT);
	const output = await chartData(page, OUTPUT);
	await draw(page, [
		[0.15, 0.2],
		[0.85, 0.2],
		[0.5, 0.85],
		[0.2, 0.6]
	]);
	await expect(using).toHaveAttribute('data-source', 'custom');
	await expect(using).toContainText('your drawing');
	await expect(page.getByTestId('input-src-select')).toHaveValue('custom');
	const drawn = await chartChanges(page, INPUT, input);
	await chartChanges(page, OUTPUT, output);
	// A second stroke changes the input again.
	await draw(page, [
		[0.1, 0.9],
		[0.9, 0.9]
	]);
	await chartChanges(page, INPUT, drawn);
	await page.getByTestId('draw-pad-clear').click();
	await expect(using).toHaveAttribute('data-source', 'digit');
	await expect(page.getByTestId('input-custom-missing')).toBeVisible();
});

test('uploading a file that is not an image gives a clear message; a real picture becomes the input', async ({ page }) => {
	await open(page, `${LESSON}?size=10`);
	const using = page.getByTestId('input-using');
	await expect(using).toHaveAttribute('data-source', 'digit', { timeout: 30_000 });
	const file = page.getByTestId('image-upload-input');
	await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture at all') });
	const message = page.getByTestId('image-upload-message');
	await expect(message).toHaveAttribute('role', 'alert');
	await expect(message).toContainText('“notes.txt” is not an image');
	await expect(using).toHaveAttribute('data-source', 'digit');
	// A disguised file: PNG name and type, text inside.
	await file.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a? no, just text') });
	await expect(message).toContainText('“fake.png” is not an image');

	const before = await chartData(page, INPUT);
	const png = grayPng(20, (x, y) => (x >= 5 && x < 15 && y >= 5 && y < 15 ? 0 : 255));
	await file.setInputFiles({ name: 'square.png', mimeType: 'image/png', buffer: png });
	await expect(message).toHaveAttribute('role', 'status');
	await expect(using).toHaveAttribute('data-source', 'custom');
	await expect(using).toContainText('square.png');
	await chartChanges(page, INPUT, before);
});
