import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitFixture, SMALL_CNN } from '../helpers/digits';
import { digitPixels, type DigitSet } from '$lib/ml/data/mnist';
import { createDigitCnn, describeDigitCnn } from '$lib/ml/models/digitCnn';
import { probeFeatureMaps, probeFilters } from '$lib/ml/probe/featureMaps';
import { CnnHost } from '$lessons/cnn/cnnHost';
import type { FromWorker, ToWorker } from '$lessons/cnn/cnnProtocol';

let train: DigitSet;
let val: DigitSet;
beforeAll(async () => {
	await tf.setBackend('cpu');
	({ train, val } = await loadDigitFixture(1000, 150));
});

const CONFIG = SMALL_CNN;

/** A host whose posts are collected (structured-cloned, as a worker's would be). */
function harness() {
	const out: FromWorker[] = [];
	// (Node drains a MessageChannel before its timers run, so the default yield would starve them.)
	const host = new CnnHost({ post: (msg, transfer) => out.push(structuredClone(msg, { transfer })), yieldNow: () => new Promise((r) => setTimeout(r, 0)) });
	const send = (msg: ToWorker | Record<string, unknown> | null) => host.handle(msg);
	const of = <T extends FromWorker['type']>(type: T) => out.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
	const last = <T extends FromWorker['type']>(type: T) => of(type).at(-1);
	const init = () => send({ type: 'init', backend: 'cpu', train: { ...train, labels: train.labels.slice(), images: train.images.slice() }, val: { ...val, labels: val.labels.slice(), images: val.images.slice() } });
	return { host, out, send, of, last, init };
}

