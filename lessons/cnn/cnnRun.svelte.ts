import type { Engine } from '$lib/app/engine.svelte';
import { loadDigits } from '$lib/app/data/digits';
import type { DigitSet } from '$lib/ml/data/mnist';
import { createDigitCnn, type DigitCnnConfig, type DigitCnnModel, type DigitCnnStats } from '$lib/ml/models/digitCnn';
import { probeFeatureMaps, probeFilters, type LayerMaps } from '$lib/ml/probe/featureMaps';
import { Series } from '$lib/runtime/series.svelte';
import { TrainingSession } from '$lib/runtime/session.svelte';
import { CnnSession, WorkerHandOff } from './cnnSession.svelte';
import type { WorkerPort } from './cnnWorkerSession.svelte';
import { EVAL_EVERY } from './meta';

/** One validation pass of the model at a training step. */
export interface Evaluation {
	step: number;
	accuracy: number;
	loss: number;
	/** counts [truth][prediction], 10 x 10 */
	confusion: number[][];
	/** predicted class of each validation digit */
	predicted: Uint8Array;
}

/** The conv filters as plain arrays (HWIO). */
export interface Filters {
	conv1: LayerMaps;
	conv2: LayerMaps;
}

/** Least time between two feature-map read-outs while training runs, ms. */
const PROBE_MS_TRAINING = 250;

/** Frame scheduling of the read-outs (tests inject their own; default requestAnimationFrame). */
export interface FrameClock {
	schedule: (cb: () => void) => number;
	cancel: (id: number) => void;
	now: () => number;
}

const browserClock: FrameClock = {
	schedule: (cb) => requestAnimationFrame(cb),
	cancel: (id) => cancelAnimationFrame(id),
	now: () => performance.now()
};

/**
 * L10's live state: the MNIST digits, the training session of the digit CNN, its curves (training
 * batches and validation passes), the latest validation pass with its confusion matrix, and the
 * feature maps and filters of the current input, read through the probes at most once per
 * animation frame (throttled while training) with at most one read-out in flight.
 */
export class CnnRun {
	/** The training session: on the page, or in a worker on WASM and CPU (see CnnSession). */
	readonly session: CnnSession;
	train = $state.raw<DigitSet | null>(null);
	val = $state.raw<DigitSet | null>(null);
	/** Why the digits could not be loaded (a DigitFileError), or null. */
	loadError = $state.raw<unknown>(null);
	loading = $state(false);
	/** The most recent training read-back. */
	latest = $state.raw<DigitCnnStats | null>(null);
	trainLoss = new Series();
	trainAccuracy = new Series();
	valLoss = new Series();
	valAccuracy = new Series();
	evaluation = $state.raw<Evaluation | null>(null);
	evaluating = $state(false);
	/** Every layer's output for the current input (conv1 ... softmax), or null. */
	maps = $state.raw<LayerMaps[] | null>(null);
	filters = $state.raw<Filters | null>(null);
	/** A probe that failed on the live model. */
	probeError = $state<string | null>(null);

	private model: DigitCnnModel | null = null;
	private input: Float32Array | null = null;
	private probeWanted = false;
	private evalWanted = false;
	private probing = false;
	private frame = 0;
	private lastProbeAt = -Infinity;
	private filtersStep = -1;
	private lastEvalStep = 0;
	private destroyed = false;

	private readonly clock: FrameClock;

	/**
	 * `createPort` starts the training worker (default: the module worker; null: always train on
	 * the page, as the tests of the page path do).
	 */
	constructor(engine: Engine, config: () => DigitCnnConfig, clock: FrameClock = browserClock, createPort?: (() => WorkerPort) | null) {
		this.clock = clock;
		const page = new TrainingSession<DigitCnnStats>({
			engine,
			create: () => {
				if (!this.train) throw new Error('the training digits are not loaded');
				if (this.session.claim()) throw new WorkerHandOff();
				this.model = createDigitCnn(config(), this.train);
				return this.model;
			},
			tune: {
				key: 'L10',
				create: () => {
					if (!this.train) throw new Error('the training digits are not loaded');
					return createDigitCnn(config(), this.train);
				}
			},
			onReset: () => this.clear(),
			onStats: (stats, step) => this.record(stats, step)
		});
		this.session = new CnnSession(page, {
			engine,
			digits: () => (this.train && this.val ? { train: this.train, val: this.val } : null),
			config,
			onReset: () => this.clear(),
			onStats: (stats, step) => this.record(stats, step),
			createPort,
			frames: clock
		});
		// Start fetching the digits while the page hydrates (load() awaits the same cached fetches).
		if (typeof window !== 'undefined') for (const split of ['train', 'val'] as const) loadDigits(split).catch(() => {});
	}

