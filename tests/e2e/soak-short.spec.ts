import { heapAfterGc, liveTensors, mb, SOAK_LESSONS, visit } from '../soak/classroom';
import { backendOf, expect, open, test } from './fixtures';

/**
 * The soak (`npm run soak`, tests/soak) cut to one round: every built lesson in turn in one page by
 * client-side navigation, on WASM: train a few steps, change a control, export a chart as CSV.
 * Afterwards no tensor is left (page or training worker) and the page logged no error.
 */
test('soak, one round: every lesson visited in one page leaves no tensor behind', async ({ page }) => {
	test.setTimeout(180_000);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.enable');
	await open(page, '/?backend=wasm');
	expect(await backendOf(page)).toBe('wasm');
	const baseline = await liveTensors(page);
	const heap0 = await heapAfterGc(cdp);
	for (const lesson of SOAK_LESSONS) await visit(page, lesson, 0);
	await expect.poll(() => liveTensors(page), { timeout: 10_000 }).toEqual(baseline);
	await expect(page.getByTestId('status-tensors').locator('[data-worker-value]')).toHaveCount(0);
	const heap = await heapAfterGc(cdp);
	test.info().annotations.push({ type: 'JS heap', description: `${mb(heap0)} on the home page, ${mb(heap)} after one round` });
});
