import { chartChanges, chartData, chartRowCount, expect, open, stepsOf, test } from './fixtures';

const LESSON = '/lessons/activation-functions';

test.describe('L02 controls drive their charts', () => {
	test('activation select highlights its curves; the leaky-ReLU slope reshapes them', async ({ page }) => {
		await open(page, LESSON);
		const curves = page.getByRole('figure', { name: 'Activation functions' });
		const derivs = page.getByRole('figure', { name: 'Their derivatives' });
		await expect(curves.locator('path[data-series="Sigmoid"]')).toHaveClass(/bold/);
		await expect(page.getByTestId('curves-max-slope')).toContainText('0.250');
		await page.getByTestId('curves-act-select').selectOption('leakyRelu');
		await expect(curves.locator('path[data-series="Leaky ReLU"]')).toHaveClass(/bold/);
		await expect(curves.locator('path[data-series="Sigmoid"]')).toHaveClass(/faded/);
		await expect(derivs.locator('path[data-series="Leaky ReLU′"]')).toHaveClass(/bold/);
		await expect(page.getByTestId('curves-max-slope')).toContainText('1.000');
		const title = 'Activation functions';
		const before = await chartData(page, title);
		const derivBefore = await chartData(page, 'Their derivatives');
		// The slider: keyboard on the range, then a typed exact value.
		const range = page.getByTestId('curves-alpha-range');
		await range.focus();
		await range.press('ArrowRight');
		const moved = await chartChanges(page, title, before);
		const box = page.getByTestId('curves-alpha-box-input');
		await box.fill('0.4');
		await box.press('Enter');
		await chartChanges(page, title, moved);
		await chartChanges(page, 'Their derivatives', derivBefore);
		await expect(page).toHaveURL(/alpha=0\.4/);
		// A bad typed value is refused with a message and the last good value stays.
		await box.fill('abc');
		await box.press('Enter');
		await expect(page.getByRole('alert').filter({ hasText: /number/i }).first()).toBeVisible();
		await expect(page).toHaveURL(/alpha=0\.4/);
	});

	test('temperature, typed logits and dragged bars change the softmax charts', async ({ page }) => {
		await open(page, LESSON);
		const probs = 'Softmax probabilities';
		const p0 = await chartData(page, probs);
		const temp = page.getByTestId('softmax-temp-box-input');
		await temp.fill('0.2');
		await temp.press('Enter');
		const p1 = await chartChanges(page, probs, p0);
		const z3 = page.getByTestId('softmax-z3-input');
		await z3.fill('4');
		await z3.press('Enter');
		await chartChanges(page, probs, p1);
		await expect(page).toHaveURL(/z3=4(&|$)/);

		// Drag the first logit bar down with the mouse: the logit and its field follow.
		const logits = /Logits z/;
		const l0 = await chartData(page, logits);
		const bar = page.getByRole('figure', { name: logits }).getByRole('slider').first();
		const box = (await bar.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2, box.y + box.height + 60, { steps: 5 });
		await page.mouse.up();
		await chartChanges(page, logits, l0);
		await expect(page.getByTestId('softmax-z1-input')).not.toHaveValue('2.0');

		// A huge logit: the naive formula overflows, the stable one does not.
		const z1 = page.getByTestId('softmax-z1-input');
		await z1.fill('1000');
		await z1.press('Enter');
		await expect(page.getByTestId('softmax-overflow')).toBeVisible();
		await expect(page.getByTestId('softmax-naive-values')).toContainText('NaN');
		await expect(page.getByTestId('softmax-readout')).toContainText('1.000');
	});

	test('depth-experiment controls rebuild the network and change its charts', async ({ page }) => {
		await open(page, LESSON);
		const perLayer = 'Gradient norm per layer';
		const net = 'Network';
		let g = await chartData(page, perLayer);
		expect(await chartRowCount(page, perLayer)).toBe(11); // 10 hidden layers + the output layer

		const depth = page.getByTestId('depth-depth-box-input');
		await depth.fill('4');
		await depth.press('Enter');
		g = await chartChanges(page, perLayer, g);
		expect(await chartRowCount(page, perLayer)).toBe(5);

		let n = await chartData(page, net);
		const width = page.getByTestId('depth-width-range');
		await width.focus();
		await width.press('ArrowLeft');
		n = await chartChanges(page, net, n);
		g = await chartData(page, perLayer);

		for (const [id, value] of [
			['depth-init-select', 'he'],
			['depth-act-select', 'relu'],
			['depth-data-select', 'spiral']
		] as const) {
			await page.getByTestId(id).selectOption(value);
			g = await chartChanges(page, perLayer, g);
		}
		const seed = page.getByTestId('playbar-seed-input');
		await seed.fill('7');
		await seed.press('Enter');
		g = await chartChanges(page, perLayer, g);
		await page.getByTestId('playbar-reseed').click();
		g = await chartChanges(page, perLayer, g);

		// Learning rate and steps: one step moves the loss curve; play runs, pause stops, reset clears.
		const lr = page.getByTestId('depth-lr-box-input');
		await lr.fill('0.5');
		await lr.press('Enter');
		await expect(page).toHaveURL(/lr=0\.5/);
		const loss = 'Training loss';
		const l0 = await chartData(page, loss);
		await page.getByTestId('playbar-step').click();
		await chartChanges(page, loss, l0);
		expect(await stepsOf(page)).toBe(1);
		const speed = page.getByTestId('playbar-speed-box-input');
		await speed.fill('3');
		await speed.press('Enter');
		await expect(page).toHaveURL(/spf=3/);
		await page.getByTestId('playbar-play').click();
		await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toBeGreaterThan(4);
		await page.getByTestId('playbar-play').click();
		const paused = await stepsOf(page);
		await page.waitForTimeout(500);
		expect(await stepsOf(page)).toBe(paused);
		await page.getByTestId('playbar-reset').click();
		await expect.poll(() => stepsOf(page)).toBe(0);
	});

	test('dead-ReLU share: n/a for sigmoid, measured for ReLU, and raised by a high learning rate', async ({ page }) => {
		// WASM: 30 steps of a 6-layer net take ~20 s on SwiftShader; what is measured is backend-independent.
		await open(page, `${LESSON}?act=sigmoid&backend=wasm`);
		await expect(page.getByTestId('dead-share')).toContainText('n/a');
		await open(page, `${LESSON}?act=relu&init=he&depth=6&width=8&lr=5&spf=5&seed=1&backend=wasm`);
		const share = page.getByTestId('dead-share');
		await expect(share).toHaveAttribute('data-share', /\d/);
		const initial = Number(await share.getAttribute('data-share'));
		const chartTitle = 'Share of dead ReLU units over training';
		const d0 = await chartData(page, chartTitle);
		await page.getByTestId('playbar-play').click();
		await expect.poll(() => stepsOf(page), { timeout: 90_000 }).toBeGreaterThan(30);
		await page.getByTestId('playbar-play').click();
		await chartChanges(page, chartTitle, d0);
		await expect.poll(async () => Number(await share.getAttribute('data-share')), { timeout: 20_000 }).toBeGreaterThan(initial + 0.2);
	});

	test('a diverging run stops with a message and a reset button', async ({ page }) => {
		await open(page, `${LESSON}?act=relu&init=normal&depth=10&lr=10&spf=5`);
		await page.getByTestId('playbar-play').click();
		const alert = page.getByTestId('playbar-diverged');
		await expect(alert).toBeVisible({ timeout: 90_000 });
		await expect(alert).toContainText(/diverged/i);
		await expect(page.getByTestId('depth-diverged-hint')).toBeVisible();
		const stopped = await stepsOf(page);
		await page.waitForTimeout(500);
		expect(await stepsOf(page)).toBe(stopped);
		await alert.getByRole('button', { name: /reset/i }).click();
		await expect(alert).toBeHidden();
		expect(await stepsOf(page)).toBe(0);
	});
});

