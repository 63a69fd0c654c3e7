// In-page instrumentation, installed before any page script runs (page.addInitScript). It must be
// self-contained: Playwright sends the function's source to the page. It adds `window.__bench`:
// long tasks (PerformanceObserver 'longtask', from page start), a requestAnimationFrame loop for
// frame intervals, and a one-shot probe that times a slider input until the chart it drives has
// changed and the next frame has begun; the time the app marked itself hydrated; and a watcher that
// pauses training at an exact step count (for the memory samples).

/**
 * @typedef {object} SliderTiming
 * @property {number} inputDelayMs keydown's time stamp (when the browser received the key) to the
 *   slider's input event being dispatched: how long the input waited for the main thread
 * @property {number} domMs keydown to the first change of the chart's DOM after the input event
 * @property {number} redrawMs keydown to the start of the next animation frame after that change
 *   (the frame that paints it)
 */

/** Installs `window.__bench` (runs in the page). */
export function installProbe() {
	/** @type {{ start: number, duration: number }[]} */
	const longTasks = [];
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {
		// no long-task support: the figures stay empty
	}
	/** @type {number[] | null} */
	let frames = null;
	/** @type {Promise<SliderTiming | null> | null} */
	let pending = null;
	/** @type {Promise<number> | null} */
	let paused = null;
	/** @type {number | null} */
	let hydratedAt = null;
	/** @type {object | null} */
	let keeper = null;
	const hydration = new MutationObserver(() => {
		if (document.documentElement?.hasAttribute('data-hydrated')) {
			hydratedAt = performance.now();
			hydration.disconnect();
		}
	});
	hydration.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-hydrated'] });
	/** Training steps run so far (the app's engine counter). */
	const stepsRun = () => /** @type {any} */ (window).__dlx?.engine?.stepsRun ?? 0;

	const bench = {
		longTasks,
		/** When `html[data-hydrated]` appeared (ms since navigation), or null. */
		hydratedAt: () => hydratedAt,
		/** Starts recording frame intervals (ms between consecutive rAF time stamps). */
		startFrames() {
			const mine = /** @type {number[]} */ ([]);
			frames = mine;
			let last = -1;
			/** @param {number} t */
			const loop = (t) => {
				if (frames !== mine) return;
				if (last >= 0) mine.push(t - last);
				last = t;
				requestAnimationFrame(loop);
			};
			requestAnimationFrame(loop);
		},
		/** Stops recording; returns the intervals. */
		stopFrames() {
			const f = frames ?? [];
			frames = null;
			return f;
		},
		/**
		 * Arms the slider probe: the next keydown on `input`, its input event, and the first mutation of
		 * `target` after that input event. `window.__bench.sliderResult()` then resolves with the timing,
		 * or null after `timeoutMs`.
		 * @param {Element} input
		 * @param {Element} target
		 * @param {number} timeoutMs
		 */
		armSlider(input, target, timeoutMs) {
			/** @type {number | null} */
			let tKey = null;
			/** @type {number | null} */
			let tInput = null;
			/** @type {(v: SliderTiming | null) => void} */
			let done = () => {};
			pending = new Promise((resolve) => (done = resolve));
			/** @param {Event} e */
			const onKey = (e) => {
				if (e.target === input && tKey === null) tKey = e.timeStamp;
			};
			/** @param {Event} e */
			const onInput = (e) => {
				if (e.target === input && tInput === null) tInput = performance.now();
			};
			const cleanup = () => {
				document.removeEventListener('keydown', onKey, true);
				document.removeEventListener('input', onInput, true);
				observer.disconnect();
				clearTimeout(timer);
			};
			const observer = new MutationObserver(() => {
				if (tInput === null || tKey === null) return;
				const key = tKey;
				const inputAt = tInput;
				const domAt = performance.now();
				cleanup();
				requestAnimationFrame(() => {
					const frameAt = performance.now();
					done({ inputDelayMs: inputAt - key, domMs: domAt - key, redrawMs: frameAt - key });
				});
			});
			const timer = setTimeout(() => {
				cleanup();
				done(null);
			}, timeoutMs);
			document.addEventListener('keydown', onKey, true);
			document.addEventListener('input', onInput, true);
			observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
		},
		/** The armed probe's timing (null when it timed out or was never armed). */
		sliderResult() {
			return pending ?? Promise.resolve(null);
		},
		/**
		 * Keeps training running (pressing Play inside `bar` whenever its status is not running) until
		 * `steps` steps have run or `timeoutMs` passed, then presses Pause in the same frame.
		 * `window.__bench.pausedAt()` resolves with the step count then.
		 * @param {number} steps
		 * @param {Element} bar the PlayBar element
		 * @param {number} timeoutMs
		 */
		pauseAt(steps, bar, timeoutMs) {
			const play = /** @type {HTMLButtonElement | null} */ (bar.querySelector('[data-testid=playbar-play]'));
			const status = bar.querySelector('[data-testid=playbar-status]');
			const running = () => status?.classList.contains('status-running') ?? false;
			const end = performance.now() + timeoutMs;
			let nextCheck = 0;
			paused = new Promise((resolve) => {
				const loop = () => {
					const n = stepsRun();
					const now = performance.now();
					if (n >= steps || now > end) {
						if (running()) play?.click();
						resolve(n);
						return;
					}
					if (now > nextCheck && !running() && !play?.disabled) {
						play?.click();
						nextCheck = now + 250;
					}
					requestAnimationFrame(loop);
				};
				requestAnimationFrame(loop);
			});
		},
		/**
		 * Keeps training going from inside the page: every frame, presses Play inside `bar` when its
		 * status is not running (a lesson that pauses itself, e.g. once converged, resumes within a
		 * frame). Stops at diverged or error, or on stopKeepRunning().
		 * @param {Element} bar the PlayBar element
		 */
		keepRunning(bar) {
			const play = /** @type {HTMLButtonElement | null} */ (bar.querySelector('[data-testid=playbar-play]'));
			const status = bar.querySelector('[data-testid=playbar-status]');
			const token = {};
			keeper = token;
			let nextClick = 0;
			const loop = () => {
				if (keeper !== token || !status || !play) return;
				const cls = status.classList;
				if (cls.contains('status-diverged') || cls.contains('status-error')) return;
				const now = performance.now();
				if (!cls.contains('status-running') && !play.disabled && now > nextClick) {
					play.click();
					nextClick = now + 100;
				}
				requestAnimationFrame(loop);
			};
			requestAnimationFrame(loop);
		},
		/** Ends keepRunning's loop. */
		stopKeepRunning() {
			keeper = null;
		},
		/** The step count at which pauseAt paused (null when it was never armed). */
		pausedAt() {
			return paused ?? Promise.resolve(null);
		}
	};
	/** @type {Window & { __bench?: typeof bench }} */ (window).__bench = bench;
}
