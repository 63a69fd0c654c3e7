import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { backendOf, chart, chartData, expect, open, tensorCount, test } from './fixtures';

const LESSON = '/lessons/cnn';
const DIAGRAM = 'The network, layer by layer';

/** Types into a number box and commits with Enter. */
async function typeInto(page: Page, id: string, value: string): Promise<void> {
	const box = page.getByTestId(id);
	await box.fill(value);
	await box.press('Enter');
}

/** Clicks one of a chart's export buttons; returns the file name and its text (BOM stripped). */
async function download(page: Page, title: string | RegExp, button: string): Promise<{ name: string; text: string }> {
	const fig = chart(page, title);
	const menu = fig.getByRole('button', { name: 'Export' });
	if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString('utf8').replace(/^\uFEFF/, '') };
}

test('bad link values are clamped or defaulted and listed; the page still works', async ({ page }) => {
	test.setTimeout(240_000);
	const bad = new URLSearchParams({
		filters1: '99',
		filters2: 'abc',
		kernel: '7',
		pool: 'median',
		poolSize: '4',
		lr: '-1',
		batch: '1000',
		spf: '0',
		digit: '5000',
		src: 'camera',
		layer: '<img src=x onerror="window.__xss=1">',
		ch: '2.5',
		fscale: 'rainbow',
		cell: '500',
		seed: '-3'
	});
	await open(page, `${LESSON}?${bad}`);
	const notice = page.getByTestId('corrections-notice').first();
	await expect(notice).toBeVisible();
	for (const param of bad.keys()) await expect(notice).toContainText(param);
	await expect(page.getByTestId('blocks-filters1-box-input')).toHaveValue('16');
	await expect(page.getByTestId('blocks-filters2-box-input')).toHaveValue('16');
	await expect(page.getByTestId('blocks-kernel-select')).toHaveValue('5');
	await expect(page.getByTestId('blocks-pool-select')).toHaveValue('max');
	await expect(page.getByTestId('blocks-pool-size-select')).toHaveValue('2');
	await expect(page.getByTestId('train-batch-box-input')).toHaveValue('256');
	await expect(page.getByTestId('maps-digit-input')).toHaveValue('1999');
	await expect(page.getByTestId('maps-src-select')).toHaveValue('digit');
	await expect(page.getByTestId('maps-layer-select')).toHaveValue('conv1');
	await expect(page.getByTestId('maps-scale-select')).toHaveValue('shared');
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	// 16 filters in conv 1: the diagram and the model's maps agree.
	await expect(chart(page, DIAGRAM).locator('g.layer[data-id="conv1"]')).toHaveAttribute('data-shape', '28,28,16');
	await expect(chart(page, /^Feature maps of /).locator('.tiles button')).toHaveCount(16, { timeout: 120_000 });
});

test('every number box refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	test.setTimeout(180_000);
	await open(page, LESSON);
	const boxes: [string, string, string][] = [
		['blocks-filters1', 'blocks-filters1-box-input', '16'],
		['blocks-filters2', 'blocks-filters2-box-input', '32'],
		['train-lr', 'train-lr-box-input', '10'],
		['train-batch', 'train-batch-box-input', '256'],
		['playbar-speed', 'playbar-speed-box-input', '100'],
		['playbar-seed', 'playbar-seed-input', '2147483647'],
		['maps-digit', 'maps-digit-input', '1999'],
		['maps-channel', 'maps-channel-input', '31']
	];
	for (const [field, id, max] of boxes) {
		const input = page.getByTestId(id);
		const before = await input.inputValue();
		await typeInto(page, id, 'abc');
		await expect(page.getByTestId(field).getByRole('alert')).toBeVisible();
		await expect(input).toHaveValue(before);
		await typeInto(page, id, '1e12');
		await expect(page.getByTestId(field).getByRole('alert')).toContainText(/max/i);
		await expect(input).toHaveValue(max);
	}
	await expect(page).toHaveURL(/filters2=32/);
	await expect(page).toHaveURL(/digit=1999/);
	await expect(chart(page, DIAGRAM).locator('g.layer[data-id="conv2"]')).toHaveAttribute('data-shape', '14,14,32');
	// The drawing pad: clearing an empty pad, then Escape, leaves the prediction empty and no error.
	await page.getByTestId('maps-src-select').selectOption('drawing');
	await page.getByTestId('maps-pad-clear').click();
	await page.getByTestId('maps-pad-canvas').press('Escape');
	await expect(page.getByTestId('maps-prediction')).toContainText('Draw a digit on the pad');
	// Tile keyboard navigation: arrows and Enter select a gallery digit.
	const tiles = chart(page, 'Choose a validation digit').locator('.tiles button');
	await tiles.first().focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('maps-src-select')).toHaveValue('digit');
	await expect(tiles.last()).toHaveAttribute('aria-pressed', 'true');
});

