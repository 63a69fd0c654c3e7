import type { Tensor } from '@tensorflow/tfjs-core';
import type { Engine } from '$lib/app/engine.svelte';
import type { StepStats, Trainer } from '$lib/ml/train/trainer';

/**
 * Name of the `performance.mark` a session sets in the animation frame after its first trained
 * step (step >= 1) was read back and handed to the charts (once per session; used by `npm run bench`
 * for the cold-start time).
 */
export const FIRST_STEP_MARK = 'dlx:first-step-drawn';

/** The least main-thread time per frame the adaptive budget leaves to training, ms. */
export const MIN_BUDGET_MS = 2;

/**
 * The next frame budget from the last frame: a frame that came late (more than a quarter over the
 * shortest interval seen, i.e. the display's refresh) cuts the budget by a quarter, down to
 * MIN_BUDGET_MS; an on-time frame gives back 0.25 ms, up to `max`. So training takes what the
 * charts and the browser leave of a frame instead of pushing every frame past the refresh.
 */
export function adaptBudget(budget: number, frameMs: number, refreshMs: number, max: number): number {
	if (!(frameMs > 0) || !Number.isFinite(refreshMs)) return budget;
	if (frameMs > refreshMs * 1.25) return Math.max(MIN_BUDGET_MS, budget * 0.75);
	return Math.min(max, budget + 0.25);
}

let channel: MessageChannel | null = null;
const posted: (() => void)[] = [];

/**
 * Runs `cb` as a task of its own as soon as the browser is free: after the frame being drawn, when
 * posted from an animation frame (a MessageChannel message; setTimeout 0 where there is none).
 */
export function postTask(cb: () => void): void {
	if (typeof MessageChannel === 'undefined') {
		setTimeout(cb, 0);
		return;
	}
	if (!channel) {
		channel = new MessageChannel();
		channel.port1.onmessage = () => posted.shift()?.();
	}
	posted.push(cb);
	channel.port2.postMessage(null);
}

/** Where a training session stands. */
export type SessionStatus = 'idle' | 'running' | 'paused' | 'diverged' | 'recovering' | 'error';

/** How a lesson plugs its model into a session. */
export interface SessionOptions<S extends StepStats> {
	engine: Engine;
	/** Builds a fresh trainer from the lesson's current settings. */
	create: () => Trainer<S>;
	/** Receives each read-back (at most one per frame) with the step it belongs to. */
	onStats: (stats: S, step: number) => void;
	/**
	 * Lets the engine measure the backends on this lesson's model before the first build: `key`
	 * names the lesson (the choice is cached under it), `create` builds a throw-away model from the
	 * current settings without side effects on the lesson.
	 */
	tune?: { key: string; create: () => Trainer<StepStats> };
	/** Called after a reset or rebuild, before the first new step (clear histories here). */
	onReset?: () => void;
	/**
	 * Most main-thread time per frame spent on training steps, ms (default 8). The session lowers it
	 * while frames come late (see adaptBudget) and raises it back when they are on time.
	 */
	budgetMs?: number;
	/**
	 * Least time between two read-backs while playing, ms (default 50: the charts redraw at most
	 * 20 times a second, however many frames train). Single steps and pauses always read back.
	 */
	recordEveryMs?: number;
	/**
	 * Runs a frame's training steps as a task of their own, after the frame is drawn; read-backs
	 * that land then reach `onStats` at the start of the next frame. So a frame's task holds the
	 * chart updates and the paint, and the training is another task: neither alone comes near the
	 * 50 ms of a long task, which together they sometimes did (a WASM step of L02 now and then takes
	 * 30-40 ms). Defaults to a MessageChannel task in the browser; null (the default when
	 * `schedule` is injected, as in tests) trains inside the frame and hands read-backs over at once.
	 */
	defer?: ((cb: () => void) => void) | null;
	/** Injected scheduler (tests); defaults to requestAnimationFrame. */
	schedule?: (cb: () => void) => number;
	cancel?: (id: number) => void;
	now?: () => number;
}

/**
 * Runs a trainer frame by frame: play, pause, step, reset, speed and seed live here; steps run
 * inside a per-frame time budget; at most one asynchronous read-back is in flight, and no new
 * steps are queued while it is (back-pressure: the GPU queue never grows past one frame's work).
 * A non-finite loss stops the run as 'diverged'. On GPU device loss the model is disposed and
 * rebuilt on the new backend, and a running session resumes.
 */
