import { backendOf, expect, open, test } from '../e2e/fixtures';
import { heapAfterGc, liveTensors, mb, settledTensors, SOAK_LESSONS, visit } from './classroom';

/** Rounds through every lesson (a classroom hour, compressed). */
const ROUNDS = Math.max(2, Number(process.env.SOAK_ROUNDS ?? 20));
/** The backend the lessons train on (`?backend=`; WASM by default, the fastest on software GPUs). */
const BACKEND = process.env.SOAK_BACKEND ?? 'wasm';
/** JS heap growth allowed from the end of round 1 to the end of the last round (20 rounds on WASM: 1.1 MB). */
const HEAP_BOUND = 16 * 1024 ** 2;

/** Prints a line of the soak's figures to the terminal. */
const report = (line: string) => process.stdout.write(`${line}\n`);

test(`soak: ${ROUNDS} rounds through every built lesson in one page`, async ({ page }) => {
	test.setTimeout(ROUNDS * 6 * 60_000);
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.enable');
	await open(page, `/?backend=${BACKEND}`);
	expect(await backendOf(page)).toBe(BACKEND);
	const start = await heapAfterGc(cdp);
	let baseline = { page: 0, worker: 0 };
	let heap0 = 0;
	const heaps: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		for (const lesson of SOAK_LESSONS) await visit(page, lesson, round);
		await expect(page.getByTestId('status-tensors').locator('[data-worker-value]')).toHaveCount(0, { timeout: 10_000 });
		const heap = await heapAfterGc(cdp);
		heaps.push(heap);
		if (round === 0) {
			baseline = await settledTensors(page);
			heap0 = heap;
		} else {
			await expect.poll(() => liveTensors(page), { timeout: 60_000 }).toEqual(baseline);
		}
		report(`round ${round + 1}/${ROUNDS}: tensors ${JSON.stringify(await liveTensors(page))}, JS heap ${mb(heap)}`);
	}
	const growth = heaps[heaps.length - 1] - heap0;
	report(
		`soak on ${BACKEND}: ${ROUNDS} rounds x ${SOAK_LESSONS.length} lessons; tensors at the end ${JSON.stringify(await liveTensors(page))} ` +
			`(baseline after round 1 ${JSON.stringify(baseline)}); JS heap at start ${mb(start)}, after round 1 ${mb(heap0)}, ` +
			`at the end ${mb(heaps[heaps.length - 1])}, growth ${mb(growth)} (${((growth / (ROUNDS - 1)) / 1024).toFixed(0)} KB per round)`
	);
	expect(growth).toBeLessThan(HEAP_BOUND);
});
