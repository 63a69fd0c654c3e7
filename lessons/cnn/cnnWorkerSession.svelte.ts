import type { Engine } from '$lib/app/engine.svelte';
import type { DigitSet } from '$lib/ml/data/mnist';
import type { DigitCnnConfig, DigitCnnEvaluation, DigitCnnStats } from '$lib/ml/models/digitCnn';
import type { LayerMaps } from '$lib/ml/probe/featureMaps';
import { FIRST_STEP_MARK, type SessionStatus } from '$lib/runtime/session.svelte';
import type { SessionSurface } from '$lib/runtime/sessionSurface';
import { transferables, type FromWorker, type ToWorker, type WireDigits, type WorkerBackend } from './cnnProtocol';

/** The end of a message channel to the training worker (a Worker, or a test's in-process host). */
export interface WorkerPort {
	postMessage(msg: ToWorker, transfer: Transferable[]): void;
	onmessage: ((e: { data: FromWorker }) => void) | null;
	onerror: ((e: { message?: string }) => void) | null;
	terminate(): void;
}

/** How L10 plugs the worker into a session. */
export interface WorkerSessionOptions {
	/** the engine's status-bar figures (steps per frame, frame time) and step counter */
	engine: Pick<Engine, 'reportFrame'> & Partial<Pick<Engine, 'reportWorkerTensors'>>;
	port: WorkerPort;
	/** the model settings of the next build */
	config: () => DigitCnnConfig;
	/** each stats message of the current model, with its step */
	onStats: (stats: DigitCnnStats, step: number) => void;
	/** after a reset or rebuild, before the new model's first stats */
	onReset?: () => void;
	schedule?: (cb: () => void) => number;
	cancel?: (id: number) => void;
	now?: () => number;
}

/** Feature maps (null without an input) and filters (null when not asked) of one model. */
export interface WorkerProbe {
	maps: LayerMaps[] | null;
	filters: { conv1: LayerMaps; conv2: LayerMaps } | null;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** A copy of a digit set whose buffers can be transferred (the page's copy stays usable). */
const wire = (d: DigitSet): WireDigits => ({ count: d.count, rows: d.rows, cols: d.cols, labels: d.labels.slice(), images: d.images.slice() });

/**
 * L10's training session when the model lives in a worker: the same surface as TrainingSession
 * (status, step, play, pause, step once, reset, rebuild, configure, 'diverged' on a non-finite or
 * diverged read-back), plus the worker's probes and validation passes as promises. Each build
 * starts a new epoch; stats and answers of an older epoch are dropped (pending requests resolve
 * with null). While training runs, an animation-frame loop reports the worker's steps to the engine;
 * while the page is hidden, the worker's loop is held.
 */
export class CnnWorkerSession implements SessionSurface {
	status = $state<SessionStatus>('idle');
	step = $state(0);
	error = $state<string | null>(null);
	/** live tensors in the worker (from its latest stats) */
	tensors = $state(0);
	/** the backend tfjs runs on in the worker, once it is ready */
	backend = $state<string | null>(null);

	private spf = $state(1);
	private built = false;
	private epoch = 0;
	private nextId = 1;
	private pending = new Map<number, Pending>();
	private playWhenReady = false;
	private stepsWhenReady = 0;
	private frameId: number | null = null;
	private lastFrameAt = 0;
	private lastFrameMs = 0;
	private unreported = 0;
	private firstStepMarked = false;
	private destroyed = false;
	/** the worker failed after init: nothing more will be answered */
	private dead = false;
	private initWaiter: Pending | null = null;
	private readonly o: Required<Omit<WorkerSessionOptions, 'onReset'>> & Pick<WorkerSessionOptions, 'onReset'>;

	constructor(options: WorkerSessionOptions) {
		this.o = {
			schedule: (cb) => requestAnimationFrame(cb),
			cancel: (id) => cancelAnimationFrame(id),
			now: () => performance.now(),
			...options
		};
		this.o.port.onmessage = (e) => this.receive(e.data);
		this.o.port.onerror = (e) => this.crashed(e.message || 'the training worker failed');
		if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisibility);
	}

	/**
	 * A hidden page holds the worker's loop and a visible one resumes it, status unchanged: as on
	 * the page, where animation frames (and so training) stop in a background tab.
	 */
	private onVisibility = (): void => {
		if (this.status !== 'running' || this.destroyed) return;
		this.post({ type: document.hidden ? 'pause' : 'play', epoch: this.epoch });
	};

	/**
	 * Starts tfjs in the worker and hands it copies of the digits; rejects when the worker reports
	 * an error, fails, or does not answer within `timeoutMs`.
	 */
	init(backend: WorkerBackend, wasmPaths: Record<string, string> | undefined, train: DigitSet, val: DigitSet, timeoutMs: number): Promise<void> {
		return new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => fail(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
			const fail = (e: Error) => {
				clearTimeout(timer);
				this.initWaiter = null;
				reject(e);
			};
			this.initWaiter = {
				resolve: () => {
					clearTimeout(timer);
					this.initWaiter = null;
					resolve();
				},
				reject: fail
			};
			try {
				this.post({ type: 'init', backend, wasmPaths, train: wire(train), val: wire(val) });
			} catch (e) {
				fail(e instanceof Error ? e : new Error(String(e)));
			}
		});
	}

