/**
 * Choosing a backend by measuring the lesson's own model: each candidate backend gets a slice of a
 * fixed time budget to build the model, run a warm-up step (shader compilation happens here) and
 * then timed steps; the fastest wins, except that a hardware GPU is kept unless another backend was
 * measured at least `gpuKeepFactor` times faster. Framework-free: activation, model building and
 * the clock are injected, so node tests drive it with fakes.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { Trainer } from '../train/trainer';
import type { BackendName } from './backendSelect';

/** What one backend did on the lesson's model. */
export interface Measurement {
	backend: BackendName;
	/** mean wall time per training step (ms), or null when no step finished in the slot */
	msPerStep: number | null;
	/** when msPerStep is null: the time waited for the warm-up step (a lower bound of the step time), ms */
	atLeastMs?: number;
	/** true when msPerStep is the warm-up step's time (no timed step fitted in the slot) */
	fromWarmup?: boolean;
	/** timed steps behind msPerStep (0 when from the warm-up) */
	steps: number;
	/** model build plus warm-up step, ms */
	warmupMs: number;
	/** why the backend could not be measured (it could not be activated or the model failed) */
	error?: string;
}

/** Why the measured choice fell where it did. */
export type TuneReason =
	| 'fastest' // the backend with the shortest step time
	| 'kept-gpu' // a hardware GPU, and no other backend was `gpuKeepFactor` times faster
	| 'only' // the only backend that could be measured
	| 'software-gpu'; // not measured: WebGPU runs on a software adapter, so the only candidate (WASM) was taken

/** The outcome of a measurement round. */
export interface TuneDecision {
	backend: BackendName;
	reason: TuneReason;
	measurements: Measurement[];
	/** wall time of the whole round, ms */
	totalMs: number;
}

/** A model under measurement: `run(k)` runs k training steps and resolves when their results exist. */
export interface StepProbe {
	run(steps: number): Promise<void>;
	dispose(): void;
}

/** What `measureBackends` needs from the outside world. */
export interface TuneDeps {
	/** Makes `name` the active backend; resolves false (or rejects) when it cannot. */
	activate(name: BackendName): Promise<boolean>;
	/** Builds the lesson's model on the active backend. */
	build(): StepProbe;
	now(): number;
	/** Resolves after `ms` (a timer); used to stop waiting for a slow GPU step. */
	sleep(ms: number): Promise<void>;
}

/** Settings of a measurement round. */
export interface TuneOptions {
	/** the whole round's time budget for building, warm-up and timed steps, ms (default 300) */
	budgetMs?: number;
	/** at most this many timed steps per backend (default 64) */
	maxSteps?: number;
	/** the hardware GPU backend to keep unless beaten by this factor, or null on a software adapter */
	hardwareGpu?: BackendName | null;
	/** how much faster another backend must be to replace a hardware GPU (default 2) */
	gpuKeepFactor?: number;
}

const TIMEOUT: unique symbol = Symbol('timeout');

/** Races `p` against a timer; a late `p` is left to finish on its own. */
async function within<T>(p: Promise<T>, ms: number, deps: TuneDeps): Promise<T | typeof TIMEOUT> {
	const timer = deps.sleep(Math.max(0, ms)).then((): typeof TIMEOUT => TIMEOUT);
	return Promise.race([p, timer]);
}

/** Measures one backend inside its slot (ms, from the moment it is active). */
async function measureOne(name: BackendName, slotMs: number, maxSteps: number, deps: TuneDeps): Promise<Measurement> {
	const t0 = deps.now();
	let probe: StepProbe;
	try {
		probe = deps.build();
	} catch (e) {
		return { backend: name, msPerStep: null, steps: 0, warmupMs: deps.now() - t0, error: message(e) };
	}
	const release = (p: Promise<unknown>) => void p.then(
		() => probe.dispose(),
		() => probe.dispose()
	);
	const warm = probe.run(1);
	let outcome: unknown;
	try {
		outcome = await within(warm, slotMs - (deps.now() - t0), deps);
	} catch (e) {
		probe.dispose();
		return { backend: name, msPerStep: null, steps: 0, warmupMs: deps.now() - t0, error: message(e) };
	}
	const warmupMs = deps.now() - t0;
	if (outcome === TIMEOUT) {
		release(warm);
		return { backend: name, msPerStep: null, atLeastMs: warmupMs, steps: 0, warmupMs };
	}
	let steps = 0;
	let spent = 0;
	let k = 1;
	try {
		while (steps < maxSteps) {
			const left = slotMs - (deps.now() - t0);
			if (left <= 0) break;
			const perStep = steps > 0 ? spent / steps : warmupMs;
			k = Math.max(1, Math.min(k * 2, maxSteps - steps, Math.floor(left / Math.max(perStep, 0.01))));
			if (steps > 0 && perStep > left) break;
			const t1 = deps.now();
			const run = probe.run(k);
			const done = await within(run, left + perStep, deps);
			if (done === TIMEOUT) {
				release(run);
				return finish(name, steps, spent, warmupMs);
			}
			spent += deps.now() - t1;
			steps += k;
		}
	} catch (e) {
		probe.dispose();
		return { backend: name, msPerStep: null, steps, warmupMs, error: message(e) };
	}
	probe.dispose();
	return finish(name, steps, spent, warmupMs);
}

