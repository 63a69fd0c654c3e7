import type { Page } from '@playwright/test';
import { describeDigitCnn, type DigitCnnConfig } from '../../src/lib/ml/models/digitCnn';
import { chart, chartData, expect, open, stableBox, stepsOf, test } from './fixtures';

const LESSON = '/lessons/cnn';
const DIAGRAM = 'The network, layer by layer';
const PROBS = 'Predicted probabilities';
const NAMES: Record<string, string> = {
	input: 'Input', conv1: 'Conv 1', relu1: 'ReLU 1', pool1: 'Pool 1', conv2: 'Conv 2', relu2: 'ReLU 2', pool2: 'Pool 2',
	flatten: 'Flatten', dense: 'Dense', softmax: 'Softmax'
};
const MAP_LAYERS = ['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2'] as const;

/** The feature-map chart of the shown layer (its title names the layer and shape). */
const mapsChart = (page: Page) => chart(page, /^Feature maps of /);

/** The cells of a chart's data table, row by row. */
async function tableRows(page: Page, title: string | RegExp): Promise<string[][]> {
	await chartData(page, title);
	return chart(page, title)
		.locator('details table tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

/** Rows of the architecture diagram's data table: [layer, shape, params, weight shape]. */
const diagramRows = (page: Page) => tableRows(page, DIAGRAM);

/**
 * Waits until a chart's data differs from `before` (SwiftShader runs convolutions slowly, and a
 * read-out queues behind a validation pass on the GPU); returns the new data.
 */
async function chartChanges(page: Page, title: string | RegExp, before: string): Promise<string> {
	let now = before;
	await expect.poll(async () => (now = await chartData(page, title)), { timeout: 150_000 }).not.toBe(before);
	return now;
}

/** Waits until the feature maps of the current input are on the page (the model is built and probed). */
async function mapsReady(page: Page): Promise<string> {
	let data = '';
	await expect
		.poll(async () => (data = await chartData(page, /^Feature maps of /)), { timeout: 120_000 })
		.toMatch(/\d/);
	return data;
}

test('training a few steps changes the feature maps and the filters', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, `${LESSON}?batch=16`);
	const maps = await mapsReady(page);
	const filters = await chartData(page, 'Filters of conv 1');
	expect(filters).toMatch(/\d/);
	for (let k = 1; k <= 2; k++) {
		await page.getByTestId('playbar-step').click();
		await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBe(k);
	}
	await chartChanges(page, /^Feature maps of /, maps);
	await chartChanges(page, 'Filters of conv 1', filters);
	// (The validation pass that a pause starts is checked on WASM below and in cnnRun.test.ts:
	// on SwiftShader it takes up to a minute.)
});

test("the per-layer shapes shown equal the model's; pool size 3 and average pooling change them", async ({ page }) => {
	test.setTimeout(300_000);
	const check = async (config: DigitCnnConfig) => {
		const want = describeDigitCnn(config);
		await expect.poll(async () => (await diagramRows(page)).map((r) => r[1])).toEqual(want.map((l) => l.shape.join('×')));
		const rows = await diagramRows(page);
		want.forEach((l, i) => {
			expect(rows[i][0]).toBe(NAMES[l.id]);
			expect(Number(rows[i][2].replace(/,/g, ''))).toBe(l.params);
			expect(rows[i][3]).toBe(l.weightShape ? l.weightShape.join('×') : '');
		});
		expect(Number(await chart(page, DIAGRAM).locator('text[data-total]').getAttribute('data-total'))).toBe(want.reduce((s, l) => s + l.params, 0));
		// The model's own outputs have those shapes: each map layer's read-out fills exactly its grid.
		for (const id of MAP_LAYERS) {
			const shape = want.find((l) => l.id === id)!.shape;
			await page.getByTestId('maps-layer-select').selectOption(id);
			await expect(mapsChart(page).locator('svg[data-shape]')).toHaveAttribute('data-shape', shape.join(','), { timeout: 120_000 });
			await expect(mapsChart(page).locator('.tiles button')).toHaveCount(shape[2]);
		}
	};
	await open(page, `${LESSON}?batch=16`);
	await mapsReady(page);
	await check({ filters1: 8, filters2: 16, kernel: 5, pool: 'max', poolSize: 2, lr: 0.003, batch: 16, seed: 1 });
	await page.getByTestId('pooling-size-select').selectOption('3');
	await page.getByTestId('pooling-kind-select').selectOption('avg');
	await expect(page).toHaveURL(/poolSize=3/);
	await expect(page).toHaveURL(/pool=avg/);
	await expect(page.getByTestId('pooling-shapes')).toContainText('28×28×8 → 9×9×8 with a 3 × 3 window');
	await check({ filters1: 8, filters2: 16, kernel: 5, pool: 'avg', poolSize: 3, lr: 0.003, batch: 16, seed: 1 });
	// Pooling has no parameters whichever kind and size; the dense layer shrinks to (3*3*16 + 1) * 10.
	const rows = await diagramRows(page);
	expect(rows.filter((r) => r[0].startsWith('Pool')).map((r) => r[2])).toEqual(['0', '0']);
	expect(rows.find((r) => r[0] === 'Dense')?.[2]).toMatch(/^1,?450$/);
});

