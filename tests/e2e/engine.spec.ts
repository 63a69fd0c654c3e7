import { chromium } from '@playwright/test';
import { BASE_ARGS } from '../../playwright.config';
import { backendOf, chartRowCount, expect, open, test } from './fixtures';

test('the status bar says WebGPU and names the software adapter', async ({ page }) => {
	await page.goto('/');
	expect(await backendOf(page)).toBe('webgpu');
	await expect(page.getByTestId('status-adapter')).toContainText(/software adapter/);
	await expect(page.getByTestId('status-why')).toContainText('WebGPU');
	await expect(page.getByTestId('status-tensors')).toBeVisible();
});

test('?backend= forces a backend', async ({ page }) => {
	await page.goto('/?backend=cpu');
	expect(await backendOf(page)).toBe('cpu');
	await expect(page.getByTestId('status-why')).toContainText('?backend=cpu');
});

test('without --enable-unsafe-webgpu the app falls back to WebGL and says why', async ({ baseURL }) => {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: BASE_ARGS });
	try {
		const page = await browser.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(`${baseURL}/`);
		expect(await backendOf(page)).toBe('webgl');
		await expect(page.getByTestId('status-why')).toContainText(/fell back.*WebGPU.*no GPU adapter/);
		expect(errors).toEqual([]);
	} finally {
		await browser.close();
	}
});

for (const backend of ['webgl', 'wasm', 'cpu'] as const) {
	test(`the lesson trains on the ${backend} backend when it is forced`, async ({ page }) => {
		await open(page, `/lessons/activation-functions?backend=${backend}&depth=3&width=4`);
		expect(await backendOf(page)).toBe(backend);
		await page.getByTestId('playbar-step').click();
		await page.getByTestId('playbar-step').click();
		await expect.poll(() => chartRowCount(page, 'Training loss'), { timeout: 60_000 }).toBe(3);
		await expect(page.getByTestId('depth-loss')).toContainText(/\d\.\d{4}/);
	});
}
