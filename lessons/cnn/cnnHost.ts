/**
 * The training side of L10's worker, framework-free so tests drive it directly (cpu backend, no
 * Worker): it owns the digit CNN, trains it back to back (yielding to its event loop between steps
 * so messages get in), posts stats at most every STATS_EVERY_MS, and answers probe, evaluate,
 * configure and build requests (see cnnProtocol.ts). Requests for another epoch are ignored;
 * answers for a model replaced while they were computed are dropped. Failures are posted as
 * `error` messages, never thrown.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DigitSet } from '$lib/ml/data/mnist';
import { createDigitCnn, type DigitCnnConfig, type DigitCnnModel, type DigitCnnStats } from '$lib/ml/models/digitCnn';
import { probeFeatureMaps, probeFilters } from '$lib/ml/probe/featureMaps';
import { transferables, type FromWorker, type ToWorker, type WireDigits, type WorkerBackend } from './cnnProtocol';

/** Least time between two stats messages while training runs, ms. */
export const STATS_EVERY_MS = 50;
/** The time slice that `spf` (steps per frame) refers to, ms. */
const FRAME_MS = 1000 / 60;

/** What the host needs from its surroundings. */
export interface HostOptions {
	/** Sends a message to the page (transferring `transfer`). */
	post: (msg: FromWorker, transfer: ArrayBuffer[]) => void;
	/** Starts tfjs on the backend (the worker sets the WASM paths first); default tf.setBackend. */
	initBackend?: (backend: WorkerBackend, wasmPaths?: Record<string, string>) => Promise<void>;
	/** Lets queued messages in between two steps; default a MessageChannel round trip. */
	yieldNow?: () => Promise<void>;
	/** Waits `ms` (the speed limit); default setTimeout. */
	sleep?: (ms: number) => Promise<void>;
	now?: () => number;
}

