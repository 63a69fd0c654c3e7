import type { Engine } from '$lib/app/engine.svelte';
import type { DigitSet } from '$lib/ml/data/mnist';
import type { DigitCnnConfig, DigitCnnStats } from '$lib/ml/models/digitCnn';
import type { TrainingSession } from '$lib/runtime/session.svelte';
import type { SessionSurface } from '$lib/runtime/sessionSurface';
import type { WorkerBackend } from './cnnProtocol';
import { CnnWorkerSession, type WorkerPort } from './cnnWorkerSession.svelte';

/** Where L10's model trains: in a background worker, or on the page's main thread. */
export type TrainerPlace = 'worker' | 'page';

/** Longest wait for the worker to start tfjs and take the digits, ms. */
export const WORKER_INIT_TIMEOUT_MS = 10_000;

/** The backends whose steps are long synchronous tasks: their model goes to the worker. */
const WORKER_BACKENDS: ReadonlySet<string> = new Set<WorkerBackend>(['wasm', 'cpu']);

/** Thrown by the page model's `create` when the worker takes the model instead (never shown). */
export class WorkerHandOff extends Error {
	constructor() {
		super('the model is built in the training worker');
		this.name = 'WorkerHandOff';
	}
}

/** How CnnRun plugs its models into the session. */
export interface CnnSessionOptions {
	engine: Engine;
	/** the digits handed to the worker (copied) */
	digits: () => { train: DigitSet; val: DigitSet } | null;
	config: () => DigitCnnConfig;
	onStats: (stats: DigitCnnStats, step: number) => void;
	onReset?: () => void;
	/** starts a worker; default: the module worker cnnWorker.ts; null: always train on the page */
	createPort?: (() => WorkerPort) | null;
	/** frame scheduling of the worker session's engine reports (default requestAnimationFrame) */
	frames?: { schedule: (cb: () => void) => number; cancel: (id: number) => void; now: () => number };
}

/** The module worker, bundled by Vite from cnnWorker.ts. */
function startWorker(): WorkerPort {
	const worker = new Worker(new URL('./cnnWorker.ts', import.meta.url), { type: 'module' });
	return worker as unknown as WorkerPort;
}

/** The WASM binaries as absolute URLs on the page's own origin (a worker resolves against its own URL). */
async function absoluteWasmPaths(): Promise<Record<string, string>> {
	const { wasmPaths } = await import('$lib/app/wasmAssets');
	return Object.fromEntries(Object.entries(wasmPaths).map(([name, url]) => [name, new URL(url, location.href).href]));
}

/**
 * L10's training session: the page's TrainingSession, or a CnnWorkerSession when the backend in
 * use as the model is first built is a synchronous one (WASM, CPU). The page session's `create`
 * asks `claim()` right before building (after the engine is ready and any backend change); when the
 * worker takes the model, the page session is dropped. If the worker cannot start (constructor
 * throws, error event, error or no answer to init), training stays on the page and `fallback` says
 * why. Play and single steps asked for before the choice are run once it is made.
 */
export class CnnSession implements SessionSurface {
	/** where the model trains, once chosen */
	place = $state<TrainerPlace | null>(null);
	/** the backend of the chosen place ('wasm' in the worker, or the page's backend) */
	backend = $state<string | null>(null);
	/** why the worker could not start, or null */
	fallback = $state<string | null>(null);
	/** the worker session, when the worker is in use */
	worker = $state.raw<CnnWorkerSession | null>(null);
	/** longest wait for the worker's answer to init, ms (tests shorten it) */
	initTimeoutMs = WORKER_INIT_TIMEOUT_MS;

	private inner = $state.raw<SessionSurface | null>(null);
	private spf = $state(1);
	private handOff = false;
	private starting: Promise<void> | null = null;
	private playWhenReady = false;
	private stepsWhenReady = 0;
	private destroyed = false;
	/** A worker started early, while the backends are measured (see prewarm). */
	private warmPort: WorkerPort | null = null;

	constructor(
		private readonly page: TrainingSession<DigitCnnStats>,
		private readonly opts: CnnSessionOptions
	) {}

	get status() {
		return this.inner?.status ?? 'idle';
	}
	get step(): number {
		return this.inner?.step ?? 0;
	}
	get error(): string | null {
		return this.inner?.error ?? null;
	}
	get ready(): boolean {
		return this.inner?.ready ?? false;
	}
	get stepsPerFrame(): number {
		return this.spf;
	}
	set stepsPerFrame(v: number) {
		this.spf = v;
		if (this.inner) this.inner.stepsPerFrame = v;
	}

