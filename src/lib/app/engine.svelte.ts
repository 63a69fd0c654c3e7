import { getContext, setContext } from 'svelte';
import type { BackendChoice, BackendName } from '$lib/ml/core/backendSelect';
import type { DeviceLoss } from '$lib/ml/core/browserBackends';

/** Where the compute engine stands. */
export type EngineStatus = 'starting' | 'ready' | 'recovering' | 'failed';

/** Sent to subscribers: `lost` before recovery starts (dispose models now), `ready` after. */
export type EngineEvent = { type: 'lost'; loss: DeviceLoss } | { type: 'ready'; generation: number };

type Backends = typeof import('$lib/ml/core/browserBackends');

const KEY = Symbol('engine');

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
	/** Training steps per second and frame interval (ms) reported by the running session. */
	perf = $state({ stepsPerSecond: 0, frameMs: 0, active: false });
	/**
	 * Training steps run by playing sessions since the page loaded (a plain counter, not reactive;
	 * read by `npm run bench` through `window.__dlx.engine`). Single steps (Step button) are not counted.
	 */
	stepsRun = 0;

	private backends: Backends | null = null;
	private requested: BackendName | null = null;
	private listeners = new Set<(e: EngineEvent) => void>();
	private readyPromise: Promise<void>;
	private resolveReady!: () => void;
	private memTimer: ReturnType<typeof setInterval> | null = null;
	private perfWindow = { start: 0, steps: 0, frames: 0 };

	constructor() {
		this.readyPromise = new Promise((r) => (this.resolveReady = r));
	}

	/** Loads tfjs and selects a backend (browser only). Safe to call once. */
	async start(requested: BackendName | null, flags?: Record<string, number | boolean>): Promise<void> {
		this.requested = requested;
		try {
			const [backends, wasm] = await Promise.all([
				import('$lib/ml/core/browserBackends'),
				import('./wasmAssets')
			]);
			this.backends = backends;
			backends.installBackends({ wasmPaths: wasm.wasmPaths, flags });
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
		this.choice = await this.backends.chooseBackend(this.requested);
		this.generation += 1;
		this.status = 'ready';
		this.pollMemory();
		this.resolveReady();
		this.emit({ type: 'ready', generation: this.generation });
	}

	/** Resolves once a backend is ready. */
	ready(): Promise<void> {
		return this.readyPromise;
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