	/** True once the first build was sent (the worker handles messages in order). */
	get ready(): boolean {
		return this.built;
	}

	/** Steps per animation frame: the worker runs at most this many steps per 1/60 s. */
	get stepsPerFrame(): number {
		return this.spf;
	}
	set stepsPerFrame(v: number) {
		if (v === this.spf) return;
		this.spf = v;
		if (this.built) this.post({ type: 'configure', epoch: this.epoch, patch: { spf: v } });
	}

	/** Builds the first model (after init), then runs what was asked for meanwhile. */
	async start(): Promise<void> {
		if (this.destroyed || this.built) return;
		this.built = true;
		this.build();
		this.post({ type: 'configure', epoch: this.epoch, patch: { spf: this.spf } });
		for (; this.stepsWhenReady > 0; this.stepsWhenReady--) this.stepOnce();
		if (this.playWhenReady) this.play();
		this.playWhenReady = false;
	}

	private build(): void {
		if (this.dead) {
			this.status = 'error';
			return;
		}
		this.epoch += 1;
		this.dropPending();
		this.step = 0;
		this.error = null;
		this.unreported = 0;
		this.post({ type: 'build', epoch: this.epoch, config: this.o.config() });
		this.o.onReset?.();
		if (this.status !== 'running') this.status = 'idle';
	}

	/** Starts continuous training (as soon as the model exists). */
	play(): void {
		if (!this.built) {
			this.playWhenReady = !this.destroyed;
			return;
		}
		if (this.status === 'diverged' || this.status === 'recovering' || this.status === 'error') return;
		this.status = 'running';
		if (typeof document === 'undefined' || !document.hidden) this.post({ type: 'play', epoch: this.epoch });
		this.lastFrameAt = this.o.now();
		if (this.frameId === null) this.frameId = this.o.schedule(this.frame);
	}

	/** Pauses continuous training (the worker stops after the step in progress). */
	pause(): void {
		this.playWhenReady = false;
		if (this.status === 'running') this.status = 'paused';
		this.stopLoop();
		if (this.built) this.post({ type: 'pause', epoch: this.epoch });
	}

	/** Play/pause toggle (space bar). */
	toggle(): void {
		if (this.status === 'running') this.pause();
		else this.play();
	}

	/** Runs exactly one step (pausing first); queued until the model exists. */
	stepOnce(): void {
		if (!this.built) {
			if (!this.destroyed) this.stepsWhenReady += 1;
			return;
		}
		if (this.status === 'diverged' || this.status === 'recovering' || this.status === 'error') return;
		this.pause();
		if (this.status === 'idle') this.status = 'paused';
		this.post({ type: 'step', epoch: this.epoch });
	}

	/** Throws the model away and builds a fresh one from the current settings; stops training. */
	reset(): void {
		if (!this.built) return;
		this.pause();
		this.status = 'idle';
		this.build();
	}

	/** Rebuilds with new settings, keeping the session running if it was. */
	rebuild(): void {
		if (!this.built) return;
		const wasRunning = this.status === 'running';
		this.stopLoop();
		if (this.status === 'diverged' || this.status === 'error') this.status = 'idle';
		this.build();
		if (wasRunning) this.play();
	}

	/** Live settings of the current model (`lr`, `batch`; the model ignores bad values). */
	configure(patch: Record<string, number | string | boolean>): void {
		if (this.built) this.post({ type: 'configure', epoch: this.epoch, patch });
	}

	/** Feature maps of `image` (784 floats; copied) and, if asked, the filters; null if the model changed. */
	probe(image: Float32Array | null, filters: boolean): Promise<WorkerProbe | null> {
		return this.request<WorkerProbe>((id) => ({ type: 'probe', epoch: this.epoch, id, image: image ? image.slice() : null, filters }));
	}

	/** A validation pass of the current model with the step it was made at; null if the model changed. */
	evaluate(): Promise<{ step: number; result: DigitCnnEvaluation } | null> {
		return this.request((id) => ({ type: 'evaluate', epoch: this.epoch, id }));
	}

