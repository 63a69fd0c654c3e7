import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeGaussianClasses } from '$lib/ml/data/gaussianClasses';
import type { Toy2d } from '$lib/ml/data/toy2d';
import { binaryReport, foldOf, kFoldIndices, predictAt, rocAuc } from '$lib/ml/metrics/classification';
import { createLogisticCv, type LogisticCv, type LogisticCvConfig, type LogisticCvStats } from '$lib/ml/models/logisticCv';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

function setup(share = 0.5, k = 4, spread = 0.6, seed = 1): LogisticCvConfig {
	const train = makeGaussianClasses({ n: 200, positiveShare: share, spread, seed, stream: 'train' });
	const test = makeGaussianClasses({ n: 300, positiveShare: share, spread, seed, stream: 'test' });
	return { train, test, k, lr: 1, foldOf: foldOf(kFoldIndices(train.n, k, seed), train.n) };
}

function record(e: LogisticCv, update = true): LogisticCvStats {
	const t = update ? e.step(true) : e.inspect();
	if (!t) throw new Error('no stats');
	const values = t.dataSync() as Float32Array;
	t.dispose();
	return e.decode(values);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** Model j's score of point i of `d`, from decoded weights. */
const score = (w: Float32Array, j: number, d: Toy2d, i: number) =>
	sigmoid(w[3 * j] * d.x[2 * i] + w[3 * j + 1] * d.x[2 * i + 1] + w[3 * j + 2]);

/** The subset of `d` at `indices`. */
function subset(d: Toy2d, indices: number[]): Toy2d {
	return {
		n: indices.length,
		x: Float32Array.from(indices.flatMap((i) => [d.x[2 * i], d.x[2 * i + 1]])),
		y: Float32Array.from(indices.map((i) => d.y[i]))
	};
}

describe('createLogisticCv', () => {
	it('starts as the base rate: every score is the training share of positives; documented shapes', () => {
		const cfg = setup();
		const e = createLogisticCv(cfg);
		const s = record(e, false);
		const rare = createLogisticCv(setup(0.2));
		const r = record(rare, false);
		rare.dispose();
		// 40 of 200 training points are positive: bias log(0.2 / 0.8), loss = the entropy of 0.2.
		expect(r.weights[2]).toBeCloseTo(Math.log(0.25), 5);
		expect(r.testScores.every((v) => Math.abs(v - 0.2) < 1e-6)).toBe(true);
		expect(r.loss).toBeCloseTo(-(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)), 5);
		expect(e.models).toBe(5);
		expect(s.testScores).toHaveLength(300);
		expect(s.cvScores).toHaveLength(200);
		expect(s.foldLoss).toHaveLength(4);
		expect(s.weights).toHaveLength(15);
		expect(s.testScores.every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true);
		// Fold model j starts at its own training folds' share of positives.
		for (let i = 0; i < cfg.train.n; i += 5) expect(s.cvScores[i]).toBeCloseTo(score(s.weights, cfg.foldOf[i] + 1, cfg.train, i), 6);
		expect(s.loss).toBeCloseTo(Math.LN2, 5);
		expect(s.testLoss).toBeCloseTo(Math.LN2, 5);
		expect(s.gradNorm).toBeGreaterThan(0);
		expect(s.diverged).toBe(false);
		expect(e.step(false)).toBeNull();
		expect(() => e.decode(new Float32Array(2))).toThrow();
		e.dispose();
	});

	it('trains the k fold models exactly as k separate models on their training folds', () => {
		const cfg = setup(0.3, 3);
		const folds = kFoldIndices(cfg.train.n, 3, 1);
		const batched = createLogisticCv(cfg);
		for (let i = 0; i < 40; i++) batched.step(false);
		const b = record(batched);
		batched.dispose();
		for (let j = 0; j < 3; j++) {
			const train = subset(cfg.train, folds[j].train);
			const alone = createLogisticCv({ ...cfg, train, foldOf: train.y.map((_, i) => i % 2), k: 2 });
			for (let i = 0; i < 40; i++) alone.step(false);
			const a = record(alone);
			alone.dispose();
			for (let p = 0; p < 3; p++) expect(b.weights[3 * (j + 1) + p]).toBeCloseTo(a.weights[p], 5);
			expect(b.foldLoss[j]).toBeCloseTo(a.loss, 5);
		}
	});

	it('scores the test set with model 0 and each training point with the model that did not see it', () => {
		const cfg = setup(0.5, 4);
		const e = createLogisticCv(cfg);
		for (let i = 0; i < 30; i++) e.step(false);
		const s = record(e, false);
		e.dispose();
		for (let i = 0; i < cfg.test.n; i += 7) expect(s.testScores[i]).toBeCloseTo(score(s.weights, 0, cfg.test, i), 5);
		for (let i = 0; i < cfg.train.n; i += 3) expect(s.cvScores[i]).toBeCloseTo(score(s.weights, cfg.foldOf[i] + 1, cfg.train, i), 5);
	});

	it('learns a near-optimal boundary and converges (gradient norm falls)', () => {
		const cfg = setup(0.5, 5);
		const e = createLogisticCv(cfg);
		const start = record(e, false);
		for (let i = 0; i < 400; i++) e.step(false);
		const end = record(e);
		e.dispose();
		expect(end.loss).toBeLessThan(start.loss - 0.3);
		expect(end.gradNorm).toBeLessThan(0.01 * start.gradNorm);
		expect(rocAuc(end.testScores, cfg.test.y)).toBeGreaterThan(0.9);
		// The classes are symmetric about the line x1 + x2 = 0: (w1, w2) points along (1, 1), bias ~ 0.
		const [w1, w2, b] = end.weights;
		const norm = Math.hypot(w1, w2);
		expect((w1 + w2) / (Math.SQRT2 * norm)).toBeGreaterThan(0.95);
		expect(Math.abs(b) / norm).toBeLessThan(0.2);
		expect(binaryReport(predictAt(end.testScores, 0.5), cfg.test.y).accuracy).toBeGreaterThan(0.82);
	});

	it('is deterministic, takes the learning rate live, and rejects bad settings', () => {
		const run = (lr?: number) => {
			const e = createLogisticCv(setup());
			if (lr) e.configure({ lr });
			for (let i = 0; i < 10; i++) e.step(false);
			const s = record(e);
			e.dispose();
			return s;
		};
		expect(run()).toEqual(run());
		expect(run(0.1).loss).toBeGreaterThan(run().loss);
		const cfg = setup();
		expect(() => createLogisticCv({ ...cfg, k: 1 })).toThrow(/k must be/);
		expect(() => createLogisticCv({ ...cfg, foldOf: [0, 1] })).toThrow(/foldOf/);
		expect(() => createLogisticCv({ ...cfg, foldOf: cfg.train.y.map(() => 9) })).toThrow(/bad fold/);
		expect(() => createLogisticCv({ ...cfg, foldOf: cfg.train.y.map(() => 0) })).toThrow(/no training points/);
	});
});

