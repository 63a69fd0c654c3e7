import type { Page } from '@playwright/test';
import { chart, chartChanges, chartData, expect, open, test } from './fixtures';

const LESSON = '/lessons/convolution';

async function set(page: Page, id: string, value: number | string): Promise<void> {
	const input = page.getByTestId(`${id}-box-input`);
	await input.fill(String(value));
	await input.press('Enter');
}

async function typeCell(page: Page, row: number, col: number, value: string): Promise<void> {
	const cell = page.getByTestId(`kernel-cell-${row}-${col}`);
	await cell.fill(value);
	await cell.press('Enter');
}

test('a copied link restores every control, the kernel cells and the window position', async ({ page, context }) => {
	await open(page, LESSON);
	await page.getByTestId('input-src-select').selectOption('shape');
	await set(page, 'geo-size', 16);
	await set(page, 'geo-k', 5);
	await page.getByTestId('kernel-preset-select').selectOption('gaussian');
	await typeCell(page, 0, 4, '-2.5');
	const divisor = page.getByTestId('kernel-divisor-input');
	await divisor.fill('200');
	await divisor.press('Enter');
	await set(page, 'geo-stride', 2);
	await page.getByTestId('geo-pad-select').selectOption('custom');
	await set(page, 'geo-p', 3);
	await set(page, 'geo-dil', 2);
	await page.getByTestId('window-restart').click();
	for (let i = 0; i < 4; i++) await page.getByTestId('window-forward').click();
	await set(page, 'window-speed', 12);
	await set(page, 'ch-cin', 2);
	await set(page, 'ch-cout', 6);
	await page.getByTestId('ch-wts-select').selectOption('random');
	const seed = page.getByTestId('ch-seed-input');
	await seed.fill('77');
	await seed.press('Enter');
	await page.getByTestId('pool-kind-select').selectOption('avg');
	await set(page, 'pool-size', 3);
	await set(page, 'pool-stride', 3);
	await page.getByTestId('size-xaxis-select').selectOption('stride');
	await expect(page).toHaveURL(/xaxis=stride/);
	expect(page.url()).toContain('kern=1,4,6,4,-2.5,');
	const link = page.url();
	const rows = await page.getByTestId('conv-out-size').getAttribute('data-rows');

	const other = await context.newPage();
	await open(other, link);
	await expect(other.getByTestId('input-src-select')).toHaveValue('shape');
	await expect(other.getByTestId('geo-size-box-input')).toHaveValue('16');
	await expect(other.getByTestId('geo-k-box-input')).toHaveValue('5');
	await expect(other.getByTestId('kernel-cell-0-4')).toHaveValue('-2.5');
	await expect(other.getByTestId('kernel-cell-2-2')).toHaveValue('36');
	await expect(other.getByTestId('kernel-preset-select')).toHaveValue('custom');
	await expect(other.getByTestId('kernel-divisor-input')).toHaveValue('200');
	await expect(other.getByTestId('geo-stride-box-input')).toHaveValue('2');
	await expect(other.getByTestId('geo-pad-select')).toHaveValue('custom');
	await expect(other.getByTestId('geo-p-box-input')).toHaveValue('3');
	await expect(other.getByTestId('geo-dil-box-input')).toHaveValue('2');
	await expect(other.getByTestId('window-position')).toHaveAttribute('data-index', '4');
	await expect(other.getByTestId('window-speed-box-input')).toHaveValue('12');
	await expect(other.getByTestId('ch-cin-box-input')).toHaveValue('2');
	await expect(other.getByTestId('ch-cout-box-input')).toHaveValue('6');
	await expect(other.getByTestId('ch-wts-select')).toHaveValue('random');
	await expect(other.getByTestId('ch-seed-input')).toHaveValue('77');
	await expect(other.getByTestId('pool-kind-select')).toHaveValue('avg');
	await expect(other.getByTestId('pool-size-box-input')).toHaveValue('3');
	await expect(other.getByTestId('pool-stride-box-input')).toHaveValue('3');
	await expect(other.getByTestId('size-xaxis-select')).toHaveValue('stride');
	await expect(other.getByTestId('conv-out-size')).toHaveAttribute('data-rows', rows ?? '');
	await other.close();
});

