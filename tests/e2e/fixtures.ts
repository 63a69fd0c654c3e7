import { test as base, expect, type Page } from '@playwright/test';

/** What a page did that a test may want to assert on. */
export interface PageWatch {
	consoleErrors: string[];
	externalRequests: string[];
}

/**
 * Test fixture: every page records console errors and page errors, and every request that
 * leaves localhost (which is also aborted). Tests end by asserting both lists are empty.
 */
export const test = base.extend<{ watch: PageWatch }>({
	watch: async ({ page }, use) => {
		const watch: PageWatch = { consoleErrors: [], externalRequests: [] };
		page.on('console', (msg) => {
			if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
		});
		page.on('pageerror', (err) => watch.consoleErrors.push(`pageerror: ${err.message}`));
		await page.route('**/*', (route) => {
			const url = new URL(route.request().url());
			const local = ['localhost', '127.0.0.1'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:';
			if (local) return route.continue();
			watch.externalRequests.push(url.href);
			return route.abort();
		});
		await use(watch);
	}
});

export { expect };

/** Waits until the status bar names a backend and returns it. */
export async function backendOf(page: Page): Promise<string> {
	const el = page.getByTestId('status-backend').locator('[data-backend]');
	await expect(el).toBeVisible({ timeout: 60_000 });
	return (await el.getAttribute('data-backend')) ?? '';
}

/** Asserts the page raised no console errors and made no external request. */
export function expectClean(watch: PageWatch): void {
	expect(watch.consoleErrors, 'console errors').toEqual([]);
	expect(watch.externalRequests, 'requests leaving localhost').toEqual([]);
}