	/** Loads both digit sets once; true when they are there. */
	async load(): Promise<boolean> {
		this.loading = true;
		this.loadError = null;
		try {
			const [train, val] = await Promise.all([loadDigits('train'), loadDigits('val')]);
			this.train = train;
			this.val = val;
			return true;
		} catch (e) {
			this.loadError = e;
			return false;
		} finally {
			this.loading = false;
		}
	}

	/** Sets the image whose feature maps are shown (784 floats in [0, 1]) or null for none. */
	setInput(image: Float32Array | null): void {
		this.input = image;
		if (!image) this.maps = null;
		this.requestProbe();
	}

	/**
	 * Measures the validation set once the feature maps of the latest step are read out: GPU work
	 * runs in order, so a probe queued behind a 2,000-digit pass would wait for all of it.
	 */
	evaluateSoon(): void {
		this.evalWanted = true;
		this.schedule();
	}

	/** Measures the model on the validation set (skipped while a pass is running). */
	evaluate(): void {
		const model = this.model;
		const worker = this.session.worker;
		const val = this.val;
		if ((!model && !worker?.ready) || !val || this.evaluating) return;
		const step = this.session.step;
		this.evaluating = true;
		this.lastEvalStep = step;
		// In the worker: null when the model was rebuilt meanwhile.
		const pass = worker ? worker.evaluate() : model!.evaluate(val).then((result) => (model === this.model ? { step, result } : null));
		pass
			.then((r) => {
				if (!r || this.destroyed) return;
				this.evaluation = { step: r.step, ...r.result };
				this.valLoss.push(r.step, r.result.loss);
				this.valAccuracy.push(r.step, r.result.accuracy);
			})
			.catch((e) => {
				if (!this.destroyed && (worker || model === this.model)) this.probeError = e instanceof Error ? e.message : String(e);
			})
			.finally(() => (this.evaluating = false));
	}

	/** Stops training and read-outs and frees the model (leaving the lesson). */
	destroy(): void {
		this.destroyed = true;
		if (this.frame) this.clock.cancel(this.frame);
		this.session.destroy();
		this.model = null;
	}

	private clear(): void {
		this.latest = null;
		this.trainLoss.clear();
		this.trainAccuracy.clear();
		this.valLoss.clear();
		this.valAccuracy.clear();
		this.evaluation = null;
		this.lastEvalStep = 0;
		this.filtersStep = -1;
		this.probeError = null;
		this.requestProbe();
	}

	private record(stats: DigitCnnStats, step: number): void {
		this.latest = stats;
		if (Number.isFinite(stats.loss)) {
			this.trainLoss.push(step, stats.loss);
			this.trainAccuracy.push(step, stats.accuracy);
		}
		this.requestProbe();
		if (this.session.status === 'running' && step - this.lastEvalStep >= EVAL_EVERY) this.evaluate();
	}

	private requestProbe(): void {
		this.probeWanted = true;
		this.schedule();
	}

	private schedule(): void {
		if (this.frame || this.destroyed) return;
		this.frame = this.clock.schedule(this.tick);
	}

	private tick = (): void => {
		this.frame = 0;
		if (this.destroyed) return;
		if (!this.probeWanted) {
			if (this.evalWanted && !this.probing) {
				this.evalWanted = false;
				this.evaluate();
			}
			return;
		}
		const throttled = this.session.status === 'running' && this.clock.now() - this.lastProbeAt < PROBE_MS_TRAINING;
		if (this.probing || throttled) {
			this.schedule();
			return;
		}
		this.probeWanted = false;
		void this.probe();
	};

	private async probe(): Promise<void> {
		const model = this.model;
		const worker = this.session.worker;
		const input = this.input;
		if (!model && !worker?.ready) return;
		const step = this.session.step;
		this.probing = true;
		this.lastProbeAt = this.clock.now();
		try {
			const wantFilters = step !== this.filtersStep;
			// In the worker: null when the model was rebuilt meanwhile.
			const out = worker
				? await worker.probe(input, wantFilters)
				: await Promise.all([input ? probeFeatureMaps(model!, input) : null, wantFilters ? probeFilters(model!) : null]).then(([maps, filters]) => ({ maps, filters }));
			if (!out || model !== this.model || this.destroyed) return;
			const { maps, filters } = out;
			if (input === this.input) this.maps = maps;
			if (filters) {
				this.filters = filters;
				this.filtersStep = step;
			}
			this.probeError = null;
		} catch (e) {
			if ((worker || model === this.model) && !this.destroyed) this.probeError = e instanceof Error ? e.message : String(e);
		} finally {
			this.probing = false;
			if (this.probeWanted || this.evalWanted) this.schedule();
		}
	}
}