function finish(name: BackendName, steps: number, spent: number, warmupMs: number): Measurement {
	if (steps === 0) return { backend: name, msPerStep: warmupMs, fromWarmup: true, steps: 0, warmupMs };
	return { backend: name, msPerStep: spent / steps, steps, warmupMs };
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/**
 * Measures each candidate in turn (in the order given) and decides. Each gets an equal share of
 * what is left of the budget when its turn comes, so time a fast backend leaves over goes to the
 * next. Resolves with the decision; the caller activates the chosen backend.
 */
export async function measureBackends(candidates: readonly BackendName[], deps: TuneDeps, options: TuneOptions = {}): Promise<TuneDecision> {
	const budget = options.budgetMs ?? 300;
	const maxSteps = options.maxSteps ?? 64;
	const start = deps.now();
	const measurements: Measurement[] = [];
	for (let i = 0; i < candidates.length; i++) {
		const name = candidates[i];
		const slot = (budget - (deps.now() - start)) / (candidates.length - i);
		let ok = false;
		try {
			ok = await deps.activate(name);
		} catch (e) {
			measurements.push({ backend: name, msPerStep: null, steps: 0, warmupMs: 0, error: message(e) });
			continue;
		}
		if (!ok) {
			measurements.push({ backend: name, msPerStep: null, steps: 0, warmupMs: 0, error: 'could not be activated' });
			continue;
		}
		measurements.push(await measureOne(name, Math.max(slot, 1), maxSteps, deps));
	}
	const decided = decideBackend(measurements, options);
	return { ...decided, measurements, totalMs: deps.now() - start };
}

/**
 * The rule, on finished measurements: the fastest measured backend, except that a hardware GPU
 * stays unless another backend's step was at most 1/`gpuKeepFactor` of its own (a GPU whose warm-up
 * did not finish in its slot was not measured, so it stays). With nothing measured, the first
 * candidate that did not fail stays.
 */
export function decideBackend(measurements: readonly Measurement[], options: TuneOptions = {}): { backend: BackendName; reason: TuneReason } {
	const factor = options.gpuKeepFactor ?? 2;
	const timed = measurements.filter((m) => m.msPerStep !== null && !m.error) as (Measurement & { msPerStep: number })[];
	const usable = measurements.filter((m) => !m.error);
	if (usable.length === 0) throw new Error('no backend could run the model');
	const fastest = timed.reduce<(typeof timed)[number] | null>((a, b) => (a === null || b.msPerStep < a.msPerStep ? b : a), null);
	const gpu = options.hardwareGpu ? usable.find((m) => m.backend === options.hardwareGpu) : undefined;
	if (gpu) {
		if (gpu.msPerStep === null || !fastest || fastest.backend === gpu.backend) return { backend: gpu.backend, reason: 'kept-gpu' };
		return fastest.msPerStep * factor <= gpu.msPerStep ? { backend: fastest.backend, reason: 'fastest' } : { backend: gpu.backend, reason: 'kept-gpu' };
	}
	if (!fastest) return { backend: usable[0].backend, reason: 'only' };
	return { backend: fastest.backend, reason: usable.length === 1 ? 'only' : 'fastest' };
}

const TUNE_REASONS: readonly TuneReason[] = ['fastest', 'kept-gpu', 'only', 'software-gpu'];

/** Parses a cached decision (e.g. from sessionStorage); null when it is not one. */
export function parseCachedDecision(text: string | null, known: readonly BackendName[]): TuneDecision | null {
	if (!text) return null;
	try {
		const v = JSON.parse(text) as Partial<TuneDecision>;
		if (!v || typeof v.backend !== 'string' || !known.includes(v.backend as BackendName)) return null;
		if (!TUNE_REASONS.includes(v.reason as TuneReason)) return null;
		if (!Array.isArray(v.measurements) || typeof v.totalMs !== 'number') return null;
		const measurements = v.measurements.filter(
			(m): m is Measurement =>
				!!m &&
				typeof m === 'object' &&
				known.includes((m as Measurement).backend) &&
				((m as Measurement).msPerStep === null || Number.isFinite((m as Measurement).msPerStep))
		);
		return { backend: v.backend as BackendName, reason: v.reason as TuneReason, measurements, totalMs: v.totalMs };
	} catch {
		return null;
	}
}

/** A Trainer as a StepProbe: `run(k)` steps k times, records the last step and waits for its read-back. */
export function trainerProbe(trainer: Trainer): StepProbe {
	return {
		async run(steps) {
			let stats: Tensor | null = null;
			for (let i = 0; i < steps; i++) {
				const t = trainer.step(i === steps - 1);
				if (t) {
					stats?.dispose();
					stats = t;
				}
			}
			if (!stats) return;
			try {
				await stats.data();
			} finally {
				stats.dispose();
			}
		},
		dispose: () => trainer.dispose()
	};
}