export class TrainingSession<S extends StepStats> {
	status = $state<SessionStatus>('idle');
	/**
	 * Steps taken, as shown: while playing it moves with the read-backs (at most every
	 * recordEveryMs), so a frame that only trains changes nothing on the page and costs no
	 * repaint; exact after a pause, a single step or a reset.
	 */
	step = $state(0);
	/** Steps taken, counted on every step. */
	private taken = 0;
	stepsPerFrame = $state(1);
	error = $state<string | null>(null);

	private trainer: Trainer<S> | null = null;
	private frameId: number | null = null;
	private readPending = false;
	/** Mean wall time of one step (ms, moving average; 0 until the first step of a model). */
	private stepMs = 0;
	private epoch = 0;
	private lastFrameAt = 0;
	/** The frame budget in force (adapted; at most opts.budgetMs). */
	private budgetMs = 8;
	/**
	 * The display's refresh interval, ms: 60 Hz until a shorter interval is seen (a faster display).
	 * Not simply the shortest seen: on a busy machine every frame may be late from the start.
	 */
	private refreshMs = 1000 / 60;
	/** True when the previous frame ran steps (so the interval since then says something). */
	private lastFrameTrained = false;
	/** When the last read-back while playing was started (opts.now() time). */
	private lastRecordAt = -Infinity;
	/** The step the charts last received (to read back the final state on pause). */
	private recordedStep = 0;
	/** A pause came while a read-back was in flight: read back the final state once it lands. */
	private finalWanted = false;
	private resumeAfterRecovery = false;
	private playWhenReady = false;
	/**
	 * The user asked for continuous training and has not paused, reset or diverged since. Survives a
	 * failed read-back, which a GPU device loss causes just before the loss itself is reported.
	 */
	private wantsToRun = false;
	private stepsWhenReady = 0;
	private unsubscribe: () => void;
	private destroyed = false;
	private firstStepMarked = false;
	/** Read-backs that landed between frames, handed to onStats at the next frame (see `defer`). */
	private pending: { epoch: number; deliver: () => void }[] = [];
	/** Bumped whenever the loop stops, so a training task posted before that does nothing. */
	private trainToken = 0;
	/** Steps trained in split-off tasks since the last frame reported them to the engine. */
	private unreported = 0;
	private readonly opts: Required<Omit<SessionOptions<S>, 'onReset' | 'tune'>> & Pick<SessionOptions<S>, 'onReset' | 'tune'>;

	constructor(options: SessionOptions<S>) {
		this.opts = {
			budgetMs: 8,
			recordEveryMs: 50,
			schedule: (cb) => requestAnimationFrame(cb),
			cancel: (id) => cancelAnimationFrame(id),
			now: () => performance.now(),
			defer: options.schedule ? null : postTask,
			...options
		};
		this.budgetMs = this.opts.budgetMs;
		this.unsubscribe = this.opts.engine.subscribe((e) => {
			if (e.type === 'lost') this.onDeviceLost();
			else this.onBackendReady();
		});
	}

	/** Builds the first model once the engine is ready (and, with `tune`, the lesson's backend measured). */
	async start(): Promise<void> {
		await this.opts.engine.ready();
		if (this.destroyed || this.trainer) return;
		if (this.opts.tune) await this.opts.engine.tune(this.opts.tune.key, this.opts.tune.create);
		if (this.destroyed || this.trainer) return;
		this.build();
		const play = this.playWhenReady;
		this.playWhenReady = false;
		for (; this.stepsWhenReady > 0; this.stepsWhenReady--) this.stepOnce();
		if (play) this.play();
	}

	/** True once a model exists. */
	get ready(): boolean {
		return this.trainer !== null;
	}

	private build(): void {
		this.disposeTrainer();
		this.epoch += 1;
		this.readPending = false;
		this.finalWanted = false;
		this.lastRecordAt = -Infinity;
		this.recordedStep = 0;
		this.stepMs = 0;
		this.taken = 0;
		this.step = 0;
		this.error = null;
		try {
			this.trainer = this.opts.create();
		} catch (e) {
			this.fail(e);
			return;
		}
		this.opts.onReset?.();
		if (this.status !== 'running') this.status = 'idle';
		this.showInitialState();
	}

