import { gunzipSync } from 'node:zlib';
import { chromium, type Page, type Route } from '@playwright/test';
import { BASE_ARGS } from '../../playwright.config';
import { backendOf, chartChanges, chartData, expect, open, stepsOf, test } from './fixtures';

/**
 * Faults: a lost GPU device mid-training on every training lesson (L02 has its own test in
 * l02-runtime.spec.ts), WebGPU absent and WebGL absent, a failing digit file, and a diverging
 * run on every lesson with a learning rate (L02's is in l02-controls.spec.ts).
 */

/** Starts training unless it already runs (L03 starts a refit by itself on load). */
async function ensureRunning(page: Page, started = /status-running/): Promise<void> {
	const status = page.getByTestId('playbar-status');
	await expect(async () => {
		if (!started.test((await status.getAttribute('class')) ?? '')) {
			const play = page.getByTestId('playbar-play');
			if (/Play/.test((await play.textContent()) ?? '') && (await play.isEnabled())) await play.click();
		}
		await expect(status).toHaveClass(started, { timeout: 3_000 });
	}).toPass({ timeout: 90_000 });
}

/** Each training lesson on WebGPU, with the chart its training draws into. */
const TRAINING = [
	{ id: 'L01', url: '/lessons/backpropagation?spf=2', chart: 'Loss: training and test' },
	{ id: 'L03', url: '/lessons/loss-functions?spf=2', chart: 'Fitted slopes during training' },
	{ id: 'L04', url: '/lessons/metrics?spf=2', chart: 'Training and test loss' },
	{ id: 'L10', url: '/lessons/cnn?backend=webgpu&batch=16&spf=1', chart: 'Loss' }
];

for (const lesson of TRAINING) {
	test(`${lesson.id}: a GPU device lost mid-training is reported and training goes on`, async ({ page }) => {
		test.setTimeout(180_000);
		await open(page, lesson.url);
		expect(await backendOf(page)).toBe('webgpu');
		await ensureRunning(page);
		await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toBeGreaterThan(1);
		expect(await page.evaluate(() => (window as unknown as { __dlx: { loseDevice(): boolean } }).__dlx.loseDevice())).toBe(true);
		await expect(page.getByTestId('device-lost-notice')).toBeVisible();
		await expect(page.getByTestId('device-lost-notice')).toContainText('destroyed');
		expect(await backendOf(page)).toBe('webgpu');
		// The rebuilt model trains on: its steps grow and its chart redraws.
		await expect(page.getByTestId('playbar-status')).toHaveClass(/status-running/, { timeout: 90_000 });
		const before = await chartData(page, lesson.chart);
		const s0 = await stepsOf(page);
		await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toBeGreaterThan(s0 + 1);
		await chartChanges(page, lesson.chart, before);
	});
}

/** What a browser without some API should show: backends on the home page and on L02, and why. */
interface Absent {
	/** the backend of the home page (no lesson there, so no measuring) */
	home: string;
	/** the backends L02 may train on (its measurement picks one) */
	lesson: string[];
	/** what the status bar's "why" says on both pages */
	why: (string | RegExp)[];
}

/**
 * In a browser of its own, launched with `args` (no fixture there: this checks the console errors
 * and foreign requests itself): the home page and then L02, which trains a few steps.
 */
async function trainInBareBrowser(baseURL: string, args: string[], want: Absent): Promise<void> {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...BASE_ARGS, ...args] });
	try {
		const page = await browser.newPage();
		const errors: string[] = [];
		const foreign: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
		page.on('request', (r) => !r.url().startsWith(baseURL) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url()));
		const why = page.getByTestId('status-why');
		await open(page, `${baseURL}/`);
		expect(await backendOf(page)).toBe(want.home);
		for (const w of want.why) await expect(why).toContainText(w);
		await open(page, `${baseURL}/lessons/activation-functions?depth=3&width=4`);
		await expect(why).not.toHaveAttribute('data-reason', 'tuning', { timeout: 30_000 });
		expect(want.lesson).toContain(await backendOf(page));
		for (const w of want.why) await expect(why).toContainText(w);
		const before = await chartData(page, 'Training loss');
		await page.getByTestId('playbar-play').click();
		await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(3);
		await chartChanges(page, 'Training loss', before);
		expect(errors, 'console errors').toEqual([]);
		expect(foreign, 'requests leaving localhost').toEqual([]);
	} finally {
		await browser.close();
	}
}

