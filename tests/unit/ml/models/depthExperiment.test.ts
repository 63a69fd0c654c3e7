import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createDepthExperiment, initialDepthStats, type DepthConfig, type DepthStats } from '$lib/ml/models/depthExperiment';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const BASE: DepthConfig = { act: 'relu', alpha: 0.1, depth: 10, width: 8, init: 'he', lr: 0.1, data: 'moons', seed: 1 };

function record(exp: ReturnType<typeof createDepthExperiment>): DepthStats {
	const t = exp.step(true);
	if (!t) throw new Error('no stats tensor');
	const values = t.dataSync() as Float32Array;
	t.dispose();
	return exp.decode(values);
}

describe('createDepthExperiment: stats', () => {
	it('decodes a recorded step into the documented shapes', () => {
		const exp = createDepthExperiment(BASE);
		expect(exp.layerSizes).toEqual([2, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1]);
		expect(exp.paramCount).toBe(2 * 8 + 8 + 9 * (8 * 8 + 8) + 8 + 1);
		expect(exp.step(false)).toBeNull();
		const t = exp.step(true);
		expect(t?.shape).toEqual([exp.statsLength]);
		expect(t?.dtype).toBe('float32');
		t?.dispose();
		const s = record(exp);
		expect(exp.steps).toBe(3);
		expect(s.gradNorms.length).toBe(11);
		expect(s.deadShareByLayer.length).toBe(10);
		expect(s.deadUnits.map((u) => u.length)).toEqual(Array(10).fill(8));
		expect(s.edgeGrads.map((e) => e.length)).toEqual([16, ...Array(9).fill(64), 8]);
		expect(s.layerSizes).toEqual(exp.layerSizes);
		expect(s.loss).toBeGreaterThan(0);
		expect(s.accuracy).toBeGreaterThanOrEqual(0);
		expect(s.accuracy).toBeLessThanOrEqual(1);
		s.deadUnits.forEach((u, l) => expect(s.deadShareByLayer[l]).toBeCloseTo(u.reduce((a, b) => a + b, 0) / 8, 6));
		const totalDead = s.deadUnits.reduce((a, u) => a + u.reduce((x, y) => x + y, 0), 0);
		expect(s.deadShare).toBeCloseTo(totalDead / 80, 6);
		s.edgeGrads.forEach((e, l) => {
			const norm = Math.sqrt(e.reduce((a, v) => a + v * v, 0));
			expect(norm).toBeCloseTo(s.gradNorms[l], 5);
		});
		expect(() => exp.decode(new Float32Array(3))).toThrow();
		exp.dispose();
	});

	it('is deterministic per seed', () => {
		const run = (seed: number) => {
			const exp = createDepthExperiment({ ...BASE, depth: 3, seed });
			for (let i = 0; i < 5; i++) exp.step(false);
			const s = record(exp);
			exp.dispose();
			return s;
		};
		const a = run(4);
		expect(run(4)).toEqual(a);
		expect(run(5).loss).not.toBe(a.loss);
	});

	it('initialDepthStats reports the state before any update, exactly what the first step(true) records', async () => {
		const cfg = { ...BASE, act: 'tanh', init: 'xavier', depth: 4 } as const;
		const init = await initialDepthStats(cfg);
		const exp = createDepthExperiment(cfg);
		const first = record(exp);
		const second = record(exp);
		exp.dispose();
		expect(first).toEqual(init);
		expect(second.loss).not.toBe(first.loss);
	});

	it('learns: a shallow tanh net fits the moons', () => {
		const exp = createDepthExperiment({ ...BASE, act: 'tanh', init: 'xavier', depth: 2, width: 8, lr: 1 });
		const start = record(exp);
		for (let i = 0; i < 300; i++) exp.step(false);
		const end = record(exp);
		exp.dispose();
		expect(end.loss).toBeLessThan(0.5 * start.loss);
		expect(end.accuracy).toBeGreaterThan(0.85);
	});

	it('configure({lr}) changes the learning rate live, like building with that rate', () => {
		const a = createDepthExperiment({ ...BASE, depth: 3, lr: 0.5 });
		const b = createDepthExperiment({ ...BASE, depth: 3, lr: 0.01 });
		b.configure({ lr: 0.5, act: 'sigmoid' });
		for (let i = 0; i < 5; i++) {
			a.step(false);
			b.step(false);
		}
		expect(record(b)).toEqual(record(a));
		b.configure({ lr: -3 });
		b.configure({ lr: Number.NaN });
		a.step(false);
		b.step(false);
		expect(b.mlp.weights[0].dataSync()).toEqual(a.mlp.weights[0].dataSync());
		a.dispose();
		b.dispose();
	});
});

