import { expect, open, test } from './fixtures';
import type { Page } from '@playwright/test';

const LESSON = '/lessons/backpropagation';

interface Row {
	kind: string;
	layer: number;
	from: number;
	to: number;
	value: number;
	grad: number;
	next: number;
}

/** The numbers table of step mode, parsed from the page. */
async function traceRows(page: Page): Promise<Row[]> {
	const details = page.getByTestId('trace-table');
	if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
	return details.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => {
			const cell = (c: string) => tr.querySelector(`[data-col="${c}"]`)?.textContent?.trim() ?? '';
			const d = (tr as HTMLElement).dataset;
			return {
				kind: d.kind ?? '',
				layer: Number(d.layer),
				from: Number(d.from || 0),
				to: Number(d.to || 0),
				value: Number(cell('value')),
				grad: cell('grad') === '' ? NaN : Number(cell('grad')),
				next: cell('next') === '' ? NaN : Number(cell('next'))
			};
		})
	);
}

type Act = 'tanh' | 'sigmoid';
const f = (act: Act, z: number) => (act === 'tanh' ? Math.tanh(z) : 1 / (1 + Math.exp(-z)));

/** A float64 network rebuilt from the table: sizes, W[l][i][j], b[l][j], x, y. */
function netFrom(rows: Row[]) {
	const x = rows.filter((r) => r.kind === 'input').map((r) => r.value);
	const y = rows.find((r) => r.kind === 'label')!.value;
	const L = Math.max(...rows.filter((r) => r.kind === 'weight').map((r) => r.layer));
	const sizes = [x.length];
	for (let l = 1; l <= L; l++) sizes.push(Math.max(...rows.filter((r) => r.kind === 'bias' && r.layer === l).map((r) => r.to)));
	const W = sizes.slice(0, -1).map((inn, e) => Array.from({ length: inn }, () => new Array<number>(sizes[e + 1]).fill(0)));
	const b = sizes.slice(1).map((out) => new Array<number>(out).fill(0));
	for (const r of rows) {
		if (r.kind === 'weight') W[r.layer - 1][r.from - 1][r.to - 1] = r.value;
		if (r.kind === 'bias') b[r.layer - 1][r.to - 1] = r.value;
	}
	return { x, y, sizes, W, b };
}
type Net = ReturnType<typeof netFrom>;

/** Forward pass in float64: the output probability and the BCE (nats). */
function lossOf(net: Net, act: Act): { p: number; loss: number } {
	let h = net.x;
	const L = net.W.length;
	let z = 0;
	for (let e = 0; e < L; e++) {
		const out = net.sizes[e + 1].valueOf();
		const zs = Array.from({ length: out }, (_, j) => net.b[e][j] + h.reduce((s, v, i) => s + v * net.W[e][i][j], 0));
		if (e < L - 1) h = zs.map((v) => f(act, v));
		else z = zs[0];
	}
	const loss = Math.max(z, 0) - z * net.y + Math.log1p(Math.exp(-Math.abs(z)));
	return { p: 1 / (1 + Math.exp(-z)), loss };
}

async function nextUntil(page: Page, kind: string, layer?: number): Promise<void> {
	const phase = page.getByTestId('step-phase');
	for (let i = 0; i < 20; i++) {
		const k = await phase.getAttribute('data-kind');
		const text = (await phase.textContent()) ?? '';
		if (k === kind && (layer === undefined || text.includes(`layer ${layer} `))) return;
		await page.getByTestId('step-next').click();
	}
	throw new Error(`phase ${kind} ${layer ?? ''} not reached`);
}

/** The last number of the KaTeX source of the formulas panel. */
async function lastFormulaNumber(page: Page): Promise<number> {
	const tex = await page.getByTestId('step-formulas').locator('annotation').last().textContent();
	const m = (tex ?? '').match(/(-?\d+(?:\.\d+)?)\s*$/);
	return Number(m?.[1]);
}

for (const [name, query, act, lr] of [
	['one hidden layer of 4 tanh units', '', 'tanh', 0.3],
	['three hidden layers of 3, 5 and 2 sigmoid units', '?layers=3&h1=3&h2=5&h3=2&act=sigmoid&pick=17&lr=0.5', 'sigmoid', 0.5]
] as const) {
	test(`step mode (${name}): the gradients shown equal finite differences of the shown weights, and the update applies lr x grad`, async ({ page }) => {
		await open(page, `${LESSON}${query}`);
		const next = page.getByTestId('step-next');
		await expect(next).toBeEnabled({ timeout: 60_000 });
		await page.getByTestId('step-controls').scrollIntoViewIfNeeded();
		const rows0 = await traceRows(page);
		const net = netFrom(rows0);
		const L = net.W.length;
		const ref = lossOf(net, act);

		// Forward: layers light up one by one; at the output the diagram prints y-hat.
		for (let l = 1; l <= L; l++) {
			await nextUntil(page, 'forward', l);
			await expect(page.getByTestId('step-phase')).toContainText(`layer ${l} of ${L}`);
		}
		const out = page.getByTestId('net-values').locator(`text[data-layer="${L}"]`);
		expect(Number(await out.textContent())).toBeCloseTo(ref.p, 3);
		await nextUntil(page, 'loss');
		expect(await lastFormulaNumber(page)).toBeCloseTo(ref.loss, 2);

		// Backward down to layer 1: every gradient in the table against a central difference.
		await nextUntil(page, 'backward', 1);
		const rows = await traceRows(page);
		let checked = 0;
		const h = 1e-5;
		for (const r of rows.filter((r) => r.kind === 'weight' || r.kind === 'bias')) {
			const cell = r.kind === 'weight' ? () => net.W[r.layer - 1][r.from - 1] : () => net.b[r.layer - 1];
			const j = r.to - 1;
			const arr = cell();
			const keep = arr[j];
			arr[j] = keep + h;
			const up = lossOf(net, act).loss;
			arr[j] = keep - h;
			const down = lossOf(net, act).loss;
			arr[j] = keep;
			const fd = (up - down) / (2 * h);
			expect(Math.abs(r.grad - fd), `${r.kind} ${r.layer} ${r.from}->${r.to}: ${r.grad} vs ${fd}`).toBeLessThanOrEqual(1e-3 * Math.abs(fd) + 1e-6);
			checked++;
		}
		expect(checked).toBe(net.sizes.slice(1).reduce((s, out, e) => s + out * (net.sizes[e] + 1), 0));

		// Update: every weight and bias becomes value - lr * gradient (the model's own new values).
		await nextUntil(page, 'update');
		await expect(page.getByTestId('trace-table').locator('tr[data-kind="weight"] [data-col="next"]').first()).not.toBeEmpty();
		const upd = await traceRows(page);
		for (const r of upd.filter((r) => r.kind === 'weight' || r.kind === 'bias')) {
			expect(Math.abs(r.next - (r.value - lr * r.grad)), `${r.kind} ${r.layer} ${r.from}->${r.to}`).toBeLessThanOrEqual(2e-5 + 1e-4 * Math.abs(r.next));
		}

		// The next round starts from the new weights, and this sample's loss went down.
		await expect(next).toBeEnabled();
		await next.click();
		await expect(page.getByTestId('step-phase')).toHaveAttribute('data-kind', 'forward');
		await nextUntil(page, 'loss');
		expect(await lastFormulaNumber(page)).toBeLessThan(ref.loss);
	});
}