const NO_WEBGPU = /WebGPU: (no GPU adapter was offered|this browser has no WebGPU)/;

test('with WebGPU absent a lesson trains on WebGL or on the backend its measurement chose, and says why', async ({ baseURL }) => {
	await trainInBareBrowser(baseURL!, [], { home: 'webgl', lesson: ['webgl', 'wasm'], why: [NO_WEBGPU] });
});

test('with WebGPU and WebGL absent the app says why and trains on WASM', async ({ baseURL }) => {
	await trainInBareBrowser(baseURL!, ['--disable-webgl', '--disable-3d-apis'], {
		home: 'wasm',
		lesson: ['wasm'],
		why: [NO_WEBGPU, 'WebGL: no WebGL context could be created']
	});
});

/**
 * Serves a digit file through `serve` (given the real file's bytes) instead of the real one;
 * returns the function that serves the real file again (the fixture's own route stays).
 */
async function breakDigits(page: Page, split: 'train' | 'val', serve: (real: Buffer) => { status?: number; contentType: string; body: Buffer | string }): Promise<() => Promise<void>> {
	const url = `**/data/mnist-${split}.bin`;
	const handler = async (route: Route) => {
		const real = await (await route.fetch()).body();
		await route.fulfill(serve(real));
	};
	await page.route(url, handler);
	return () => page.unroute(url, handler);
}

const NOT_FOUND = '<!doctype html><html><head><title>404</title></head><body><h1>Not found</h1></body></html>';
const BIN = 'application/octet-stream';

test('L10: a truncated, then missing digit file shows a clear message and a retry that works', async ({ page, watch }) => {
	test.setTimeout(120_000);
	// The file ships gzip-compressed: this serves the decompressed bytes, cut in half.
	let restore = await breakDigits(page, 'train', (real) => {
		const raw = gunzipSync(real);
		return { contentType: BIN, body: raw.subarray(0, raw.length >> 1) };
	});
	await open(page, '/lessons/cnn?backend=wasm&batch=16');
	const error = page.getByTestId('cnn-load-error');
	await expect(error).toContainText(/The digit file is cut short or padded \(\d+ bytes, expected \d+\)/);
	// A server answering with its 404 page.
	await restore();
	restore = await breakDigits(page, 'train', () => ({ status: 404, contentType: 'text/html', body: NOT_FOUND }));
	await error.getByRole('button', { name: 'Try again' }).click();
	await expect(error).toContainText('The digit file could not be loaded (HTTP 404).');
	// The browser itself logs the 404 response, once (allowed here); the app logs nothing.
	const logged404 = watch.consoleErrors.filter((e) => /Failed to load resource: .*404/.test(e));
	expect(logged404.length).toBe(1);
	watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((e) => !logged404.includes(e)));
	// The file is back: retry loads it and training runs.
	await restore();
	await error.getByRole('button', { name: 'Try again' }).click();
	await expect(error).toBeHidden({ timeout: 30_000 });
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(0);
});

