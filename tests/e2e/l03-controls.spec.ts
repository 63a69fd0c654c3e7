import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { backendOf, chart, chartChanges, chartData, expect, open, tensorCount, test } from './fixtures';

const LESSON = '/lessons/loss-functions';

/** Types a value into a numeric box and commits it. */
async function type(page: Page, id: string, value: string): Promise<void> {
	const box = page.getByTestId(id);
	await box.fill(value);
	await box.press('Enter');
}

test('the δ slider reshapes the Huber loss and gradient curves', async ({ page }) => {
	await open(page, LESSON);
	const losses = 'Regression losses';
	const grads = 'Their gradients';
	await expect(chart(page, losses).locator('path[data-series="Huber"]')).toHaveClass(/bold/);
	const l0 = await chartData(page, losses);
	const g0 = await chartData(page, grads);
	const range = page.getByTestId('regression-delta-range');
	await range.focus();
	await range.press('ArrowRight');
	const l1 = await chartChanges(page, losses, l0);
	await type(page, 'regression-delta-box-input', '2');
	await chartChanges(page, losses, l1);
	await chartChanges(page, grads, g0);
	await expect(page).toHaveURL(/delta=2(&|$)/);
	// Huber's gradient is capped at −δ = −2 from e = −3 up to e = −2, while MSE's reaches −6. The
	// data table is wide (x, then MSE, MAE, Huber) and shows the first rows, from e = −3.
	const rows = (await chartData(page, grads)).replace(/−/g, '-').split('\n').slice(2).map((r) => r.split('\t').map(Number));
	const capped = rows.filter((r) => r[0] <= -2);
	expect(capped.length).toBeGreaterThan(50);
	for (const r of capped) expect(r[3]).toBeCloseTo(-2, 6);
	expect(Math.min(...rows.map((r) => r[1]))).toBeCloseTo(-6, 6);
	for (const r of rows.filter((row) => row[0] > -2 && row[0] < 2)) expect(r[3]).toBeCloseTo(r[0], 6);
});

test('γ reshapes the focal curve; K moves the cross-entropy curve and its log K read-out', async ({ page }) => {
	await open(page, LESSON);
	const bce = 'Binary cross-entropy';
	const b0 = await chartData(page, bce);
	await type(page, 'bce-gamma-box-input', '4');
	await chartChanges(page, bce, b0);
	await expect(page).toHaveURL(/gamma=4/);
	await expect(chart(page, bce).locator('path[data-series="focal, y = 1, γ = 4"]')).toHaveCount(1);

	const ce = 'Cross-entropy over K classes';
	const c0 = await chartData(page, ce);
	const uniform = page.getByTestId('ce-uniform');
	await expect(uniform).toContainText('2.303');
	await type(page, 'ce-k-box-input', '100');
	await chartChanges(page, ce, c0);
	await expect(uniform).toContainText('4.605');
	await expect(page).toHaveURL(/k=100/);
	const range = page.getByTestId('ce-k-range');
	await range.focus();
	await range.press('Home');
	await expect(uniform).toContainText('0.693');
	await expect(chart(page, ce).locator('path[data-series]')).toHaveCount(1);
});

test('MSE vs BCE on a saturated sigmoid: MSE gradient vanishes, BCE stays near −1', async ({ page }) => {
	await open(page, LESSON);
	const readout = page.getByTestId('saturation-readout');
	const read = async () => ({ mse: Number(await readout.getAttribute('data-mse')), bce: Number(await readout.getAttribute('data-bce')) });
	await type(page, 'saturation-z-box-input', '-8');
	await expect(page).toHaveURL(/z=-8/);
	await expect(readout).toContainText('z = -8.0');
	let g = await read();
	expect(Math.abs(g.mse)).toBeLessThan(1e-3);
	expect(g.bce).toBeLessThan(-0.999);
	await expect(page.getByTestId('saturation-ratio')).toContainText(/2\.98e\+3|298\d/);
	// Where the unit is unsure the two are comparable; where it is right both vanish.
	const range = page.getByTestId('saturation-z-range');
	await range.focus();
	await range.press('End');
	g = await read();
	expect(Math.abs(g.bce)).toBeLessThan(1e-4);
	expect(Math.abs(g.mse)).toBeLessThan(1e-4);
	const marker = chart(page, 'Gradient at the logit: MSE vs BCE').locator('.marker');
	await expect(marker).toHaveCount(1);
});

test('every numeric control refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	await open(page, LESSON);
	const controls: [string, string][] = [
		['regression-delta-box', '10'],
		['bce-gamma-box', '5.0'],
		['ce-k-box', '100'],
		['saturation-z-box', '10.0'],
		['fit-out-box', '10'],
		['fit-delta-box', '10'],
		['fit-noise-box', '2.0'],
		['fit-lr-box', '10'],
		['playbar-speed-box', '100'],
		['playbar-seed', '2147483647']
	];
	for (const [id, max] of controls) {
		const field = page.getByTestId(id.replace(/-box$/, ''));
		const input = page.getByTestId(`${id}-input`);
		const before = await input.inputValue();
		await input.fill('abc');
		await input.press('Enter');
		await expect(field.getByRole('alert')).toBeVisible();
		await expect(input).toHaveValue(before);
		await input.fill('1e12');
		await input.press('Enter');
		await expect(field.getByRole('alert')).toContainText(/max/i);
		await expect(input).toHaveValue(max);
	}
	// The page is alive: ten outliers are in, and the add button is disabled at the maximum.
	await expect(page.getByTestId('fit-status')).toContainText('40 points');
	await expect(page.getByTestId('fit-add-outlier')).toBeDisabled();
});

