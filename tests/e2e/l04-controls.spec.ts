import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { backendOf, chart, chartChanges, chartData, expect, open, stepsOf, tensorCount, test } from './fixtures';

const LESSON = '/lessons/metrics';

async function typeInto(page: Page, id: string, value: string): Promise<void> {
	const box = page.getByTestId(id);
	await box.fill(value);
	await box.press('Enter');
}

test('data and training controls rebuild and retrain; every control reaches its chart', async ({ page }) => {
	await open(page, `${LESSON}?spf=5`);
	const hist = 'Test scores by class';
	let h = await chartChanges(page, hist, '');
	// Share of positives (slider keyboard) and class spread (typed): new data, new training.
	const pos = page.getByTestId('classifier-pos-range');
	await pos.focus();
	await pos.press('ArrowLeft');
	await expect(page.getByTestId('classifier-balance')).toContainText('81:19');
	await expect(page).toHaveURL(/pos=19/);
	h = await chartChanges(page, hist, h);
	await typeInto(page, 'classifier-noise-box-input', '1.2');
	await expect(page).toHaveURL(/noise=1\.2/);
	h = await chartChanges(page, hist, h);
	// Histogram mode: counts become shares of each class (the bins of a class sum to 1).
	await page.getByTestId('classifier-hist-select').selectOption('share');
	await expect(page).toHaveURL(/hist=share/);
	await expect(chart(page, hist).locator('svg').first()).toContainText('share of the class');
	// Learning rate applies live, steps per frame, step, pause, reset and the seed.
	await typeInto(page, 'classifier-lr-box-input', '0.5');
	await expect(page).toHaveURL(/lr=0\.5/);
	await typeInto(page, 'playbar-speed-box-input', '3');
	await expect(page).toHaveURL(/spf=3/);
	const play = page.getByTestId('playbar-play');
	if (((await play.textContent()) ?? '').match(/Pause/)) await play.click();
	await expect(play).toHaveText(/Play/);
	const loss = 'Training and test loss';
	const l0 = await chartData(page, loss);
	const s0 = await stepsOf(page);
	await page.getByTestId('playbar-step').click();
	await expect.poll(() => stepsOf(page)).toBe(s0 + 1);
	await chartChanges(page, loss, l0);
	await page.getByTestId('playbar-reset').click();
	await expect.poll(() => stepsOf(page)).toBe(0);
	const before = await chartData(page, 'ROC curve');
	await typeInto(page, 'playbar-seed-input', '77');
	await expect(page).toHaveURL(/seed=77/);
	await chartChanges(page, 'ROC curve', before);
	// A new seed retrains by itself.
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(3);
});

test('a copied link restores every control', async ({ page, context }) => {
	const query = 'pos=7&noise=0.9&lr=0.8&t=0.35&majority=1&k=6&strat=0&cvm=f1&hist=share&spf=9&seed=4242';
	await open(page, `${LESSON}?${query}`);
	await expect(page.getByTestId('classifier-pos-box-input')).toHaveValue('7');
	await expect(page.getByTestId('classifier-noise-box-input')).toHaveValue(/^0\.90?$/);
	await expect(page.getByTestId('classifier-lr-box-input')).toHaveValue('0.8');
	await expect(page.getByTestId('confusion-threshold-box-input')).toHaveValue('0.35');
	await expect(page.getByTestId('roc-threshold-box-input')).toHaveValue('0.35');
	await expect(page.getByTestId('classifier-threshold-box-input')).toHaveValue('0.35');
	await expect(page.getByTestId('confusion-majority-input')).toBeChecked();
	await expect(page.getByTestId('cv-k-box-input')).toHaveValue('6');
	await expect(page.getByTestId('cv-strat-input')).not.toBeChecked();
	await expect(page.getByTestId('cv-metric-select')).toHaveValue('f1');
	await expect(page.getByTestId('classifier-hist-select')).toHaveValue('share');
	await expect(page.getByTestId('playbar-speed-box-input')).toHaveValue('9');
	await expect(page.getByTestId('playbar-seed-input')).toHaveValue('4242');
	await expect(chart(page, 'k-fold cross-validation').locator('g.row')).toHaveCount(6);
	// Change a few through the page; the URL follows and a fresh page restores them.
	await page.getByTestId('confusion-majority-input').uncheck();
	await page.getByTestId('cv-strat-input').check();
	await typeInto(page, 'pr-threshold-box-input', '0.65');
	await expect(page).toHaveURL(/t=0\.65/);
	await expect(page).toHaveURL(/strat=(1|true)/);
	const other = await context.newPage();
	await open(other, page.url());
	await expect(other.getByTestId('confusion-threshold-box-input')).toHaveValue('0.65');
	await expect(other.getByTestId('confusion-majority-input')).not.toBeChecked();
	await expect(other.getByTestId('cv-strat-input')).toBeChecked();
	await expect(other.getByTestId('classifier-balance')).toContainText('93:7');
	await other.close();
});

test('bad link values are clamped or defaulted and listed; the page still trains', async ({ page }) => {
	const bad = new URLSearchParams({
		pos: '0',
		noise: 'abc',
		t: '7',
		k: '99',
		majority: 'maybe',
		strat: '2',
		cvm: '<img src=x onerror="window.__xss=1">',
		hist: 'pie',
		lr: '-1',
		seed: '1.5'
	});
	await open(page, `${LESSON}?${bad}`);
	const notice = page.getByTestId('corrections-notice').first();
	await expect(notice).toBeVisible();
	for (const param of ['pos', 'noise', 't', 'k', 'majority', 'strat', 'cvm', 'hist', 'lr', 'seed']) await expect(notice).toContainText(param);
	await expect(page.getByTestId('classifier-pos-box-input')).toHaveValue('1');
	await expect(page.getByTestId('confusion-threshold-box-input')).toHaveValue('1.00');
	await expect(page.getByTestId('cv-k-box-input')).toHaveValue('10');
	await expect(page.getByTestId('cv-metric-select')).toHaveValue('accuracy');
	await expect(page.getByTestId('confusion-majority-input')).not.toBeChecked();
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(3);
	await expect(chart(page, 'k-fold cross-validation').locator('g.row')).toHaveCount(10);
});

