import { backendOf, expect, open, stepsOf, tensorCount, test } from './fixtures';

const LESSON = '/lessons/activation-functions';

test('classroom mode: projector scale, contrast, and the keyboard shortcuts', async ({ page }) => {
	await open(page, `${LESSON}?present=1`);
	await expect(page.locator('html')).toHaveAttribute('data-present', '');
	const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
	expect(size).toBeGreaterThanOrEqual(24); // 1.5 x 16 px
	await page.getByRole('button', { name: 'High contrast' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
	await page.getByRole('button', { name: 'Hide text' }).click();
	await expect(page.locator('.prose').first()).toBeHidden();
	await page.getByRole('button', { name: 'Hide text' }).click();

	await page.locator('h1').click();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => stepsOf(page)).toBe(1);
	await page.keyboard.press(' ');
	await expect(page.getByTestId('playbar-play')).toHaveText(/Pause/);
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(2);
	await page.keyboard.press(' ');
	await expect(page.getByTestId('playbar-play')).toHaveText(/Play/);
	await page.keyboard.press('r');
	await expect.poll(() => stepsOf(page)).toBe(0);
	await page.keyboard.press('?');
	await expect(page.getByTestId('shortcut-help')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('shortcut-help')).toBeHidden();
	await page.keyboard.press('f');
	await expect
		.poll(() => page.evaluate(() => document.fullscreenElement !== null || document.body.innerText.includes('did not allow fullscreen')))
		.toBe(true);

	// Typing in a field does not trigger shortcuts.
	const seed = page.getByTestId('playbar-seed-input');
	await seed.fill('');
	await seed.type('r 5');
	expect(await stepsOf(page)).toBe(0);

	// Turning classroom mode off restores normal size.
	await page.getByRole('button', { name: 'Classroom mode' }).click();
	await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
});

test('a lost GPU device is reported, the backend restarts and training goes on', async ({ page }) => {
	await open(page, `${LESSON}?depth=4&width=4&spf=2`);
	expect(await backendOf(page)).toBe('webgpu');
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(3);
	const lost = await page.evaluate(() => (window as unknown as { __dlx: { loseDevice(): boolean } }).__dlx.loseDevice());
	expect(lost).toBe(true);
	await expect(page.getByTestId('device-lost-notice')).toBeVisible();
	await expect(page.getByTestId('device-lost-notice')).toContainText('destroyed');
	// The backend restarts, the model is rebuilt (steps restart from 0) and keeps training.
	await expect
		.poll(
			() =>
				page.evaluate(() => {
					const e = (window as unknown as { __dlx: { engine: { status: string; generation: number } } }).__dlx.engine;
					return { status: e.status, generation: e.generation };
				}),
			{ timeout: 30_000 }
		)
		.toMatchObject({ status: 'ready', generation: 2 });
	expect(await backendOf(page)).toBe('webgpu');
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(3);
	await expect(page.getByTestId('playbar-status')).toContainText(/Training/);
	await page.getByTestId('device-lost-notice').getByRole('button', { name: 'Dismiss' }).click();
	await expect(page.getByTestId('device-lost-notice')).toBeHidden();
});

test('leaving a lesson disposes its tensors: the live count returns to the baseline', async ({ page }) => {
	await open(page, '/');
	await backendOf(page);
	const baseline = await tensorCount(page);
	await page.getByRole('link', { name: /Activation functions and vanishing gradients/ }).first().click();
	await expect(page).toHaveURL(/activation-functions/);
	await page.getByTestId('playbar-play').click();
	await expect.poll(() => stepsOf(page), { timeout: 30_000 }).toBeGreaterThan(3);
	await expect.poll(() => tensorCount(page)).toBeGreaterThan(baseline);
	await page.getByRole('navigation').getByRole('link', { name: 'Lessons' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect.poll(() => tensorCount(page), { timeout: 10_000 }).toBe(baseline);
});
