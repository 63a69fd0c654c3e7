import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendName } from '$lib/ml/core/backendSelect';
import {
	decideBackend,
	measureBackends,
	parseCachedDecision,
	trainerProbe,
	type Measurement,
	type StepProbe,
	type TuneDeps
} from '$lib/ml/core/backendTune';
import { tuneCandidates } from '$lib/app/engine.svelte';
import { createLineFit } from '$lib/ml/models/robustLineFit';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/**
 * A virtual clock: `sleep` and asynchronous (GPU-like) steps are timers on it; `drive` runs a
 * promise to completion, jumping the clock to the next timer whenever everything else is idle.
 */
function virtualClock() {
	let now = 0;
	const timers: { at: number; fire: () => void }[] = [];
	const at = (ms: number) =>
		new Promise<void>((resolve) => {
			timers.push({ at: now + ms, fire: resolve });
		});
	return {
		now: () => now,
		advance: (ms: number) => (now += ms),
		at,
		async drive<T>(p: Promise<T>): Promise<T> {
			let done = false;
			let value!: T;
			let error: unknown = null;
			p.then(
				(v) => ((done = true), (value = v)),
				(e) => ((done = true), (error = e ?? new Error('rejected')))
			);
			for (let i = 0; i < 10_000; i++) {
				await new Promise((r) => setImmediate(r));
				if (done) break;
				timers.sort((a, b) => a.at - b.at);
				const next = timers.shift();
				if (!next) continue;
				now = Math.max(now, next.at);
				next.fire();
			}
			if (error) throw error;
			if (!done) throw new Error('virtual clock: promise never settled');
			return value;
		},
		/** Fires every timer left (abandoned GPU work finishing later). */
		async drain() {
			while (timers.length) {
				timers.sort((a, b) => a.at - b.at);
				const next = timers.shift()!;
				now = Math.max(now, next.at);
				next.fire();
				await new Promise((r) => setImmediate(r));
			}
		}
	};
}

type Clock = ReturnType<typeof virtualClock>;

/** A backend whose steps cost `stepMs` (plus `warmupMs` once): synchronous (CPU-like) or on timers (GPU-like). */
interface FakeBackend {
	stepMs: number;
	warmupMs?: number;
	async?: boolean;
	activates?: boolean;
	buildThrows?: boolean;
}

function fakeDeps(clock: Clock, backends: Partial<Record<BackendName, FakeBackend>>) {
	let active: BackendName | null = null;
	const log = { built: 0, disposed: 0, activated: [] as BackendName[] };
	const deps: TuneDeps = {
		now: clock.now,
		sleep: (ms) => clock.at(ms),
		async activate(name) {
			log.activated.push(name);
			if (backends[name]?.activates === false) return false;
			active = name;
			return true;
		},
		build(): StepProbe {
			const b = backends[active!]!;
			if (b.buildThrows) throw new Error('no such kernel');
			log.built += 1;
			let warm = true;
			return {
				run(k) {
					const ms = k * b.stepMs + (warm ? (b.warmupMs ?? 0) : 0);
					warm = false;
					if (b.async) return clock.at(ms);
					clock.advance(ms);
					return Promise.resolve();
				},
				dispose: () => (log.disposed += 1)
			};
		}
	};
	return { deps, log };
}

const m = (backend: BackendName, msPerStep: number | null, extra: Partial<Measurement> = {}): Measurement => ({
	backend,
	msPerStep,
	steps: msPerStep === null ? 0 : 10,
	warmupMs: 1,
	...extra
});

