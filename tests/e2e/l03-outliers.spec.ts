import type { Page } from '@playwright/test';
import { backendOf, chart, chartData, chartChanges, expect, open, stableBox, stepsOf, test } from './fixtures';

const LESSON = '/lessons/loss-functions';
const PLOT = 'Three fits of the same points';
/** The fits settle in 300 steps; software WebGPU runs only ~10 steps per second. */
const SETTLE = { timeout: 110_000 };

/** The displayed slope of a model's fitted line. */
async function slope(page: Page, model: 'mse' | 'mae' | 'huber'): Promise<number> {
	return Number(await page.getByTestId(`fit-slope-${model}`).getAttribute('data-value'));
}

async function slopes(page: Page) {
	return { mse: await slope(page, 'mse'), mae: await slope(page, 'mae'), huber: await slope(page, 'huber') };
}

/** Waits until the live refit after the last edit has settled, with `n` points. */
async function settled(page: Page, n: number): Promise<void> {
	const status = page.getByTestId('fit-status');
	await expect(status).toContainText(`${n} points`);
	await expect(status).toHaveAttribute('data-settled', 'true', SETTLE);
}

/** Page coordinates of data point (x, y) in the plot (both axes span [0, 10]). */
async function at(page: Page, x: number, y: number): Promise<[number, number]> {
	const box = await stableBox(chart(page, PLOT).locator('rect.frame'));
	return [box.x + (x / 10) * box.width, box.y + (1 - y / 10) * box.height];
}

test('MUST SHOW: outliers added through the UI move the MSE slope far more than the Huber slope', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, LESSON);
	await settled(page, 30);
	const before = await slopes(page);
	for (const s of Object.values(before)) expect(Math.abs(s - 0.6)).toBeLessThan(0.1);
	const add = page.getByTestId('fit-add-outlier');
	for (let i = 0; i < 3; i++) await add.click();
	await expect(page).toHaveURL(/out=3/);
	await settled(page, 33);
	await expect(chart(page, PLOT).locator('.points path[data-class="1"]')).toHaveCount(3);
	const after = await slopes(page);
	const moved = (k: keyof typeof before) => Math.abs(after[k] - before[k]);
	expect(moved('mse')).toBeGreaterThan(0.15);
	expect(moved('mse')).toBeGreaterThan(3 * moved('huber'));
	expect(moved('mse')).toBeGreaterThan(3 * moved('mae'));
	// The slope chart recorded the MSE line tilting.
	const history = await chartData(page, 'Fitted slopes during training');
	expect(history).toContain('MSE');
});

test('click adds a point, Shift+click an outlier, drag moves one; reset points restores the seeded data', async ({ page }) => {
	test.setTimeout(300_000);
	// Editing points is page work, not GPU work: WASM settles each refit in a moment where
	// SwiftShader's WebGPU needs ~30 s (the MUST SHOW test above runs on WebGPU).
	await open(page, `${LESSON}?backend=wasm`);
	await settled(page, 30);
	const fig = chart(page, PLOT);
	const pts = fig.locator('.points path');
	await expect(pts).toHaveCount(30);

	const [cx, cy] = await at(page, 1.5, 9);
	await page.mouse.click(cx, cy);
	await expect(pts).toHaveCount(31);
	const [ox, oy] = await at(page, 9.5, 9.5);
	await page.keyboard.down('Shift');
	await page.mouse.click(ox, oy);
	await page.keyboard.up('Shift');
	await expect(pts).toHaveCount(32);
	await expect(fig.locator('.points path[data-class="1"]')).toHaveCount(1);
	await settled(page, 32);
	const beforeDrag = await slopes(page);

	// Drag the added outlier down to the bottom right: every line tilts, MSE the most.
	const target = fig.locator('.points path[data-class="1"]').first();
	const b = (await target.boundingBox())!;
	await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
	await page.mouse.down();
	const [dx, dy] = await at(page, 9.5, 0.2);
	await page.mouse.move(dx, dy, { steps: 8 });
	await page.mouse.up();
	// (On WASM the refit may settle before a poll could see it unsettled: wait for the new slope.)
	await expect.poll(() => slope(page, 'mse'), SETTLE).toBeLessThan(beforeDrag.mse - 0.05);
	await settled(page, 32);

	await page.getByTestId('fit-reset-points').click();
	await expect(pts).toHaveCount(30);
	await expect(page).not.toHaveURL(/out=[1-9]/);
	await settled(page, 30);
});

