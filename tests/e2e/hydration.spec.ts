/**
 * Hydration keeps the prerendered page: every lesson hydrates without a mismatch (the fixture fails
 * any test on Svelte's hydration warnings) and adopts the server's KaTeX formulas instead of
 * rendering them again; formulas whose text changes with the language are rendered on the switch.
 */
import { LESSON_SCHEMAS } from '../lessonSchemas';
import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures';

/**
 * Counts formula elements (KaTeX's .katex) added to the page after the prerendered HTML was parsed,
 * and takes that count and KaTeX's render count when the page is marked hydrated (later a lesson
 * may legitimately change a formula that shows live values).
 */
async function countAddedFormulas(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as {
			__addedFormulas: number;
			__atHydration: { added: number; katex: number } | null;
			__dlx?: { texRenders: () => number };
		};
		w.__addedFormulas = 0;
		w.__atHydration = null;
		document.addEventListener('DOMContentLoaded', () => {
			new MutationObserver((records) => {
				for (const r of records)
					for (const n of r.addedNodes) if (n instanceof Element && (n.matches('.katex') || n.querySelector('.katex'))) w.__addedFormulas++;
			}).observe(document.body, { childList: true, subtree: true });
			new MutationObserver((_, obs) => {
				if (!('hydrated' in document.documentElement.dataset)) return;
				w.__atHydration = { added: w.__addedFormulas, katex: w.__dlx?.texRenders() ?? -1 };
				obs.disconnect();
			}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-hydrated'] });
		});
	});
}

/** Formulas on the page: all, rendered by KaTeX, still waiting for their first render; and the counts at hydration. */
async function formulas(page: Page) {
	return page.evaluate(() => ({
		all: document.querySelectorAll('.math').length,
		rendered: document.querySelectorAll('.math > .katex, .math > .katex-display').length,
		pending: document.querySelectorAll('.katex-pending').length,
		atHydration: (window as unknown as { __atHydration: unknown }).__atHydration
	}));
}

test('every lesson hydrates its prerendered formulas without rendering them again', async ({ page }) => {
	await countAddedFormulas(page);
	for (const [slug] of LESSON_SCHEMAS) {
		await open(page, `/lessons/${slug}?backend=wasm`);
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
		const f = await formulas(page);
		expect(f.all, `${slug}: formulas`).toBeGreaterThan(5);
		expect(f, slug).toEqual({ all: f.all, rendered: f.all, pending: 0, atHydration: { added: 0, katex: 0 } });
	}
});

test('a language switch renders the formulas whose text changed, and a fresh page renders them all', async ({ page }) => {
	await countAddedFormulas(page);
	// Prerendered in English, switched to Chinese once hydrated: prose with inline math is re-parsed.
	await open(page, '/lessons/activation-functions?backend=wasm&lang=zh');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect.poll(async () => (await formulas(page)).pending).toBe(0);
	const zh = await formulas(page);
	expect(zh.rendered).toBe(zh.all);
	// The switch happens as hydration ends: the formulas in re-parsed prose are rendered, not all.
	const katex = await page.evaluate(() => (window as unknown as { __dlx: { texRenders: () => number } }).__dlx.texRenders());
	expect(katex).toBeGreaterThan(0);
	expect(katex).toBeLessThan(zh.all);
	// Client-side navigation mounts a lesson fresh (nothing to adopt): every formula is rendered.
	await page.locator('header a.brand').click();
	await expect(page).toHaveURL(/\/(\?.*)?$/);
	await page.locator('a[href$="lessons/loss-functions"]').first().click();
	await expect(page).toHaveURL(/loss-functions/);
	await expect.poll(async () => (await formulas(page)).pending).toBe(0);
	const fresh = await formulas(page);
	expect(fresh.all).toBeGreaterThan(5);
	expect(fresh.rendered).toBe(fresh.all);
});
