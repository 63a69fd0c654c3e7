import type { Page } from '@playwright/test';
import { chart, chartChanges, chartData, chartRowCount, expect, open, stableBox, tensorCount, test } from './fixtures';

const LESSON = '/lessons/convolution';
const OUTPUT = 'Feature map (output)';
const INPUT = 'Input with the sliding window';

/** Types a value into a slider's (or number field's) box and commits it with Enter. */
async function set(page: Page, id: string, value: number | string, box = true): Promise<void> {
	const input = page.getByTestId(box ? `${id}-box-input` : `${id}-input`);
	await input.fill(String(value));
	await input.press('Enter');
}

/** The output size by the formula, written out independently of the app. */
function expectedSize(w: number, k: number, s: number, pad: string, p: number, d: number): number {
	if (pad === 'same') return Math.ceil(w / s);
	const n = w + 2 * (pad === 'custom' ? p : 0) - (d * (k - 1) + 1);
	return n < 0 ? 0 : Math.floor(n / s) + 1;
}

/** Clicks (or hovers) the centre of cell (row, col) of a ConvGrid chart. */
async function pointAt(page: Page, title: string, row: number, col: number, rows: number, cols: number, click = true): Promise<void> {
	const layer = chart(page, title).getByRole('slider');
	const box = await stableBox(layer);
	const x = box.x + ((col + 0.5) * box.width) / cols;
	const y = box.y + ((row + 0.5) * box.height) / rows;
	if (click) await page.mouse.click(x, y);
	else await page.mouse.move(x, y);
}

test('the output size shown equals floor((W + 2P - D(K-1) - 1)/S) + 1 for settings made with the controls', async ({ page }) => {
	await open(page, LESSON);
	const settings: [number, number, number, string, number, number][] = [
		[28, 3, 1, 'valid', 0, 1],
		[28, 3, 2, 'valid', 0, 1],
		[28, 3, 1, 'valid', 0, 3],
		[14, 4, 2, 'same', 0, 1],
		[27, 5, 3, 'custom', 2, 2],
		[20, 7, 4, 'custom', 4, 3],
		[11, 2, 3, 'same', 0, 3],
		[9, 7, 1, 'valid', 0, 2]
	];
	for (const [w, k, s, pad, p, d] of settings) {
		await set(page, 'geo-size', w);
		await set(page, 'geo-k', k);
		await set(page, 'geo-stride', s);
		await page.getByTestId('geo-pad-select').selectOption(pad);
		if (pad === 'custom') await set(page, 'geo-p', p);
		await set(page, 'geo-dil', d);
		const o = expectedSize(w, k, s, pad, p, d);
		const label = JSON.stringify({ w, k, s, pad, p, d });
		await expect(page.getByTestId('conv-out-size'), label).toHaveAttribute('data-rows', String(o));
		await expect(page.getByTestId('conv-out-size')).toHaveAttribute('data-cols', String(o));
		await expect(page.getByTestId('conv-output')).toHaveAttribute('data-rows', String(o));
		const tex = await page.getByTestId('conv-formula').locator('annotation').first().textContent();
		if (o > 0) {
			expect(tex?.trim().endsWith(`= ${o}`), `${label}: ${tex}`).toBe(true);
			await expect(page.getByTestId('window-position')).toHaveAttribute('data-count', String(o * o));
		} else {
			expect(tex).toContain('no output');
			await expect(page.getByTestId('conv-no-fit')).toBeVisible();
		}
	}
});

test('controls change the feature map: presets, a typed kernel cell, stride and padding', async ({ page }) => {
	await open(page, `${LESSON}?size=10`);
	let before = await chartData(page, OUTPUT);
	await page.getByTestId('kernel-preset-select').selectOption('box');
	before = await chartChanges(page, OUTPUT, before);
	await expect(page.getByTestId('kernel-divisor-input')).toHaveValue('9');
	await page.getByTestId('kernel-preset-select').selectOption('sharpen');
	before = await chartChanges(page, OUTPUT, before);
	const cell = page.getByTestId('kernel-cell-1-1');
	await cell.fill('3');
	await cell.press('Enter');
	await expect(page.getByTestId('kernel-preset-select')).toHaveValue('custom');
	before = await chartChanges(page, OUTPUT, before);
	await page.getByTestId('geo-pad-select').selectOption('same');
	await expect(page.getByTestId('conv-output')).toHaveAttribute('data-rows', '10');
	before = await chartChanges(page, OUTPUT, before);
	await set(page, 'geo-stride', 2);
	await expect(page.getByTestId('conv-output')).toHaveAttribute('data-rows', '5');
	await chartChanges(page, OUTPUT, before);
	// The input chart shows the padding: 'same' with a 3x3 kernel at stride 2 on 10 pixels pads 0 before, 1 after.
	const input = page.getByTestId('conv-input');
	await expect(input).toHaveAttribute('data-rows', '10');
	await expect(page.getByTestId('size-pads')).toHaveAttribute('data-top', '0');
	await expect(page.getByTestId('size-pads')).toHaveAttribute('data-bottom', '1');
});

