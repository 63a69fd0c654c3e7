// One run of one bench case (a lesson on a forced backend) in a fresh browser: cold start and
// transfers, the memory sample after a few steps, the throughput window (steps/s, frame times, long
// tasks), slider-to-redraw timings while training, and the memory sample after many steps.
import { chromium } from '@playwright/test';
import { caseUrl } from '../lessons.mjs';
import { installProbe } from './probe.mjs';
import { median, percentile } from './stats.mjs';
import { recordTransfers } from './transfer.mjs';

/** Browser flags: playwright.config.ts's BASE_ARGS plus WebGPU (keep the two in step). */
export const BROWSER_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage',
	'--enable-unsafe-webgpu'
];

/** tfjs flags the app reads from `window.__DLX_FLAGS__` (as GPU_FLAGS in tests/e2e/fixtures.ts). */
export const GPU_FLAGS = { WEBGPU_CPU_FORWARD: false, WEBGPU_CONV_SEPARATE_IM2COL_SHADER: true };

/** Name of the mark the app sets when a session's first trained step is drawn (FIRST_STEP_MARK). */
const FIRST_STEP_MARK = 'dlx:first-step-drawn';

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @typedef {object} CaseContext
 * @property {import('../lessons.mjs').BenchLesson} lesson
 * @property {string} backend the backend forced with ?backend=
 * @property {boolean} memory take the two memory samples in this case
 * @property {import('./config.mjs').BenchConfig} config
 * @property {string} baseUrl e.g. http://localhost:4194
 * @property {string} chromiumPath
 * @property {string} buildDir absolute path of the served build
 * @property {(line: string) => void} log
 */

/**
 * Runs one case once: the main measurement, then (for memory backends) the memory run in a fresh
 * context. Never throws: failures come back as { ok: false, error }.
 * @param {CaseContext} ctx
 * @returns {Promise<Record<string, unknown>>}
 */
export async function measureCase(ctx) {
	const browser = await chromium.launch({ executablePath: ctx.chromiumPath, args: BROWSER_ARGS, headless: true });
	try {
		const main = await mainRun(browser, ctx);
		const memory = main.ok && ctx.memory ? await memoryRun(browser, ctx) : null;
		return { ...main, memory, browser: browser.version() };
	} catch (e) {
		return { ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
	} finally {
		await browser.close().catch(() => {});
	}
}

/**
 * Opens the case's page in a fresh context (cold cache) with the probe and the transfer recorder,
 * and waits for hydration; then presses Play (unless the lesson starts by itself), or, when
 * `start` is given, leaves starting to it (e.g. a watcher that presses Play itself).
 * @param {import('@playwright/test').Browser} browser
 * @param {CaseContext} ctx
 * @param {(bar: import('@playwright/test').Locator) => Promise<void>} [start]
 */
async function openCase(browser, ctx, start) {
	const { lesson, config } = ctx;
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
	context.setDefaultTimeout(60_000);
	const page = await context.newPage();
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	await page.addInitScript((flags) => {
		/** @type {Window & { __DLX_FLAGS__?: unknown }} */ (window).__DLX_FLAGS__ = flags;
	}, GPU_FLAGS);
	await page.addInitScript(installProbe);
	const cdp = await context.newCDPSession(page);
	const transfers = await recordTransfers(cdp, ctx.buildDir);
	const bar = page.locator(lesson.playbar ?? '[data-testid=playbar]').first();
	const play = bar.getByTestId('playbar-play');
	await page.goto(`${ctx.baseUrl}${caseUrl(lesson, ctx.backend)}`, { waitUntil: 'commit' });
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: config.coldTimeoutS * 1000 });
	if (start) await start(bar);
	else if (!lesson.autoplay) await play.click();
	// `auto` waits for the lesson's measured choice; a forced backend for the one selected at start.
	const choice = await waitFor(
		page,
		'the backend',
		(auto) => {
			const c = /** @type {any} */ (window).__dlx?.engine?.choice ?? null;
			return c && (!auto || c.reason === 'measured') ? c : null;
		},
		config.coldTimeoutS,
		ctx.backend === 'auto'
	);
	const steps = () => page.evaluate(() => /** @type {number} */ (/** @type {any} */ (window).__dlx.engine.stepsRun));
	return { context, page, cdp, transfers, bar, play, status: bar.getByTestId('playbar-status'), choice, errors, steps };
}

/**
 * Cold start and transfers, then steps/s, frame times and long tasks over the window, then the
 * slider timings, all while training at full speed.
 * @param {import('@playwright/test').Browser} browser
 * @param {CaseContext} ctx
 * @returns {Promise<Record<string, unknown>>}
 */