	/** Stops training, frees the model and ends the worker. */
	destroy(): void {
		if (this.destroyed) return;
		this.destroyed = true;
		this.o.engine.reportWorkerTensors?.(this, null);
		if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisibility);
		this.stopLoop();
		this.epoch += 1;
		this.dropPending();
		try {
			this.post({ type: 'dispose' });
		} finally {
			this.o.port.onmessage = null;
			this.o.port.onerror = null;
			this.o.port.terminate();
		}
	}

	private request<T>(make: (id: number) => ToWorker): Promise<T | null> {
		if (!this.built || this.destroyed) return Promise.resolve(null);
		const id = this.nextId++;
		return new Promise<T | null>((resolve, reject) => {
			this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.post(make(id));
		});
	}

	private dropPending(): void {
		for (const p of this.pending.values()) p.resolve(null);
		this.pending.clear();
	}

	private post(msg: ToWorker): void {
		this.o.port.postMessage(msg, transferables(msg));
	}

	private receive(msg: FromWorker): void {
		if (this.destroyed) return;
		switch (msg.type) {
			case 'ready':
				this.backend = msg.backend;
				this.initWaiter?.resolve(undefined);
				return;
			case 'stats':
				if (msg.epoch === this.epoch) this.onStats(msg);
				return;
			case 'probe':
				return this.answer(msg.id, msg.epoch, { maps: msg.maps, filters: msg.filters });
			case 'evaluation':
				// The first pass of a model uploads the validation digits: the count grows once.
				if (msg.epoch === this.epoch) this.setTensors(msg.tensors);
				return this.answer(msg.id, msg.epoch, { step: msg.step, result: msg.result });
			case 'error':
				return this.onError(msg);
		}
	}

	private setTensors(n: number): void {
		this.tensors = n;
		this.o.engine.reportWorkerTensors?.(this, n);
	}

	private answer(id: number, epoch: number, value: unknown): void {
		const p = this.pending.get(id);
		if (!p) return;
		this.pending.delete(id);
		p.resolve(epoch === this.epoch ? value : null);
	}

	private onStats(msg: Extract<FromWorker, { type: 'stats' }>): void {
		const { stats, step } = msg;
		this.step = step;
		this.setTensors(msg.tensors);
		this.unreported += msg.played;
		if (!Number.isFinite(stats.loss) || stats.diverged) {
			this.status = 'diverged';
			this.stopLoop();
		}
		// Steps that finished after a pause still count as played (the bench reads the total).
		if (this.status !== 'running' && this.unreported > 0) {
			this.o.engine.reportFrame(this.unreported, this.lastFrameMs);
			this.unreported = 0;
		}
		this.o.onStats(stats, step);
		if (step > 0 && !this.firstStepMarked) this.markFirstStep();
	}

	private onError(msg: Extract<FromWorker, { type: 'error' }>): void {
		if (msg.id !== undefined) {
			const p = this.pending.get(msg.id);
			this.pending.delete(msg.id);
			p?.reject(new Error(msg.message));
			return;
		}
		if (this.initWaiter && msg.request === 'init') {
			this.initWaiter.reject(new Error(msg.message));
			return;
		}
		if (msg.epoch === undefined || msg.epoch === this.epoch) this.fail(msg.message);
	}

	private crashed(message: string): void {
		if (this.initWaiter) {
			this.initWaiter.reject(new Error(message));
			return;
		}
		this.dead = true;
		this.epoch += 1;
		this.dropPending();
		this.fail(message);
	}

	private fail(message: string): void {
		this.error = message;
		this.status = 'error';
		this.stopLoop();
	}

	private stopLoop(): void {
		if (this.frameId !== null) this.o.cancel(this.frameId);
		this.frameId = null;
	}

	/** One animation frame while training runs: reports the steps the worker finished since the last one. */
	private frame = (): void => {
		this.frameId = null;
		if (this.status !== 'running') return;
		const now = this.o.now();
		this.lastFrameMs = now - this.lastFrameAt;
		this.lastFrameAt = now;
		this.o.engine.reportFrame(this.unreported, this.lastFrameMs);
		this.unreported = 0;
		this.frameId = this.o.schedule(this.frame);
	};

	/** Marks the frame that draws the first trained step (see FIRST_STEP_MARK). */
	private markFirstStep(): void {
		this.firstStepMarked = true;
		const mark = () => performance.mark(FIRST_STEP_MARK);
		if (typeof requestAnimationFrame === 'function') requestAnimationFrame(mark);
		else mark();
	}
}