test('step mode: Back, Start over, a typed sample and a bad typed sample', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	const phase = page.getByTestId('step-phase');
	await expect(phase).toHaveAttribute('data-kind', 'idle');
	await expect(page.getByTestId('step-back')).toBeDisabled();
	for (let i = 0; i < 3; i++) await page.getByTestId('step-next').click();
	await expect(phase).toHaveAttribute('data-kind', 'loss');
	await page.getByTestId('step-back').click();
	await expect(phase).toHaveAttribute('data-kind', 'forward');
	await page.getByTestId('step-restart').click();
	await expect(phase).toHaveAttribute('data-kind', 'idle');

	const sample = page.getByTestId('step-sample');
	const before = (await sample.textContent()) ?? '';
	const pick = page.getByTestId('step-pick-input');
	await pick.fill('42');
	await pick.press('Enter');
	await expect(sample).toContainText('Sample 42');
	await expect(sample).not.toHaveText(before);
	await expect(page).toHaveURL(/pick=42/);
	await pick.fill('abc');
	await pick.press('Enter');
	await expect(page.getByRole('alert').filter({ hasText: /number/i }).first()).toBeVisible();
	await expect(page).toHaveURL(/pick=42/);
	await pick.fill('100000');
	await pick.press('Enter');
	await expect(sample).toContainText('Sample 199');
	// Playing ends the round and the diagram follows the live weights.
	await page.getByTestId('step-next').click();
	await page.getByTestId('step-play').click();
	await expect(page.getByTestId('step-playing')).toBeVisible();
	await expect(phase).toHaveAttribute('data-kind', 'idle');
	await expect(page.getByTestId('step-play')).toHaveText('Pause');
	await page.getByTestId('step-play').click();
	await expect(page.getByTestId('playbar-status')).toContainText('Paused');
});

test('with ReLU, a hidden unit with a = 0 gets delta = 0 and zero gradients on its incoming edges (self-check 3)', async ({ page }) => {
	await open(page, `${LESSON}?act=relu&layers=1&h1=8&pick=3`);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	const labels = (layer: number) =>
		page
			.getByTestId('net-values')
			.locator(`text[data-layer="${layer}"]`)
			.evaluateAll((ts) => ts.map((t) => ({ unit: Number((t as SVGElement).dataset.unit), v: Number(t.textContent) })));
	await nextUntil(page, 'forward', 1);
	const acts = await labels(1);
	expect(acts.length).toBe(8);
	const off = acts.filter((a) => a.v === 0).map((a) => a.unit);
	expect(off.length, 'some ReLU unit is off for this sample').toBeGreaterThan(0);
	await nextUntil(page, 'backward', 1);
	const deltas = await labels(1);
	for (const u of off) expect(deltas.find((d) => d.unit === u)?.v).toBe(0);
	const rows = await traceRows(page);
	for (const r of rows.filter((r) => r.kind === 'weight' && r.layer === 1 && off.includes(r.to - 1))) expect(r.grad).toBe(0);
	for (const r of rows.filter((r) => r.kind === 'bias' && r.layer === 1 && off.includes(r.to - 1))) expect(r.grad).toBe(0);
});

test('every self-check question sets up its controls', async ({ page }) => {
	await open(page, LESSON);
	await expect(page.getByTestId('step-next')).toBeEnabled({ timeout: 60_000 });
	const expected: RegExp[][] = [
		[/data=xor/, /layers=0/, /lr=1(&|$)/, /batch=200/],
		[/data=xor/, /layers=1/, /h1=4/, /act=tanh/],
		[/act=relu/, /h1=8/],
		[/data=moons/, /lr=0\.1(&|$)/],
		[/batch=1(&|$)/]
	];
	for (const [q, patterns] of expected.entries()) {
		await page.getByTestId(`self-check-q${q}-setup`).click();
		for (const p of patterns) await expect(page).toHaveURL(p);
	}
	await expect(page.getByTestId('pg-batch')).toContainText('200 steps per epoch');
});
