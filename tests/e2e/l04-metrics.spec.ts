import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { chart, expect, open, stepsOf, test } from './fixtures';

const LESSON = '/lessons/metrics';
/** These tests check the metrics, not the GPU (l04-controls and faults run L04 on WebGPU): WASM is far quicker here. */
const WASM = '&backend=wasm';

/**
 * Waits until training has run `minSteps` steps (or paused itself on convergence), pauses it, and
 * waits for the last read-back, so the scores stay put from then on.
 */
async function settle(page: Page, minSteps = 150): Promise<void> {
	const auto = page.getByTestId('classifier-autostop');
	await expect.poll(async () => (await auto.isVisible()) || (await stepsOf(page)) >= minSteps, { timeout: 90_000 }).toBe(true);
	// Pause it; when training pauses itself at the same moment, the click plays it again: repeat.
	const play = page.getByTestId('playbar-play');
	await expect
		.poll(async () => {
			if (/Pause/.test((await play.textContent()) ?? '')) await play.click();
			return play.textContent();
		})
		.toMatch(/Play/);
	await expect.poll(async () => Number(await page.getByTestId('classifier-readouts').getAttribute('data-step'))).toBe(await stepsOf(page));
}

/** Downloads a chart's CSV and returns its data rows as [series, x, y]. */
async function csvRows(page: Page, title: string): Promise<string[][]> {
	const fig = chart(page, title);
	const menu = fig.getByRole('button', { name: 'Export' });
	if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download CSV' }).click()]);
	await menu.click();
	const text = (await readFile((await file.path())!)).toString('utf8').replace(/^\uFEFF/, '');
	return text.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
}

/** The current ROC point as numbers. */
async function rocPoint(page: Page): Promise<{ fpr: number; tpr: number }> {
	const el = page.getByTestId('roc-point');
	return { fpr: Number(await el.getAttribute('data-fpr')), tpr: Number(await el.getAttribute('data-tpr')) };
}

async function typeInto(page: Page, id: string, value: string): Promise<void> {
	const box = page.getByTestId(id);
	await box.fill(value);
	await box.press('Enter');
}

const metric = async (page: Page, name: string) => Number(await page.getByTestId('metrics-readout').getAttribute(`data-${name}`));

test('with 95:5 imbalance, always predicting the majority gives 95% accuracy and 0 recall', async ({ page }) => {
	await open(page, `${LESSON}?pos=5${WASM}`);
	await settle(page);
	await expect(page.getByTestId('classifier-balance')).toContainText('95:5');
	// The trained classifier finds some positives.
	expect(await metric(page, 'recall')).toBeGreaterThan(0);
	await page.getByTestId('confusion-majority-input').check();
	await expect(page.getByTestId('majority-note')).toBeVisible();
	await expect.poll(() => metric(page, 'accuracy')).toBe(0.95);
	expect(await metric(page, 'recall')).toBe(0);
	expect(await metric(page, 'f1')).toBe(0);
	expect(await metric(page, 'specificity')).toBe(1);
	// Confusion matrix: 1,900 true negatives, 100 false negatives, nothing predicted positive.
	const cell = (r: number, c: number) => chart(page, 'Confusion matrix').locator(`g.cell[data-row="${r}"][data-col="${c}"]`);
	await expect(cell(0, 0)).toHaveAttribute('data-value', '1900');
	await expect(cell(1, 0)).toHaveAttribute('data-value', '100');
	await expect(cell(0, 1)).toHaveAttribute('data-value', '0');
	await expect(cell(1, 1)).toHaveAttribute('data-value', '0');
	// The baseline ranks nothing: ROC AUC 0.5, AP = the prevalence.
	await expect(page.getByTestId('roc-auc')).toHaveAttribute('data-auc', '0.5');
	expect(Number(await page.getByTestId('pr-ap').getAttribute('data-ap'))).toBeCloseTo(0.05, 10);
	await expect(page).toHaveURL(/majority=(1|true)/);
});