/** A yield that does not suffer the 4 ms clamp of nested timers. */
function channelYield(): () => Promise<void> {
	let channel: MessageChannel | null = null;
	const waiting: (() => void)[] = [];
	return () =>
		new Promise<void>((resolve) => {
			if (!channel) {
				channel = new MessageChannel();
				channel.port1.onmessage = () => waiting.shift()?.();
			}
			waiting.push(resolve);
			channel.port2.postMessage(0);
		});
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function toDigitSet(d: WireDigits | undefined): DigitSet {
	if (!d || !(d.labels instanceof Uint8Array) || !(d.images instanceof Uint8Array)) throw new Error('init: digits missing');
	if (d.labels.length !== d.count || d.images.length !== d.count * d.rows * d.cols) throw new Error('init: digit arrays do not match their count');
	return { count: d.count, rows: d.rows, cols: d.cols, labels: d.labels, images: d.images };
}

/** The host: call `handle` with every message the page sends. */
export class CnnHost {
	private model: DigitCnnModel | null = null;
	private epoch = -1;
	private train: DigitSet | null = null;
	private val: DigitSet | null = null;
	private running = false;
	private looping = false;
	private latest: { stats: DigitCnnStats; step: number } | null = null;
	private posted = true;
	private played = 0;
	private lastPostAt = -Infinity;
	private spf = Infinity;
	private readonly o: Required<HostOptions>;

	constructor(options: HostOptions) {
		this.o = {
			initBackend: async (backend) => {
				if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
				await tf.ready();
			},
			yieldNow: channelYield(),
			sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
			now: () => performance.now(),
			...options
		};
	}

	/** Handles one message from the page; never rejects. */
	async handle(raw: unknown): Promise<void> {
		const type = isRecord(raw) && typeof raw.type === 'string' ? raw.type : null;
		try {
			if (!type) throw new Error('message without a type');
			await this.dispatch(raw as ToWorker);
		} catch (e) {
			const msg = isRecord(raw) ? raw : {};
			const epoch = typeof msg.epoch === 'number' ? msg.epoch : undefined;
			const id = typeof msg.id === 'number' ? msg.id : undefined;
			if (type === 'build' && epoch === this.epoch) this.dropModel();
			this.send({ type: 'error', message: e instanceof Error ? e.message : String(e), epoch, id, request: type ?? undefined });
		}
	}

	private async dispatch(msg: ToWorker): Promise<void> {
		if (msg.type === 'init') return this.init(msg);
		if (msg.type === 'dispose') {
			this.dropModel();
			this.send({ type: 'disposed', tensors: tf.memory().numTensors });
			return;
		}
		if (msg.type === 'build') return this.build(msg.epoch, msg.config);
		if (!['play', 'pause', 'step', 'configure', 'probe', 'evaluate'].includes(msg.type)) throw new Error(`unknown message type '${String(msg.type)}'`);
		// Meant for a model that has since been replaced: its answer would be dropped anyway.
		if (msg.epoch !== this.epoch || !this.model) return;
		const model = this.model;
		switch (msg.type) {
			case 'play':
				this.running = true;
				void this.loop();
				return;
			case 'pause':
				// Answered by the last step's stats (again, if they went out already) with running false.
				this.running = false;
				this.flush(true);
				return;
			case 'step':
				this.running = false;
				this.trainStep(model, false);
				this.flush();
				return;
			case 'configure':
				return this.configure(model, msg.patch);
			case 'probe':
				return this.probe(model, msg);
			case 'evaluate':
				return this.evaluate(model, msg.id);
		}
	}

	private async init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
		if (msg.backend !== 'wasm' && msg.backend !== 'cpu') throw new Error(`init: backend '${String(msg.backend)}' is not wasm or cpu`);
		const train = toDigitSet(msg.train);
		const val = toDigitSet(msg.val);
		await this.o.initBackend(msg.backend, msg.wasmPaths);
		this.train = train;
		this.val = val;
		this.send({ type: 'ready', backend: tf.getBackend() });
	}

	private build(epoch: number, config: DigitCnnConfig): void {
		if (typeof epoch !== 'number') throw new Error('build: no epoch');
		if (!isRecord(config)) throw new Error('build: no config');
		if (!this.train) throw new Error('build: init first');
		this.dropModel();
		this.epoch = epoch;
		this.model = createDigitCnn(config, this.train);
		const stats = this.model.inspect();
		try {
			this.latest = { stats: this.model.decode(stats.dataSync() as Float32Array), step: 0 };
		} finally {
			stats.dispose();
		}
		this.posted = false;
		this.flush();
	}

	private dropModel(): void {
		this.running = false;
		this.model?.dispose();
		this.model = null;
		this.latest = null;
		this.posted = true;
		this.played = 0;
	}

	private configure(model: DigitCnnModel, patch: Record<string, number | string | boolean>): void {
		if (!isRecord(patch)) throw new Error('configure: no patch');
		const { spf, ...rest } = patch;
		if (spf !== undefined) {
			if (typeof spf !== 'number' || !(spf >= 1)) throw new Error(`configure: bad spf ${String(spf)}`);
			this.spf = spf;
		}
		model.configure(rest);
	}

	/** One step, its stats read back at once (cheap on wasm and cpu); stops the loop on divergence. */
	private trainStep(model: DigitCnnModel, played: boolean): void {
		const t = model.step(true);
		if (!t) throw new Error('the model returned no stats');
		let stats: DigitCnnStats;
		try {
			stats = model.decode(t.dataSync() as Float32Array);
		} finally {
			t.dispose();
		}
		this.latest = { stats, step: model.steps };
		this.posted = false;
		if (played) this.played += 1;
		if (stats.diverged || !Number.isFinite(stats.loss)) this.running = false;
	}

	private async loop(): Promise<void> {
		if (this.looping) return;
		this.looping = true;
		let sliceStart = this.o.now();
		let inSlice = 0;
		try {
			while (this.running && this.model) {
				const model = this.model;
				try {
					this.trainStep(model, true);
				} catch (e) {
					this.running = false;
					this.send({ type: 'error', message: e instanceof Error ? e.message : String(e), epoch: this.epoch, request: 'play' });
					break;
				}
				if (!this.running || this.o.now() - this.lastPostAt >= STATS_EVERY_MS) this.flush();
				inSlice += 1;
				const now = this.o.now();
				if (now - sliceStart >= FRAME_MS) {
					sliceStart = now;
					inSlice = 0;
				} else if (inSlice >= this.spf) {
					await this.o.sleep(FRAME_MS - (now - sliceStart));
					sliceStart = this.o.now();
					inSlice = 0;
					continue;
				}
				await this.o.yieldNow();
			}
		} finally {
			this.looping = false;
			this.flush();
		}
	}

	/** Posts the latest stats unless they went out already (or `again`). */
	private flush(again = false): void {
		if ((this.posted && !again) || !this.latest) return;
		this.posted = true;
		this.lastPostAt = this.o.now();
		const { stats, step } = this.latest;
		const played = this.played;
		this.played = 0;
		this.send({ type: 'stats', epoch: this.epoch, step, stats, played, running: this.running, tensors: tf.memory().numTensors });
	}

	private async probe(model: DigitCnnModel, msg: Extract<ToWorker, { type: 'probe' }>): Promise<void> {
		if (msg.image !== null && !(msg.image instanceof Float32Array)) throw new Error('probe: image is not a Float32Array');
		const epoch = msg.epoch;
		try {
			const [maps, filters] = await Promise.all([msg.image ? probeFeatureMaps(model, msg.image) : null, msg.filters ? probeFilters(model) : null]);
			if (model !== this.model) return;
			this.send({ type: 'probe', epoch, id: msg.id, maps, filters });
		} catch (e) {
			if (model === this.model) throw e;
		}
	}

	private async evaluate(model: DigitCnnModel, id: number): Promise<void> {
		if (!this.val) throw new Error('evaluate: no validation digits');
		const epoch = this.epoch;
		try {
			const result = await model.evaluate(this.val);
			if (model !== this.model) return;
			this.send({ type: 'evaluation', epoch, id, step: model.steps, result, tensors: tf.memory().numTensors });
		} catch (e) {
			// A rebuild during the pass frees the model it was reading: nobody waits for that answer.
			if (model === this.model) throw e;
		}
	}

	private send(msg: FromWorker): void {
		this.o.post(msg, transferables(msg));
	}
}