	/**
	 * Asked by the page model's `create` right before it builds: true (once, for the first build)
	 * when the backend in use is WASM or CPU and a worker may be tried; `create` then throws WorkerHandOff.
	 */
	claim(): boolean {
		if (this.place !== null || this.handOff || this.opts.createPort === null) return false;
		const backend = this.opts.engine.choice?.backend;
		if (!backend || !WORKER_BACKENDS.has(backend)) return false;
		this.handOff = true;
		return true;
	}

	/** Builds the first model (page or worker) once the engine is ready; later calls share the first. */
	start(): Promise<void> {
		this.starting ??= this.begin();
		return this.starting;
	}

	private async begin(): Promise<void> {
		await this.opts.engine.ready();
		if (this.destroyed) return;
		this.prewarm();
		await this.page.start();
		if (this.destroyed) return;
		if (this.handOff && (await this.startWorker())) return this.settle();
		this.warmPort?.terminate();
		this.warmPort = null;
		if (this.handOff) this.page.reset();
		this.place = 'page';
		this.backend = this.opts.engine.choice?.backend ?? null;
		this.inner = this.page;
		this.settle();
	}

	/**
	 * Starts the worker before the backend measurement ends, unless the engine runs on a hardware GPU
	 * (where L10 normally stays on the page): loading its code and tfjs then overlaps the
	 * measurement (about 0.5 s of L10's cold start on a 2-core machine). Unused, it is terminated.
	 */
	private prewarm(): void {
		if (this.opts.createPort === null || this.warmPort) return;
		const c = this.opts.engine.choice;
		if (c?.backend === 'webgpu' && c.adapter && !c.adapter.software) return;
		if (typeof Worker === 'undefined' && this.opts.createPort === undefined) return;
		try {
			this.warmPort = (this.opts.createPort ?? startWorker)();
		} catch {
			this.warmPort = null;
		}
	}

	/** Starts the worker on the page's backend; false (with `fallback` set) when it cannot. */
	private async startWorker(): Promise<boolean> {
		const backend = this.opts.engine.choice?.backend as WorkerBackend;
		const digits = this.opts.digits();
		let session: CnnWorkerSession | null = null;
		try {
			if (!digits) throw new Error('the digits are not loaded');
			if (typeof Worker === 'undefined' && this.opts.createPort === undefined) throw new Error('this browser has no Web Workers');
			const port = this.warmPort ?? (this.opts.createPort ?? startWorker)();
			this.warmPort = null;
			session = new CnnWorkerSession({ engine: this.opts.engine, port, config: this.opts.config, onStats: this.opts.onStats, onReset: this.opts.onReset, ...this.opts.frames });
			session.stepsPerFrame = this.spf;
			const wasmPaths = backend === 'wasm' ? await absoluteWasmPaths() : undefined;
			await session.init(backend, wasmPaths, digits.train, digits.val, this.initTimeoutMs);
		} catch (e) {
			session?.destroy();
			this.fallback = e instanceof Error ? e.message : String(e);
			return false;
		}
		if (this.destroyed) {
			session.destroy();
			return true;
		}
		this.page.destroy();
		this.place = 'worker';
		this.backend = session.backend;
		this.worker = session;
		this.inner = session;
		await session.start();
		return true;
	}

	/** Hands the speed and what was asked for before the choice to the chosen session. */
	private settle(): void {
		const inner = this.inner;
		if (!inner || this.destroyed) return;
		inner.stepsPerFrame = this.spf;
		for (; this.stepsWhenReady > 0; this.stepsWhenReady--) inner.stepOnce();
		if (this.playWhenReady) inner.play();
		this.playWhenReady = false;
	}

	play(): void {
		if (this.inner) this.inner.play();
		else this.playWhenReady = !this.destroyed;
	}
	pause(): void {
		this.playWhenReady = false;
		this.inner?.pause();
	}
	toggle(): void {
		if (this.inner) this.inner.toggle();
		else this.playWhenReady = !this.playWhenReady && !this.destroyed;
	}
	stepOnce(): void {
		if (this.inner) this.inner.stepOnce();
		else if (!this.destroyed) this.stepsWhenReady += 1;
	}
	reset(): void {
		this.inner?.reset();
	}
	rebuild(): void {
		this.inner?.rebuild();
	}
	configure(patch: Record<string, number | string | boolean>): void {
		this.inner?.configure(patch);
	}

	/** Stops training and frees the model (and ends the worker). */
	destroy(): void {
		this.destroyed = true;
		this.page.destroy();
		this.worker?.destroy();
		this.warmPort?.terminate();
		this.warmPort = null;
	}
}
