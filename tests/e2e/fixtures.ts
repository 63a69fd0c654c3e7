import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** What a page did that a test may want to assert on. */
export interface PageWatch {
	consoleErrors: string[];
	externalRequests: string[];
}

/** tfjs flags for tests that must exercise the GPU (read by the layout from `window.__DLX_FLAGS__`). */
export const GPU_FLAGS = { WEBGPU_CPU_FORWARD: false, WEBGPU_CONV_SEPARATE_IM2COL_SHADER: true };

/**
 * Test fixture, applied to every test: records console errors, page errors and Svelte hydration
 * warnings, and every request that leaves localhost (which is also aborted), and fails the test if
 * there were any. Pages get
 * the GPU flags, and the per-lesson backend measurement is off (`__DLX_TUNE__ = false`: on
 * SwiftShader it would move every lesson to WASM), so training really runs on WebGPU unless a test
 * asks for another backend or turns measuring on with `measureBackends(page)`.
 */
export const test = base.extend<{ watch: PageWatch }>({
	watch: [
		async ({ page }, use) => {
			const watch: PageWatch = { consoleErrors: [], externalRequests: [] };
			page.on('console', (msg) => {
				if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
				// A hydration mismatch in the built app is only a console warning, but Svelte then throws
				// the prerendered page away and renders it again (once a formula's markup, twice the cost).
				else if (/svelte\.dev\/e\/hydration/.test(msg.text())) watch.consoleErrors.push(`svelte: ${msg.text()}`);
			});
			page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
			await page.route('**/*', (route) => {
				const url = new URL(route.request().url());
				const local = ['localhost', '127.0.0.1'].includes(url.hostname) || ['data:', 'blob:'].includes(url.protocol);
				if (local) return route.continue();
				watch.externalRequests.push(url.href);
				return route.abort();
			});
			await page.addInitScript((flags) => {
				const w = window as unknown as { __DLX_FLAGS__: unknown; __DLX_TUNE__?: boolean };
				w.__DLX_FLAGS__ = flags;
				if (w.__DLX_TUNE__ === undefined) w.__DLX_TUNE__ = false;
			}, GPU_FLAGS);
			await use(watch);
			expect(watch.consoleErrors, 'console errors').toEqual([]);
			expect(watch.externalRequests, 'requests leaving localhost').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/**
 * Turns the per-lesson backend measurement back on for the pages this test opens (call before
 * `open`). With 'all' a software WebGPU adapter (SwiftShader here) is measured too, instead of
 * being passed over for WASM.
 */
export async function measureBackends(page: Page, mode: true | 'all' = true): Promise<void> {
	await page.addInitScript((m) => {
		(window as unknown as { __DLX_TUNE__?: boolean | 'all' }).__DLX_TUNE__ = m;
	}, mode);
}

/** Opens a page and waits until it is hydrated (its controls respond). */
export async function open(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Waits until the status bar names a backend and returns it. */
export async function backendOf(page: Page): Promise<string> {
	const el = page.getByTestId('status-backend').locator('[data-backend]');
	await expect(el).toBeVisible({ timeout: 60_000 });
	return (await el.getAttribute('data-backend')) ?? '';
}

/** The live tensor count shown in the status bar. */
export async function tensorCount(page: Page): Promise<number> {
	return Number(await page.getByTestId('status-tensors').locator('[data-value]').getAttribute('data-value'));
}

/** The chart figure with this title. */
export function chart(page: Page, title: string | RegExp): Locator {
	return page.getByRole('figure', { name: title });
}

/** The chart's plotted data as text, read from its data table (opened if needed). */
export async function chartData(page: Page, title: string | RegExp): Promise<string> {
	const fig = chart(page, title);
	const details = fig.locator('details');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	// As innerText lays a table out (caption, then rows of tab-separated cells), but from the DOM:
	// innerText of a section off screen is empty (not rendered, see Section.svelte), and scrolling
	// to it would move what a test is about to click.
	return (
		await details.locator('table').evaluate((t) => {
			const caption = t.querySelector('caption')?.textContent?.trim();
			const rows = [...t.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '').join('\t'));
			return [...(caption ? [caption] : []), ...rows].join('\n');
		})
	).trim();
}

/** Waits until a chart's data differs from `before`; returns the new data. */
export async function chartChanges(page: Page, title: string | RegExp, before: string): Promise<string> {
	let now = before;
	await expect.poll(async () => (now = await chartData(page, title)), { timeout: 30_000 }).not.toBe(before);
	return now;
}

/** The training step counter of a PlayBar. */
export async function stepsOf(page: Page): Promise<number> {
	// textContent, not innerText: a section off screen is not rendered (content-visibility), and
	// innerText of unrendered text is empty.
	const text = (await page.getByTestId('playbar-steps').textContent()) ?? '';
	return Number(text.replace(/[^0-9]/g, ''));
}

/** Number of data rows in a chart's data table. */
export async function chartRowCount(page: Page, title: string | RegExp): Promise<number> {
	await chartData(page, title);
	return chart(page, title).locator('details table tbody tr').count();
}

/**
 * Scrolls `target` to the middle of the viewport and returns its box (page pixels) once it has held
 * still for two animation frames. Lesson sections off screen are not rendered (content-visibility:
 * auto), so the frames after a scroll may lay sections out at their real size and move what comes
 * after them: a box read at once could send a click to where the element was a frame earlier.
 */
export async function stableBox(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
	await target.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
	const frames = () => target.page().evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	let last = '';
	for (let i = 0; i < 40; i++) {
		await frames();
		const box = await target.boundingBox();
		if (!box) throw new Error('stableBox: the element has no box');
		const key = JSON.stringify(box);
		if (key === last) return box;
		last = key;
	}
	throw new Error('stableBox: the element kept moving');
}