async function mainRun(browser, ctx) {
	const { config } = ctx;
	const { context, page, transfers, bar, status, choice, errors, steps } = await openCase(browser, ctx);
	if (ctx.backend !== 'auto' && choice.backend !== ctx.backend) {
		await context.close();
		return { ok: false, unavailable: true, error: `${ctx.backend} unavailable (got ${choice.backend}, ${choice.reason})` };
	}
	const coldStartMs = await waitFor(
		page,
		'the first trained step drawn',
		(mark) => performance.getEntriesByName(/** @type {string} */ (mark))[0]?.startTime ?? null,
		config.coldTimeoutS,
		FIRST_STEP_MARK
	).catch(async (e) => {
		const state = await status.getAttribute('class').catch(() => null);
		throw new Error(`${e instanceof Error ? e.message : e} (PlayBar ${state ?? 'not found'}, ${errors.length} console errors: ${errors[0] ?? ''})`);
	});
	const hydratedMs = await page.evaluate(() => /** @type {number | null} */ (/** @type {any} */ (window).__bench.hydratedAt()));
	await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
	const transfer = await transfers.snapshot();

	// From here on the page itself presses Play whenever the run has paused itself (probe.keepRunning).
	await bar.evaluate((el) => /** @type {any} */ (window).__bench.keepRunning(el));
	const checkTraining = async () => {
		const cls = (await status.getAttribute('class')) ?? '';
		if (/status-(diverged|error)/.test(cls)) throw new Error(`training stopped: ${cls.replace(/.*status-/, '')}`);
	};
	/** Lets the run train for `seconds`, then checks it is still training. */
	const train = async (/** @type {number} */ seconds) => {
		await sleep(seconds * 1000);
		await checkTraining();
	};

	await train(config.warmupS);
	const w0 = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__bench.startFrames();
		return { steps: /** @type {number} */ (w.__dlx.engine.stepsRun), t: performance.now() };
	});
	await train(config.windowS);
	const w1 = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		return { steps: /** @type {number} */ (w.__dlx.engine.stepsRun), t: performance.now(), frames: /** @type {number[]} */ (w.__bench.stopFrames()) };
	});
	/** @type {number[]} */
	const durations = await page.evaluate(
		([from, to]) =>
			/** @type {{ start: number, duration: number }[]} */ (/** @type {any} */ (window).__bench.longTasks)
				.filter((t) => t.start >= from && t.start < to)
				.map((t) => t.duration),
		[w0.t, w1.t]
	);
	const windowMs = w1.t - w0.t;
	const slider = await sliderTimings(page, ctx, checkTraining);
	const totalSteps = await steps();
	await context.close();
	return {
		ok: true,
		backend: choice.backend,
		reason: choice.reason,
		tuned: choice.tuned ? summariseTune(choice.tuned.decision) : null,
		adapter: choice.adapter ? `${choice.adapter.vendor} ${choice.adapter.architecture} ${choice.adapter.description}`.trim() : null,
		softwareAdapter: choice.adapter?.software ?? null,
		hydratedMs,
		coldStartMs,
		transfer: transfer.byKind,
		externalRequests: transfer.external.length,
		stepsPerSecond: ((w1.steps - w0.steps) * 1000) / windowMs,
		windowSteps: w1.steps - w0.steps,
		windowMs,
		frames: w1.frames.length,
		frameP50Ms: percentile(w1.frames, 50),
		frameP95Ms: percentile(w1.frames, 95),
		frameMaxMs: w1.frames.length ? Math.max(...w1.frames) : null,
		longTaskCount: durations.length,
		longTaskMaxMs: durations.length ? Math.max(...durations) : 0,
		longTaskTotalMs: durations.reduce((a, b) => a + b, 0),
		...slider,
		totalSteps,
		consoleErrors: errors.length
	};
}

/**
 * The app's measured choice in one line, e.g. "wasm (fastest in 301 ms: wasm 0.4, webgpu >98, webgl 21 ms/step)".
 * @param {{ backend: string, reason: string, totalMs: number, measurements: { backend: string, msPerStep: number | null, atLeastMs?: number, error?: string }[] }} d
 */
function summariseTune(d) {
	const figure = (/** @type {typeof d.measurements[number]} */ m) =>
		m.error ? `${m.backend} failed` : m.msPerStep === null ? `${m.backend} >${Math.round(m.atLeastMs ?? 0)}` : `${m.backend} ${m.msPerStep < 10 ? m.msPerStep.toFixed(2) : Math.round(m.msPerStep)}`;
	if (d.measurements.length === 0) return `${d.backend} (${d.reason}, not measured)`;
	return `${d.backend} (${d.reason} in ${Math.round(d.totalMs)} ms: ${d.measurements.map(figure).join(', ')} ms/step)`;
}

