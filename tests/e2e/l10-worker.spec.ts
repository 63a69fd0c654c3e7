import type { Page } from '@playwright/test';
import { backendOf, chartChanges, chartData, expect, open, stepsOf, test } from './fixtures';

const LESSON = '/lessons/cnn';
const trainer = (page: Page) => page.getByTestId('cnn-trainer');

/** Waits until the feature maps of the current input are on the page (the model is built and probed). */
async function mapsReady(page: Page): Promise<string> {
	let data = '';
	await expect.poll(async () => (data = await chartData(page, /^Feature maps of /)), { timeout: 120_000 }).toMatch(/\d/);
	return data;
}

/** Training steps played so far, as the engine counts them for the status bar and the bench. */
const stepsRun = (page: Page) => page.evaluate(() => (window as unknown as { __dlx: { engine: { stepsRun: number } } }).__dlx.engine.stepsRun);

test('on WASM the CNN trains in a background thread: steps, curves, feature maps, validation on pause', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, `${LESSON}?backend=wasm&batch=16`);
	await expect(trainer(page)).toHaveAttribute('data-trainer', 'worker', { timeout: 60_000 });
	await expect(trainer(page)).toHaveAttribute('data-backend', 'wasm');
	await expect(trainer(page)).toHaveText('Training runs in a background thread (WASM), so the page stays responsive.');
	expect(page.workers().length).toBe(1);
	const maps = await mapsReady(page);
	const loss = await chartData(page, 'Loss');

	await page.getByTestId('playbar-play').click();
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-running/);
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(5);
	await chartChanges(page, 'Loss', loss);
	await chartChanges(page, /^Feature maps of /, maps);
	// The status bar's figures come from the worker's steps.
	await expect.poll(() => stepsRun(page), { timeout: 30_000 }).toBeGreaterThan(0);
	await expect(page.getByTestId('status-steps')).toHaveText(/\d/, { timeout: 30_000 });

	// Pausing measures the validation set (in the worker) at the step where training stopped.
	await page.getByTestId('playbar-play').click();
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-paused/);
	const readouts = page.getByTestId('train-readouts');
	await expect(readouts).toHaveAttribute('data-val-accuracy', /^0?\.\d+|^[01]$/, { timeout: 120_000 });
	const step = await stepsOf(page);
	await expect(readouts).toHaveAttribute('data-val-step', String(step));
	await expect(readouts).toHaveAttribute('data-step', String(step));

	// A single step from the pause, then a reset: the step counter follows the worker.
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBe(step + 1);
	await page.getByTestId('playbar-reset').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBe(0);
	// The worker's live tensor count (sent with its stats) does not grow from one step to the next.
	const tensorsAfter = async (k: number) => {
		await page.getByTestId('playbar-step').click();
		await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBe(k);
		return Number(await trainer(page).getAttribute('data-worker-tensors'));
	};
	const t1 = await tensorsAfter(1);
	expect(t1).toBeGreaterThan(0);
	expect(await tensorsAfter(2)).toBe(t1);
	expect(await tensorsAfter(3)).toBe(t1);
	// The status bar counts the worker's tensors too.
	await expect(page.getByTestId('status-tensors').locator('[data-worker-value]')).toHaveAttribute('data-worker-value', String(t1));

	// Leaving the lesson ends the worker, and the status bar stops counting its tensors.
	await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => page.workers().length, { timeout: 30_000 }).toBe(0);
	await expect(page.getByTestId('status-tensors').locator('[data-worker-value]')).toHaveCount(0);
});

test('in Chinese the line says where training runs', async ({ page }) => {
	test.setTimeout(180_000);
	await open(page, `${LESSON}?backend=wasm&batch=16&lang=zh`);
	await expect(trainer(page)).toHaveText('训练在后台线程中运行（WASM），页面因此保持流畅。', { timeout: 60_000 });
});

test('on WebGPU the CNN trains on the page', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, `${LESSON}?backend=webgpu&batch=16`);
	await expect(trainer(page)).toHaveAttribute('data-trainer', 'page', { timeout: 60_000 });
	const backend = await trainer(page).getAttribute('data-backend');
	expect(['webgpu', 'webgl']).toContain(backend);
	expect(page.workers().length).toBe(0);
	await mapsReady(page);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page), { timeout: 120_000 }).toBe(1);
});

test('with the backend left to the app, the backend the lesson measurement chose decides where training runs', async ({ page }) => {
	test.setTimeout(300_000);
	await open(page, `${LESSON}?batch=16`);
	await expect(trainer(page)).not.toHaveAttribute('data-trainer', 'pending', { timeout: 120_000 });
	const backend = await backendOf(page);
	await expect(trainer(page)).toHaveAttribute('data-backend', backend);
	await expect(trainer(page)).toHaveAttribute('data-trainer', ['wasm', 'cpu'].includes(backend) ? 'worker' : 'page');
	await mapsReady(page);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page), { timeout: 120_000 }).toBe(1);
});

test('when the worker cannot start, training falls back to the page with a message', async ({ page }) => {
	test.setTimeout(300_000);
	await page.addInitScript(() => {
		(window as unknown as { Worker: unknown }).Worker = function () {
			throw new Error('workers blocked by the test');
		};
	});
	await open(page, `${LESSON}?backend=wasm&batch=16`);
	await expect(trainer(page)).toHaveAttribute('data-trainer', 'page', { timeout: 60_000 });
	await expect(trainer(page)).toHaveText('The background thread could not start (workers blocked by the test); training runs on the page instead.');
	await mapsReady(page);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBe(1);
});