describe('CnnHost (the training worker, driven directly on cpu)', () => {
	it('builds, trains back to back (every played step counted once in the stats), pauses with the stats of the last step, steps once, and frees everything', async () => {
		const before = tf.memory().numTensors;
		const h = harness();
		await h.init();
		expect(h.last('ready')?.backend).toBe('cpu');
		await h.send({ type: 'build', epoch: 1, config: CONFIG });
		const first = h.last('stats')!;
		expect(first).toMatchObject({ epoch: 1, step: 0, played: 0, running: false });
		expect(first.stats.finite).toBe(true);

		await h.send({ type: 'play', epoch: 1 });
		await expect.poll(() => h.last('stats')!.step, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
		await h.send({ type: 'pause', epoch: 1 });
		// The loop ends after the step in progress and posts its stats.
		await expect.poll(() => h.last('stats')!.running, { timeout: 10_000 }).toBe(false);
		const stats = h.of('stats');
		const paused = stats.at(-1)!;
		// Every step played is counted once, in the stats that followed it.
		expect(stats.reduce((n, m) => n + m.played, 0)).toBe(paused.step);
		expect(stats.map((m) => m.step)).toEqual([...stats.map((m) => m.step)].sort((a, b) => a - b));
		expect(paused.stats.step).toBe(paused.step);
		expect(paused.stats.loss).not.toBe(first.stats.loss);
		expect(Number.isFinite(paused.stats.loss)).toBe(true);
		await new Promise((r) => setTimeout(r, 100));
		expect(h.last('stats')!.step).toBe(paused.step);

		await h.send({ type: 'step', epoch: 1 });
		expect(h.last('stats')).toMatchObject({ step: paused.step + 1, played: 0, running: false });
		expect(h.of('error')).toEqual([]);

		await h.send({ type: 'dispose' });
		expect(h.last('disposed')?.tensors).toBe(before);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('probes give the same layers, shapes and values as the in-page probes; evaluate gives a 10 x 10 confusion of the validation set', async () => {
		const before = tf.memory().numTensors;
		const h = harness();
		await h.init();
		await h.send({ type: 'build', epoch: 1, config: CONFIG });
		const image = digitPixels(val, 0);
		await h.send({ type: 'probe', epoch: 1, id: 7, image: image.slice(), filters: true });
		const probe = h.last('probe')!;
		expect(probe).toMatchObject({ epoch: 1, id: 7 });

		const page = createDigitCnn(CONFIG, train);
		const [maps, filters] = await Promise.all([probeFeatureMaps(page, image), probeFilters(page)]);
		page.dispose();
		expect(probe.maps!.map((m) => [m.id, m.shape])).toEqual(maps.map((m) => [m.id, m.shape]));
		expect(probe.maps!.map((m) => m.shape)).toEqual(describeDigitCnn(CONFIG).filter((l) => probe.maps!.some((m) => m.id === l.id)).map((l) => l.shape));
		// Same seed, same step: the same numbers.
		probe.maps!.forEach((m, i) => expect(m.data).toEqual(maps[i].data));
		expect(probe.filters!.conv1.shape).toEqual([3, 3, 1, 4]);
		expect(probe.filters!.conv2.data).toEqual(filters.conv2.data);

		// No input: maps null; filters only when asked.
		await h.send({ type: 'probe', epoch: 1, id: 8, image: null, filters: false });
		expect(h.last('probe')).toMatchObject({ id: 8, maps: null, filters: null });

		await h.send({ type: 'step', epoch: 1 });
		await h.send({ type: 'evaluate', epoch: 1, id: 9 });
		const ev = h.last('evaluation')!;
		expect(ev).toMatchObject({ epoch: 1, id: 9, step: 1 });
		expect(ev.result.confusion.length).toBe(10);
		for (const row of ev.result.confusion) expect(row.length).toBe(10);
		expect(ev.result.confusion.flat().reduce((a, b) => a + b, 0)).toBe(val.count);
		expect(ev.result.predicted.length).toBe(val.count);
		expect(ev.result.accuracy).toBeGreaterThanOrEqual(0);
		expect(ev.result.accuracy).toBeLessThanOrEqual(1);
		// The first pass uploads the validation digits once; the next pass adds nothing.
		expect(ev.tensors).toBeGreaterThan(h.last('stats')!.tensors);
		await h.send({ type: 'evaluate', epoch: 1, id: 11 });
		expect(h.last('evaluation')).toMatchObject({ id: 11, tensors: ev.tensors });

		// A reset is a new build: fresh step-0 stats for the new epoch.
		await h.send({ type: 'build', epoch: 2, config: { ...CONFIG, poolSize: 3 } });
		expect(h.last('stats')).toMatchObject({ epoch: 2, step: 0 });
		await h.send({ type: 'probe', epoch: 2, id: 10, image: image.slice(), filters: false });
		expect(h.last('probe')!.maps!.find((m) => m.id === 'pool2')!.shape).toEqual([3, 3, 8]);
		expect(h.of('error')).toEqual([]);
		await h.send({ type: 'dispose' });
		expect(tf.memory().numTensors).toBe(before);
	});

	it('ignores requests for an older epoch and drops answers for a model rebuilt while they were computed', async () => {
		const before = tf.memory().numTensors;
		const h = harness();
		await h.init();
		await h.send({ type: 'build', epoch: 1, config: CONFIG });
		await h.send({ type: 'build', epoch: 2, config: CONFIG });
		const count = h.out.length;
		// Requests meant for epoch 1 arrive after the rebuild: nothing runs, nothing is answered.
		await h.send({ type: 'probe', epoch: 1, id: 1, image: digitPixels(val, 0), filters: true });
		await h.send({ type: 'evaluate', epoch: 1, id: 2 });
		await h.send({ type: 'step', epoch: 1 });
		await h.send({ type: 'play', epoch: 1 });
		expect(h.out.length).toBe(count);

		// A probe and a validation pass in flight when the model is rebuilt: both answers dropped.
		const probe = h.send({ type: 'probe', epoch: 2, id: 3, image: digitPixels(val, 1), filters: true });
		const pass = h.send({ type: 'evaluate', epoch: 2, id: 4 });
		await h.send({ type: 'build', epoch: 3, config: CONFIG });
		await Promise.all([probe, pass]);
		expect(h.of('probe')).toEqual([]);
		expect(h.of('evaluation')).toEqual([]);
		expect(h.of('error')).toEqual([]);
		expect(h.last('stats')).toMatchObject({ epoch: 3, step: 0 });

		// A running loop stops for the rebuild: the new model does not train until asked.
		await h.send({ type: 'play', epoch: 3 });
		await expect.poll(() => h.last('stats')!.step, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
		await h.send({ type: 'build', epoch: 4, config: CONFIG });
		await new Promise((r) => setTimeout(r, 200));
		expect(h.of('stats').filter((m) => m.epoch === 4).map((m) => m.step)).toEqual([0]);
		await h.send({ type: 'dispose' });
		expect(tf.memory().numTensors).toBe(before);
	});

	it('answers bad messages with an error and keeps working', async () => {
		const before = tf.memory().numTensors;
		const h = harness();
		await h.send({ type: 'build', epoch: 1, config: CONFIG });
		expect(h.last('error')).toMatchObject({ request: 'build', epoch: 1, message: expect.stringMatching(/init first/) });
		await h.send({ type: 'init', backend: 'webgpu', train, val } as unknown as ToWorker);
		expect(h.last('error')).toMatchObject({ request: 'init', message: expect.stringMatching(/webgpu/) });
		await h.send({ type: 'init', backend: 'cpu', train: { ...train, count: 5 }, val } as unknown as ToWorker);
		expect(h.last('error')?.message).toMatch(/count/);
		await h.init();
		await h.send(null);
		expect(h.last('error')?.message).toMatch(/without a type/);
		await h.send({ type: 'explode', epoch: 1 });
		expect(h.last('error')).toMatchObject({ request: 'explode', message: expect.stringMatching(/unknown message type/) });
		await h.send({ type: 'build', epoch: 1, config: { ...CONFIG, filters1: 99 } });
		expect(h.last('error')).toMatchObject({ request: 'build', epoch: 1, message: expect.stringMatching(/filters1/) });
		await h.send({ type: 'build', epoch: 2 });
		expect(h.last('error')?.message).toMatch(/no config/);
		await h.send({ type: 'build', epoch: 3, config: CONFIG });
		expect(h.last('stats')).toMatchObject({ epoch: 3, step: 0 });
		await h.send({ type: 'configure', epoch: 3, patch: { spf: -2 } });
		expect(h.last('error')).toMatchObject({ request: 'configure', epoch: 3 });
		await h.send({ type: 'probe', epoch: 3, id: 5, image: new Float32Array(10), filters: false });
		expect(h.last('error')).toMatchObject({ request: 'probe', id: 5, message: expect.stringMatching(/784/) });
		await h.send({ type: 'probe', epoch: 3, id: 6, image: [1, 2, 3], filters: false });
		expect(h.last('error')).toMatchObject({ request: 'probe', id: 6 });
		// Bad live values are ignored by the model; a good batch applies.
		await h.send({ type: 'configure', epoch: 3, patch: { lr: -1, batch: 3.5 } });
		await h.send({ type: 'configure', epoch: 3, patch: { batch: 32 } });
		await h.send({ type: 'step', epoch: 3 });
		expect(h.last('stats')).toMatchObject({ epoch: 3, step: 1 });
		expect(h.of('error').length).toBe(10);
		await h.send({ type: 'dispose' });
		expect(tf.memory().numTensors).toBe(before);
	});
});