describe('decideBackend', () => {
	it('takes the fastest backend when there is no hardware GPU', () => {
		expect(decideBackend([m('wasm', 0.5), m('webgpu', 40), m('webgl', 12)])).toEqual({ backend: 'wasm', reason: 'fastest' });
		expect(decideBackend([m('wasm', 30), m('webgpu', 9)], { hardwareGpu: null })).toEqual({ backend: 'webgpu', reason: 'fastest' });
	});

	it('keeps a hardware GPU unless another backend is at least twice as fast', () => {
		const opts = { hardwareGpu: 'webgpu' as const };
		expect(decideBackend([m('wasm', 3), m('webgpu', 5)], opts)).toEqual({ backend: 'webgpu', reason: 'kept-gpu' });
		expect(decideBackend([m('wasm', 2.5), m('webgpu', 5)], opts)).toEqual({ backend: 'wasm', reason: 'fastest' });
		expect(decideBackend([m('wasm', 1), m('webgpu', 5)], { ...opts, gpuKeepFactor: 6 })).toEqual({ backend: 'webgpu', reason: 'kept-gpu' });
		expect(decideBackend([m('wasm', 8), m('webgpu', 5)], opts)).toEqual({ backend: 'webgpu', reason: 'kept-gpu' });
	});

	it('keeps a hardware GPU whose first step did not finish in its slot (it was not measured)', () => {
		const d = decideBackend([m('wasm', 0.2), m('webgpu', null, { atLeastMs: 100 })], { hardwareGpu: 'webgpu' });
		expect(d).toEqual({ backend: 'webgpu', reason: 'kept-gpu' });
	});

	it('treats a software GPU that did not finish as slower than what was measured', () => {
		expect(decideBackend([m('wasm', 150, { fromWarmup: true }), m('webgpu', null, { atLeastMs: 100 })])).toEqual({ backend: 'wasm', reason: 'fastest' });
	});

	it('says "only" when one backend ran, and throws when none did', () => {
		expect(decideBackend([m('wasm', null, { error: 'x' }), m('cpu', 4)])).toEqual({ backend: 'cpu', reason: 'only' });
		expect(decideBackend([m('webgpu', null, { atLeastMs: 50 })])).toEqual({ backend: 'webgpu', reason: 'only' });
		expect(() => decideBackend([m('wasm', null, { error: 'x' })])).toThrow(/no backend/);
	});
});

describe('measureBackends', () => {
	it('measures each backend inside the budget and picks the fastest', async () => {
		const clock = virtualClock();
		const { deps, log } = fakeDeps(clock, {
			wasm: { stepMs: 0.5 },
			webgpu: { stepMs: 40, warmupMs: 30, async: true },
			webgl: { stepMs: 12, warmupMs: 20, async: true }
		});
		const d = await clock.drive(measureBackends(['wasm', 'webgpu', 'webgl'], deps, { budgetMs: 300 }));
		await clock.drain();
		expect(d.backend).toBe('wasm');
		expect(d.reason).toBe('fastest');
		const by = Object.fromEntries(d.measurements.map((x) => [x.backend, x]));
		expect(by.wasm.msPerStep).toBeCloseTo(0.5, 6);
		expect(by.wasm.steps).toBeGreaterThan(8);
		expect(by.webgpu.msPerStep).toBeCloseTo(40, 6);
		expect(by.webgl.msPerStep).toBeCloseTo(12, 6);
		// the budget holds to within one step of the slowest backend
		expect(d.totalMs).toBeLessThanOrEqual(300 + 40);
		expect(log.disposed).toBe(log.built);
	});

	it('stops waiting for a GPU step that outlasts its slot, and frees that model when it finishes', async () => {
		const clock = virtualClock();
		const { deps, log } = fakeDeps(clock, {
			wasm: { stepMs: 110, warmupMs: 40 },
			webgpu: { stepMs: 10_000, warmupMs: 500, async: true }
		});
		const d = await clock.drive(measureBackends(['wasm', 'webgpu'], deps, { budgetMs: 300 }));
		const gpu = d.measurements.find((x) => x.backend === 'webgpu')!;
		expect(gpu.msPerStep).toBeNull();
		expect(gpu.atLeastMs).toBeGreaterThan(100);
		expect(d.totalMs).toBeLessThan(400);
		expect(d.backend).toBe('wasm');
		// the wasm model ran its slow warm-up only: the step time is the warm-up's
		const wasm = d.measurements.find((x) => x.backend === 'wasm')!;
		expect(wasm.fromWarmup).toBe(true);
		expect(wasm.msPerStep).toBe(150);
		expect(log.disposed).toBe(1);
		await clock.drain();
		expect(log.disposed).toBe(2);
	});

	it('records backends that cannot start or cannot build the model, and decides among the rest', async () => {
		const clock = virtualClock();
		const { deps, log } = fakeDeps(clock, {
			wasm: { stepMs: 1, buildThrows: true },
			webgpu: { stepMs: 5, activates: false },
			cpu: { stepMs: 3 }
		});
		const d = await clock.drive(measureBackends(['wasm', 'webgpu', 'cpu'], deps));
		expect(d.measurements.map((x) => [x.backend, x.error ?? null])).toEqual([
			['wasm', 'no such kernel'],
			['webgpu', 'could not be activated'],
			['cpu', null]
		]);
		expect(d).toMatchObject({ backend: 'cpu', reason: 'only' });
		expect(log.activated).toEqual(['wasm', 'webgpu', 'cpu']);
	});

	it('gives time a fast backend leaves over to the next one', async () => {
		const clock = virtualClock();
		const { deps } = fakeDeps(clock, { wasm: { stepMs: 0.1 }, webgpu: { stepMs: 8, async: true } });
		const d = await clock.drive(measureBackends(['wasm', 'webgpu'], deps, { budgetMs: 300, maxSteps: 64 }));
		const [wasm, gpu] = d.measurements;
		expect(wasm.steps).toBe(64);
		// wasm used ~7 ms of its 150 ms slot; the GPU got the rest (more than half the budget)
		expect(gpu.steps * 8).toBeGreaterThan(150);
	});
});

