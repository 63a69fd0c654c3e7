import type { Page } from '@playwright/test';
import { backendOf, chart, chartChanges, chartData, expect, open, stepsOf, tensorCount, test } from './fixtures';

const LESSON = '/lessons/backpropagation';
const DATA = 'Data and decision boundary';
const NET = 'Network: weights and activations';
const LOSS = 'Loss: training and test';

/** Units drawn in the playground's network diagram. */
const nodes = (page: Page) => chart(page, NET).locator('svg circle:not(.cursor)');

test.describe('L01 playground controls drive the model and its charts', () => {
	test('dataset, noise, layers, units, activation and seed rebuild the network and redraw the charts', async ({ page }) => {
		await open(page, LESSON);
		await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
		let d = await chartData(page, DATA);
		let n = await chartData(page, NET);
		await expect(nodes(page)).toHaveCount(2 + 4 + 1);

		await page.getByTestId('pg-data-select').selectOption('spiral');
		d = await chartChanges(page, DATA, d);
		await expect(page).toHaveURL(/data=spiral/);

		const noise = page.getByTestId('pg-noise-range');
		await noise.focus();
		await noise.press('ArrowRight');
		d = await chartChanges(page, DATA, d);
		await expect(page).toHaveURL(/noise=0\.06/);

		// + / - layers and units (TF-Playground style); the diagram follows.
		await page.getByTestId('layers-add').click();
		await expect(page.getByTestId('layers-count')).toHaveText('2');
		await expect(nodes(page)).toHaveCount(2 + 4 + 4 + 1);
		await page.getByTestId('units-2-add').click();
		await page.getByTestId('units-2-add').click();
		await expect(page.getByTestId('units-2-count')).toContainText('6');
		await expect(nodes(page)).toHaveCount(2 + 4 + 6 + 1);
		await page.getByTestId('units-1-remove').click();
		await expect(nodes(page)).toHaveCount(2 + 3 + 6 + 1);
		await expect(page).toHaveURL(/layers=2/);
		await expect(page).toHaveURL(/h1=3/);
		await expect(page).toHaveURL(/h2=6/);
		for (let i = 0; i < 5; i++) if (await page.getByTestId('layers-add').isEnabled()) await page.getByTestId('layers-add').click();
		await expect(page.getByTestId('layers-count')).toHaveText('4');
		await expect(page.getByTestId('layers-add')).toBeDisabled();
		for (let i = 0; i < 6; i++) if (await page.getByTestId('layers-remove').isEnabled()) await page.getByTestId('layers-remove').click();
		await expect(page.getByTestId('layers-count')).toHaveText('0');
		await expect(page.getByTestId('layers-remove')).toBeDisabled();
		await expect(nodes(page)).toHaveCount(3);
		await page.getByTestId('layers-add').click();
		for (let i = 0; i < 9; i++) if (await page.getByTestId('units-1-add').isEnabled()) await page.getByTestId('units-1-add').click();
		await expect(page.getByTestId('units-1-count')).toContainText('8');
		await expect(page.getByTestId('units-1-add')).toBeDisabled();
		n = await chartData(page, NET);

		await page.getByTestId('pg-act-select').selectOption('relu');
		n = await chartChanges(page, NET, n);
		await expect(page).toHaveURL(/act=relu/);
		const seed = page.getByTestId('playbar-seed-input');
		await seed.fill('7');
		await seed.press('Enter');
		n = await chartChanges(page, NET, n);
		d = await chartData(page, DATA);
		await page.getByTestId('playbar-reseed').click();
		await chartChanges(page, DATA, d);
	});

	test('learning rate, batch size and steps per frame apply live; Step, Play and Reset drive the loss curves', async ({ page }) => {
		await open(page, LESSON);
		await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
		const lr = page.getByTestId('pg-lr-box-input');
		await lr.fill('0.05');
		await lr.press('Enter');
		await expect(page).toHaveURL(/lr=0\.05/);
		const batch = page.getByTestId('pg-batch-box-input');
		await batch.fill('50');
		await batch.press('Enter');
		await expect(page.getByTestId('pg-batch')).toContainText('4 steps per epoch');
		await batch.fill('200');
		await batch.press('Enter');
		await expect(page.getByTestId('pg-batch')).toContainText('full batch (200 points)');
		await expect(page).toHaveURL(/batch=200/);

		const l0 = await chartData(page, LOSS);
		await page.getByTestId('playbar-step').click();
		await chartChanges(page, LOSS, l0);
		expect(await stepsOf(page)).toBe(1);
		const speed = page.getByTestId('playbar-speed-box-input');
		await speed.fill('20');
		await speed.press('Enter');
		await expect(page).toHaveURL(/spf=20/);
		await page.getByTestId('playbar-play').click();
		await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(20);
		await page.getByTestId('playbar-play').click();
		const rows = async () => (await chartData(page, LOSS)).split('\n').length;
		const before = await rows();
		await page.getByTestId('playbar-reset').click();
		await expect.poll(() => stepsOf(page)).toBe(0);
		await expect(page.getByTestId('pg-step')).toHaveText('Step 0');
		await expect.poll(rows).toBeLessThan(before);
	});
});

