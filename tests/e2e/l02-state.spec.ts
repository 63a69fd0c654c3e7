import { LESSONS } from '../../lessons/catalog';
import { expect, open, test } from './fixtures';

const LESSON = '/lessons/activation-functions';

test('a copied link restores every control', async ({ page, context }) => {
	// WASM: this tests the link, not the GPU (on SwiftShader each page's probes cost ~15 s).
	await open(page, `${LESSON}?backend=wasm`);
	await page.getByTestId('curves-act-select').selectOption('leakyRelu');
	const set = async (id: string, value: string) => {
		const box = page.getByTestId(id);
		await box.fill(value);
		await box.press('Enter');
	};
	await set('curves-alpha-box-input', '0.25');
	await set('softmax-temp-box-input', '2.5');
	await set('softmax-z2-input', '-3.5');
	await set('depth-depth-box-input', '7');
	await set('depth-width-box-input', '5');
	await page.getByTestId('depth-init-select').selectOption('he');
	await page.getByTestId('depth-data-select').selectOption('xor');
	await set('depth-lr-box-input', '0.03');
	await set('playbar-speed-box-input', '9');
	await set('playbar-seed-input', '4242');
	await expect(page).toHaveURL(/seed=4242/);
	const link = page.url();

	const other = await context.newPage();
	await open(other, link);
	await expect(other.getByTestId('curves-act-select')).toHaveValue('leakyRelu');
	await expect(other.getByTestId('depth-act-select')).toHaveValue('leakyRelu');
	await expect(other.getByTestId('curves-alpha-box-input')).toHaveValue('0.25');
	await expect(other.getByTestId('softmax-temp-box-input')).toHaveValue(/^2\.50?$/);
	await expect(other.getByTestId('softmax-z2-input')).toHaveValue('-3.5');
	await expect(other.getByTestId('depth-depth-box-input')).toHaveValue('7');
	await expect(other.getByTestId('depth-width-box-input')).toHaveValue('5');
	await expect(other.getByTestId('depth-init-select')).toHaveValue('he');
	await expect(other.getByTestId('depth-data-select')).toHaveValue('xor');
	await expect(other.getByTestId('depth-lr-box-input')).toHaveValue('0.03');
	await expect(other.getByTestId('playbar-speed-box-input')).toHaveValue('9');
	await expect(other.getByTestId('playbar-seed-input')).toHaveValue('4242');
	// The same run: the restored network has the restored depth.
	await expect(other.getByRole('figure', { name: 'Gradient norm per layer' }).locator('details')).toBeAttached();
	await expect(other.getByTestId('depth-ratio')).toContainText('layer 7');
	await other.close();
});

test('bad link values are clamped or defaulted, listed in a notice, and never executed', async ({ page }) => {
	const bad = new URLSearchParams({
		depth: 'abc',
		width: '1e9',
		lr: '-5',
		act: '<script>window.__xss=1</script>',
		temp: 'NaN',
		z1: 'Infinity',
		seed: '"><img src=x onerror="window.__xss=2">',
		backend: 'cuda',
		lang: 'fr'
	});
	await open(page, `${LESSON}?${bad}`);
	const notice = page.getByTestId('corrections-notice').filter({ hasText: 'depth' });
	await expect(notice).toBeVisible();
	for (const param of ['depth', 'width', 'lr', 'act', 'temp', 'z1', 'seed']) await expect(notice).toContainText(param);
	await expect(notice).toContainText('<script>');
	const shell = page.getByTestId('corrections-notice').filter({ hasText: 'backend' });
	await expect(shell).toContainText('lang');
	await expect(page.getByTestId('depth-depth-box-input')).toHaveValue('10');
	await expect(page.getByTestId('depth-width-box-input')).toHaveValue('16');
	await expect(page.getByTestId('depth-lr-box-input')).toHaveValue('0.0001');
	await expect(page.getByTestId('depth-act-select')).toHaveValue('sigmoid');
	await expect(page.getByTestId('softmax-z1-input')).toHaveValue('2.0');
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	// The page still works: the charts are drawn.
	await expect(page.getByRole('figure', { name: 'Activation functions' }).locator('svg path[data-series]').first()).toBeAttached();
	await expect(page).toHaveURL(/depth=10/);
	await notice.getByRole('button', { name: /dismiss/i }).click();
	await expect(notice).toBeHidden();
});

test('the Chinese page shows Chinese, and the switch changes language and <html lang>', async ({ page }) => {
	await open(page, `${LESSON}?lang=zh`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.locator('h1')).toContainText(/[\u4e00-\u9fff]/);
	await expect(page.getByRole('heading', { name: '激活函数及其导数' })).toBeVisible();
	await expect(page.getByRole('button', { name: '运行' }).or(page.getByTestId('playbar-play'))).toContainText(/[\u4e00-\u9fff]/);
	await expect(page.getByTestId('status-bar')).toContainText('后端');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Activation functions and their derivatives' })).toBeVisible();
	await expect(page).toHaveURL(/lang=en/);
	// Remembered: a plain visit now opens in English; the switch back to Chinese is remembered too.
	await page.getByRole('button', { name: '中文' }).click();
	await open(page, '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the home page maps all 30 questions and links only to lessons that exist', async ({ page }) => {
	await open(page, '/');
	const rows = page.locator('tr[data-question]');
	await expect(rows).toHaveCount(30);
	const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
	const lessonLinks = hrefs.filter((h) => h.includes('/lessons/'));
	expect(lessonLinks.length).toBeGreaterThan(0);
	const built = LESSONS.filter((l) => l.built).map((l) => l.slug).join('|');
	for (const h of new Set(lessonLinks)) expect(h).toMatch(new RegExp(`^/lessons/(${built})(#[a-z-]+)?$`));
	await expect(page.getByText('Coming soon').first()).toBeVisible();
	const anchored = page.locator('tr[data-question="2"] a[href*="#"]');
	const target = (await anchored.getAttribute('href'))!.split('#')[1];
	await anchored.click();
	await expect(page).toHaveURL(new RegExp(`activation-functions#${target}$`));
	await expect(page.locator(`#${target}`)).toBeInViewport();
});
