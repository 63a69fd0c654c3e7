import { open, test } from './fixtures';

test('smoke', async ({ page }) => {
	page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
	await open(page, '/lessons/loss-functions');
	for (let i = 0; i < 6; i++) {
		await page.waitForTimeout(3000);
		console.log(await page.getByTestId('fit-status').innerText(), '|', await page.getByTestId('playbar-steps').innerText(), '|', await page.getByTestId('playbar-status').innerText(), '|', (await page.getByTestId('fit-table').innerText()).replace(/\n/g, ' / '), await page.getByTestId('status-backend').innerText());
	}
	await page.screenshot({ path: '/tmp/l03-full.png', fullPage: true });
});