test('the window: play moves it, steps, and pointing at an output cell moves the taps (dilation and padding included)', async ({ page }) => {
	await open(page, `${LESSON}?size=12&k=3&stride=2&pad=custom&p=1&dil=2&speed=30&pos=0`);
	const pos = page.getByTestId('window-position');
	// (12 + 2 - 5) / 2 -> floor 4.5 + 1 = 5 outputs per axis.
	await expect(pos).toHaveAttribute('data-count', '25');
	await expect(pos).toHaveAttribute('data-index', '0');
	await page.getByTestId('window-play').click();
	await expect.poll(async () => Number(await pos.getAttribute('data-index')), { timeout: 30_000 }).toBeGreaterThan(2);
	await page.getByTestId('window-play').click();
	await page.getByTestId('window-restart').click();
	await expect(pos).toHaveAttribute('data-index', '0');
	await page.getByTestId('window-forward').click();
	await page.getByTestId('window-forward').click();
	await expect(pos).toHaveAttribute('data-index', '2');
	await page.getByTestId('window-back').click();
	await expect(pos).toHaveAttribute('data-index', '1');

	await pointAt(page, OUTPUT, 3, 2, 5, 5);
	await expect(pos).toHaveAttribute('data-row', '3');
	await expect(pos).toHaveAttribute('data-col', '2');
	await expect(page.getByTestId('conv-output')).toHaveAttribute('data-active', '3,2');
	// Taps of output (3, 2): rows 3*2 - 1 + {0, 2, 4}, columns 2*2 - 1 + {0, 2, 4}.
	const taps = [5, 7, 9].flatMap((r) => [3, 5, 7].map((c) => `${r},${c}`)).join(' ');
	await expect(page.getByTestId('conv-input')).toHaveAttribute('data-taps', taps);
	// Hovering moves the window too; the corner window reads the zero padding.
	await pointAt(page, OUTPUT, 0, 0, 5, 5, false);
	await expect(pos).toHaveAttribute('data-index', '0');
	await expect(page.getByTestId('conv-input')).toHaveAttribute('data-taps', /^-1,-1 -1,1 -1,3 1,-1/);
	await expect(page.getByTestId('dot-product').locator('td.pad')).toHaveCount(5);
	// Keyboard: focus the feature map and move with the arrow keys.
	await chart(page, OUTPUT).getByRole('slider').focus();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('conv-output')).toHaveAttribute('data-active', /^\d,\d$/);
});

test('the worked dot product gives the value in the feature map, and tf.conv2d matches the loops', async ({ page }) => {
	for (const at of [40, 77, 195]) {
		await open(page, `${LESSON}?size=14&k=3&kern=1,2,1,2,4,2,1,2,1&kdiv=16&pad=same&pos=${at}`);
		const dot = page.getByTestId('dot-product');
		const check = page.getByTestId('conv-tf-check');
		await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
		expect(Number(await check.getAttribute('data-diff'))).toBeLessThan(1e-4);
		expect(await check.getAttribute('data-backend')).toBeTruthy();
		await expect(page.getByTestId('window-position')).toHaveAttribute('data-index', String(at));
		const value = Number(await dot.getAttribute('data-value'));
		const output = Number(await dot.getAttribute('data-output'));
		expect(Math.abs(value - output)).toBeLessThan(1e-4);
		expect(Number(await dot.getAttribute('data-sum'))).toBeCloseTo(value * 16, 4);
		await expect(dot).toContainText('Divided by the divisor');
	}
	// The last position of a 'same' 3x3 map reads the padding on its right and bottom.
	await expect(page.getByTestId('dot-product').locator('td.pad')).toHaveCount(5);
});

