import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createDigitCnn, DIVERGED_LOSS, type DigitCnnModel, type DigitCnnStats } from '$lib/ml/models/digitCnn';
import { traceEngine, useCpuBackend } from '../helpers';
import { SMALL, syntheticDigits } from './digitFixtures';

useCpuBackend();

const TRAIN = syntheticDigits(100, 1);

function record(m: DigitCnnModel, t: tf.Tensor | null = m.step(true)): DigitCnnStats {
	if (!t) throw new Error('no stats tensor');
	const values = t.dataSync() as Float32Array;
	t.dispose();
	return m.decode(values);
}

describe('createDigitCnn: steps and stats', () => {
	it('records [loss, accuracy, finite, step, calm] and decodes them', () => {
		const m = createDigitCnn(SMALL, TRAIN);
		expect(m.layers.map((l) => l.id)).toContain('pool2');
		expect(m.statsLength).toBe(5);
		const first = record(m);
		expect(first.step).toBe(1);
		expect(first.loss).toBeGreaterThan(0.5);
		expect(first.loss).toBeLessThan(10);
		expect(first.accuracy).toBeGreaterThanOrEqual(0);
		expect(first.accuracy).toBeLessThanOrEqual(1);
		expect(Math.round(first.accuracy * 16)).toBeCloseTo(first.accuracy * 16, 4);
		expect(first.finite).toBe(true);
		expect(first.diverged).toBe(false);
		expect(m.step(false)).toBeNull();
		expect(record(m).step).toBe(3);
		expect(m.steps).toBe(3);
		expect(() => m.decode(new Float32Array(3))).toThrow();
		m.dispose();
	});

	it('learns the synthetic digits (loss falls, accuracy rises)', () => {
		const m = createDigitCnn({ ...SMALL, lr: 0.02 }, TRAIN);
		const start = record(m, m.inspect());
		for (let i = 0; i < 40; i++) m.step(false);
		const end = record(m, m.inspect());
		m.dispose();
		expect(end.loss).toBeLessThan(0.3 * start.loss);
		expect(end.accuracy).toBeGreaterThan(0.9);
	});

	it('is deterministic per seed (weights and batch order)', () => {
		const run = (seed: number) => {
			const m = createDigitCnn({ ...SMALL, seed }, TRAIN);
			for (let i = 0; i < 4; i++) m.step(false);
			const s = record(m);
			m.dispose();
			return s;
		};
		expect(run(5)).toEqual(run(5));
		expect(run(6).loss).not.toBe(run(5).loss);
	});

	it('inspect() reports the next batch without training: equal to the next step(true)', () => {
		const m = createDigitCnn(SMALL, TRAIN);
		m.step(false);
		const peek = record(m, m.inspect());
		const again = record(m, m.inspect());
		expect(again).toEqual(peek);
		expect(m.steps).toBe(1);
		const next = record(m);
		expect(next.loss).toBeCloseTo(peek.loss, 5);
		expect(next.accuracy).toBe(peek.accuracy);
		expect(peek.step).toBe(1);
		expect(next.step).toBe(2);
		m.dispose();
	});

	it('configure changes lr and batch without rebuilding; bad values are ignored', () => {
		const m = createDigitCnn(SMALL, TRAIN);
		const w = m.params.w1;
		m.step(false);
		m.configure({ lr: 0.02, batch: 32 });
		expect(m.config.lr).toBe(0.02);
		expect(m.config.batch).toBe(32);
		expect(m.params.w1).toBe(w);
		const epochs = m.epochs;
		const s = record(m);
		expect(m.epochs).toBe(epochs + 1);
		// accuracy is a count over 32 digits now
		expect(Math.round(s.accuracy * 32)).toBeCloseTo(s.accuracy * 32, 4);
		const bads: Record<string, number | string>[] = [{ lr: -1 }, { lr: NaN }, { lr: '0.1' }, { batch: 8 }, { batch: 300 }, { batch: 20.5 }];
		for (const bad of bads) m.configure(bad);
		expect(m.config).toMatchObject({ lr: 0.02, batch: 32 });
		m.dispose();
	});

	it('walks through epochs of shuffled batches: every digit once per epoch', () => {
		const m = createDigitCnn({ ...SMALL, batch: 20 }, TRAIN);
		for (let i = 0; i < 5; i++) m.step(false);
		expect(m.epochs).toBe(1);
		m.step(false);
		expect(m.epochs).toBe(2);
		m.dispose();
	});

	it('a step builds no tensor from a JS value (only the epoch order is uploaded, once per epoch)', () => {
		const m = createDigitCnn({ ...SMALL, batch: 25 }, TRAIN);
		const first = traceEngine(() => m.step(false));
		expect(first.uploads).toBe(1);
		for (let i = 0; i < 3; i++) {
			const lean = traceEngine(() => m.step(false));
			expect(lean.uploads).toBe(0);
			expect(lean.kernels).not.toContain('Fill');
		}
		const nextEpoch = traceEngine(() => m.step(true));
		expect(nextEpoch.uploads).toBe(1);
		nextEpoch.result?.dispose();
		const recorded = traceEngine(() => m.step(true));
		expect(recorded.uploads).toBe(0);
		recorded.result?.dispose();
		const inspected = traceEngine(() => m.inspect());
		expect(inspected.uploads).toBe(0);
		inspected.result.dispose();
		m.dispose();
	});

	it('flags divergence under a huge learning rate', () => {
		const m = createDigitCnn({ ...SMALL, lr: 1e6 }, TRAIN);
		let s = record(m);
		expect(s.diverged).toBe(false);
		for (let i = 0; i < 10 && !s.diverged; i++) s = record(m);
		expect(s.diverged).toBe(true);
		expect(!s.finite || s.loss > DIVERGED_LOSS).toBe(true);
		m.dispose();
	});

	it('decode marks non-finite loss, a zero finite flag, a huge loss and a tripped latch as diverged', () => {
		const m = createDigitCnn(SMALL, TRAIN);
		expect(m.decode(Float32Array.from([2, 0.1, 1, 1, 1])).diverged).toBe(false);
		expect(m.decode(Float32Array.from([NaN, 0.1, 1, 1, 1])).diverged).toBe(true);
		expect(m.decode(Float32Array.from([Infinity, 0.1, 1, 1, 1])).diverged).toBe(true);
		expect(m.decode(Float32Array.from([2, 0.1, 0, 1, 1]))).toMatchObject({ diverged: true, finite: false });
		expect(m.decode(Float32Array.from([2 * DIVERGED_LOSS, 0.1, 1, 1, 1])).diverged).toBe(true);
		// The latch: an earlier step's loss blew up, this one looks fine.
		expect(m.decode(Float32Array.from([2, 0.1, 1, 1, 0]))).toMatchObject({ diverged: true, finite: true });
		m.dispose();
	});

	it('rejects a bad config or digit set, and use after dispose', () => {
		expect(() => createDigitCnn({ ...SMALL, batch: 8 }, TRAIN)).toThrow();
		expect(() => createDigitCnn(SMALL, { ...TRAIN, rows: 27 })).toThrow(/28x28/);
		expect(() => createDigitCnn(SMALL, { ...TRAIN, count: 101 })).toThrow();
		const m = createDigitCnn(SMALL, TRAIN);
		m.dispose();
		m.dispose();
		expect(() => m.step(false)).toThrow(/dispose/);
		expect(() => m.inspect()).toThrow(/dispose/);
	});
});

