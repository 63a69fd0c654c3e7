import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/app/engine.svelte';
import { fakeEngine } from '../helpers/fakeEngine';
import type { StepStats, Trainer } from '$lib/ml/train/trainer';
import { adaptBudget, FIRST_STEP_MARK, MIN_BUDGET_MS, postTask, TrainingSession, type SessionOptions } from '$lib/runtime/session.svelte';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

/** A trainer on one variable whose loss is `w` (or NaN after `nanAfter` steps). */
function fakeTrainer(log: { created: number; disposed: number }, nanAfter = Infinity): Trainer {
	log.created += 1;
	const init = tf.scalar(1);
	const w = tf.variable(init);
	init.dispose();
	const one = tf.scalar(1);
	let steps = 0;
	return {
		step(record) {
			steps += 1;
			tf.tidy(() => w.assign(tf.add(w, one)));
			if (!record) return null;
			return tf.tidy(() => (steps > nanAfter ? tf.tensor1d([NaN]) : tf.reshape(w, [1])));
		},
		decode: (v): StepStats => ({ loss: v[0] }),
		dispose() {
			log.disposed += 1;
			w.dispose();
			one.dispose();
		}
	};
}

/** A manual frame scheduler. */
function scheduler() {
	let queue: (() => void)[] = [];
	return {
		schedule: (cb: () => void) => queue.push(cb),
		cancel: () => {
			queue = [];
		},
		async run(frames: number) {
			for (let i = 0; i < frames; i++) {
				const q = queue;
				queue = [];
				q.forEach((cb) => cb());
				await new Promise((r) => setTimeout(r, 0));
			}
		}
	};
}

type Log = { created: number; disposed: number };

/**
 * A session on a fake engine and a manual scheduler. `wrap` may alter each new fake trainer;
 * `options` override the session's options (onStats, engine, clock, budget).
 */
function rig(
	wrap: (t: Trainer, log: Log) => Trainer = (t) => t,
	options: Partial<SessionOptions<StepStats>> = {},
	nanAfter = Infinity
) {
	const fake = fakeEngine();
	const log: Log = { created: 0, disposed: 0 };
	const s = scheduler();
	const session = new TrainingSession<StepStats>({
		engine: fake.engine,
		create: () => wrap(fakeTrainer(log, nanAfter), log),
		onStats: () => {},
		recordEveryMs: 0,
		schedule: s.schedule,
		cancel: s.cancel,
		...options
	});
	return { ...fake, log, s, session };
}

