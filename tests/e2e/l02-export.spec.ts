import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { chart, chartRowCount, expect, open, stepsOf, test } from './fixtures';

const LESSON = '/lessons/activation-functions';

/** Opens a chart's export menu, clicks a download button and returns the saved file's bytes. */
async function download(page: Page, title: string, button: string | RegExp): Promise<{ name: string; bytes: Buffer }> {
	const fig = chart(page, title);
	const menu = fig.getByRole('button', { name: 'Export' });
	if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: button }).click()]);
	return { name: (file as Download).suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Parses SVG text in the browser; returns what the test checks. */
async function inspectSvg(page: Page, text: string) {
	return page.evaluate((src) => {
		const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
		const root = doc.documentElement;
		const all = [...doc.querySelectorAll('*')];
		return {
			ok: !doc.querySelector('parsererror') && root.nodeName === 'svg',
			xmlns: root.getAttribute('xmlns'),
			width: Number(root.getAttribute('width')),
			series: [...doc.querySelectorAll('[data-series]')].map((e) => e.getAttribute('data-series')),
			images: doc.querySelectorAll('image').length,
			scripts: doc.querySelectorAll('script').length,
			handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
			external: all.filter((e) => /^(https?:)?\/\//.test(e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? '')).length
		};
	}, text);
}

test('every export format of a line chart downloads a valid file', async ({ page }) => {
	await open(page, LESSON);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page)).toBe(1);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page)).toBe(2);
	const title = 'Training loss';
	// Read-backs arrive asynchronously (the first one waits for shader compilation).
	await expect.poll(() => chartRowCount(page, title), { timeout: 60_000 }).toBe(3);
	await expect(chart(page, title).locator('svg path[data-series]')).toHaveCount(1);

	const svg = await download(page, title, 'Download SVG');
	expect(svg.name).toBe('training-loss.svg');
	const info = await inspectSvg(page, svg.bytes.toString('utf8'));
	expect(info.ok).toBe(true);
	expect(info.xmlns).toBe('http://www.w3.org/2000/svg');
	expect(info.series).toContain('loss');
	expect(info.scripts + info.handlers + info.external).toBe(0);

	const plot = await chart(page, title).locator('.plot svg').first().boundingBox();
	for (const [scale, name] of [
		[1, 'training-loss.png'],
		[2, 'training-loss@2x.png'],
		[4, 'training-loss@4x.png']
	] as const) {
		const png = await download(page, title, `Download PNG ${scale}×`);
		expect(png.name).toBe(name);
		const size = pngSize(png.bytes);
		expect(size.width).toBe(Math.round(plot!.width * scale));
		expect(size.height).toBe(Math.round(plot!.height * scale));
	}

	const csv = await download(page, title, 'Download CSV');
	expect(csv.name).toBe('training-loss.csv');
	const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
	expect(lines[0].split(',')).toHaveLength(3);
	expect(lines.length).toBe(1 + 3); // header + steps 0, 1, 2
	for (const row of lines.slice(1)) expect(Number(row.split(',')[2])).toBeGreaterThan(0);
});

test('canvas charts export with their pixels embedded, and curves export every series', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('depth-ratio')).toHaveAttribute('data-ratio', /\d/);

	const heat = await download(page, 'Gradient norm over training', 'Download SVG');
	const h = await inspectSvg(page, heat.bytes.toString('utf8'));
	expect(h.ok).toBe(true);
	expect(h.images).toBeGreaterThan(0);
	expect(heat.bytes.toString('utf8')).toContain('data:image/png;base64,');

	const heatCsv = await download(page, 'Gradient norm over training', 'Download CSV');
	expect(heatCsv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).length).toBeGreaterThan(1);

	const curves = await download(page, 'Activation functions', 'Download SVG');
	const c = await inspectSvg(page, curves.bytes.toString('utf8'));
	expect(c.series).toEqual(expect.arrayContaining(['Sigmoid', 'tanh', 'ReLU', 'Leaky ReLU', 'ELU', 'GELU']));
	const csv = (await download(page, 'Activation functions', 'Download CSV')).bytes.toString('utf8').replace(/^\uFEFF/, '');
	const lines = csv.trim().split(/\r?\n/);
	expect(lines[0]).toContain('Sigmoid');
	expect(lines.length).toBe(1 + 401);

	const transparent = chart(page, 'Network');
	await transparent.getByRole('button', { name: 'Export' }).click();
	await transparent.getByRole('checkbox', { name: 'Transparent background' }).check();
	const png = await download(page, 'Network', 'Download PNG 2×');
	const size = pngSize(png.bytes);
	expect(size.width).toBeGreaterThan(100);
});