describe('createDigitCnn: evaluate', () => {
	it('counts a confusion matrix [truth][pred] that matches a direct forward pass', async () => {
		const val = syntheticDigits(30, 9);
		const m = createDigitCnn(SMALL, TRAIN);
		for (let i = 0; i < 10; i++) m.step(false);
		const e = await m.evaluate(val);
		const [pred, loss] = tf.tidy(() => {
			const x = tf.div(tf.tensor4d(Float32Array.from(val.images), [30, 28, 28, 1]), 255) as tf.Tensor4D;
			const logits = m.forwardAll(x).logits;
			const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(val.labels), 'int32'), 10);
			return [tf.argMax(logits, 1).dataSync(), tf.losses.softmaxCrossEntropy(onehot, logits).dataSync()[0]];
		});
		expect(Array.from(e.predicted)).toEqual(Array.from(pred));
		expect(e.loss).toBeCloseTo(loss, 4);
		expect(e.confusion.length).toBe(10);
		expect(e.confusion.flat().reduce((a, b) => a + b, 0)).toBe(30);
		for (let t = 0; t < 10; t++) expect(e.confusion[t].reduce((a, b) => a + b, 0)).toBe(3);
		const diag = e.confusion.reduce((s, row, i) => s + row[i], 0);
		expect(e.accuracy).toBeCloseTo(diag / 30, 10);
		let hits = 0;
		val.labels.forEach((l, i) => (hits += l === pred[i] ? 1 : 0));
		expect(diag).toBe(hits);
		m.dispose();
	});

	it('handles more digits than one evaluation chunk', async () => {
		const val = syntheticDigits(1100, 4);
		const m = createDigitCnn(SMALL, TRAIN);
		const e = await m.evaluate(val);
		expect(e.predicted.length).toBe(1100);
		expect(e.confusion.flat().reduce((a, b) => a + b, 0)).toBe(1100);
		m.dispose();
	});
});