/**
 * Live tensors and JS heap (after a forced GC) when paused at `config.memFrom` steps and again at
 * `config.memSteps` (capped by the lesson's memStepCap and by `config.memTimeoutS`), in a fresh page.
 * The page itself keeps training going and pauses at the step count (window.__bench.pauseAt).
 * @param {import('@playwright/test').Browser} browser
 * @param {CaseContext} ctx
 */
async function memoryRun(browser, ctx) {
	const { config, lesson } = ctx;
	const pauseAt = (/** @type {import('@playwright/test').Locator} */ bar, /** @type {number} */ n) =>
		bar.evaluate((el, [steps, ms]) => /** @type {any} */ (window).__bench.pauseAt(steps, el, ms), [n, config.memTimeoutS * 1000]);
	const { context, page, cdp, bar } = await openCase(browser, ctx, (b) => pauseAt(b, config.memFrom));
	await cdp.send('HeapProfiler.enable');
	const sample = async () => {
		const steps = /** @type {number} */ (await page.evaluate(() => /** @type {any} */ (window).__bench.pausedAt()));
		// The engine polls the count every 500 ms and a read-back may still be in flight: wait until
		// two polls agree (at most 5 s). Models trained in a worker report their count in a
		// `data-worker-tensors` attribute (the engine sees only the page's tensors).
		const count = () =>
			page.evaluate(() => {
				const inWorkers = [...document.querySelectorAll('[data-worker-tensors]')].reduce((n, el) => n + (Number(el.getAttribute('data-worker-tensors')) || 0), 0);
				return /** @type {number} */ (/** @type {any} */ (window).__dlx.engine.memory.numTensors) + inWorkers;
			});
		let tensors = await count();
		for (let i = 0; i < 8; i++) {
			await sleep(600);
			const now = await count();
			if (now === tensors && i > 0) break;
			tensors = now;
		}
		await cdp.send('HeapProfiler.collectGarbage');
		const heap = await cdp.send('Runtime.getHeapUsage');
		return { steps, tensors, heapMB: heap.usedSize / 2 ** 20 };
	};
	const from = await sample();
	await pauseAt(bar, Math.min(config.memSteps, lesson.memStepCap));
	const to = await sample();
	await context.close();
	return { from, to };
}

/**
 * Presses the lesson's slider `config.presses` times while training runs, timing each press to the
 * redraw of the chart it drives; medians over the presses.
 * @param {import('@playwright/test').Page} page
 * @param {CaseContext} ctx
 * @param {() => Promise<void>} checkTraining throws when training has stopped (diverged, error)
 */
async function sliderTimings(page, ctx, checkTraining) {
	const { lesson, config } = ctx;
	const input = page.getByTestId(lesson.slider);
	const figure = page.getByRole('figure', { name: lesson.chart, exact: true });
	const keys = lesson.keys ?? ['ArrowRight', 'ArrowLeft'];
	await input.scrollIntoViewIfNeeded();
	/** @type {{ inputDelayMs: number, domMs: number, redrawMs: number }[]} */
	const samples = [];
	let misses = 0;
	for (let i = 0; i < config.presses; i++) {
		await checkTraining();
		await input.focus();
		const inputEl = await input.elementHandle();
		const figEl = await figure.elementHandle();
		await page.evaluate(([el, fig]) => /** @type {any} */ (window).__bench.armSlider(el, fig, 10_000), [inputEl, figEl]);
		await page.keyboard.press(keys[i % 2]);
		const t = await page.evaluate(() => /** @type {any} */ (window).__bench.sliderResult());
		if (t) samples.push(t);
		else misses += 1;
		await sleep(300);
	}
	return {
		sliderPresses: config.presses,
		sliderMisses: misses,
		sliderRedrawMs: median(samples.map((s) => s.redrawMs)),
		sliderDomMs: median(samples.map((s) => s.domMs)),
		sliderInputDelayMs: median(samples.map((s) => s.inputDelayMs)),
		sliderMaxRedrawMs: samples.length ? Math.max(...samples.map((s) => s.redrawMs)) : null
	};
}

/**
 * Polls `fn` in the page until it returns a non-null value.
 * @template T
 * @param {import('@playwright/test').Page} page
 * @param {string} what what is awaited (for the error message)
 * @param {(arg: unknown) => T | null} fn
 * @param {number} seconds
 * @param {unknown} [arg]
 * @returns {Promise<T>}
 */
async function waitFor(page, what, fn, seconds, arg) {
	const end = Date.now() + seconds * 1000;
	for (;;) {
		const v = /** @type {T | null} */ (await page.evaluate(fn, arg));
		if (v !== null && v !== undefined) return v;
		if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
		await sleep(100);
	}
}