test('L09: a truncated compressed digit file and an HTML page served as it show clear messages (English, Chinese)', async ({ page }) => {
	const restore = await breakDigits(page, 'val', (real) => ({ contentType: BIN, body: real.subarray(0, real.length >> 1) }));
	await open(page, '/lessons/convolution?backend=wasm');
	await expect(page.getByTestId('input-digit-error')).toContainText('The digit file could not be decompressed');
	await restore();
	// A server that answers every path with its HTML page (status 200).
	await breakDigits(page, 'val', () => ({ contentType: 'text/html', body: NOT_FOUND }));
	await open(page, '/lessons/convolution?backend=wasm&lang=zh');
	await expect(page.getByTestId('input-digit-error')).toContainText('这不是 DL Explorables 的数字数据文件（starts with 3c 21 64 6f）');
	// The rest of the lesson works without the digits.
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

/**
 * A diverging run on every lesson with a learning rate, on WASM. L02's run at lr 10 is in
 * l02-controls.spec.ts. L01 at lr 10 diverges with Leaky ReLU, 4 x 8 units, batch 1 (tanh
 * saturates and stays finite). Every learning rate goes up to 10: L03's MSE fit diverges (the alert
 * names it), L10's loss explodes in the worker; L04's logistic regression cannot diverge (convex
 * loss, bounded gradient) and pauses itself as oscillating on overlapping data.
 */
test('L01 at lr 10: a diverging run ends in the diverged state, and reset starts over', async ({ page }) => {
	await open(page, '/lessons/backpropagation?backend=wasm&lr=10&act=leakyRelu&layers=4&h1=8&h2=8&h3=8&h4=8&batch=1&spf=20');
	// 20 steps a frame: it may diverge in the first frames, before a poll sees it running.
	await ensureRunning(page, /status-(running|diverged)/);
	const alert = page.getByTestId('playbar-diverged');
	await expect(alert).toBeVisible({ timeout: 60_000 });
	await expect(alert).toContainText(/diverged/i);
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-diverged/);
	await expect(page.getByTestId('playbar-play')).toBeDisabled();
	const stopped = await stepsOf(page);
	await page.waitForTimeout(300);
	expect(await stepsOf(page)).toBe(stopped);
	await alert.getByTestId('playbar-reset').click();
	await expect(alert).toBeHidden();
	expect(await stepsOf(page)).toBe(0);
	await expect(page.getByTestId('playbar-status')).not.toHaveClass(/status-diverged/);
	await expect(page.getByTestId('playbar-play')).toBeEnabled();
});

/** Waits for the diverged alert, checks the transport is stopped, then resets and checks it starts over. */
async function divergedThenReset(page: Page, message: RegExp): Promise<void> {
	const alert = page.getByTestId('playbar-diverged');
	await expect(alert).toBeVisible({ timeout: 60_000 });
	await expect(alert).toContainText(message);
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-diverged/);
	await expect(page.getByTestId('playbar-play')).toBeDisabled();
	await alert.getByTestId('playbar-reset').click();
	await expect(alert).toBeHidden();
	expect(await stepsOf(page)).toBe(0);
	await expect(page.getByTestId('playbar-status')).not.toHaveClass(/status-diverged/);
	await expect(page.getByTestId('playbar-play')).toBeEnabled();
}

test('L03 at lr 10: the MSE fit diverges and ends the run, the alert names it, and reset starts over', async ({ page }) => {
	// The lesson refits by itself on load; at lr 10 MSE's error grows ninefold per step.
	await open(page, '/lessons/loss-functions?backend=wasm&lr=10');
	await divergedThenReset(page, /The MSE fit diverged/);
	// Back below 2, the refit settles.
	const lr = page.getByTestId('fit-lr-box-input');
	await lr.fill('0.5');
	await lr.press('Enter');
	await expect(page.getByTestId('fit-status')).toHaveAttribute('data-settled', 'true', { timeout: 60_000 });
	await expect(page.getByTestId('playbar-diverged')).toHaveCount(0);
});

test('L04 at lr 10: logistic regression does not diverge; on overlapping data it pauses itself as oscillating', async ({ page }) => {
	await open(page, '/lessons/metrics?backend=wasm&lr=10&noise=1.5&k=2&spf=100');
	await ensureRunning(page);
	await expect(page.getByTestId('classifier-autostop')).toContainText('without settling', { timeout: 90_000 });
	await expect(page.getByTestId('playbar-diverged')).toHaveCount(0);
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-paused/);
});

test('L10 at lr 10: the loss explodes in the training worker, the run ends diverged, and reset starts over', async ({ page }) => {
	await open(page, '/lessons/cnn?backend=wasm&lr=10&batch=16&spf=1');
	await expect(page.getByTestId('cnn-trainer')).toHaveAttribute('data-trainer', 'worker', { timeout: 60_000 });
	// It may diverge on the second batch, before a poll sees it running.
	await ensureRunning(page, /status-(running|diverged)/);
	await divergedThenReset(page, /diverged/i);
});
