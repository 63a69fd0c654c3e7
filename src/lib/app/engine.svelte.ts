import { getContext, setContext } from 'svelte';
import { FALLBACK_ORDER, type BackendChoice, type BackendName } from '$lib/ml/core/backendSelect';
import { measureBackends, parseCachedDecision, trainerProbe, type TuneDecision } from '$lib/ml/core/backendTune';
import type { DeviceLoss } from '$lib/ml/core/browserBackends';
import type { Trainer } from '$lib/ml/train/trainer';

/** Where the compute engine stands. */
export type EngineStatus = 'starting' | 'ready' | 'recovering' | 'failed';

/** Sent to subscribers: `lost` before recovery starts (dispose models now), `ready` after. */
export type EngineEvent = { type: 'lost'; loss: DeviceLoss } | { type: 'ready'; generation: number };

type Backends = typeof import('$lib/ml/core/browserBackends');

const KEY = Symbol('engine');

/** Where a lesson's measured backend choice is kept for the rest of the browser session. */
const CACHE_PREFIX = 'dlx:backend:';

/** Options of `Engine.start`. */
export interface EngineStartOptions {
	/** tfjs environment flags (test hooks) */
	flags?: Record<string, number | boolean>;
	/**
	 * measure backends on each lesson's model (default true; e2e tests turn it off to stay on
	 * WebGPU); 'all' also measures a software WebGPU adapter (a test hook: normally it is skipped)
	 */
	tune?: boolean | 'all';
}

function readCache(key: string): string | null {
	try {
		return sessionStorage.getItem(CACHE_PREFIX + key);
	} catch {
		return null;
	}
}

function writeCache(key: string, value: string): void {
	try {
		sessionStorage.setItem(CACHE_PREFIX + key, value);
	} catch {
		/* storage may be full or blocked: the choice is then made again next time */
	}
}

/**
 * The app's tfjs engine: picks a backend (WebGPU, WebGL, WASM, CPU, or the one forced with
 * `?backend=`), keeps why, watches for GPU device loss and recovers, and collects the live
 * figures the status bar shows. One per app, shared through context.
 */
export class Engine {
	status = $state<EngineStatus>('starting');
	choice = $state.raw<BackendChoice | null>(null);
	/** Increments each time a backend becomes ready; models built on an older one are invalid. */
	generation = $state(0);
	/** The last device loss, shown to the user until dismissed. */
	lastLoss = $state.raw<DeviceLoss | null>(null);
	error = $state<string | null>(null);
	/** Uncaptured GPU errors so far (each is also logged with console.error). */
	gpuErrors = $state(0);
	memory = $state({ numTensors: 0, numBytes: 0, gpuBytes: null as number | null });
	/** Live tensors in training workers (reported by the sessions that run them), shown beside `memory`. */
	workerTensors = $state(0);
	private workerCounts = new Map<object, number>();
	/** Training steps per second and frame interval (ms) reported by the running session. */
	perf = $state({ stepsPerSecond: 0, frameMs: 0, active: false });
	/**
	 * Training steps run by playing sessions since the page loaded (a plain counter, not reactive;
	 * read by `npm run bench` through `window.__dlx.engine`). Single steps (Step button) are not counted.
	 */
	stepsRun = 0;
	/** The key of the lesson whose model is being measured, or null. */
	tuning = $state<string | null>(null);

	private backends: Backends | null = null;
	/** The default selection (order and fallbacks), before any lesson's measurement. */
	private base: BackendChoice | null = null;
	private autoTune: boolean | 'all' = true;
	/** The measured choice in effect (re-applied after a device loss). */
	private current: { key: string; decision: TuneDecision } | null = null;
	private tuneJobs = new Map<string, Promise<void>>();
	private requested: BackendName | null = null;
	private listeners = new Set<(e: EngineEvent) => void>();
	private readyPromise: Promise<void>;
	private resolveReady!: () => void;
	private memTimer: ReturnType<typeof setInterval> | null = null;
	private perfWindow = { start: 0, steps: 0, frames: 0 };

	constructor() {
		mark('dlx:engine-created');
		this.readyPromise = new Promise((r) => (this.resolveReady = r));
	}