describe('TrainingSession', () => {
	it('plays, reads back at most once per frame, pauses and resets', async () => {
		const seen: { loss: number; step: number }[] = [];
		const { frames, log, s, session } = rig(undefined, { onStats: (st, step) => seen.push({ loss: st.loss, step }) });
		const before = tf.memory().numTensors;
		await session.start();
		session.stepsPerFrame = 3;
		session.play();
		expect(session.status).toBe('running');
		await s.run(4);
		expect(session.step).toBeGreaterThanOrEqual(6);
		expect(seen.length).toBeGreaterThan(0);
		for (const r of seen) expect(r.loss).toBe(1 + r.step);
		expect(frames.some((n) => n === 3)).toBe(true);
		session.pause();
		const stepAtPause = session.step;
		await s.run(3);
		expect(session.step).toBe(stepAtPause);
		expect(session.status).toBe('paused');
		session.stepOnce();
		expect(session.step).toBe(stepAtPause + 1);
		session.reset();
		expect(session.step).toBe(0);
		expect(log.disposed).toBe(1);
		session.destroy();
		await new Promise((r) => setTimeout(r, 0));
		expect(log.disposed).toBe(2);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('stops in the diverged state on a NaN loss and resets out of it', async () => {
		const { s, session } = rig(undefined, {}, 2);
		await session.start();
		session.play();
		await s.run(6);
		expect(session.status).toBe('diverged');
		const stepAtDivergence = session.step;
		await s.run(3);
		expect(session.step).toBe(stepAtDivergence);
		session.play();
		expect(session.status).toBe('diverged');
		session.reset();
		expect(session.status).toBe('idle');
		session.destroy();
	});

	it('treats a trainer-reported divergence as diverged even when the loss is finite', async () => {
		const { s, session } = rig((t) => ({ ...t, decode: (v: Float32Array) => ({ loss: v[0], diverged: v[0] > 3 }) }));
		await session.start();
		session.play();
		await s.run(8);
		expect(session.status).toBe('diverged');
		session.destroy();
	});

	it('remembers a step and a play pressed before the model exists', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const { engine } = fakeEngine();
		const { s, session } = rig(undefined, { engine: { ...engine, ready: () => gate } as unknown as Engine });
		const starting = session.start();
		session.stepOnce();
		session.play();
		expect(session.status).toBe('idle');
		release();
		await starting;
		expect(session.step).toBe(1);
		expect(session.status).toBe('running');
		await s.run(2);
		expect(session.step).toBeGreaterThan(0);
		session.destroy();
	});

	it('rebuilds the model after a device loss and resumes', async () => {
		const { emit, log, s, session } = rig();
		await session.start();
		session.play();
		await s.run(2);
		emit({ type: 'lost', loss: { reason: 'destroyed', message: 'test' } });
		expect(session.status).toBe('recovering');
		expect(log.disposed).toBe(1);
		emit({ type: 'ready', generation: 2 });
		expect(log.created).toBe(2);
		expect(session.status).toBe('running');
		await s.run(2);
		expect(session.step).toBeGreaterThan(0);
		session.destroy();
	});

	it('resumes after a device loss even when the loss first broke a read-back', async () => {
		let broken = false;
		const { emit, s, session } = rig((t) => {
			const step = t.step.bind(t);
			t.step = (record) => {
				const out = step(record);
				if (!broken || !out) return out;
				out.dispose();
				return { data: () => Promise.reject(new Error('device destroyed')), dispose: () => {} } as unknown as tf.Tensor;
			};
			return t;
		});
		await session.start();
		session.play();
		await s.run(2);
		broken = true;
		await s.run(3);
		expect(session.status).toBe('error');
		broken = false;
		emit({ type: 'lost', loss: { reason: 'destroyed', message: 'test' } });
		emit({ type: 'ready', generation: 2 });
		expect(session.status).toBe('running');
		expect(session.error).toBeNull();
		session.destroy();
	});

	it('keeps running through a rebuild and applies the frame budget', async () => {
		let clock = 0;
		const slow = (t: Trainer) => {
			const step = t.step.bind(t);
			t.step = (r) => {
				clock += 5;
				return step(r);
			};
			return t;
		};
		const { s, session } = rig(slow, { now: () => clock, budgetMs: 8 });
		await session.start();
		session.stepsPerFrame = 100;
		session.play();
		await s.run(1);
		// 5 ms per step with an 8 ms budget: a third step would not fit, so the second is the last.
		expect(session.step).toBe(2);
		session.rebuild();
		expect(session.status).toBe('running');
		expect(session.step).toBe(0);
		session.destroy();
	});

	it('lowers its frame budget while frames come late, so the charts keep the display rate', async () => {
		// Each step costs 1 ms; drawing the charts after the steps costs 12 ms; a frame shows at the
		// next 60 Hz vsync. A fixed 8 ms budget gives 9 steps + 12 = 21 ms: every frame misses a vsync.
		const VSYNC = 1000 / 60;
		let clock = 0;
		const timed = (t: Trainer) => {
			const step = t.step.bind(t);
			t.step = (r) => {
				clock += 1;
				return step(r);
			};
			return t;
		};
		const { s, session } = rig(timed, { now: () => clock, budgetMs: 8 });
		await session.start();
		session.stepsPerFrame = 100;
		session.play();
		const intervals: number[] = [];
		const steps: number[] = [];
		for (let i = 0; i < 80; i++) {
			const start = clock;
			const before = session.step;
			await s.run(1);
			steps.push(session.step - before);
			clock = Math.ceil((clock + 12) / VSYNC - 1e-9) * VSYNC;
			intervals.push(clock - start);
		}
		expect(steps[0]).toBe(9);
		expect(intervals[0]).toBeCloseTo(2 * VSYNC, 6);
		const settled = intervals.slice(-30);
		const late = settled.filter((ms) => ms > VSYNC + 1e-6).length;
		// mostly on time (the budget probes upwards now and then, and is pushed back)
		expect(late).toBeLessThanOrEqual(6);
		for (const n of steps.slice(-30)) expect(n).toBeGreaterThanOrEqual(1);
		expect(steps.slice(-30).reduce((a, b) => a + b, 0) / 30).toBeGreaterThan(2);
		session.destroy();
	});

	it('reads back at most every recordEveryMs while playing, and the final state on pause', async () => {
		let clock = 0;
		const seen: number[] = [];
		const timed = (t: Trainer) => {
			const step = t.step.bind(t);
			let taken = 0;
			t.step = (r) => {
				clock += 1;
				taken += 1;
				return step(r);
			};
			t.inspect = () => tf.tensor1d([1 + taken]);
			return t;
		};
		const { s, session } = rig(timed, { now: () => clock, recordEveryMs: 50, onStats: (_st, step) => seen.push(step) });
		await session.start();
		seen.length = 0;
		session.stepsPerFrame = 2;
		session.play();
		for (let i = 0; i < 30; i++) {
			await s.run(1);
			clock += 10;
		}
		// 30 frames of 12 ms: 360 ms, so 8 read-backs (one every 50 ms: at 0, 60, 120, ...)
		expect(seen.length).toBeGreaterThanOrEqual(6);
		expect(seen.length).toBeLessThanOrEqual(8);
		// while playing, the step shown moves with the read-backs (no repaint for frames that only train)
		expect(session.step).toBe(seen.at(-1));
		session.pause();
		const steps = session.step;
		expect(steps).toBeGreaterThan(40);
		await new Promise((r) => setTimeout(r, 0));
		await new Promise((r) => setTimeout(r, 0));
		expect(seen.at(-1)).toBe(steps);
		// single steps always read back
		session.stepOnce();
		await new Promise((r) => setTimeout(r, 0));
		session.stepOnce();
		await new Promise((r) => setTimeout(r, 0));
		expect(seen.slice(-2)).toEqual([steps + 1, steps + 2]);
		session.destroy();
	});

	it('never cuts the budget below MIN_BUDGET_MS, nor raises it above the configured one', () => {
		let b = 8;
		for (let i = 0; i < 50; i++) b = adaptBudget(b, 100, 16.7, 8);
		expect(b).toBe(MIN_BUDGET_MS);
		for (let i = 0; i < 50; i++) b = adaptBudget(b, 16.7, 16.7, 8);
		expect(b).toBe(8);
		expect(adaptBudget(5, NaN, 16.7, 8)).toBe(5);
		expect(adaptBudget(5, 20, Infinity, 8)).toBe(5);
	});

	it('runs one step a frame once it knows a step takes longer than the budget', async () => {
		let clock = 0;
		const slow = (t: Trainer) => {
			const step = t.step.bind(t);
			t.step = (r) => {
				clock += 20;
				return step(r);
			};
			return t;
		};
		const { s, session } = rig(slow, { now: () => clock, budgetMs: 8 });
		await session.start();
		session.stepsPerFrame = 100;
		session.play();
		await s.run(1);
		// The first frame cannot know the step time yet: two steps, the second recorded.
		expect(session.step).toBe(2);
		for (let i = 0; i < 5; i++) {
			await new Promise((r) => setTimeout(r, 0));
			await s.run(1);
		}
		const perFrame = session.step - 2;
		expect(perFrame).toBeGreaterThan(0);
		// Every later frame ran exactly one (recorded) step.
		expect(perFrame).toBeLessThanOrEqual(5);
		session.destroy();
	});

	it('marks the first trained step drawn once per session (the bench reads the mark)', async () => {
		performance.clearMarks(FIRST_STEP_MARK);
		const { s, session } = rig((t) => ({ ...t, inspect: () => tf.tensor1d([1]) }));
		await session.start();
		await new Promise((r) => setTimeout(r, 0));
		// The step-0 read-back of a fresh model is not a trained step.
		expect(performance.getEntriesByName(FIRST_STEP_MARK)).toHaveLength(0);
		session.play();
		await s.run(3);
		expect(performance.getEntriesByName(FIRST_STEP_MARK)).toHaveLength(1);
		session.reset();
		session.play();
		await s.run(3);
		expect(performance.getEntriesByName(FIRST_STEP_MARK)).toHaveLength(1);
		session.destroy();
		performance.clearMarks(FIRST_STEP_MARK);
	});

	describe('with training split from the frame (defer)', () => {
		/** A manual task queue standing in for the tasks posted after a frame. */
		function tasks() {
			let queue: (() => void)[] = [];
			return {
				defer: (cb: () => void) => void queue.push(cb),
				get size() {
					return queue.length;
				},
				run() {
					const q = queue;
					queue = [];
					q.forEach((cb) => cb());
				}
			};
		}
		const settle = () => new Promise((r) => setTimeout(r, 0));
		/**
		 * A session with a manual task queue, started and played for two frames, each followed by its
		 * training task: two steps read back. `seen` lists the steps handed to the charts.
		 */
		async function playedTwoSteps() {
			const seen: number[] = [];
			const t = tasks();
			const { s, session } = rig(undefined, { defer: t.defer, onStats: (_, step) => seen.push(step) });
			await session.start();
			session.play();
			await s.run(1);
			t.run();
			await s.run(1);
			t.run();
			await settle();
			return { seen, t, s, session };
		}

		it('trains in a task of its own after the frame, and hands read-backs to the charts at the next frame', async () => {
			const seen: number[] = [];
			const t = tasks();
			const { s, session, frames } = rig(undefined, { defer: t.defer, onStats: (_, step) => seen.push(step) });
			const reportedSteps = () => frames.reduce((a, b) => a + b, 0);
			await session.start();
			session.play();
			await s.run(1); // frame 1 posts its training; nothing trained inside the frame
			expect(t.size).toBe(1);
			expect(session.step).toBe(0);
			t.run(); // the training task: step 1, read back at once (the first trained step)
			await settle();
			expect(seen).toEqual([1]);
			await s.run(1); // frame 2
			t.run(); // step 2 read back between frames: held for the next frame
			await settle();
			expect(seen).toEqual([1]);
			expect(session.step).toBe(1); // nothing reactive changes in the training task
			const reported = reportedSteps();
			await s.run(1); // frame 3 hands it over before anything else, and reports the steps
			expect(seen).toEqual([1, 2]);
			expect(session.step).toBe(2);
			expect(reportedSteps()).toBe(reported + 1);
			session.destroy();
		});

		it('a pause hands over what is held; a training task posted before the pause does nothing', async () => {
			const { seen, t, s, session } = await playedTwoSteps();
			await s.run(1); // posts the task for step 3
			expect(seen).toEqual([1, 2]);
			session.pause();
			t.run();
			await settle();
			expect(session.step).toBe(2);
			expect(seen).toEqual([1, 2]);
			session.destroy();
		});

		it('drops what is held when the model is rebuilt', async () => {
			const { seen, s, session } = await playedTwoSteps();
			session.rebuild(); // keeps running on a fresh model
			await s.run(1);
			expect(seen).toEqual([1]);
			session.destroy();
		});

		it('by default trains in a MessageChannel task when the frames are the browser’s', () => {
			const fake = fakeEngine();
			const session = new TrainingSession<StepStats>({ engine: fake.engine, create: () => fakeTrainer({ created: 0, disposed: 0 }), onStats: () => {} });
			expect((session as unknown as { opts: { defer: unknown } }).opts.defer).toBe(postTask);
			session.destroy();
		});
	});
});

