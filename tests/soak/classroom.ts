import type { CDPSession, Page } from '@playwright/test';
import { chart, expect, stepsOf, tensorCount } from '../e2e/fixtures';

/** What the soak does on one lesson: which control it changes, which chart it exports. */
export interface SoakLesson {
	id: string;
	/** a control to change: a select (two values, alternated each round) or a number box */
	control: { testid: string; kind: 'select' | 'box'; values: [string, string] };
	/** the chart exported as CSV */
	chart: string;
	/** whether the lesson has a training PlayBar */
	trains: boolean;
}

/** Every built lesson, in catalog order. */
export const SOAK_LESSONS: readonly SoakLesson[] = [
	{ id: 'L01', control: { testid: 'pg-act-select', kind: 'select', values: ['relu', 'tanh'] }, chart: 'Loss: training and test', trains: true },
	{ id: 'L02', control: { testid: 'depth-act-select', kind: 'select', values: ['relu', 'sigmoid'] }, chart: 'Training loss', trains: true },
	{ id: 'L03', control: { testid: 'fit-delta-box-input', kind: 'box', values: ['2', '1'] }, chart: 'Fitted slopes during training', trains: true },
	{ id: 'L04', control: { testid: 'classifier-threshold-box-input', kind: 'box', values: ['0.6', '0.5'] }, chart: 'Training and test loss', trains: true },
	{ id: 'L09', control: { testid: 'pool-kind-select', kind: 'select', values: ['avg', 'max'] }, chart: 'After pooling', trains: false },
	{ id: 'L10', control: { testid: 'blocks-pool-select', kind: 'select', values: ['avg', 'max'] }, chart: 'Loss', trains: true }
];

/** Plays until the step counter has moved by a few steps, then pauses (if it did not pause itself). */
async function trainFew(page: Page): Promise<void> {
	const play = page.getByTestId('playbar-play');
	const s0 = await stepsOf(page);
	if (/Play/.test((await play.textContent()) ?? '') && (await play.isEnabled())) await play.click();
	await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toBeGreaterThan(s0 + 2);
	// L03 and L04 pause themselves (refit settled, converged): a click may land just after that.
	await expect(async () => {
		if (/Pause/.test((await play.textContent()) ?? '')) await play.click();
		await expect(play).toHaveText(/Play/, { timeout: 2_000 });
	}).toPass({ timeout: 20_000 });
}

/** Downloads the chart's CSV and checks it has a header and data. */
async function exportCsv(page: Page, title: string): Promise<void> {
	const fig = chart(page, title);
	const menu = fig.getByRole('button', { name: 'Export' });
	await menu.click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download CSV' }).click()]);
	expect(file.suggestedFilename()).toMatch(/\.csv$/);
	await file.delete();
	if ((await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
}

/**
 * One classroom visit: from the home page, follows the lesson's link (client-side navigation),
 * trains a few steps, changes a control, exports a chart as CSV, and goes back with the nav link.
 */
export async function visit(page: Page, lesson: SoakLesson, round: number): Promise<void> {
	await page.getByTestId('lesson-grid').locator(`li[data-lesson="${lesson.id}"] h3 a`).click();
	await expect(page).toHaveURL(/\/lessons\//);
	if (lesson.trains) await trainFew(page);
	const value = lesson.control.values[round % 2];
	const control = page.getByTestId(lesson.control.testid);
	if (lesson.control.kind === 'select') await control.selectOption(value);
	else {
		await control.fill(value);
		await control.press('Enter');
	}
	if (lesson.control.kind === 'select') await expect(control).toHaveValue(value);
	else await expect.poll(async () => Number(await control.inputValue())).toBe(Number(value));
	await exportCsv(page, lesson.chart);
	const trainer = page.getByTestId('cnn-trainer');
	if ((await trainer.count()) > 0 && (await trainer.getAttribute('data-trainer')) === 'worker') {
		// L10 trains in a worker (WASM, CPU): the status bar counts that worker's tensors until it leaves.
		await expect(page.getByTestId('status-tensors').locator('[data-worker-value]')).toHaveCount(1);
	}
	await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).click();
	await expect(page).toHaveURL(/\/(\?.*)?$/);
}

/** Live tensors on the page and in training workers, as the status bar shows them. */
export async function liveTensors(page: Page): Promise<{ page: number; worker: number }> {
	const worker = page.getByTestId('status-tensors').locator('[data-worker-value]');
	return { page: await tensorCount(page), worker: (await worker.count()) ? Number(await worker.getAttribute('data-worker-value')) : 0 };
}

/**
 * The live tensor counts once they have not changed for 5 s: leaving a lesson while GPU work is in
 * flight frees its tensors when that work ends (WebGPU on SwiftShader: seconds later). Traced on L10:
 * what stays are the tensors whose read-back is still queued behind the GPU's training steps, each
 * disposed in the `finally` of its own read: the last step's stats ([4], TrainingSession.readBack;
 * two after a rebuild), the feature-map probe ([21188], probeFeatureMaps) and the filter probe
 * ([3400], probeFilters); 3-4 tensors, gone 0.2-6 s after leaving.
 */
export async function settledTensors(page: Page): Promise<{ page: number; worker: number }> {
	let last = JSON.stringify(await liveTensors(page));
	let stable = 0;
	await expect
		.poll(
			async () => {
				await page.waitForTimeout(1_000);
				const now = JSON.stringify(await liveTensors(page));
				stable = now === last ? stable + 1 : 0;
				last = now;
				return stable;
			},
			{ timeout: 90_000, intervals: [0] }
		)
		.toBeGreaterThanOrEqual(5);
	return JSON.parse(last);
}

/** JS heap in use after a forced garbage collection, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
	await cdp.send('HeapProfiler.collectGarbage');
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	return usedSize;
}

/** Megabytes with one decimal. */
export const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
