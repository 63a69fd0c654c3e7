import type { Tensor } from '@tensorflow/tfjs-core';
import type { Engine } from '$lib/app/engine.svelte';
import type { StepStats, Trainer } from '$lib/ml/train/trainer';

/**
 * Name of the `performance.mark` a session sets in the animation frame after its first trained
 * step (step >= 1) was read back and handed to the charts (once per session; used by `npm run bench`
 * for the cold-start time).
 */
export const FIRST_STEP_MARK = 'dlx:first-step-drawn';

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
	/** Main-thread time per frame spent on training steps, ms (default 8). */
	budgetMs?: number;
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
	step = $state(0);
	stepsPerFrame = $state(1);
	error = $state<string | null>(null);

	private trainer: Trainer<S> | null = null;
	private frameId: number | null = null;
	private readPending = false;
	/** Mean wall time of one step (ms, moving average; 0 until the first step of a model). */
	private stepMs = 0;
	private epoch = 0;
	private lastFrameAt = 0;
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
	private readonly opts: Required<Omit<SessionOptions<S>, 'onReset' | 'tune'>> & Pick<SessionOptions<S>, 'onReset' | 'tune'>;

	constructor(options: SessionOptions<S>) {
		this.opts = {
			budgetMs: 8,
			schedule: (cb) => requestAnimationFrame(cb),
			cancel: (id) => cancelAnimationFrame(id),
			now: () => performance.now(),
			...options
		};
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
		this.stepMs = 0;
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
		if (this.frameId === null) this.frameId = this.opts.schedule(this.frame);
	}

	/** Pauses continuous training. */
	pause(): void {
		this.playWhenReady = false;
		this.wantsToRun = false;
		if (this.status === 'running') this.status = 'paused';
		this.stopLoop();
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
		this.pause();
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
	}

	private frame = (): void => {
		this.frameId = null;
		if (this.status !== 'running' || !this.trainer) return;
		const now = this.opts.now();
		const frameMs = now - this.lastFrameAt;
		this.lastFrameAt = now;
		const steps = this.readPending ? 0 : this.runSteps(this.stepsPerFrame, false);
		this.opts.engine.reportFrame(steps, frameMs);
		if (this.status === 'running') this.frameId = this.opts.schedule(this.frame);
	};

	/** Runs up to `n` steps within the frame budget; the last one is read back. Returns steps run. */
	private runSteps(n: number, force: boolean): number {
		const trainer = this.trainer;
		if (!trainer) return 0;
		const t0 = this.opts.now();
		let done = 0;
		try {
			while (done < n) {
				// The last step of a frame is the recorded one: stop when another step would not fit
				// the budget (judged by the mean step time so far), so a slow model runs one step a frame.
				const elapsed = this.opts.now() - t0;
				const last = done === n - 1 || (!force && elapsed + this.stepMs > this.opts.budgetMs);
				const s0 = this.opts.now();
				const stats = trainer.step(last);
				const dt = this.opts.now() - s0;
				this.stepMs = this.stepMs === 0 ? dt : 0.8 * this.stepMs + 0.2 * dt;
				done += 1;
				this.step += 1;
				if (last) {
					if (stats) this.readBack(stats, this.step);
					break;
				}
			}
		} catch (e) {
			this.fail(e);
		}
		return done;
	}

	private readBack(stats: Tensor, step: number): void {
		const epoch = this.epoch;
		this.readPending = true;
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
				this.opts.onStats(decoded, step);
				if (step > 0 && !this.firstStepMarked) this.markFirstStep();
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
				if (epoch === this.epoch) this.readPending = false;
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