test('δ moves the Huber line from the MAE line (small δ) to the MSE line (large δ)', async ({ page }) => {
	test.setTimeout(300_000);
	// WASM for speed: two refits of 300 steps (the fits' maths is backend-independent, tested in vitest).
	await open(page, `${LESSON}?out=3&delta=10&backend=wasm`);
	await settled(page, 33);
	let s = await slopes(page);
	expect(Math.abs(s.huber - s.mse)).toBeLessThan(0.01);
	const box = page.getByTestId('fit-delta-box-input');
	await box.fill('0.1');
	await box.press('Enter');
	await expect(page).toHaveURL(/delta=0\.1(&|$)/);
	// Both δ sliders share the value.
	await expect(page.getByTestId('regression-delta-box-input')).toHaveValue(/^0\.10?$/);
	await expect.poll(async () => Math.abs((await slope(page, 'huber')) - (await slope(page, 'mae'))), SETTLE).toBeLessThan(0.02);
	await settled(page, 33);
	s = await slopes(page);
	expect(Math.abs(s.huber - s.mae)).toBeLessThan(0.02);
	expect(s.huber - s.mse).toBeGreaterThan(0.15);
});

test('the fit transport: step, play, pause, reset; noise, seed and learning rate rebuild the data or the fit', async ({ page }) => {
	test.setTimeout(300_000);
	// WASM: this tests the controls; SwiftShader's WebGPU took ~85 s for its four refits.
	await open(page, `${LESSON}?backend=wasm`);
	await settled(page, 30);
	await page.getByTestId('playbar-reset').click();
	await expect.poll(() => stepsOf(page)).toBe(0);
	// A fresh fit starts flat.
	await expect.poll(async () => Math.abs(await slope(page, 'mse'))).toBeLessThan(1e-6);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page)).toBe(1);
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(5);
	await page.getByTestId('playbar-play').click();
	const paused = await stepsOf(page);
	await page.waitForTimeout(600);
	expect(await stepsOf(page)).toBe(paused);

	const plot = await chartData(page, PLOT);
	const noise = page.getByTestId('fit-noise-box-input');
	await noise.fill('1.5');
	await noise.press('Enter');
	const noisy = await chartChanges(page, PLOT, plot);
	await expect(page).toHaveURL(/noise=1\.5/);
	const seed = page.getByTestId('playbar-seed-input');
	await seed.fill('42');
	await seed.press('Enter');
	await chartChanges(page, PLOT, noisy);
	await expect(page).toHaveURL(/seed=42/);
	const lr = page.getByTestId('fit-lr-box-input');
	await lr.fill('0.05');
	await lr.press('Enter');
	await expect(page).toHaveURL(/lr=0\.05/);
	await expect(page.getByTestId('fit-status')).toHaveAttribute('data-settled', 'false');
	await settled(page, 30);
	const out = page.getByTestId('fit-out-box-input');
	await out.fill('2');
	await out.press('Enter');
	await settled(page, 32);
});

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
	test(`the three fits run on the ${backend} backend when it is forced`, async ({ page }) => {
		test.setTimeout(240_000);
		await open(page, `${LESSON}?backend=${backend}&out=3`);
		expect(await backendOf(page)).toBe(backend);
		await settled(page, 33);
		const s = await slopes(page);
		expect(s.mse).toBeLessThan(0.45);
		expect(s.huber).toBeGreaterThan(0.55);
		expect(s.mae).toBeGreaterThan(0.55);
	});
}
