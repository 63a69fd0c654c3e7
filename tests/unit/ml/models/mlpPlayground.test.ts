import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { gridPoints } from '$lib/ml/data/grid2d';
import { createMlpPlayground, type MlpPlayground, type PlaygroundConfig, type PlaygroundStats } from '$lib/ml/models/mlpPlayground';
import { traceEngine, useCpuBackend } from '../helpers';
import { forward64 } from '../probe/mlp64';

useCpuBackend();

const BASE: PlaygroundConfig = { data: 'moons', noise: 0.05, hidden: [4, 3], act: 'tanh', lr: 0.3, batch: 200, seed: 1 };

function record(p: MlpPlayground, update = true): PlaygroundStats {
	const t = update ? p.step(true) : p.inspect();
	if (!t) throw new Error('no stats');
	const values = t.dataSync() as Float32Array;
	t.dispose();
	return p.decode(values);
}

const weightsOf = (p: MlpPlayground) => p.mlp.weights.map((w) => w.dataSync().slice());
const biasesOf = (p: MlpPlayground) => p.mlp.biases.map((b) => b.dataSync().slice());

describe('createMlpPlayground: stats', () => {
	it('decodes a recorded step: losses, accuracies, the boundary grid and the picked sample trace', () => {
		const p = createMlpPlayground({ ...BASE, pick: 7 });
		expect(p.layerSizes).toEqual([2, 4, 3, 1]);
		expect(p.train.n).toBe(200);
		expect(p.test.n).toBe(200);
		expect(p.step(false)).toBeNull();
		const s = record(p);
		expect(s.grid.length).toBe(60 * 60);
		expect(s.loss).toBeGreaterThan(0);
		expect(s.testLoss).toBeGreaterThan(0);
		for (const a of [s.accuracy, s.testAccuracy]) expect(a >= 0 && a <= 1).toBe(true);
		expect(s.diverged).toBe(false);
		expect(s.pick).toBe(7);
		expect(Array.from(s.trace.x)).toEqual(Array.from(p.train.x.subarray(14, 16)));
		expect(s.trace.y).toBe(p.train.y[7]);
		expect(() => p.decode(new Float32Array(2))).toThrow();
		p.dispose();
	});

	it('inspect reports the current weights without training; a step reports the state before its update', () => {
		const p = createMlpPlayground(BASE);
		const w0 = weightsOf(p);
		const a = record(p, false);
		expect(weightsOf(p)).toEqual(w0);
		const b = record(p);
		expect(b.loss).toBeCloseTo(a.loss, 6);
		expect(b.trace.W).toEqual(a.trace.W);
		expect(weightsOf(p)).not.toEqual(w0);
		expect(p.steps).toBe(1);
		p.dispose();
	});

	it('paints the grid with P(class 1) of the network at each cell centre, row 0 at the top', () => {
		const p = createMlpPlayground({ ...BASE, grid: { rows: 7, cols: 5, extent: 2 } });
		const s = record(p, false);
		const { values } = gridPoints({ rows: 7, cols: 5, extent: 2 });
		expect(values[1]).toBeGreaterThan(values[values.length - 1]);
		const net = { sizes: s.trace.layerSizes, W: s.trace.W.map((w) => Float64Array.from(w)), b: s.trace.b.map((b) => Float64Array.from(b)), act: 'tanh' as const };
		for (let i = 0; i < 35; i++) {
			const zs = forward64(net, [values[2 * i], values[2 * i + 1]]);
			expect(s.grid[i]).toBeCloseTo(1 / (1 + Math.exp(-zs[zs.length - 1][0])), 5);
		}
		p.dispose();
	});

	it('is deterministic per seed, with minibatches too', () => {
		const run = (seed: number) => {
			const p = createMlpPlayground({ ...BASE, batch: 16, seed });
			for (let i = 0; i < 30; i++) p.step(false);
			const s = record(p);
			p.dispose();
			return s;
		};
		const a = run(3);
		expect(run(3)).toEqual(a);
		expect(run(4).loss).not.toBe(a.loss);
	});
});