test('every numeric control refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	const controls: [string, string][] = [
		['pg-noise-box', '0.50'],
		['pg-lr-box', '10'],
		['pg-batch-box', '400'],
		['playbar-speed-box', '100'],
		['playbar-seed', '2147483647'],
		['step-pick', '199']
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
	await expect(page.getByTestId('pg-batch')).toContainText('full batch');
	await expect(page.getByTestId('step-sample')).toContainText('Sample 199');
});

test('a copied link restores every control; bad link values are clamped and listed', async ({ page, context }) => {
	const query = 'data=moons&noise=0.12&layers=3&h1=2&h2=7&h3=5&act=elu&lr=0.07&batch=33&spf=9&pick=12&add1=1&seed=99';
	await open(page, `${LESSON}?${query}`);
	await expect(page.getByTestId('pg-data-select')).toHaveValue('moons');
	await expect(page.getByTestId('pg-noise-box-input')).toHaveValue('0.12');
	await expect(page.getByTestId('layers-count')).toHaveText('3');
	await expect(page.getByTestId('units-1-count')).toContainText('2');
	await expect(page.getByTestId('units-2-count')).toContainText('7');
	await expect(page.getByTestId('units-3-count')).toContainText('5');
	await expect(page.getByTestId('pg-act-select')).toHaveValue('elu');
	await expect(page.getByTestId('pg-lr-box-input')).toHaveValue('0.07');
	await expect(page.getByTestId('pg-batch-box-input')).toHaveValue('33');
	await expect(page.getByTestId('playbar-speed-box-input')).toHaveValue('9');
	await expect(page.getByTestId('step-pick-input')).toHaveValue('12');
	await expect(page.getByTestId('pg-add1-input')).toBeChecked();
	await expect(page.getByTestId('playbar-seed-input')).toHaveValue('99');
	await expect(nodes(page)).toHaveCount(2 + 2 + 7 + 5 + 1);
	await expect(page.getByTestId('step-sample')).toContainText('Sample 12');

	const bad = new URLSearchParams({ layers: '9', h1: '0', h2: 'x', act: '<b>bold</b>', noise: '-1', lr: 'NaN', batch: '1e9', pick: '-4', add1: 'maybe', data: 'mnist' });
	const other = await context.newPage();
	await open(other, `${LESSON}?${bad}`);
	const notice = other.getByTestId('corrections-notice').filter({ hasText: 'layers' });
	await expect(notice).toBeVisible();
	for (const p of ['layers', 'h1', 'h2', 'act', 'noise', 'lr', 'batch', 'pick', 'add1', 'data']) await expect(notice).toContainText(p);
	await expect(other.getByTestId('layers-count')).toHaveText('4');
	await expect(other.getByTestId('units-1-count')).toContainText('1');
	await expect(other.getByTestId('pg-act-select')).toHaveValue('tanh');
	await expect(other.getByTestId('pg-batch-box-input')).toHaveValue('400');
	await expect(other.locator('b', { hasText: 'bold' })).toHaveCount(0);
	await expect(nodes(other)).toHaveCount(2 + 1 + 4 + 4 + 4 + 1, { timeout: 60_000 });
	await other.close();
});

test('every chart has an export menu, and leaving the lesson frees its tensors', async ({ page }) => {
	await open(page, '/');
	await backendOf(page);
	const baseline = await tensorCount(page);
	await page.getByRole('link', { name: /Forward pass and backpropagation/ }).first().click();
	await expect(page).toHaveURL(/backpropagation/);
	for (const title of [DATA, NET, LOSS, 'Step-by-step network']) {
		await expect(chart(page, title).getByRole('button', { name: /export/i })).toBeVisible();
	}
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(3);
	await expect.poll(() => tensorCount(page)).toBeGreaterThan(baseline);
	await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => tensorCount(page), { timeout: 10_000 }).toBe(baseline);
});

test('the Chinese page shows the lesson, the controls and the step phases in Chinese', async ({ page }) => {
	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('h1')).toHaveText('前向传播与反向传播');
	await expect(page.locator('html')).toHaveAttribute('lang', /zh/);
	await expect(chart(page, '网络：权重与激活值')).toBeVisible();
	await expect(page.getByTestId('layers-add')).toHaveAttribute('aria-label', '增加一个隐藏层');
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	await page.getByTestId('step-next').click();
	await expect(page.getByTestId('step-phase')).toHaveText('前向：第 1 层，共 2 层');
	await expect(page.getByTestId('step-sample')).toContainText('标签 y =');
});
