import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DigitSet } from '$lib/ml/data/mnist';
import { createDigitCnn, DIVERGED_LOSS, type DigitCnnModel, type DigitCnnStats } from '$lib/ml/models/digitCnn';
import { TrainingSession } from '$lib/runtime/session.svelte';
import { loadDigitFixture, SMALL_CNN } from '../../helpers/digits';
import { fakeEngine } from '../../helpers/fakeEngine';

let train: DigitSet;
beforeAll(async () => {
	await tf.setBackend('cpu');
	({ train } = await loadDigitFixture(1000, 10));
});

function record(m: DigitCnnModel): DigitCnnStats {
	const t = m.step(true)!;
	const s = m.decode(t.dataSync() as Float32Array);
	t.dispose();
	return s;
}

/** Records every step up to `steps` or divergence; the stats per step. */
function trace(lr: number, steps: number): DigitCnnStats[] {
	const m = createDigitCnn({ ...SMALL_CNN, lr }, train);
	const out: DigitCnnStats[] = [];
	for (let i = 0; i < steps; i++) {
		out.push(record(m));
		if (out.at(-1)!.diverged) break;
	}
	m.dispose();
	return out;
}

describe('L10 digit CNN at learning rate 10 (Adam)', () => {
	it('diverges by the second step: the loss explodes past the bound (measured ~1e7 nats)', () => {
		const s = trace(10, 5);
		expect(s[0].diverged).toBe(false);
		expect(s.length).toBeLessThanOrEqual(2);
		expect(s.at(-1)!.diverged).toBe(true);
		expect(!s.at(-1)!.finite || s.at(-1)!.loss > DIVERGED_LOSS).toBe(true);
	});

	it('the default 0.003 and the old cap 0.05 never trip the rule over 25 steps (the spikes come in the first few)', () => {
		for (const lr of [0.003, 0.05]) {
			const s = trace(lr, 25);
			expect(s.length, `lr=${lr}`).toBe(25);
			expect(s.every((x) => !x.diverged && x.finite)).toBe(true);
			expect(Math.max(...s.map((x) => x.loss))).toBeLessThan(DIVERGED_LOSS / 100);
		}
	});

	it('the latch keeps a spike that came back down: the page session ends diverged though it reads back only later', async () => {
		// Without the latch: after Adam's too-large first steps the ReLUs die and the loss falls back
		// to tens, so a read-back at step 8 alone would look finite and small.
		const before = tf.memory().numTensors;
		const m = createDigitCnn({ ...SMALL_CNN, lr: 10 }, train);
		for (let i = 0; i < 7; i++) m.step(false);
		const late = record(m);
		expect(late.finite).toBe(true);
		expect(late.loss).toBeLessThan(DIVERGED_LOSS);
		expect(late.diverged).toBe(true);
		m.dispose();

		// The page path: a TrainingSession that trains 8 steps a frame and reads back the last one.
		const { engine } = fakeEngine();
		let frame: (() => void) | null = null;
		const seen: DigitCnnStats[] = [];
		const session = new TrainingSession<DigitCnnStats>({
			engine,
			create: () => createDigitCnn({ ...SMALL_CNN, lr: 10 }, train),
			onStats: (s) => seen.push(s),
			schedule: (cb) => ((frame = cb), 1),
			cancel: () => (frame = null),
			now: () => 0
		});
		await session.start();
		await Promise.resolve();
		session.stepsPerFrame = 8;
		session.play();
		for (let i = 0; i < 5 && session.status === 'running'; i++) {
			const f = frame as (() => void) | null;
			frame = null;
			f?.();
			for (let k = 0; k < 10; k++) await new Promise((r) => setTimeout(r, 0));
		}
		expect(session.status).toBe('diverged');
		expect(session.step).toBe(8);
		expect(seen.at(-1)!.loss).toBeLessThan(DIVERGED_LOSS);
		session.reset();
		expect(session.status).toBe('idle');
		expect(session.step).toBe(0);
		session.destroy();
		for (let k = 0; k < 10; k++) await new Promise((r) => setTimeout(r, 0));
		expect(tf.memory().numTensors).toBe(before);
	});

	it('the latch adds no tensor per step and is freed with the model', () => {
		const before = tf.memory().numTensors;
		const m = createDigitCnn({ ...SMALL_CNN, lr: 10 }, train);
		m.step(false);
		const held = tf.memory().numTensors;
		for (let i = 0; i < 5; i++) m.step(false);
		expect(record(m).diverged).toBe(true);
		expect(tf.memory().numTensors).toBe(held);
		m.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});