describe('logisticCv on the GPU path', () => {
	it('leaks no tensor over many steps, read-backs and dispose', () => {
		const before = tf.memory().numTensors;
		const e = createLogisticCv(setup(0.05, 10));
		const owned = tf.memory().numTensors;
		for (let i = 0; i < 20; i++) e.step(false);
		record(e);
		record(e, false);
		e.configure({ lr: 0.5 });
		expect(tf.memory().numTensors).toBe(owned);
		e.dispose();
		e.dispose();
		expect(tf.memory().numTensors).toBe(before);
		expect(() => e.step(false)).toThrow(/after dispose/);
	});

	it('a step uploads nothing from JS (kept scalars only) and no kernel takes more than 7 inputs', async () => {
		const e = createLogisticCv(setup(0.2, 10));
		e.step(false);
		expect(traceEngine(() => e.step(false)).uploads).toBe(0);
		const trace = traceEngine(() => e.step(true));
		trace.result?.dispose();
		expect(trace.uploads).toBe(0);
		for (const fn of [() => e.step(true), () => e.inspect()]) {
			const info = await tf.profile(() => fn() ?? tf.scalar(0));
			(info.result as tf.Tensor).dispose();
			const widest = Math.max(...info.kernels.filter((k) => !['Concat', 'Pack'].includes(k.name)).map((k) => k.inputShapes.length));
			expect(widest).toBeLessThanOrEqual(7);
		}
		e.dispose();
	});
});