describe('trainerProbe', () => {
	it('runs a real trainer on the cpu backend without leaking tensors', async () => {
		const before = tf.memory().numTensors;
		let created = 0;
		const d = await measureBackends(
			['cpu'],
			{
				activate: async () => true,
				build: () => {
					created += 1;
					return trainerProbe(createLineFit({ points: [{ x: 0, y: 1 }, { x: 1, y: 2 }, { x: 2, y: 2.5 }], delta: 1, lr: 0.1 }));
				},
				now: () => performance.now(),
				sleep: (ms) => new Promise((r) => setTimeout(r, ms))
			},
			{ budgetMs: 40 }
		);
		expect(created).toBe(1);
		expect(d.measurements[0].msPerStep).toBeGreaterThan(0);
		expect(d.measurements[0].error).toBeUndefined();
		expect(tf.memory().numTensors).toBe(before);
	});
});

describe('tuneCandidates', () => {
	const ok = (backend: BackendName) => ({ backend, ok: true, ms: 1 });
	const bad = (backend: BackendName) => ({ backend, ok: false, ms: 1 });
	it('measures WASM first, then WebGPU (WebGL only without WebGPU); CPU only without WASM', () => {
		expect(tuneCandidates({ attempts: [ok('webgpu')] })).toEqual(['wasm', 'webgpu']);
		expect(tuneCandidates({ attempts: [bad('webgpu'), ok('webgl')] })).toEqual(['wasm', 'webgl']);
		expect(tuneCandidates({ attempts: [bad('webgpu'), bad('webgl'), ok('wasm')] })).toEqual(['wasm']);
		expect(tuneCandidates({ attempts: [bad('webgpu'), bad('webgl'), bad('wasm'), ok('cpu')] })).toEqual(['cpu']);
	});
	it('on a software WebGPU adapter measures no GPU backend: WASM alone, unless WASM failed', () => {
		expect(tuneCandidates({ attempts: [ok('webgpu')] }, true)).toEqual(['wasm']);
		// Without WASM there is still a choice to measure (the software GPU against the CPU).
		expect(tuneCandidates({ attempts: [ok('webgpu'), bad('wasm')] }, true)).toEqual(['webgpu', 'cpu']);
	});
});

describe('parseCachedDecision', () => {
	const known = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
	it('round-trips a decision', () => {
		const d = { backend: 'wasm' as const, reason: 'fastest' as const, measurements: [m('wasm', 0.5), m('webgpu', null, { atLeastMs: 90 })], totalMs: 280 };
		expect(parseCachedDecision(JSON.stringify(d), known)).toEqual(d);
		const software = { backend: 'wasm' as const, reason: 'software-gpu' as const, measurements: [], totalMs: 0 };
		expect(parseCachedDecision(JSON.stringify(software), known)).toEqual(software);
	});
	it('refuses anything else', () => {
		for (const bad of [null, '', '{', '"wasm"', '{"backend":"quantum","reason":"fastest","measurements":[],"totalMs":1}', '{"backend":"wasm","reason":"<script>","measurements":[],"totalMs":1}', '{"backend":"wasm","reason":"fastest","totalMs":1}']) {
			expect(parseCachedDecision(bad, known)).toBeNull();
		}
	});
});