	/** Loads tfjs and selects a backend (browser only). Safe to call once. */
	async start(requested: BackendName | null, options: EngineStartOptions = {}): Promise<void> {
		const flags = options.flags;
		this.requested = requested;
		this.autoTune = options.tune ?? true;
		try {
			const [backends, wasm] = await Promise.all([
				import('$lib/ml/core/browserBackends'),
				import('./wasmAssets')
			]);
			this.backends = backends;
			// Measuring backends tries WASM first: start it beside the first choice when we will measure.
			backends.installBackends({ wasmPaths: wasm.wasmPaths, flags, prewarmWasm: requested === null && this.autoTune !== false });
			backends.onDeviceLost((loss) => void this.recover(loss));
			backends.onGpuError((message) => {
				this.gpuErrors += 1;
				if (this.gpuErrors <= 5) console.error(`WebGPU error: ${message}`);
			});
			await this.select();
			this.memTimer = setInterval(() => this.pollMemory(), 500);
		} catch (e) {
			this.status = 'failed';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	private async select(): Promise<void> {
		if (!this.backends) return;
		const kept = this.choice?.tuned?.kept ?? false;
		// Measuring would take WASM at once on a software adapter: then do not start WebGPU at all.
		this.base = await this.backends.chooseBackend(this.requested, { skipSoftwareGpu: this.requested === null && this.autoTune === true });
		this.choice = this.base;
		if (this.current && this.current.decision.backend !== this.base.backend && (await this.backends.activateBackend(this.current.decision.backend))) {
			this.applyTune(this.current.key, this.current.decision, true, kept);
		}
		this.generation += 1;
		this.status = 'ready';
		if (this.generation === 1) mark('dlx:engine-ready');
		this.pollMemory();
		this.resolveReady();
		this.emit({ type: 'ready', generation: this.generation });
	}

	/** Resolves once a backend is ready. */
	ready(): Promise<void> {
		return this.readyPromise;
	}

	/**
	 * Makes the fastest backend for a lesson's model the active one (call before building the model):
	 * measures the available backends on models from `create` within 300 ms, once per lesson per
	 * browser session (then cached in sessionStorage). Does nothing when a backend was forced with
	 * `?backend=` or measuring is off. Concurrent calls for the same key share one measurement.
	 */
	async tune(key: string, create: () => Trainer): Promise<void> {
		await this.ready();
		if (!this.backends || !this.autoTune || this.requested || this.status !== 'ready') return;
		const pending = this.tuneJobs.get(key);
		if (pending) return pending;
		const job = this.runTune(key, create).finally(() => this.tuneJobs.delete(key));
		this.tuneJobs.set(key, job);
		return job;
	}

	private async runTune(key: string, create: () => Trainer): Promise<void> {
		const b = this.backends;
		const base = this.base;
		if (!b || !base) return;
		const cached = parseCachedDecision(readCache(key), FALLBACK_ORDER);
		if (cached && (await b.activateBackend(cached.backend))) {
			this.applyTune(key, cached, true);
			return;
		}
		const adapter = b.currentAdapter();
		const softwareGpu = (base.reason === 'software-gpu' || (base.backend === 'webgpu' && !!adapter?.software)) && this.autoTune !== 'all';
		const candidates = tuneCandidates(base, softwareGpu);
		if (softwareGpu && candidates.length === 1) {
			// Nothing to compare: take it at once, and spare the CPU a software GPU's shader builds.
			const decision: TuneDecision = { backend: candidates[0], reason: 'software-gpu', measurements: [], totalMs: 0 };
			if (await b.activateBackend(decision.backend)) {
				writeCache(key, JSON.stringify(decision));
				this.applyTune(key, decision, false);
			}
			return;
		}
		this.tuning = key;
		try {
			const decision = await measureBackends(
				candidates,
				{
					activate: (name) => b.activateBackend(name),
					build: () => trainerProbe(create()),
					now: () => performance.now(),
					sleep: (ms) => new Promise((r) => setTimeout(r, ms))
				},
				{ hardwareGpu: base.backend === 'webgpu' && adapter && !adapter.software ? 'webgpu' : null }
			);
			if (this.status !== 'ready') return;
			if (!(await b.activateBackend(decision.backend))) {
				await this.fallBack(base);
				return;
			}
			writeCache(key, JSON.stringify(decision));
			this.applyTune(key, decision, false);
		} catch {
			await this.fallBack(base);
		} finally {
			this.tuning = null;
		}
	}

	/**
	 * The lesson's backend could not be measured or started: back to the default backend, and the
	 * choice says so (an earlier lesson's measured choice no longer holds, nor is it re-applied).
	 */
	private async fallBack(base: BackendChoice): Promise<void> {
		await this.backends?.activateBackend(base.backend);
		this.current = null;
		this.choice = base;
	}

	private applyTune(key: string, decision: TuneDecision, cached: boolean, kept = false): void {
		const base = this.base;
		if (!base) return;
		this.current = { key, decision };
		this.choice = { ...base, backend: decision.backend, reason: 'measured', tuned: { key, decision, cached, ...(kept ? { kept } : {}) } };
		this.pollMemory();
		if (!cached) mark('dlx:backend-chosen');
	}

	/**
	 * The page is left for another one. A backend measured on the page's lesson stays in effect (a
	 * page that trains nothing, like L09, never measures), but from now on the choice says it was
	 * kept from an earlier lesson until the next lesson measures its own.
	 */
	leavePage(): void {
		const c = this.choice;
		if (c?.reason !== 'measured' || !c.tuned || c.tuned.kept) return;
		this.choice = { ...c, tuned: { ...c.tuned, kept: true } };
	}

	/** Subscribes to engine events; returns the unsubscribe function. */
	subscribe(listener: (e: EngineEvent) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private emit(e: EngineEvent): void {
		for (const l of [...this.listeners]) l(e);
	}

	/** Handles a lost GPU device: models dispose, a fresh backend is chosen, models rebuild. */
	private async recover(loss: DeviceLoss): Promise<void> {
		if (!this.backends || this.status === 'recovering') return;
		if (this.backends.activeBackend() !== 'webgpu') {
			// A measured lesson moved off WebGPU: nothing of ours lived on the lost device.
			this.backends.resetWebGpu();
			return;
		}
		this.status = 'recovering';
		this.lastLoss = loss;
		this.emit({ type: 'lost', loss });
		this.backends.resetWebGpu();
		try {
			await this.select();
		} catch (e) {
			this.status = 'failed';
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Test hook: simulates a GPU device loss. Returns false when no GPU device is in use. */
	loseDeviceForTest(): boolean {
		return this.backends?.destroyDeviceForTest() ?? false;
	}

	/** Dismisses the device-loss notice. */
	dismissLoss(): void {
		this.lastLoss = null;
	}

	private pollMemory(): void {
		if (!this.backends || this.status !== 'ready') return;
		this.memory = this.backends.memoryInfo();
		const now = performance.now();
		if (now - this.perfWindow.start > 1500) this.perf = { stepsPerSecond: 0, frameMs: 0, active: false };
	}

	/**
	 * A worker-backed session reports its worker's live tensor count (null when the worker is gone),
	 * so the status bar counts every tensor of the tab.
	 */
	reportWorkerTensors(owner: object, count: number | null): void {
		if (count === null) this.workerCounts.delete(owner);
		else this.workerCounts.set(owner, count);
		let sum = 0;
		for (const n of this.workerCounts.values()) sum += n;
		if (sum !== this.workerTensors) this.workerTensors = sum;
	}

	/** Called by a running session once per animation frame. */
	reportFrame(steps: number, frameMs: number): void {
		const now = performance.now();
		const w = this.perfWindow;
		this.stepsRun += steps;
		if (!this.perf.active || now - w.start > 1500) {
			w.start = now;
			w.steps = 0;
			w.frames = 0;
		}
		w.steps += steps;
		w.frames += 1;
		const elapsed = now - w.start;
		if (elapsed >= 500) {
			this.perf = { stepsPerSecond: (w.steps * 1000) / elapsed, frameMs, active: true };
			w.start = now;
			w.steps = 0;
			w.frames = 0;
		} else if (!this.perf.active) {
			this.perf = { stepsPerSecond: 0, frameMs, active: true };
		}
	}

	/** Stops polling (app teardown). */
	destroy(): void {
		if (this.memTimer) clearInterval(this.memTimer);
		this.backends?.onDeviceLost(null);
		this.backends?.onGpuError(null);
	}
}

/**
 * The backends worth measuring, in measuring order: WASM first (no shader compilation, and a slow
 * GPU backend's abandoned warm-up would otherwise compete with it for the CPU), then one GPU
 * backend: WebGPU, or WebGL when WebGPU failed. WebGL is not measured beside WebGPU: both drive the
 * same GPU, and WebGL compiles its shaders synchronously, blocking the page for as long as that
 * takes (1.7 s for L01 on SwiftShader), which no time budget can cut short. CPU only when WASM
 * failed (the same arithmetic in plain JavaScript was slower than WASM on every lesson we measured).
 * With `softwareGpu` (WebGPU runs on a software adapter such as SwiftShader, which emulates the GPU
 * on the CPU) no GPU backend is measured: such an adapter was 60-800x slower than WASM on every
 * lesson's model (bench/README.md), and its abandoned warm-up kept the CPU busy for seconds.
 */
export function tuneCandidates(base: Pick<BackendChoice, 'attempts'>, softwareGpu = false): BackendName[] {
	const failed = new Set(base.attempts.filter((a) => !a.ok).map((a) => a.backend));
	const list: BackendName[] = [];
	if (!failed.has('wasm')) list.push('wasm');
	if (softwareGpu && list.length > 0) return list;
	if (!failed.has('webgpu')) list.push('webgpu');
	else if (!failed.has('webgl')) list.push('webgl');
	if (failed.has('wasm') && !failed.has('cpu')) list.push('cpu');
	return list;
}

/** Makes the engine available to descendants. */
export function setEngine(engine: Engine): Engine {
	return setContext(KEY, engine);
}

/** The app's engine. */
export function useEngine(): Engine {
	const engine = getContext<Engine | undefined>(KEY);
	if (!engine) throw new Error('useEngine() outside the app layout');
	return engine;
}

/** A `performance.mark` for the cold-start timeline `npm run bench` reads (no-op where unavailable). */
function mark(name: string): void {
	if (typeof window === 'undefined') return;
	try {
		performance.mark(name);
	} catch {
		/* marks are diagnostics only */
	}
}
