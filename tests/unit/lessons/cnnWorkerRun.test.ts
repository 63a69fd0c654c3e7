import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitFixture, SMALL_CNN } from '../helpers/digits';
import type { Engine } from '$lib/app/engine.svelte';
import { digitPixels, type DigitSet } from '$lib/ml/data/mnist';
import { CnnHost } from '$lessons/cnn/cnnHost';
import type { FromWorker, ToWorker } from '$lessons/cnn/cnnProtocol';
import { CnnRun, type FrameClock } from '$lessons/cnn/cnnRun.svelte';
import type { WorkerPort } from '$lessons/cnn/cnnWorkerSession.svelte';

/** A fake engine on `backend` that counts the steps reported to it. */
function fakeEngine(backend: string) {
	const e = { choice: { backend }, stepsRun: 0, frames: 0 };
	return Object.assign(e, {
		ready: () => Promise.resolve(),
		tune: () => Promise.resolve(),
		subscribe: () => () => {},
		reportFrame: (steps: number) => {
			e.stepsRun += steps;
			e.frames += 1;
		}
	}) as unknown as Engine & { stepsRun: number; frames: number };
}

/** A frame clock driven by the test: `frame()` runs what was scheduled. */
function manualClock(): FrameClock & { frame: () => void } {
	let queue: (() => void)[] = [];
	let t = 0;
	return {
		schedule: (cb) => queue.push(cb),
		cancel: () => {},
		now: () => (t += 1000),
		frame: () => {
			const run = queue;
			queue = [];
			run.forEach((cb) => cb());
		}
	};
}

/** A worker in this process: messages are structured-cloned (buffers transferred) and delivered as tasks. */
function inProcessPort() {
	const sent: ToWorker[] = [];
	const port = {
		onmessage: null,
		onerror: null,
		terminated: false,
		sent,
		postMessage(msg: ToWorker, transfer: Transferable[]) {
			if (port.terminated) return;
			sent.push(msg);
			const copy = structuredClone(msg, { transfer });
			setTimeout(() => !port.terminated && void host.handle(copy), 0);
		},
		terminate() {
			// A terminated worker's tensors go with it: here, the host frees its model.
			port.terminated = true;
			void host.handle({ type: 'dispose' });
		}
	} as WorkerPort & { terminated: boolean; sent: ToWorker[] };
	const host = new CnnHost({
		post: (msg: FromWorker, transfer) => {
			const copy = structuredClone(msg, { transfer });
			setTimeout(() => !port.terminated && port.onmessage?.({ data: copy }), 0);
		},
		yieldNow: () => new Promise((r) => setTimeout(r, 0))
	});
	return port;
}

/** Lets pending messages and read-backs settle. */
async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
}

let train: DigitSet;
let val: DigitSet;
beforeAll(async () => {
	await tf.setBackend('cpu');
	({ train, val } = await loadDigitFixture(1000, 150));
});

const CONFIG = SMALL_CNN;