test('moving the threshold moves the ROC point along the drawn curve, without retraining', async ({ page }) => {
	await open(page, `${LESSON}?pos=20${WASM}`);
	await settle(page);
	const steps = await stepsOf(page);
	const curve = (await csvRows(page, 'ROC curve')).filter((r) => r[0] === 'ROC curve').map((r) => `${Number(r[1])},${Number(r[2])}`);
	expect(curve.length).toBeGreaterThan(100);
	const onCurve = new Set(curve);
	const seen: { fpr: number; tpr: number }[] = [];
	const check = async () => {
		const p = await rocPoint(page);
		expect(onCurve.has(`${p.fpr},${p.tpr}`), `(${p.fpr}, ${p.tpr}) on the curve`).toBe(true);
		await expect(chart(page, 'ROC curve').locator('g.point circle')).toBeAttached();
		seen.push(p);
		return p;
	};
	const start = await check();
	// Raise the threshold with the slider's keyboard: the point moves down and left.
	const range = page.getByTestId('roc-threshold-range');
	await range.focus();
	for (let i = 0; i < 20; i++) await range.press('ArrowRight');
	await expect(page).toHaveURL(/t=0\.7/);
	await expect.poll(async () => (await rocPoint(page)).tpr).toBeLessThan(start.tpr);
	const higher = await check();
	expect(higher.fpr).toBeLessThanOrEqual(start.fpr);
	// A typed lower threshold moves it up and right, past the start.
	await typeInto(page, 'confusion-threshold-box-input', '0.2');
	await expect.poll(async () => (await rocPoint(page)).tpr).toBeGreaterThan(start.tpr);
	const lower = await check();
	expect(lower.fpr).toBeGreaterThanOrEqual(start.fpr);
	// The curve itself (the CSV) did not change, and no training step ran.
	const again = (await csvRows(page, 'ROC curve')).filter((r) => r[0] === 'ROC curve').map((r) => `${Number(r[1])},${Number(r[2])}`);
	expect(again).toEqual(curve);
	expect(await stepsOf(page)).toBe(steps);
	// The PR chart follows the same threshold.
	await expect(page.getByTestId('pr-point')).toContainText('recall');
	expect(seen).toHaveLength(3);
});

test('under 99:1 imbalance ROC AUC stays high while average precision drops', async ({ page }) => {
	await open(page, `${LESSON}?pos=50${WASM}`);
	await settle(page);
	const auc = async () => Number(await page.getByTestId('roc-auc').getAttribute('data-auc'));
	const ap = async () => Number(await page.getByTestId('pr-ap').getAttribute('data-ap'));
	const auc50 = await auc();
	const ap50 = await ap();
	expect(ap50).toBeGreaterThan(0.9);
	// Self-check question 4 sets 1% positives.
	await page.getByTestId('self-check-q3-setup').click();
	await expect(page).toHaveURL(/pos=1(&|$)/);
	await expect(page.getByTestId('classifier-balance')).toContainText('99:1');
	await settle(page);
	expect(Math.abs((await auc()) - auc50)).toBeLessThan(0.05);
	expect(await ap()).toBeLessThan(ap50 - 0.3);
	await expect(page.getByTestId('pr-ap')).toHaveAttribute('data-prevalence', '0.01');
});

test('k-fold cross-validation: k rows, stratified folds, and folds without positives at 99:1', async ({ page }) => {
	await open(page, `${LESSON}?pos=1&k=10&strat=0&cvm=auc&seed=1${WASM}`);
	await settle(page);
	const rows = chart(page, 'k-fold cross-validation').locator('g.row');
	await expect(rows).toHaveCount(10);
	const positives = async () => rows.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-positives'))));
	const plain = await positives();
	expect(plain.reduce((a, b) => a + b)).toBe(10);
	expect(plain.some((p) => p === 0)).toBe(true);
	await expect(page.getByTestId('cv-undefined')).toBeVisible();
	// Stratified: every fold gets exactly one of the 10 positives, every AUC is defined.
	await page.getByTestId('cv-strat-input').check();
	await settle(page);
	await expect.poll(positives).toEqual(Array(10).fill(1));
	await expect(page.getByTestId('cv-undefined')).toBeHidden();
	await expect(page.getByTestId('cv-summary')).toHaveAttribute('data-undefined', '0');
	// Fewer folds, another metric: the chart and the summary follow.
	await typeInto(page, 'cv-k-box-input', '4');
	await expect(rows).toHaveCount(4);
	await page.getByTestId('cv-metric-select').selectOption('accuracy');
	await settle(page);
	const mean = Number(await page.getByTestId('cv-summary').getAttribute('data-mean'));
	expect(mean).toBeGreaterThan(0.95);
	await expect(page.getByTestId('cv-summary')).toContainText('Accuracy');
	await expect(page).toHaveURL(/cvm=accuracy/);
});