test('bad link values are clamped or defaulted and listed, a kernel list of the wrong length is fitted, nothing runs', async ({ page }) => {
	const bad = new URLSearchParams({
		src: '<script>window.__xss=1</script>',
		digit: '-4',
		size: '3',
		k: '9',
		kern: '1,2,abc',
		kdiv: '0',
		stride: 'x',
		pad: 'mirror',
		p: '-2',
		dil: '7',
		speed: '0',
		cin: '5',
		cout: '0.5',
		wts: 'zeros',
		pool: 'min',
		psize: '1',
		pstride: '9',
		xaxis: 'y',
		seed: '"><img src=x onerror="window.__xss=2">'
	});
	await open(page, `${LESSON}?${bad}`);
	const notice = page.getByTestId('corrections-notice').first();
	await expect(notice).toBeVisible();
	for (const param of bad.keys()) await expect(notice).toContainText(param);
	await expect(notice).toContainText('<script>');
	await expect(page.getByTestId('geo-size-box-input')).toHaveValue('5');
	await expect(page.getByTestId('geo-k-box-input')).toHaveValue('7');
	await expect(page.getByTestId('geo-dil-box-input')).toHaveValue('3');
	await expect(page.getByTestId('geo-pad-select')).toHaveValue('valid');
	await expect(page.getByTestId('kernel-divisor-input')).toHaveValue('1');
	await expect(page.getByTestId('conv-no-fit')).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);

	// A 2x2 list with K = 3 is padded around its centre, reported as the wrong length.
	await open(page, `${LESSON}?k=3&kern=1,2,3,4`);
	const fitted = page.getByTestId('corrections-notice').locator('li[data-param="kern"]');
	await expect(fitted).toHaveAttribute('data-reason', 'wrong-length');
	await expect(page.getByTestId('kernel-cell-1-1')).toHaveValue('1');
	await expect(page.getByTestId('kernel-cell-2-2')).toHaveValue('4');
	await expect(page.getByTestId('kernel-cell-0-0')).toHaveValue('0');
	await expect(page).toHaveURL(/kern=0,0,0,0,1,2,0,3,4/);
	// A position past the end of the output is clamped to the last one.
	await open(page, `${LESSON}?size=10&pos=700`);
	await expect(page.getByTestId('window-position')).toHaveAttribute('data-index', '63');
});

test('every numeric control refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	await open(page, `${LESSON}?pad=custom`);
	const sliders: [string, string][] = [
		['geo-size', '28'],
		['geo-k', '7'],
		['geo-stride', '4'],
		['geo-p', '4'],
		['geo-dil', '3'],
		['window-speed', '60'],
		['ch-cin', '3'],
		['ch-cout', '8'],
		['pool-size', '4'],
		['pool-stride', '4']
	];
	for (const [id, max] of sliders) {
		const field = page.getByTestId(id);
		const input = page.getByTestId(`${id}-box-input`);
		const before = await input.inputValue();
		await input.fill('abc');
		await input.press('Enter');
		await expect(field.getByRole('alert'), id).toBeVisible();
		await expect(input).toHaveValue(before);
		await input.fill('1e12');
		await input.press('Enter');
		await expect(field.getByRole('alert'), id).toContainText(/max/i);
		await expect(input).toHaveValue(max);
	}
	// Kernel cells: text is refused, huge values are clamped, each with a message.
	await set(page, 'geo-k', 3);
	const cell = page.getByTestId('kernel-cell-0-0');
	const before = await cell.inputValue();
	await cell.fill('x+1');
	await cell.press('Enter');
	await expect(page.getByTestId('kernel-message')).toBeVisible();
	await expect(cell).toHaveAttribute('aria-invalid', 'true');
	await expect(cell).toHaveValue(before);
	await cell.fill('5000');
	await cell.press('Tab');
	await expect(page.getByTestId('kernel-message')).toContainText(/max/i);
	await expect(cell).toHaveValue('1000');
	await cell.fill('2');
	await cell.press('Enter');
	await expect(page.getByTestId('kernel-message')).toBeHidden();
	const divisor = page.getByTestId('kernel-divisor');
	await page.getByTestId('kernel-divisor-input').fill('0');
	await page.getByTestId('kernel-divisor-input').press('Enter');
	await expect(divisor.getByRole('alert')).toContainText(/min/i);
	await expect(page.getByTestId('kernel-divisor-input')).toHaveValue('1');
	// Still alive: a 7x7 kernel fits, so the map is drawn.
	await expect(page.getByTestId('conv-out-size')).toHaveAttribute('data-rows', /\d+/);
});