	/** Reads back the fresh model's stats (step 0) so charts show the starting point at once. */
	private showInitialState(): void {
		if (!this.trainer?.inspect) return;
		try {
			this.readBack(this.trainer.inspect(), 0);
		} catch (e) {
			this.fail(e);
		}
	}

	private fail(e: unknown): void {
		this.error = e instanceof Error ? e.message : String(e);
		this.status = 'error';
		this.stopLoop();
	}

	/** Starts continuous training (as soon as the model exists, if it is still being built). */
	play(): void {
		if (!this.trainer) {
			this.playWhenReady = !this.destroyed;
			return;
		}
		if (this.status === 'diverged' || this.status === 'recovering') return;
		this.status = 'running';
		this.wantsToRun = true;
		this.lastFrameAt = this.opts.now();
		this.lastFrameTrained = false;
		if (this.frameId === null) this.frameId = this.opts.schedule(this.frame);
	}

	/** Pauses continuous training; the charts then get the state at the last step taken. */
	pause(): void {
		const wasRunning = this.status === 'running';
		this.halt();
		if (wasRunning) this.showFinalState();
	}

	private halt(): void {
		this.deliverPending();
		this.step = this.taken;
		this.playWhenReady = false;
		this.wantsToRun = false;
		if (this.status === 'running') this.status = 'paused';
		this.stopLoop();
	}

	/** Reads back the current state when steps were taken since the last read-back (on pause). */
	private showFinalState(): void {
		if (!this.trainer?.inspect || this.taken === this.recordedStep) return;
		if (this.readPending) {
			this.finalWanted = true;
			return;
		}
		try {
			this.readBack(this.trainer.inspect(), this.taken);
		} catch (e) {
			this.fail(e);
		}
	}

	/** Play/pause toggle (space bar). */
	toggle(): void {
		if (this.status === 'running') this.pause();
		else this.play();
	}

	/** Runs exactly one step (pausing first) and reads it back; queued while the model is built. */
	stepOnce(): void {
		if (!this.trainer) {
			if (!this.destroyed) this.stepsWhenReady += 1;
			return;
		}
		if (this.status === 'diverged' || this.status === 'recovering') return;
		this.halt();
		if (this.status === 'idle') this.status = 'paused';
		this.runSteps(1, true);
	}

	/** Throws the model away and builds a fresh one from the current settings; stops training. */
	reset(): void {
		this.wantsToRun = false;
		this.stopLoop();
		this.status = 'idle';
		this.build();
	}

	/** Rebuilds with new settings, keeping the session running if it was. */
	rebuild(): void {
		const wasRunning = this.status === 'running';
		this.stopLoop();
		if (this.status === 'diverged' || this.status === 'error') this.status = 'idle';
		this.build();
		if (wasRunning) this.play();
	}

	/** Applies settings that need no rebuild (e.g. learning rate). */
	configure(patch: Record<string, number | string | boolean>): void {
		this.trainer?.configure?.(patch);
	}

	private stopLoop(): void {
		if (this.frameId !== null) this.opts.cancel(this.frameId);
		this.frameId = null;
		this.trainToken += 1;
	}

	/** Hands the read-backs that landed since the last frame to onStats (stale ones are dropped). */
	private deliverPending(): void {
		const due = this.pending;
		this.pending = [];
		for (const p of due) if (p.epoch === this.epoch) p.deliver();
	}

	private frame = (): void => {
		this.frameId = null;
		this.deliverPending();
		if (this.status !== 'running' || !this.trainer) return;
		const now = this.opts.now();
		const frameMs = now - this.lastFrameAt;
		this.lastFrameAt = now;
		if (this.lastFrameTrained && frameMs > 4) {
			this.refreshMs = Math.min(this.refreshMs, frameMs);
			this.budgetMs = adaptBudget(this.budgetMs, frameMs, this.refreshMs, this.opts.budgetMs);
		}
		const defer = this.opts.defer;
		if (defer) {
			this.opts.engine.reportFrame(this.unreported, frameMs);
			this.unreported = 0;
			const token = this.trainToken;
			defer(() => {
				if (token === this.trainToken) this.train(frameMs);
			});
		} else this.train(frameMs);
		if (this.status === 'running') this.frameId = this.opts.schedule(this.frame);
	};

