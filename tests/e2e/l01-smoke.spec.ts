import { expect, open, test } from './fixtures';

test('smoke', async ({ page }) => {
	await open(page, '/lessons/backpropagation');
	await expect(page.getByTestId('pg-loss')).toHaveAttribute('data-value', /\d/, { timeout: 60_000 });
	await page.locator('#playground').screenshot({ path: '/tmp/l01/pg.png' });
	for (let i = 0; i < 3; i++) await page.getByTestId('step-next').click();
	await page.locator('#step').screenshot({ path: '/tmp/l01/step.png' });
	for (let i = 0; i < 3; i++) await page.getByTestId('step-next').click();
	await page.waitForTimeout(500);
	await page.locator('#step').screenshot({ path: '/tmp/l01/step2.png' });
});