describe('createMlpPlayground: SGD', () => {
	it('a full-batch step applies w <- w - lr * mean gradient', () => {
		const p = createMlpPlayground({ ...BASE, lr: 0.5 });
		const w0 = weightsOf(p);
		// The mean gradient over the training set = the mean of the per-sample traced gradients.
		const mean = w0.map((w) => new Float64Array(w.length));
		for (let i = 0; i < p.train.n; i++) {
			p.configure({ pick: i });
			const s = record(p, false);
			s.trace.dW.forEach((g, l) => g.forEach((v, k) => (mean[l][k] += v / p.train.n)));
		}
		p.step(false);
		weightsOf(p).forEach((w, l) => w.forEach((v, k) => expect(v).toBeCloseTo(w0[l][k] - 0.5 * mean[l][k], 5)));
		p.dispose();
	});

	it('focus: the next step applies the picked sample gradient alone (step mode "update"), then training goes on as before', () => {
		const p = createMlpPlayground({ ...BASE, lr: 0.2, batch: 10, pick: 5 });
		const s = record(p, false);
		const w0 = weightsOf(p);
		const b0 = biasesOf(p);
		p.configure({ focus: 5 });
		p.step(false);
		weightsOf(p).forEach((w, l) => w.forEach((v, k) => expect(v).toBeCloseTo(w0[l][k] - 0.2 * s.trace.dW[l][k], 6)));
		biasesOf(p).forEach((b, l) => b.forEach((v, k) => expect(v).toBeCloseTo(b0[l][k] - 0.2 * s.trace.db[l][k], 6)));
		expect(p.epochs).toBe(0);
		p.step(false);
		expect(p.epochs).toBe(1);
		p.dispose();
	});

	it('minibatches: an epoch is floor(n / batch) steps, one upload per epoch and none in between', () => {
		const p = createMlpPlayground({ ...BASE, batch: 64 });
		expect(p.batch).toBe(64);
		const uploads: number[] = [];
		for (let i = 0; i < 7; i++) uploads.push(traceEngine(() => p.step(false)).uploads);
		expect(uploads).toEqual([1, 0, 0, 1, 0, 0, 1]);
		expect(p.epochs).toBe(3);
		const rec = traceEngine(() => p.step(true));
		expect(rec.uploads).toBe(0);
		rec.result?.dispose();
		p.configure({ batch: 500 });
		expect(p.batch).toBe(200);
		expect(traceEngine(() => p.step(false)).uploads).toBe(0);
		p.dispose();
	});

	it('learns the moons with minibatches', () => {
		const p = createMlpPlayground({ ...BASE, hidden: [8, 8], lr: 0.3, batch: 20 });
		const first = record(p).loss;
		for (let i = 0; i < 600; i++) p.step(false);
		const last = record(p);
		expect(last.loss).toBeLessThan(first * 0.5);
		expect(last.testAccuracy).toBeGreaterThan(0.9);
		p.dispose();
	});

	it('appends the added points to the training set and traces them', () => {
		const p = createMlpPlayground({ ...BASE, added: [{ x: 0.5, y: -0.25, cls: 1 }, { x: -1, y: 1, cls: 0 }], pick: 201 });
		expect(p.train.n).toBe(202);
		expect(Array.from(p.train.x.subarray(400))).toEqual([0.5, -0.25, -1, 1]);
		expect(Array.from(p.train.y.subarray(200))).toEqual([1, 0]);
		const s = record(p, false);
		expect(Array.from(s.trace.x)).toEqual([-1, 1]);
		expect(s.trace.y).toBe(0);
		p.configure({ pick: 10_000 });
		expect(record(p, false).pick).toBe(201);
		p.dispose();
	});
});

describe('XOR needs a hidden layer', () => {
	it('with no hidden layer the BCE stays near ln 2 (>= 0.6) whatever the learning rate', () => {
		for (const lr of [0.1, 1, 5]) {
			const p = createMlpPlayground({ data: 'xor', noise: 0.05, hidden: [], act: 'tanh', lr, batch: 200, seed: 1 });
			for (let i = 0; i < 1000; i++) p.step(false);
			const s = record(p);
			expect(s.loss, `lr ${lr}`).toBeGreaterThanOrEqual(0.6);
			expect(s.accuracy).toBeLessThan(0.7);
			p.dispose();
		}
	});

	it('with one hidden layer of 4 tanh units the BCE falls below 0.1 within 500 full-batch steps at lr 1', () => {
		for (const seed of [1, 2, 3]) {
			const p = createMlpPlayground({ data: 'xor', noise: 0.05, hidden: [4], act: 'tanh', lr: 1, batch: 200, seed });
			for (let i = 0; i < 500; i++) p.step(false);
			const s = record(p);
			expect(s.loss, `seed ${seed}`).toBeLessThan(0.1);
			expect(s.testAccuracy).toBeGreaterThan(0.95);
			p.dispose();
		}
	});
});

describe('createMlpPlayground: resources', () => {
	it('does not leak over many steps (full batch, minibatches across epochs, focus, inspect) and frees everything on dispose', () => {
		const before = tf.memory().numTensors;
		const p = createMlpPlayground({ ...BASE, batch: 30 });
		const live = tf.memory().numTensors;
		for (let i = 0; i < 25; i++) {
			p.step(i % 5 === 0)?.dispose();
			if (i === 12) p.configure({ focus: 3, pick: 9, lr: 0.1 });
			if (i === 18) p.configure({ batch: 200 });
		}
		p.inspect().dispose();
		// Minibatch mode keeps one index tensor per epoch (replaced, never accumulated).
		expect(tf.memory().numTensors - live).toBeLessThanOrEqual(1);
		p.configure({ batch: 7 });
		for (let i = 0; i < 70; i++) p.step(false);
		expect(tf.memory().numTensors - live).toBeLessThanOrEqual(1);
		p.dispose();
		p.dispose();
		expect(tf.memory().numTensors).toBe(before);
		expect(() => p.step(false)).toThrow();
	});
});