describe('createDepthExperiment: the lesson\'s claims', () => {
	// depth 10, width 16, moons (256 points), seeds 1..3, measured at initialisation
	const ratio = (s: DepthStats) => s.gradNorms[9] / s.gradNorms[0];

	it('sigmoid (xavier): the first layer\'s gradient is >= 100x smaller than the last hidden layer\'s', async () => {
		for (const seed of [1, 2, 3]) {
			const s = await initialDepthStats({ ...BASE, act: 'sigmoid', init: 'xavier', width: 16, seed });
			expect(ratio(s), `seed ${seed}`).toBeGreaterThan(100);
		}
	});

	it('relu (he): first and last hidden gradients stay within 10x of each other', async () => {
		for (const seed of [1, 2, 3]) {
			const s = await initialDepthStats({ ...BASE, act: 'relu', init: 'he', width: 16, seed });
			expect(ratio(s), `seed ${seed}`).toBeGreaterThan(0.1);
			expect(ratio(s), `seed ${seed}`).toBeLessThan(10);
		}
	});

	it('a high learning rate kills ReLU units: 100 steps at lr 5 leave far more dead units than at lr 0.01', () => {
		const deadAfter = (lr: number, seed: number) => {
			const exp = createDepthExperiment({ ...BASE, lr, seed });
			for (let i = 0; i < 100; i++) exp.step(false);
			const s = record(exp);
			exp.dispose();
			return s.deadShare;
		};
		for (const seed of [1, 2, 3]) {
			const low = deadAfter(0.01, seed);
			const high = deadAfter(5, seed);
			expect(high, `seed ${seed}: ${high} vs ${low}`).toBeGreaterThan(low + 0.3);
			expect(high).toBeGreaterThan(0.5);
		}
	});
});

describe('createDepthExperiment: resources', () => {
	it('does not leak over 100 steps, with or without record, and frees everything on dispose', () => {
		const before = tf.memory().numTensors;
		const exp = createDepthExperiment({ ...BASE, act: 'gelu', depth: 4, n: 64 });
		exp.step(false);
		const steady = tf.memory().numTensors;
		for (let i = 0; i < 100; i++) exp.step(false);
		expect(tf.memory().numTensors).toBe(steady);
		for (let i = 0; i < 100; i++) exp.step(true)?.dispose();
		expect(tf.memory().numTensors).toBe(steady);
		exp.configure({ lr: 0.2 });
		exp.inspect().dispose();
		expect(tf.memory().numTensors).toBe(steady);
		exp.dispose();
		exp.dispose();
		expect(tf.memory().numTensors).toBe(before);
		expect(() => exp.step(false)).toThrow();
	});

	it('the engine trace sees uploads when there are some (control)', () => {
		const x = tf.tensor1d([1, 2]);
		const { uploads, kernels } = traceEngine(() => tf.tidy(() => void tf.mul(tf.add(x, 0.5), tf.fill([2], 3))));
		expect(uploads).toBeGreaterThanOrEqual(1);
		expect(kernels).toContain('Fill');
		x.dispose();
	});

	it('a step builds no tensor from a JS value (no scalar/tensor/ones/zeros/fill) for any activation', () => {
		for (const act of ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu'] as const) {
			const exp = createDepthExperiment({ ...BASE, act, depth: 3 });
			const lean = traceEngine(() => exp.step(false));
			expect(lean.uploads, act).toBe(0);
			expect(lean.kernels).not.toContain('Fill');
			expect(lean.kernels.length).toBeGreaterThan(0);
			const recorded = traceEngine(() => exp.step(true));
			expect(recorded.uploads, act).toBe(0);
			expect(recorded.kernels).not.toContain('Fill');
			recorded.result?.dispose();
			exp.dispose();
		}
	});
});