test('the data plot: sampled test points over P(positive), exported with its background, and a decision line that follows the threshold', async ({ page }) => {
	await open(page, `${LESSON}?pos=20${WASM}`);
	await settle(page);
	const title = 'Test points and the decision boundary';
	const fig = chart(page, title);
	// 600 of the 2,000 test points, with the exact 80:20 balance.
	await expect(fig.locator('g.points path')).toHaveCount(600);
	await expect(fig.locator('g.points path[data-class="1"]')).toHaveCount(120);
	const line = fig.locator('path.line');
	await expect(line).toHaveCount(1);
	await expect(line).toHaveAttribute('data-series', 'decision line (p = 0.50)');
	const d0 = await line.getAttribute('d');
	const lineRows = async () => (await csvRows(page, title)).filter((r) => r[3]).map((r) => [Number(r[0]), Number(r[1])]);
	const csv = await csvRows(page, title);
	expect(csv).toHaveLength(602);
	const before = await lineRows();
	expect(before).toHaveLength(2);
	// The exported SVG embeds the probability background as a PNG image.
	const menu = fig.getByRole('button', { name: 'Export' });
	await menu.click();
	const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download SVG' }).click()]);
	await menu.click();
	expect(file.suggestedFilename()).toBe('decision-boundary.svg');
	const svg = (await readFile((await file.path())!)).toString('utf8');
	expect(svg).toMatch(/<image[^>]+href="data:image\/png;base64,/);
	expect(svg).toContain('decision line (p = 0.50)');
	// Raise the threshold with the section's own slider: the line moves, parallel, and nothing retrains.
	const steps = await stepsOf(page);
	const range = page.getByTestId('classifier-threshold-range');
	await range.focus();
	for (let i = 0; i < 20; i++) await range.press('ArrowRight');
	await expect(page).toHaveURL(/t=0\.7/);
	await expect.poll(() => line.getAttribute('d')).not.toBe(d0);
	await expect(line).toHaveAttribute('data-series', 'decision line (p = 0.70)');
	const after = await lineRows();
	expect(after).toHaveLength(2);
	expect(after).not.toEqual(before);
	const slope = (s: number[][]) => Math.atan2(s[1][1] - s[0][1], s[1][0] - s[0][0]) % Math.PI;
	expect(Math.abs(slope(after) - slope(before))).toBeLessThan(1e-3);
	// Towards the positives (centred on (0.5, 0.5)): the line's midpoint moves up and right.
	const mid = (s: number[][]) => (s[0][0] + s[1][0] + s[0][1] + s[1][1]) / 2;
	expect(mid(after)).toBeGreaterThan(mid(before));
	expect(await stepsOf(page)).toBe(steps);
	// Threshold 0: every point is predicted positive and no line crosses the plane.
	await typeInto(page, 'classifier-threshold-box-input', '0');
	await expect(line).toHaveCount(0);
	await expect(page.getByTestId('boundary-none')).toContainText('No decision line');
	// The majority baseline has no boundary at all.
	await typeInto(page, 'classifier-threshold-box-input', '0.5');
	await expect(line).toHaveCount(1);
	await page.getByTestId('confusion-majority-input').check();
	await expect(line).toHaveCount(0);
	await expect(page.getByTestId('boundary-none')).toContainText('majority-class baseline');
});