describe('CnnRun with the training worker (in-process host, cpu)', () => {
	it('trains in the worker on cpu: play before the model exists, stats and curves, steps to the engine, probes, evaluate, stale answers dropped, destroy', async () => {
		const before = tf.memory().numTensors;
		const engine = fakeEngine('cpu');
		const clock = manualClock();
		const port = inProcessPort();
		let config = CONFIG;
		const run = new CnnRun(engine, () => config, clock, () => port);
		run.train = train;
		run.val = val;
		run.session.stepsPerFrame = 3;
		run.session.play();
		await run.session.start();
		expect(run.session.place).toBe('worker');
		expect(run.session.backend).toBe('cpu');
		expect(run.session.fallback).toBeNull();
		// The page built no model: nothing on this side but what the in-process host holds.
		expect(port.sent.map((m) => m.type).slice(0, 4)).toEqual(['init', 'build', 'configure', 'play']);
		expect(port.sent[2]).toMatchObject({ type: 'configure', patch: { spf: 3 } });
		// The page's digits stay usable (the worker got copies).
		expect(val.images.length).toBe(150 * 784);

		await expect.poll(() => run.session.step, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
		expect(run.session.status).toBe('running');
		clock.frame();
		expect(engine.stepsRun).toBeGreaterThan(0);
		run.session.pause();
		expect(run.session.status).toBe('paused');
		await settle();
		const step = run.session.step;
		await settle();
		expect(run.session.step).toBe(step);
		// Every played step reached the engine (the bench reads the total).
		expect(engine.stepsRun).toBe(step);
		expect(run.trainLoss.length).toBeGreaterThan(1);
		expect(run.latest?.step).toBe(step);

		run.setInput(digitPixels(val, 0));
		clock.frame();
		await settle();
		expect(run.maps?.map((m) => m.id)).toEqual(['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'dense', 'softmax']);
		expect(run.maps!.find((m) => m.id === 'softmax')!.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		expect(run.filters?.conv2.shape).toEqual([3, 3, 4, 8]);
		const conv1 = run.maps![0].data;

		run.session.stepOnce();
		await settle();
		expect(run.session.step).toBe(step + 1);
		expect(engine.stepsRun).toBe(step);
		clock.frame();
		await settle();
		expect(run.maps![0].data).not.toEqual(conv1);

		run.evaluate();
		await expect.poll(() => run.evaluation, { timeout: 30_000 }).not.toBeNull();
		expect(run.evaluation!.step).toBe(step + 1);
		expect(run.evaluation!.confusion.flat().reduce((a, b) => a + b, 0)).toBe(150);
		expect(run.valAccuracy.length).toBe(1);

		// A pass in flight when the structure changes: its answer is dropped, the curves start over.
		run.evaluate();
		config = { ...CONFIG, poolSize: 3 };
		run.session.rebuild();
		await settle();
		await expect.poll(() => run.evaluating).toBe(false);
		expect(run.evaluation).toBeNull();
		expect(run.valAccuracy.length).toBe(0);
		expect(run.session.step).toBe(0);
		clock.frame();
		await settle();
		expect(run.maps!.find((m) => m.id === 'pool2')!.data.length).toBe(3 * 3 * 8);

		// Live settings go to the worker's model; a bad structure is reported, and a good one recovers.
		run.session.configure({ lr: 0.01 });
		expect(port.sent.at(-1)).toMatchObject({ type: 'configure', patch: { lr: 0.01 } });
		config = { ...CONFIG, filters1: 99 };
		run.session.rebuild();
		await settle();
		expect(run.session.status).toBe('error');
		expect(run.session.error).toMatch(/filters1/);
		config = CONFIG;
		run.session.rebuild();
		await settle();
		expect(run.session.status).toBe('idle');
		expect(run.session.error).toBeNull();

		run.destroy();
		expect(port.terminated).toBe(true);
		await settle();
		expect(tf.memory().numTensors).toBe(before);
	});

	it('drops stats of an older model, holds the worker while the page is hidden, and stops as diverged on a non-finite or diverged read-back', async () => {
		// A document whose visibility the test sets (node has none).
		const doc = Object.assign(new EventTarget(), { hidden: false });
		(globalThis as { document?: unknown }).document = doc;
		const setHidden = (hidden: boolean) => {
			doc.hidden = hidden;
			doc.dispatchEvent(new Event('visibilitychange'));
		};
		const engine = fakeEngine('cpu');
		const clock = manualClock();
		const sent: ToWorker[] = [];
		const port = { onmessage: null, onerror: null, postMessage: (m: ToWorker) => sent.push(m), terminate: () => {} } as WorkerPort;
		const run = new CnnRun(engine, () => CONFIG, clock, () => port);
		run.train = train;
		run.val = val;
		const starting = run.session.start();
		await expect.poll(() => sent.length).toBe(1);
		expect(sent[0]).toMatchObject({ type: 'init', backend: 'cpu' });
		port.onmessage!({ data: { type: 'ready', backend: 'cpu' } });
		await starting;
		expect(run.session.place).toBe('worker');
		const stats = (epoch: number, step: number, loss: number, diverged = false): FromWorker => ({
			type: 'stats', epoch, step, stats: { step, loss, accuracy: 0.5, finite: !diverged, diverged }, played: 1, running: true, tensors: 0
		});
		run.session.play();
		port.onmessage!({ data: stats(1, 3, 2.1) });
		expect(run.session.step).toBe(3);
		// Hidden: the worker's loop is held, the session still counts as running; visible: it resumes.
		setHidden(true);
		expect(sent.at(-1)).toEqual({ type: 'pause', epoch: 1 });
		expect(run.session.status).toBe('running');
		setHidden(false);
		expect(sent.at(-1)).toEqual({ type: 'play', epoch: 1 });
		run.session.pause();
		setHidden(true);
		run.session.play();
		expect(sent.at(-1)).toEqual({ type: 'pause', epoch: 1 });
		setHidden(false);
		expect(sent.at(-1)).toEqual({ type: 'play', epoch: 1 });
		run.session.rebuild();
		expect(sent.at(-2)).toMatchObject({ type: 'build', epoch: 2 });
		port.onmessage!({ data: stats(1, 4, 2.0) });
		expect(run.session.step).toBe(0);
		expect(run.trainLoss.length).toBe(0);
		port.onmessage!({ data: stats(2, 1, 5e3, true) });
		expect(run.session.status).toBe('diverged');
		run.session.play();
		expect(run.session.status).toBe('diverged');
		run.session.reset();
		port.onmessage!({ data: stats(3, 1, Number.NaN) });
		expect(run.session.status).toBe('diverged');
		run.destroy();
		const count = sent.length;
		setHidden(true);
		expect(sent.length).toBe(count);
		delete (globalThis as { document?: unknown }).document;
	});

	it('falls back to training on the page when the worker cannot start, and trains on the page on GPU backends', async () => {
		const cases: [string, (() => WorkerPort) | null, string | null][] = [
			['cpu', () => { throw new Error('blocked by the test'); }, 'blocked by the test'],
			['cpu', () => ({ onmessage: null, onerror: null, postMessage: () => {}, terminate: () => {} }) as WorkerPort, 'no answer within 50 ms'],
			['webgl', () => { throw new Error('never called'); }, null],
			['cpu', null, null]
		];
		for (const [backend, createPort, fallback] of cases) {
			const before = tf.memory().numTensors;
			const clock = manualClock();
			const run = new CnnRun(fakeEngine(backend), () => CONFIG, clock, createPort);
			run.session.initTimeoutMs = 50;
			run.train = train;
			run.val = val;
			run.session.stepOnce();
			await run.session.start();
			expect(run.session.place, backend).toBe('page');
			expect(run.session.fallback).toBe(fallback);
			expect(run.session.worker).toBeNull();
			expect(run.session.status).toBe('paused');
			await settle();
			expect(run.session.step).toBe(1);
			expect(run.trainLoss.length).toBe(2);
			run.destroy();
			await settle();
			expect(tf.memory().numTensors).toBe(before);
		}
	});

	it('starts the worker while the backends are measured, and not on a hardware GPU', async () => {
		for (const [backend, adapter, expectPorts] of [
			['cpu', { software: true }, 1],
			['webgpu', { software: true }, 1],
			['webgpu', { software: false }, 0]
		] as const) {
			let release!: () => void;
			const measuring = new Promise<void>((r) => (release = r));
			const engine = fakeEngine(backend);
			Object.assign(engine, { tune: () => measuring, choice: { backend, adapter } });
			let ports = 0;
			const run = new CnnRun(engine, () => CONFIG, manualClock(), () => {
				ports += 1;
				return inProcessPort();
			});
			run.train = train;
			run.val = val;
			const started = run.session.start();
			await settle();
			// still measuring: the worker (if any) is already starting
			expect(ports, `${backend} ${adapter.software}`).toBe(expectPorts);
			release();
			await started;
			// the measured backend decides; a prewarmed worker is the one used, never a second
			expect(run.session.place).toBe(backend === 'cpu' ? 'worker' : 'page');
			expect(ports).toBe(expectPorts);
			run.destroy();
			await settle();
		}
	});
});