	/**
	 * One frame's training steps (inside the frame, or as a task of their own: see `defer`, in which
	 * case nothing reactive changes here: the steps are reported to the engine at the next frame).
	 */
	private train(frameMs: number): void {
		if (this.status !== 'running' || !this.trainer) return;
		const steps = this.readPending ? 0 : this.runSteps(this.stepsPerFrame, false);
		this.lastFrameTrained = steps > 0;
		if (this.opts.defer) this.unreported += steps;
		else this.opts.engine.reportFrame(steps, frameMs);
	}

	/** Runs up to `n` steps within the frame budget; the last one is read back. Returns steps run. */
	private runSteps(n: number, force: boolean): number {
		const trainer = this.trainer;
		if (!trainer) return 0;
		const t0 = this.opts.now();
		const record = force || t0 - this.lastRecordAt >= this.opts.recordEveryMs;
		// In a split-off training task the shown step moves when its read-back reaches the charts.
		const split = !force && !!this.opts.defer;
		let done = 0;
		try {
			while (done < n) {
				// The last step of a frame is the recorded one: stop when another step would not fit
				// the budget (judged by the mean step time so far), so a slow model runs one step a frame.
				const elapsed = this.opts.now() - t0;
				const last = done === n - 1 || (!force && elapsed + this.stepMs > this.budgetMs);
				const s0 = this.opts.now();
				const stats = trainer.step(last && record);
				const dt = this.opts.now() - s0;
				this.stepMs = this.stepMs === 0 ? dt : 0.8 * this.stepMs + 0.2 * dt;
				done += 1;
				this.taken += 1;
				if (last) {
					if (stats) {
						if (!force) this.lastRecordAt = t0;
						this.readBack(stats, this.taken, split);
					}
					break;
				}
			}
		} catch (e) {
			this.fail(e);
		}
		if (force || (!split && this.recordedStep === this.taken)) this.step = this.taken;
		return done;
	}

	/** Reads `stats` back for `step`; with `setsStep`, handing it to the charts also shows that step. */
	private readBack(stats: Tensor, step: number, setsStep = false): void {
		const epoch = this.epoch;
		this.readPending = true;
		this.recordedStep = step;
		stats
			.data()
			.then((values) => {
				if (epoch !== this.epoch || !this.trainer) return;
				const decoded = this.trainer.decode(values as Float32Array);
				if (!Number.isFinite(decoded.loss) || decoded.diverged) {
					this.status = 'diverged';
					this.wantsToRun = false;
					this.stopLoop();
				}
				const deliver = () => {
					if (setsStep) this.step = step;
					this.opts.onStats(decoded, step);
					if (step > 0 && !this.firstStepMarked) this.markFirstStep();
				};
				// While playing with split frames, the charts get it in the next frame's task (the
				// first trained step at once: it starts the lesson).
				if (this.opts.defer && this.frameId !== null && this.firstStepMarked) this.pending.push({ epoch, deliver });
				else deliver();
			})
			.catch((e) => {
				if (epoch === this.epoch) this.fail(e);
			})
			.finally(() => {
				try {
					stats.dispose();
				} catch {
					/* the backend that held it may be gone */
				}
				if (epoch !== this.epoch) return;
				this.readPending = false;
				if (this.finalWanted && this.status !== 'running') {
					this.finalWanted = false;
					this.showFinalState();
				}
			});
	}

	/** Marks the frame that draws the first trained step (see FIRST_STEP_MARK). */
	private markFirstStep(): void {
		this.firstStepMarked = true;
		const mark = () => performance.mark(FIRST_STEP_MARK);
		if (typeof requestAnimationFrame === 'function') requestAnimationFrame(mark);
		else mark();
	}

	private onDeviceLost(): void {
		this.resumeAfterRecovery = this.wantsToRun;
		this.stopLoop();
		this.epoch += 1;
		this.disposeTrainer();
		this.status = 'recovering';
	}

	private onBackendReady(): void {
		if (this.status !== 'recovering' || this.destroyed) return;
		this.status = 'idle';
		this.build();
		if (this.resumeAfterRecovery) this.play();
	}

	private disposeTrainer(): void {
		try {
			this.trainer?.dispose();
		} catch {
			/* tensors of a lost device may fail to free; they are gone with it */
		}
		this.trainer = null;
	}

	/** Stops everything and frees the model (leaving the lesson). */
	destroy(): void {
		this.destroyed = true;
		this.stopLoop();
		this.epoch += 1;
		this.unsubscribe();
		this.disposeTrainer();
	}
}