test('a copied link restores every control; bad link values are clamped and reported', async ({ page, context }) => {
	await open(page, LESSON);
	await type(page, 'regression-delta-box-input', '0.5');
	await type(page, 'bce-gamma-box-input', '1.5');
	await type(page, 'ce-k-box-input', '7');
	await type(page, 'saturation-z-box-input', '-2.5');
	await type(page, 'fit-out-box-input', '4');
	await type(page, 'fit-noise-box-input', '0.8');
	await type(page, 'fit-lr-box-input', '0.2');
	await type(page, 'playbar-speed-box-input', '9');
	await type(page, 'playbar-seed-input', '4242');
	await expect(page).toHaveURL(/seed=4242/);
	const other = await context.newPage();
	await open(other, page.url());
	for (const [id, value] of [
		['regression-delta-box-input', /^0\.50?$/],
		['fit-delta-box-input', /^0\.50?$/],
		['bce-gamma-box-input', /^1\.5$/],
		['ce-k-box-input', /^7$/],
		['saturation-z-box-input', /^-2\.5$/],
		['fit-out-box-input', /^4$/],
		['fit-noise-box-input', /^0\.8$/],
		['fit-lr-box-input', /^0\.2$/],
		['playbar-speed-box-input', /^9$/],
		['playbar-seed-input', /^4242$/]
	] as const)
		await expect(other.getByTestId(id), id).toHaveValue(value);
	await expect(other.getByTestId('fit-status')).toContainText('34 points');
	await other.close();

	const bad = new URLSearchParams({ delta: '-3', k: '2.5', z: 'abc', out: '1e9', lr: 'Infinity', gamma: '<b>x</b>' });
	await open(page, `${LESSON}?${bad}`);
	const notice = page.getByTestId('corrections-notice').filter({ hasText: 'delta' });
	for (const param of ['delta', 'k', 'z', 'out', 'lr', 'gamma']) await expect(notice).toContainText(param);
	await expect(page.getByTestId('regression-delta-box-input')).toHaveValue(/^0\.10?$/);
	await expect(page.getByTestId('fit-out-box-input')).toHaveValue('10');
	await expect(page.getByTestId('saturation-z-box-input')).toHaveValue('-4.0');
	await expect(page.locator('b', { hasText: 'x' })).toHaveCount(0);
});

test('self-check presets set the controls; the Chinese page is Chinese', async ({ page }) => {
	await open(page, LESSON);
	await page.getByTestId('self-check-q0-setup').click();
	await expect(page.getByTestId('fit-out-box-input')).toHaveValue('3');
	await expect(page).toHaveURL(/out=3/);
	await page.getByTestId('self-check-q3-setup').click();
	await expect(page.getByTestId('saturation-z-box-input')).toHaveValue('-8.0');
	await page.getByTestId('self-check-q4-setup').click();
	await expect(page.getByTestId('ce-k-box-input')).toHaveValue('10');

	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.locator('h1')).toHaveText('损失函数');
	await expect(page.getByRole('heading', { name: '回归损失：MSE、MAE 与 Huber' })).toBeVisible();
	await expect(page.getByTestId('fit-add-outlier')).toHaveText('添加离群点');
	await expect(page.locator('#interview')).toContainText('稳健');
});

test('charts export (the scatter as SVG with its lines, a curve as CSV); leaving frees every tensor', async ({ page }) => {
	// WASM, chosen on the home page and kept across the client-side navigation: the three fits
	// settle in seconds (the MUST SHOW test in l03-outliers fits on WebGPU).
	await open(page, '/?backend=wasm');
	expect(await backendOf(page)).toBe('wasm');
	const baseline = await tensorCount(page);
	await page.locator('main a[href="/lessons/loss-functions"]').first().click();
	await expect(page).toHaveURL(/loss-functions/);
	await expect(page.getByTestId('fit-status')).toHaveAttribute('data-settled', 'true', { timeout: 110_000 });
	expect(await tensorCount(page)).toBeGreaterThan(baseline);

	const fig = chart(page, 'Three fits of the same points');
	await fig.getByRole('button', { name: 'Export' }).click();
	const [svgFile] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download SVG' }).click()]);
	expect(svgFile.suggestedFilename()).toBe('outlier-fits.svg');
	const svg = await readFile((await svgFile.path())!, 'utf8');
	for (const name of ['MSE', 'MAE', 'Huber']) expect(svg).toContain(`data-series="${name}"`);
	expect(svg).not.toMatch(/<script|onload=|onclick=/);

	const curve = chart(page, 'Margin losses');
	await curve.getByRole('button', { name: 'Export' }).click();
	const [csvFile] = await Promise.all([page.waitForEvent('download'), curve.getByRole('button', { name: 'Download CSV' }).click()]);
	expect(csvFile.suggestedFilename()).toBe('margin-losses.csv');
	const csv = (await readFile((await csvFile.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
	// Wide: the margin, then one column per loss; one row per sampled margin.
	expect(csv.length).toBe(1 + 600);
	expect(csv[0].split(',').slice(1)).toEqual(['0–1 loss', 'hinge', 'logistic (BCE)']);

	await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => tensorCount(page), { timeout: 10_000 }).toBe(baseline);
});