test('the input chart and the feature map read out values, and the output chart exports SVG, PNG and CSV', async ({ page }) => {
	await open(page, `${LESSON}?size=8&k=3`);
	expect(await chartRowCount(page, INPUT)).toBe(64);
	expect(await chartData(page, INPUT)).toMatch(/row\s+column\s+value/);
	const fig = chart(page, OUTPUT);
	const menu = fig.getByRole('button', { name: 'Export' });
	const get = async (button: string) => {
		if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
		const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: button }).click()]);
		return file;
	};
	const svg = await get('Download SVG');
	expect(svg.suggestedFilename()).toBe('convolution-feature-map.svg');
	const png = await get('Download PNG 1×');
	expect(png.suggestedFilename()).toBe('convolution-feature-map.png');
	const csv = await get('Download CSV');
	expect(csv.suggestedFilename()).toBe('convolution-feature-map.csv');
	const { readFile } = await import('node:fs/promises');
	const svgText = (await readFile((await svg.path())!)).toString('utf8');
	expect(svgText).toContain('<svg');
	expect(svgText).toContain('<image');
	const pngBytes = await readFile((await png.path())!);
	expect(pngBytes.subarray(1, 4).toString('ascii')).toBe('PNG');
	const lines = (await readFile((await csv.path())!)).toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
	expect(lines).toHaveLength(1 + 36);
});

test('the output-size explorer follows the chosen axis and the current settings', async ({ page }) => {
	await open(page, LESSON);
	const title = 'Output size as one setting changes';
	// One row per input size 1..28, one column per padding mode.
	await expect.poll(() => chartRowCount(page, title)).toBe(28);
	const before = await chartData(page, title);
	await page.getByTestId('size-xaxis-select').selectOption('kernel');
	await expect.poll(() => chartRowCount(page, title)).toBe(7);
	await chartChanges(page, title, before);
	const kernels = await chartData(page, title);
	await set(page, 'geo-stride', 3);
	await chartChanges(page, title, kernels);
	// K = 7, S = 3 on 28: valid floor(21 / 3) + 1 = 8, same ceil(28 / 3) = 10, custom P = 1 floor(23 / 3) + 1 = 8.
	expect(await chartData(page, title)).toMatch(/^7\s+8\s+10\s+8$/m);
});

test('the live tensor path leaves no tensors behind after many changes', async ({ page }) => {
	await open(page, `${LESSON}?size=20`);
	const check = page.getByTestId('conv-tf-check');
	await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	await expect(page.getByTestId('ch-tf-check')).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	await expect(page.getByTestId('pool-tf-check')).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	await page.waitForTimeout(1000);
	const baseline = await tensorCount(page);
	for (const preset of ['box', 'edge', 'sobelY', 'gaussian', 'sharpen']) {
		await page.getByTestId('kernel-preset-select').selectOption(preset);
		await set(page, 'geo-dil', preset === 'edge' ? 2 : 1);
	}
	await set(page, 'geo-stride', 2);
	await set(page, 'ch-cout', 7);
	await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	await expect(page.getByTestId('ch-tf-check')).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	await expect.poll(() => tensorCount(page), { timeout: 30_000 }).toBe(baseline);
});

for (const backend of ['wasm', 'cpu']) {
	test(`on ${backend} the tensor path answers each change once and the page stays responsive`, async ({ page }) => {
		// Each answer used to queue the same computation again; on CPU and WASM, whose read-backs
		// resolve at once, that loop never yielded and froze the page.
		await open(page, `${LESSON}?size=14&backend=${backend}`);
		const check = page.getByTestId('conv-tf-check');
		await expect(check).toHaveAttribute('data-backend', backend, { timeout: 60_000 });
		for (const id of ['conv-tf-check', 'ch-tf-check', 'pool-tf-check']) await expect(page.getByTestId(id)).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
		const ticks = await page.evaluate(() => new Promise<number>((resolve) => {
			let n = 0;
			const t = setInterval(() => (n += 1), 50);
			setTimeout(() => (clearInterval(t), resolve(n)), 1000);
		}));
		expect(ticks).toBeGreaterThan(5);
		await page.getByTestId('kernel-preset-select').selectOption('sharpen');
		await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
		expect(Number(await check.getAttribute('data-diff'))).toBeLessThan(1e-4);
	});
}