test('every numeric control refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	await open(page, LESSON);
	const controls: [string, string][] = [
		['classifier-pos-box', '50'],
		['classifier-noise-box', '1.50'],
		['classifier-lr-box', '10'],
		['classifier-threshold-box', '1.00'],
		['confusion-threshold-box', '1.00'],
		['roc-threshold-box', '1.00'],
		['pr-threshold-box', '1.00'],
		['cv-k-box', '10'],
		['playbar-speed-box', '100'],
		['playbar-seed', '2147483647']
	];
	for (const [id, max] of controls) {
		const field = page.getByTestId(id.replace(/-box$/, ''));
		const input = page.getByTestId(`${id}-input`);
		const before = await input.inputValue();
		await input.fill('abc');
		await input.press('Enter');
		await expect(field.getByRole('alert')).toBeVisible();
		await expect(input).toHaveValue(before);
		await input.fill('1e12');
		await input.press('Enter');
		await expect(field.getByRole('alert')).toContainText(/max/i);
		await expect(input).toHaveValue(max);
	}
	// Still alive: 10 folds, 50:50, threshold 1 (nothing predicted positive but scores of exactly 1).
	await expect(chart(page, 'k-fold cross-validation').locator('g.row')).toHaveCount(10);
	await expect(page.getByTestId('classifier-balance')).toContainText('50:50');
});

test('the confusion matrix and the k-fold chart export SVG and CSV', async ({ page }) => {
	await open(page, `${LESSON}?pos=10&k=3`);
	await expect(chart(page, 'k-fold cross-validation').locator('g.row')).toHaveCount(3);
	await expect(page.getByTestId('metrics-readout')).toHaveAttribute('data-accuracy', /\d/);
	const download = async (title: string, button: string) => {
		const fig = chart(page, title);
		const menu = fig.getByRole('button', { name: 'Export' });
		if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
		const [file] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: button }).click()]);
		return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString('utf8').replace(/^\uFEFF/, '') };
	};
	const svg = await download('Confusion matrix', 'Download SVG');
	expect(svg.name).toBe('confusion-matrix.svg');
	expect(svg.text).toContain('<svg');
	expect(svg.text).toContain('TP');
	const csv = await download('Confusion matrix', 'Download CSV');
	const lines = csv.text.trim().split(/\r?\n/);
	expect(lines).toHaveLength(3);
	expect(lines[0]).toContain('predicted class');
	const counts = lines.slice(1).flatMap((l) => l.split(',').slice(1).map(Number));
	expect(counts.reduce((a, b) => a + b)).toBe(2000);
	const folds = await download('k-fold cross-validation', 'Download CSV');
	const rows = folds.text.trim().split(/\r?\n/);
	expect(rows).toHaveLength(1 + 3 + 1);
	expect(rows.slice(1, 4).map((r) => Number(r.split(',')[1])).reduce((a, b) => a + b)).toBe(1000);
	const foldSvg = await download('k-fold cross-validation', 'Download SVG');
	expect(foldSvg.text).toContain('Fold 3');
	for (const title of ['ROC curve', 'Precision-recall curve', 'Threshold metrics', 'Test scores by class', 'Test points and the decision boundary']) {
		const f = await download(title, 'Download CSV');
		expect(f.text.trim().split(/\r?\n/).length, title).toBeGreaterThan(2);
	}
});

test('the Chinese page, the self-check presets, and no tensors left after leaving', async ({ page }) => {
	await open(page, '/');
	await backendOf(page);
	const baseline = await tensorCount(page);
	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('h1')).toHaveText('评估指标与交叉验证');
	await expect(page.getByRole('heading', { name: 'ROC 曲线与 AUC' })).toBeVisible();
	await expect(page.getByTestId('roc-auc')).toHaveAttribute('data-auc', /\d/);
	// Question 2 sets threshold 0: recall 1, specificity 0, precision = prevalence.
	await page.getByTestId('self-check-q1-setup').click();
	await expect(page).toHaveURL(/t=0(&|$)/);
	await expect.poll(async () => Number(await page.getByTestId('metrics-readout').getAttribute('data-recall'))).toBe(1);
	expect(Number(await page.getByTestId('metrics-readout').getAttribute('data-specificity'))).toBe(0);
	expect(Number(await page.getByTestId('metrics-readout').getAttribute('data-precision'))).toBeCloseTo(0.2, 10);
	// Question 5: 99:1, 10 plain folds, recall.
	await page.getByTestId('self-check-q4-setup').click();
	await expect(page.getByTestId('cv-metric-select')).toHaveValue('recall');
	await expect(page.getByTestId('cv-strat-input')).not.toBeChecked();
	await expect(chart(page, 'k 折交叉验证').locator('g.row')).toHaveCount(10);
	await page.getByRole('navigation').getByRole('link').filter({ hasText: /课程/ }).first().click();
	await expect(page).toHaveURL(/\/(\?.*)?$/);
	await expect.poll(() => tensorCount(page), { timeout: 10_000 }).toBe(baseline);
});
