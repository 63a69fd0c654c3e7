import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, open, stepsOf, test, type PageWatch } from './fixtures';

/**
 * The Content-Security-Policy (svelte.config.js kit.csp) holds on every built page: the page loads,
 * trains a step on WASM, and no `securitypolicyviolation` fires; the policy allows no inline script
 * and no eval. One exported SVG per lesson has no script, no event attribute and no reference
 * outside the document. (Requests leaving localhost are failed by the fixture for every test.)
 */

const PAGES: { path: string; trains: boolean }[] = [
	{ path: '/', trains: false },
	{ path: '/lessons/backpropagation', trains: true },
	{ path: '/lessons/activation-functions', trains: true },
	{ path: '/lessons/loss-functions', trains: true },
	{ path: '/lessons/metrics', trains: true },
	{ path: '/lessons/convolution', trains: false },
	{ path: '/lessons/cnn', trains: true }
];

/** Records every CSP violation of the page (set before any script of the page runs). */
async function watchCsp(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const w = window as unknown as { __cspViolations: string[] };
		w.__cspViolations = [];
		document.addEventListener('securitypolicyviolation', (e) => {
			w.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
		});
	});
}

function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** The policy's directives, from the page's <meta http-equiv>. */
async function policy(page: Page): Promise<Map<string, string[]>> {
	const content = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
	expect(content, 'CSP meta').toBeTruthy();
	return new Map(
		content!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name, sources])
	);
}

/** Downloads the SVG of the first exportable chart and returns what is unsafe in it. */
async function exportedSvgProblems(page: Page): Promise<{ title: string; problems: string[] }> {
	const fig = page.getByRole('figure').filter({ has: page.getByRole('button', { name: 'Export' }) }).first();
	await fig.scrollIntoViewIfNeeded();
	const title = (await fig.locator('figcaption, [id]').first().innerText().catch(() => '')).slice(0, 60);
	await fig.getByRole('button', { name: 'Export' }).click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download SVG' }).click()]);
	const text = (await readFile((await file.path())!)).toString('utf8');
	const problems = await page.evaluate((src) => {
		const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
		const out: string[] = [];
		if (doc.querySelector('parsererror') || doc.documentElement.nodeName !== 'svg') out.push('not an SVG');
		for (const e of doc.querySelectorAll('*')) {
			const tag = e.localName.toLowerCase();
			if (tag === 'script' || tag === 'foreignobject' || tag === 'iframe') out.push(`<${tag}>`);
			for (const a of e.attributes) {
				const v = a.value.trim();
				if (a.localName.toLowerCase().startsWith('on')) out.push(`${tag} ${a.name}`);
				if (a.localName === 'href' && !v.startsWith('#') && !/^data:image\/(png|jpeg);base64,/.test(v)) out.push(`${tag} ${a.name}=${v.slice(0, 40)}`);
				if (/javascript:/i.test(v)) out.push(`${tag} ${a.name} javascript:`);
				for (const m of v.matchAll(/url\(\s*['"]?([^'")]*)/gi)) if (!m[1].startsWith('#')) out.push(`${tag} ${a.name} url(${m[1].slice(0, 40)})`);
			}
			if (tag === 'style' && /@import|url\(\s*['"]?[^#'"\s)]/i.test(e.textContent ?? '')) out.push('<style> with an external reference');
		}
		return out;
	}, text);
	return { title, problems };
}

for (const { path, trains } of PAGES) {
	test(`CSP on ${path}: no violation while it loads${trains ? ', trains' : ''} and exports; no inline script, no eval`, async ({ page }) => {
		await watchCsp(page);
		await open(page, `${path}?backend=wasm`);
		const csp = await policy(page);
		const all = [...csp.values()].flat();
		expect(all).not.toContain("'unsafe-eval'");
		for (const d of ['script-src', 'default-src', 'script-src-elem', 'script-src-attr']) expect(csp.get(d) ?? []).not.toContain("'unsafe-inline'");
		expect(csp.get('script-src')).toContain("'self'");
		expect(csp.get('object-src')).toEqual(["'none'"]);
		expect(csp.get('base-uri')).toEqual(["'self'"]);
		expect(csp.get('connect-src')).toEqual(["'self'"]);
		expect(csp.get('worker-src')).toEqual(["'self'"]);

		if (trains) {
			const before = await stepsOf(page);
			await page.getByTestId('playbar-step').click();
			await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(before);
			await expect(page.getByTestId('status-backend').locator('[data-backend="wasm"]')).toBeAttached({ timeout: 60_000 });
		}
		if (path !== '/') {
			const { title, problems } = await exportedSvgProblems(page);
			expect(problems, `exported SVG of “${title}”`).toEqual([]);
		}
		expect(await violations(page)).toEqual([]);
	});
}

test('the policy is enforced, not just present: an injected inline script and eval are refused', async ({ page, watch }) => {
	await watchCsp(page);
	await open(page, '/?backend=wasm');
	// (A string timer, not eval inside page.evaluate: DevTools lets its own evaluation eval past the CSP.)
	await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__injected = 1';
		document.head.append(s);
		(setTimeout as unknown as (code: string, ms: number) => number)('window.__injected = 2', 0);
	});
	await expect.poll(async () => (await violations(page)).map((v) => v.split(' ')[0]).sort()).toEqual(['script-src', 'script-src-elem']);
	expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
	// The browser reports both refusals on the console; they are this test's point, not errors.
	dropCspConsoleErrors(watch);
});

/** Removes the console errors a deliberate CSP refusal prints. */
function dropCspConsoleErrors(watch: PageWatch): void {
	const rest = watch.consoleErrors.filter((e) => !/Content Security Policy/.test(e));
	watch.consoleErrors.splice(0, watch.consoleErrors.length, ...rest);
}