test('drawing a digit on the pad updates the prediction and the feature maps', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, `${LESSON}?batch=16&layer=pool2`);
	const mapsBefore = await mapsReady(page);
	const before = await chartChanges(page, PROBS, '');
	const pad = page.getByTestId('maps-pad-canvas');
	const box = await stableBox(pad);
	const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
	// A "7": a bar along the top and a stroke down to the bottom left.
	await page.mouse.move(...at(0.25, 0.2));
	await page.mouse.down();
	for (const [fx, fy] of [[0.5, 0.2], [0.75, 0.2], [0.6, 0.5], [0.45, 0.85]]) await page.mouse.move(...at(fx, fy), { steps: 8 });
	await page.mouse.up();
	await expect(page.getByTestId('maps-src-select')).toHaveValue('drawing');
	await expect(page).toHaveURL(/src=drawing/);
	const drawn = await chartChanges(page, PROBS, before);
	await expect(page.getByTestId('maps-prediction')).toHaveAttribute('data-prediction', /^\d$/);
	// The feature maps follow the drawing too.
	await chartChanges(page, /^Feature maps of Pool 2/, mapsBefore);
	const input = await (async () => {
		await page.getByTestId('maps-layer-select').selectOption('input');
		return chartChanges(page, /^Feature maps of /, '');
	})();
	expect(input).toMatch(/0\.\d|1/);
	// A second stroke (a bar across: now more like a 7 with a cross) changes the prediction's input again.
	await page.mouse.move(...at(0.35, 0.5));
	await page.mouse.down();
	await page.mouse.move(...at(0.8, 0.5), { steps: 8 });
	await page.mouse.up();
	await chartChanges(page, PROBS, drawn);
	// Escape clears the pad: no prediction until something is drawn again.
	await pad.focus();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('maps-prediction')).toContainText('Draw a digit on the pad');
	// Back to validation digits: picking one in the gallery shows its true label.
	await chart(page, 'Choose a validation digit').locator('.tiles button').nth(6).click();
	await expect(page.getByTestId('maps-src-select')).toHaveValue('digit');
	await expect(page.getByTestId('maps-prediction')).toContainText('True digit: 3');
});

test('clicking a confusion-matrix cell lists its digits, and a digit opens its feature maps', async ({ page }) => {
	test.setTimeout(300_000);
	// The WASM backend (conv forward in SIMD code) runs the 2,000-digit validation pass in a second or
	// two; SwiftShader WebGPU takes up to a minute. The GPU path is covered by the tests above.
	await open(page, `${LESSON}?batch=16&backend=wasm`);
	await mapsReady(page);
	// Pausing a run measures the validation set: the accuracy read-out appears.
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
	await page.getByTestId('playbar-play').click();
	await expect(page.getByTestId('train-readouts')).toHaveAttribute('data-val-accuracy', /^0?\.\d+|^[01]$/, { timeout: 120_000 });
	await page.getByTestId('confusion-evaluate').click();
	await expect(page.getByTestId('confusion-readouts')).toHaveAttribute('data-accuracy', /\d/, { timeout: 180_000 });
	const matrix = 'Validation confusion matrix';
	const rows = (await tableRows(page, matrix)).map((r) => r.slice(1).map(Number));
	expect(rows.length).toBe(10);
	expect(rows.flat().reduce((a, b) => a + b, 0)).toBe(2000);
	// The fullest off-diagonal cell (an untrained network confuses plenty).
	let best = { r: 0, c: 1, n: -1 };
	rows.forEach((row, r) => row.forEach((n, c) => r !== c && n > best.n && (best = { r, c, n })));
	expect(best.n).toBeGreaterThan(0);
	await chart(page, matrix).locator(`.tiles button[data-index="${best.r * 10 + best.c}"]`).click();
	await expect(page).toHaveURL(new RegExp(`cell=${best.r * 10 + best.c}\\b`));
	await expect(page.getByTestId('confusion-cell')).toHaveAttribute('data-count', String(best.n));
	const gallery = chart(page, 'Digits in the selected cell');
	await expect(gallery.locator('.tiles button')).toHaveCount(Math.min(best.n, 60));
	await expect(gallery.locator('svg text').first()).toHaveText(`${best.r} → ${best.c}`);
	const table = await tableRows(page, 'Digits in the selected cell');
	expect(table.length).toBe(Math.min(best.n, 60));
	const [id, label, pred] = table[0].map(Number);
	expect([label, pred]).toEqual([best.r, best.c]);
	// Clicking the digit makes it the input of the feature maps.
	await gallery.locator('.tiles button').first().click();
	await expect(page).toHaveURL(new RegExp(`digit=${id}\\b`));
	await expect(page.getByTestId('maps-digit-input')).toHaveValue(String(id));
	await expect(page.getByTestId('maps-prediction')).toContainText(`True digit: ${best.r}`);
});
