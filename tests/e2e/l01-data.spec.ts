import type { Page } from '@playwright/test';
import { chart, expect, open, stableBox, test } from './fixtures';

const LESSON = '/lessons/backpropagation';
const DATA = 'Data and decision boundary';

/** The point marks of the data plot. */
const marks = (page: Page) => chart(page, DATA).locator('g.points path');

/** Scrolls the data plot to the middle of the viewport (mouse clicks need it on screen). */
async function centre(page: Page): Promise<void> {
	await chart(page, DATA).evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
}

/** The plot box of the data plot, in page pixels. */
async function plotBox(page: Page) {
	return stableBox(chart(page, DATA).locator('rect.frame').first());
}

test('clicks on the data plot add points of either class; the model retrains on them; they can be removed', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	await expect(marks(page)).toHaveCount(200);
	// Every frame from here on records the plot box's size: adding a point rebuilds the model, and the
	// plot must not change size while its new prediction is on the way (it did, and clicks missed).
	await chart(page, DATA).locator('rect.frame').first().evaluate((frame) => {
		const sizes = new Set<string>();
		(window as unknown as { __plotSizes: Set<string> }).__plotSizes = sizes;
		const tick = () => {
			const r = frame.getBoundingClientRect();
			sizes.add(`${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
			if (frame.isConnected) requestAnimationFrame(tick);
		};
		tick();
	});
	let box = await plotBox(page);

	// Plain click: class 0 at the top-left corner (x1 = -1.5 .. , x2 = .. 1.5), empty on the circle set.
	await page.mouse.click(box.x + 6, box.y + 6);
	await expect(marks(page)).toHaveCount(201);
	await expect(marks(page).last()).toHaveAttribute('data-class', '0');
	await expect(page.getByTestId('pg-added')).toContainText('1');

	// Shift-click: the other class.
	box = await plotBox(page);
	await page.keyboard.down('Shift');
	await page.mouse.click(box.x + box.width - 6, box.y + 6);
	await page.keyboard.up('Shift');
	await expect(marks(page)).toHaveCount(202);
	await expect(marks(page).last()).toHaveAttribute('data-class', '1');

	// The switch makes a plain click add class 1 (and Shift then adds class 0); it is in the URL.
	await page.getByTestId('pg-add1').locator('label').click();
	await expect(page).toHaveURL(/add1=(1|true)/);
	box = await plotBox(page);
	await page.mouse.click(box.x + 6, box.y + box.height - 6);
	await expect(marks(page)).toHaveCount(203);
	await expect(marks(page).last()).toHaveAttribute('data-class', '1');
	await page.keyboard.down('Shift');
	await page.mouse.click(box.x + box.width - 6, box.y + box.height - 6);
	await page.keyboard.up('Shift');
	await expect(marks(page)).toHaveCount(204);
	await expect(marks(page).last()).toHaveAttribute('data-class', '0');
	await expect(page.getByTestId('pg-added')).toContainText('4');
	const sizes = await page.evaluate(() => [...(window as unknown as { __plotSizes: Set<string> }).__plotSizes]);
	expect(sizes).toHaveLength(1);

	// The added points are training points: step mode can trace one (sample 200 is the first added).
	const pick = page.getByTestId('step-pick-input');
	await pick.fill('200');
	await pick.press('Enter');
	await expect(page.getByTestId('step-sample')).toContainText(/Sample 200: x = \(-1\.4\d\d, 1\.4\d\d\), label y = 0/);
	await pick.fill('201');
	await pick.press('Enter');
	await expect(page.getByTestId('step-sample')).toContainText(/Sample 201: x = \(1\.4\d\d, 1\.4\d\d\), label y = 1/);

	await page.getByTestId('pg-clear-added').click();
	await expect(marks(page)).toHaveCount(200);
	await expect(page.getByTestId('pg-added')).toHaveCount(0);
	// Changing the dataset also drops added points.
	box = await plotBox(page);
	await page.mouse.click(box.x + 6, box.y + 6);
	await expect(marks(page)).toHaveCount(201);
	await page.getByTestId('pg-data-select').selectOption('moons');
	await expect(marks(page)).toHaveCount(200);
});

test('clicking a training point picks it for step mode (ringed); test data can be shown', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	await centre(page);
	const target = marks(page).nth(37);
	const b = (await target.boundingBox())!;
	await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
	await expect(page).toHaveURL(/pick=37/);
	await expect(page.getByTestId('step-sample')).toContainText('Sample 37');
	await expect(chart(page, DATA).locator('circle.highlight')).toHaveCount(1);

	await page.getByTestId('pg-test').locator('label').click();
	await expect(page).toHaveURL(/test=(1|true)/);
	await expect(marks(page)).toHaveCount(400);
	await expect(chart(page, DATA).locator('g.points path[data-class="3"]')).not.toHaveCount(0);
	// Test points cannot be picked: clicking one leaves the pick alone.
	const testMark = chart(page, DATA).locator('g.points path[data-class="2"]').first();
	const tb = (await testMark.boundingBox())!;
	await page.mouse.click(tb.x + tb.width / 2, tb.y + tb.height / 2);
	await expect(page).toHaveURL(/pick=37/);
});