test('channels: the parameter count follows C_in, C_out and K; tf.conv2d agrees with the loops', async ({ page }) => {
	await open(page, LESSON);
	await set(page, 'ch-cin', 3);
	await set(page, 'ch-cout', 8);
	const params = page.getByTestId('ch-params');
	await expect(params).toHaveAttribute('data-weights', '216');
	await expect(params).toHaveAttribute('data-total', '224');
	await expect(params).toContainText('224 parameters');
	await expect(page.getByTestId('ch-kernels')).toHaveAttribute('data-maps', '24');
	await expect(page.getByTestId('ch-outputs')).toHaveAttribute('data-maps', '8');
	await set(page, 'geo-k', 5);
	await expect(params).toHaveAttribute('data-total', String(5 * 5 * 3 * 8 + 8));
	await expect(page.getByTestId('ch-kernels')).toHaveAttribute('data-map-rows', '5');
	const before = await chartData(page, 'Output channels (feature maps)');
	await page.getByTestId('ch-wts-select').selectOption('random');
	await chartChanges(page, 'Output channels (feature maps)', before);
	const check = page.getByTestId('ch-tf-check');
	await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	expect(Number(await check.getAttribute('data-diff'))).toBeLessThan(1e-4);
});

test('pooling: the output shape follows size and stride; max and average differ; tf pooling agrees with the loops', async ({ page }) => {
	await open(page, LESSON);
	const shape = page.getByTestId('pool-shape');
	await expect(shape).toHaveAttribute('data-rows', '13');
	await expect(shape).toContainText('26 × 26 → 13 × 13');
	const title = 'After pooling';
	const before = await chartData(page, title);
	await page.getByTestId('pool-kind-select').selectOption('avg');
	await chartChanges(page, title, before);
	await set(page, 'pool-size', 3);
	await set(page, 'pool-stride', 1);
	await expect(shape).toHaveAttribute('data-rows', '24');
	const check = page.getByTestId('pool-tf-check');
	await expect(check).toHaveAttribute('data-diff', /\d/, { timeout: 60_000 });
	expect(Number(await check.getAttribute('data-diff'))).toBeLessThan(1e-4);
	await expect(chart(page, title)).toBeVisible();
});

test('self-check presets set the controls they talk about', async ({ page }) => {
	await open(page, LESSON);
	await page.getByTestId('self-check-q1-setup').click();
	await expect(page.getByTestId('conv-out-size')).toHaveAttribute('data-rows', '13');
	await page.getByTestId('self-check-q3-setup').click();
	await expect(page.getByTestId('conv-out-size')).toHaveAttribute('data-rows', '14');
	await expect(page.getByTestId('size-pads')).toHaveAttribute('data-bottom', '1');
	await page.getByTestId('self-check-q4-setup').click();
	await expect(page.getByTestId('ch-params')).toHaveAttribute('data-total', '224');
	await page.getByTestId('self-check-q0-setup').click();
	await expect(page.getByTestId('input-using')).toHaveAttribute('data-source', 'shape');
	await expect(page.getByTestId('kernel-preset-select')).toHaveValue('sobelX');
});

test('the Chinese page renders the lesson in Chinese', async ({ page }) => {
	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('卷积、步长、填充与特征图尺寸');
	await expect(chart(page, '特征图（输出）')).toBeVisible();
	await expect(page.getByTestId('conv-out-size')).toContainText('输出：26 × 26');
	await expect(page.getByTestId('kernel-preset-select').locator('option:checked')).toHaveText('Sobel x（竖直边缘）');
	await expect(page.getByTestId('window-position')).toContainText(/第 \d+ 个位置/);
	await expect(page.getByRole('heading', { name: '池化：最大池化与平均池化' })).toBeVisible();
});
