import { expect, open, stepsOf, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '/lessons/backpropagation';

/** The latest training loss the page shows (its data-value). */
async function lossOf(page: Page): Promise<number> {
	const v = await page.getByTestId('pg-loss').getAttribute('data-value');
	return v === null || v === '' ? NaN : Number(v);
}

async function setUpQuestion(page: Page, q: number): Promise<void> {
	await page.getByTestId(`self-check-q${q}-setup`).click();
	const speed = page.getByTestId('playbar-speed-box-input');
	await speed.fill('100');
	await speed.press('Enter');
}

test('XOR without a hidden layer: the BCE stays near ln 2 (>= 0.6) however long it trains', async ({ page }) => {
	// 1,000 steps: WASM runs them in seconds, SwiftShader's WebGPU in ~90 s. Both tests here train
	// on WASM: they check what the network learns, which the backends compute alike (tested in
	// vitest); L01's playground tests train on WebGPU.
	await open(page, `${LESSON}?backend=wasm`);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	await setUpQuestion(page, 0);
	await expect(page).toHaveURL(/data=xor/);
	await expect(page).toHaveURL(/layers=0/);
	await expect(page.getByTestId('layers-none')).toBeVisible();
	await expect(page.getByRole('figure', { name: 'Network: weights and activations' }).locator('svg circle:not(.cursor)')).toHaveCount(3);
	const t0 = Date.now();
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(1000);
	await page.getByTestId('playbar-play').click();
	await expect(page.getByTestId('playbar-status')).toContainText('Paused');
	const loss = await lossOf(page);
	test.info().annotations.push({ type: 'figure', description: `no hidden layer: loss ${loss.toFixed(4)} after ${await stepsOf(page)} steps, ${((Date.now() - t0) / 1000).toFixed(1)} s` });
	expect(loss).toBeGreaterThanOrEqual(0.6);
	expect(loss).toBeLessThan(0.75);
});

test('XOR with one hidden layer of 4 tanh units: the BCE falls below 0.1 on the page', async ({ page }) => {
	await open(page, `${LESSON}?backend=wasm`);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	await setUpQuestion(page, 1);
	await expect(page).toHaveURL(/data=xor/);
	await expect(page).toHaveURL(/layers=1/);
	await expect(page.getByTestId('units-1-count')).toContainText('4');
	const t0 = Date.now();
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(0);
	await expect.poll(() => lossOf(page), { timeout: 80_000 }).toBeLessThan(0.1);
	const steps = await stepsOf(page);
	await page.getByTestId('playbar-play').click();
	test.info().annotations.push({ type: 'figure', description: `4 tanh units: loss < 0.1 after ${steps} steps, ${((Date.now() - t0) / 1000).toFixed(1)} s` });
	await expect(page.getByTestId('pg-accuracy')).toContainText(/(9[5-9]|100)\.\d%/);
});