test('a copied link restores every control', async ({ page, context }) => {
	test.setTimeout(180_000);
	// WASM (kept in the copied link): this tests the link; the feature maps on SwiftShader took ~40 s.
	const query = 'filters1=4&filters2=12&kernel=3&pool=avg&poolSize=3&lr=0.01&batch=32&spf=3&digit=17&src=digit&layer=pool1&ch=2&fscale=channel&cell=49&seed=99&backend=wasm';
	await open(page, `${LESSON}?${query}`);
	await expect(page.getByTestId('blocks-filters1-box-input')).toHaveValue('4');
	await expect(page.getByTestId('blocks-filters2-box-input')).toHaveValue('12');
	await expect(page.getByTestId('blocks-kernel-select')).toHaveValue('3');
	await expect(page.getByTestId('blocks-pool-select')).toHaveValue('avg');
	await expect(page.getByTestId('pooling-kind-select')).toHaveValue('avg');
	await expect(page.getByTestId('blocks-pool-size-select')).toHaveValue('3');
	await expect(page.getByTestId('train-lr-box-input')).toHaveValue('0.01');
	await expect(page.getByTestId('train-batch-box-input')).toHaveValue('32');
	await expect(page.getByTestId('playbar-speed-box-input')).toHaveValue('3');
	await expect(page.getByTestId('playbar-seed-input')).toHaveValue('99');
	await expect(page.getByTestId('maps-digit-input')).toHaveValue('17');
	await expect(page.getByTestId('maps-layer-select')).toHaveValue('pool1');
	await expect(page.getByTestId('maps-channel-input')).toHaveValue('2');
	await expect(page.getByTestId('maps-scale-select')).toHaveValue('channel');
	await expect(chart(page, DIAGRAM).locator('g.layer.sel')).toHaveAttribute('data-id', 'pool1');
	await expect(chart(page, /^Feature maps of Pool 1/).locator('svg[data-shape]')).toHaveAttribute('data-shape', '9,9,4', { timeout: 120_000 });
	await expect(chart(page, /^Feature maps of Pool 1/).locator('.tiles button').nth(2)).toHaveAttribute('aria-pressed', 'true');
	// Change a few through the page; the URL follows and a fresh page restores them.
	await chart(page, DIAGRAM).locator('.tiles button').nth(4).click();
	await expect(page).toHaveURL(/layer=conv2/);
	await page.getByTestId('blocks-pool-select').selectOption('max');
	await typeInto(page, 'maps-digit-input', '123');
	await expect(page).toHaveURL(/digit=123/);
	await expect(page).toHaveURL(/pool=max/);
	const other = await context.newPage();
	await open(other, page.url());
	await expect(other.getByTestId('maps-layer-select')).toHaveValue('conv2');
	await expect(other.getByTestId('blocks-pool-select')).toHaveValue('max');
	await expect(other.getByTestId('maps-digit-input')).toHaveValue('123');
	await expect(other.getByTestId('blocks-filters1-box-input')).toHaveValue('4');
	await other.close();
});

test('the Chinese page, a self-check preset, and no tensors left after leaving', async ({ page }) => {
	test.setTimeout(240_000);
	await open(page, '/');
	await backendOf(page);
	const baseline = await tensorCount(page);
	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('h1')).toHaveText('CNN 结构与池化');
	await expect(page.getByRole('heading', { name: '最大池化与平均池化' })).toBeVisible();
	const table = await chartData(page, '逐层看网络结构');
	expect(table).toContain('卷积 1');
	expect(table).toMatch(/层\s+形状\s+参数量\s+权重形状/);
	await expect(chart(page, /的特征图/).locator('.tiles button')).toHaveCount(8, { timeout: 120_000 });
	// Question 2 sets pool size 3: the dense layer has (3*3*16 + 1) * 10 = 1,450 parameters.
	await page.getByTestId('self-check-q1-setup').click();
	await expect(page).toHaveURL(/poolSize=3/);
	await expect(chart(page, '逐层看网络结构').locator('g.layer[data-id="dense"]')).toHaveAttribute('data-params', '1450');
	await expect(page.getByTestId('interview-q9')).toContainText('池化有哪几种');
	await page.getByRole('navigation').getByRole('link').filter({ hasText: /课程/ }).first().click();
	await expect(page).toHaveURL(/\/(\?.*)?$/);
	await expect.poll(() => tensorCount(page), { timeout: 30_000 }).toBe(baseline);
});

test('the architecture, a feature map and the digit picker export CSV and SVG', async ({ page }) => {
	test.setTimeout(240_000);
	await open(page, LESSON);
	await expect(chart(page, /^Feature maps of /).locator('.tiles button')).toHaveCount(8, { timeout: 120_000 });
	const csv = await download(page, DIAGRAM, 'Download CSV');
	expect(csv.name).toBe('cnn-architecture.csv');
	const lines = csv.text.trim().split(/\r?\n/);
	expect(lines).toHaveLength(11);
	expect(lines[0]).toBe('layer,shape,parameters,weight shape');
	expect(lines[2]).toBe('Conv 1,28×28×8,208,5×5×1×8');
	expect(lines[9]).toBe('Dense,10,7850,784×10');
	const svg = await download(page, DIAGRAM, 'Download SVG');
	expect(svg.text).toContain('<svg');
	expect(svg.text).toContain('3,216 params');
	const maps = await download(page, /^Feature maps of /, 'Download CSV');
	expect(maps.name).toBe('feature-maps-conv1.csv');
	const rows = maps.text.trim().split(/\r?\n/);
	expect(rows[0]).toBe('channel,row,column,value');
	expect(rows).toHaveLength(1 + 28 * 28 * 8);
	const mapSvg = await download(page, /^Feature maps of /, 'Download SVG');
	expect(mapSvg.text).toMatch(/<image[^>]+href="data:image\/png;base64,/);
	const picker = await download(page, 'Choose a validation digit', 'Download CSV');
	const pick = picker.text.trim().split(/\r?\n/);
	expect(pick[0]).toBe('index,label,prediction');
	expect(pick).toHaveLength(21);
	expect(pick.slice(1).map((l) => Number(l.split(',')[1]))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
});
