import type { Page } from '@playwright/test';
import { backendOf, expect, measureBackends, open, stepsOf, test } from './fixtures';

/** The engine's measured choice, as the page holds it. */
interface Tuned {
	backend: string;
	reason: string;
	attempts: { backend: string; ok: boolean; code?: string }[];
	tuned?: {
		key: string;
		cached: boolean;
		decision: { backend: string; reason: string; totalMs: number; measurements: { backend: string; msPerStep: number | null; atLeastMs?: number; error?: string }[] };
	};
}

async function choiceOf(page: Page): Promise<Tuned> {
	await expect(page.getByTestId('status-why')).toHaveAttribute('data-reason', 'measured', { timeout: 60_000 });
	return page.evaluate(() => {
		const c = (window as unknown as { __dlx: { engine: { choice: unknown } } }).__dlx.engine.choice;
		return JSON.parse(JSON.stringify(c)) as Tuned;
	});
}

test('on a software WebGPU adapter a lesson takes WASM at once, says why, and trains', async ({ page }) => {
	await measureBackends(page);
	const wasmFetches: string[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).pathname.endsWith('.wasm')) wasmFetches.push(r.url());
	});
	await open(page, '/lessons/backpropagation');
	const c = await choiceOf(page);
	test.skip(!(await page.evaluate(() => (window as unknown as { __dlx: { engine: { choice: { adapter?: { software?: boolean } } } } }).__dlx.engine.choice.adapter?.software)), 'a hardware GPU is measured');
	expect(c.tuned?.decision).toMatchObject({ backend: 'wasm', reason: 'software-gpu', measurements: [] });
	expect(await backendOf(page)).toBe('wasm');
	// WebGPU was never started on it: no device, no self-test on the emulated GPU.
	expect(c.attempts[0]).toMatchObject({ backend: 'webgpu', ok: false, code: 'software-adapter' });
	expect(await page.evaluate(() => (window as unknown as { __dlx: { loseDevice(): boolean } }).__dlx.loseDevice())).toBe(false);
	await expect(page.getByTestId('status-why')).toContainText('software adapter');
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
	await page.getByTestId('playbar-play').click();
	// Started early beside WebGPU and handed over once: one download (it used to be fetched twice).
	expect(wasmFetches).toHaveLength(1);
	// A page that measures nothing (L09) opened afresh says why it runs on WASM, in both languages.
	await open(page, '/lessons/convolution');
	await expect(page.getByTestId('status-why')).toHaveAttribute('data-reason', 'software-gpu');
	await expect(page.getByTestId('status-why')).toContainText('WASM was started instead');
	expect(await backendOf(page)).toBe('wasm');
	await open(page, '/lessons/convolution?lang=zh');
	await expect(page.getByTestId('status-why')).toContainText('改为启动 WASM');
});

test('a lesson measures the backends on its own model and trains on the fastest; a lesson that measures nothing keeps it and says so', async ({ page }) => {
	await measureBackends(page, 'all');
	await open(page, '/lessons/loss-functions');
	const c = await choiceOf(page);
	expect(c.tuned?.key).toBe('L03');
	expect(c.tuned?.cached).toBe(false);
	const m = c.tuned!.decision.measurements;
	expect(m.map((x) => x.backend)).toEqual(['wasm', 'webgpu']);
	// SwiftShader is a software adapter, so the rule is "fastest measured": the chosen backend has
	// the shortest step time, and every GPU backend that did not finish was slower than it.
	const timed = m.filter((x) => x.msPerStep !== null && !x.error);
	const best = timed.reduce((a, b) => (b.msPerStep! < a.msPerStep! ? b : a));
	expect(c.backend).toBe(best.backend);
	expect(c.tuned!.decision.reason).toBe('fastest');
	for (const x of m.filter((y) => y.msPerStep === null && !y.error)) expect(x.atLeastMs!).toBeGreaterThan(best.msPerStep!);
	expect(await backendOf(page)).toBe(c.backend);
	const why = page.getByTestId('status-why');
	await expect(why).toContainText('fastest on this lesson’s model');
	await expect(why).toContainText(/WASM [\d.]+ ms\/step/);
	// The measurement's models are gone: the lesson trains on the chosen backend.
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(20);
	await page.getByTestId('playbar-play').click();
	// L09 trains nothing and measures nothing: the backend stays, and the reason no longer claims
	// to be this lesson's measurement.
	await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).click();
	await page.getByTestId('lesson-grid').locator('li[data-lesson="L09"] h3 a').click();
	await expect(page).toHaveURL(/\/lessons\/convolution/);
	await expect(why).toHaveAttribute('data-reason', 'kept');
	await expect(why).toHaveText(/kept from an earlier lesson’s choice/);
	await expect(why).not.toContainText('this lesson’s model');
	expect(await backendOf(page)).toBe(c.backend);
});

test('the choice is kept for the browser session, and ?backend= overrides it', async ({ page }) => {
	await measureBackends(page);
	await open(page, '/lessons/metrics?lang=zh');
	const first = await choiceOf(page);
	expect(first.tuned?.key).toBe('L04');
	const software = first.tuned?.decision.reason === 'software-gpu';
	await expect(page.getByTestId('status-why')).toContainText(software ? '软件适配器' : '在本课模型上实测');
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const again = await choiceOf(page);
	expect(again.tuned?.cached).toBe(true);
	expect(again.tuned?.decision).toEqual(first.tuned?.decision);
	await expect(page.getByTestId('status-why')).toContainText('本次会话中已决定');
	await open(page, '/lessons/metrics?backend=webgpu');
	expect(await backendOf(page)).toBe('webgpu');
	await expect(page.getByTestId('status-why')).toHaveAttribute('data-reason', 'forced');
	await expect(page.getByTestId('status-why')).toContainText('?backend=webgpu');
});

test('a hostile cached choice is ignored and measured again', async ({ page }) => {
	await measureBackends(page);
	await page.addInitScript(() => {
		sessionStorage.setItem('dlx:backend:L03', '{"backend":"<img src=x onerror=alert(1)>","reason":"fastest","measurements":[],"totalMs":1}');
	});
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs += 1;
		void d.dismiss();
	});
	await open(page, '/lessons/loss-functions');
	const c = await choiceOf(page);
	expect(c.tuned?.cached).toBe(false);
	expect(['wasm', 'webgpu', 'webgl']).toContain(c.backend);
	expect(dialogs).toBe(0);
});

test('after moving a lesson off WebGPU, losing the GPU device leaves training alone', async ({ page }) => {
	// 'all': WebGPU is started and measured even on a software adapter, so there is a device to lose.
	await measureBackends(page, 'all');
	await open(page, '/lessons/backpropagation');
	const c = await choiceOf(page);
	test.skip(c.backend === 'webgpu', 'this machine measured WebGPU fastest');
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(5);
	// The measurement started WebGPU, so there is a device to lose.
	expect(await page.evaluate(() => (window as unknown as { __dlx: { loseDevice(): boolean } }).__dlx.loseDevice())).toBe(true);
	const before = await stepsOf(page);
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(before + 5);
	await expect(page.getByTestId('device-lost-notice')).toHaveCount(0);
	expect(await backendOf(page)).toBe(c.backend);
	await expect(page.getByTestId('playbar-status')).toHaveClass(/status-running|status-paused/);
});