test('the page shows vanishing gradients with sigmoid, and none with ReLU and He initialisation', async ({ page }) => {
	await open(page, LESSON);
	const ratio = page.getByTestId('depth-ratio');
	const read = async () => Number(await ratio.getAttribute('data-ratio'));
	// Self-check question 1 sets sigmoid, Xavier, 15 layers.
	await page.getByTestId('self-check-q0-setup').click();
	await expect(page.getByTestId('depth-depth-box-input')).toHaveValue('15');
	await expect(ratio).toContainText('layer 15');
	await expect.poll(read, { timeout: 30_000 }).toBeLessThan(1e-3);
	// Question 2: ReLU with He initialisation, same depth.
	await page.getByTestId('self-check-q1-setup').click();
	await expect(page.getByTestId('depth-act-select')).toHaveValue('relu');
	await expect(page.getByTestId('depth-init-select')).toHaveValue('he');
	await expect.poll(read, { timeout: 30_000 }).toBeGreaterThan(1e-2);
	await expect(page).toHaveURL(/act=relu/);
});

test('every numeric control refuses bad typed input with a message and keeps a safe value', async ({ page }) => {
	await open(page, LESSON);
	const controls: [string, string][] = [
		['softmax-temp-box', '10'],
		['softmax-z1', '1000.0'],
		['depth-depth-box', '20'],
		['depth-width-box', '16'],
		['depth-lr-box', '10'],
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
	// The page is still alive: the network was rebuilt at the clamped size.
	await expect(page.getByTestId('depth-ratio')).toContainText('layer 20');
});
