import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createOptimizer, fusesUpdate, updateKernels, type OptimizerConfig, type OptimizerKind } from '$lib/ml/train/optimizers';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

/** tfjs's own optimiser for the same configuration. */
function reference(c: OptimizerConfig): tf.Optimizer {
	switch (c.kind) {
		case 'sgd':
			return tf.train.sgd(c.lr);
		case 'momentum':
			return tf.train.momentum(c.lr, c.momentum ?? 0.9, false);
		case 'nesterov':
			return tf.train.momentum(c.lr, c.momentum ?? 0.9, true);
		case 'rmsprop':
			return tf.train.rmsprop(c.lr, c.decay ?? 0.9, c.momentum ?? 0, c.epsilon ?? 1e-7);
		case 'adagrad':
			return tf.train.adagrad(c.lr, c.initialAccumulator ?? 0.1);
		case 'adam':
			return tf.train.adam(c.lr, c.beta1 ?? 0.9, c.beta2 ?? 0.999, c.epsilon ?? 1e-7);
	}
}

const configs: OptimizerConfig[] = [
	{ kind: 'sgd', lr: 0.1 },
	{ kind: 'momentum', lr: 0.05, momentum: 0.8 },
	{ kind: 'nesterov', lr: 0.05, momentum: 0.9 },
	{ kind: 'rmsprop', lr: 0.01 },
	{ kind: 'rmsprop', lr: 0.01, decay: 0.8, momentum: 0.5 },
	{ kind: 'adagrad', lr: 0.2 },
	{ kind: 'adam', lr: 0.01 },
	{ kind: 'adam', lr: 0.003, beta1: 0.5, beta2: 0.9, epsilon: 1e-6 }
];

/** Shapes of the variables updated together: nine, so the fused update concatenates in two groups. */
const SHAPES = [[3, 4], [5], [2, 2, 2], [1], [4, 3], [7], [2, 5], [3], [6, 1]];

/** Seeded gradients that change from step to step, one per shape. */
function gradsAt(step: number, shapes: number[][] = SHAPES): tf.Tensor[] {
	return shapes.map((s, i) => tf.randomNormal(s, 0, 1 + (i % 3), 'float32', 100 * (i + 1) + step));
}

/** GPU work in a traced step: reshapes move no data on any backend (a new view of the same buffer). */
function dispatches(kernels: string[]): number {
	return kernels.filter((k) => k !== 'Reshape').length;
}

describe('lean optimisers match tf.train', () => {
	for (const c of configs) {
		for (const fuse of [false, true]) {
			it(`${c.kind} ${JSON.stringify(c)}${fuse ? ', fused' : ', per variable'}: same weights as tfjs after 6 steps`, () => {
				const init = SHAPES.map((s, i) => tf.randomNormal(s, 0, 1, 'float32', i + 1));
				const ours = init.map((t) => tf.variable(t.clone()));
				const theirs = init.map((t) => tf.variable(t.clone()));
				const opt = createOptimizer(c, fuse);
				const ref = reference(c);
				for (let s = 0; s < 6; s++) {
					const g = gradsAt(s);
					tf.tidy(() => opt.apply(ours, g));
					ref.applyGradients(theirs.map((v, i) => ({ name: v.name, tensor: g[i] })));
					g.forEach((t) => t.dispose());
				}
				expect(opt.iterations).toBe(6);
				expect(opt.fused).toBe(fuse);
				for (let i = 0; i < ours.length; i++) {
					expect(ours[i].shape).toEqual(SHAPES[i]);
					const a = ours[i].dataSync();
					const b = theirs[i].dataSync();
					const i0 = init[i].dataSync();
					for (let k = 0; k < a.length; k++) {
						// Relative to how far the weight moved, so a wrong rule cannot hide in a small step.
						const moved = Math.abs(b[k] - i0[k]) + 1e-6;
						expect(Math.abs(a[k] - b[k]) / moved).toBeLessThan(1e-3);
					}
				}
				opt.dispose();
				ref.dispose();
				[...init, ...ours, ...theirs].forEach((t) => t.dispose());
			});
		}
	}
});

/** Kernels per step (ours, tfjs's) and tfjs's uploads, per optimiser: for the record. */
const kernelCounts: Record<string, number[]> = {};

/** Adam's kernels shared by all variables: b1^t, b2^t, and the two step scalars from them. */
const ADAM_SHARED = 8;

describe('lean optimisers are lean', () => {
	const kinds: OptimizerKind[] = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'];
	for (const kind of kinds) {
		it(`${kind}: no tensor from a JS value and no leak after the first step; the predicted kernels, no more than tfjs`, () => {
			const vars = SHAPES.map((s) => tf.variable(tf.ones(s)));
			const g = gradsAt(0);
			const base = tf.memory().numTensors;
			const config: OptimizerConfig = { kind, lr: 0.01, momentum: kind === 'rmsprop' ? 0.5 : undefined };
			const opt = createOptimizer(config);
			tf.tidy(() => opt.apply(vars, g));
			const before = tf.memory().numTensors;
			const trace = traceEngine(() => tf.tidy(() => opt.apply(vars, g)));
			expect(trace.uploads).toBe(0);
			expect(tf.memory().numTensors).toBe(before);
			const predicted = updateKernels(kind, vars.length, config.momentum ?? 0);
			expect(opt.fused).toBe(fusesUpdate(kind, vars.length, config.momentum ?? 0));
			expect(dispatches(trace.kernels)).toBe((opt.fused ? predicted.fused : predicted.perVariable) + (kind === 'adam' ? ADAM_SHARED : 0));
			opt.setLearningRate(0.5);
			opt.reset();
			expect(opt.iterations).toBe(0);
			opt.dispose();
			opt.dispose();
			expect(tf.memory().numTensors).toBe(base);

			const ref = reference(config);
			const named = () => vars.map((v, i) => ({ name: v.name, tensor: g[i] }));
			ref.applyGradients(named());
			const refTrace = traceEngine(() => ref.applyGradients(named()));
			expect(dispatches(trace.kernels)).toBeLessThanOrEqual(dispatches(refTrace.kernels));
			kernelCounts[kind] = [dispatches(trace.kernels), dispatches(refTrace.kernels), refTrace.uploads];
			// tfjs keeps SGD's and momentum's constants as tensors, but not RMSProp's, AdaGrad's or Adam's.
			if (kind === 'rmsprop' || kind === 'adagrad' || kind === 'adam') expect(refTrace.uploads).toBeGreaterThan(0);
			ref.dispose();
			[...vars, ...g].forEach((t) => t.dispose());
		});
	}
});

describe('the fused update', () => {
	it('is chosen only where it saves kernels', () => {
		expect(updateKernels('sgd', 2).fused).toBeGreaterThan(updateKernels('sgd', 2).perVariable);
		expect(updateKernels('sgd', 4).fused).toBe(updateKernels('sgd', 4).perVariable);
		// SGD from 5 variables (at 4 a tie, which the reshapes break), Adam from 2, never for one.
		expect([1, 2, 4, 5, 22].map((n) => fusesUpdate('sgd', n))).toEqual([false, false, false, true, true]);
		expect([1, 2, 22].map((n) => fusesUpdate('adam', n))).toEqual([false, true, true]);
		const w = [tf.variable(tf.ones([2, 3])), tf.variable(tf.ones([3]))];
		const g = [tf.ones([2, 3]), tf.ones([3])];
		const sgd = createOptimizer({ kind: 'sgd', lr: 0.1 });
		const adam = createOptimizer({ kind: 'adam', lr: 0.1 });
		tf.tidy(() => sgd.apply(w, g));
		tf.tidy(() => adam.apply(w, g));
		expect([sgd.fused, adam.fused]).toEqual([false, true]);
		[sgd, adam].forEach((o) => o.dispose());
		[...w, ...g].forEach((t) => t.dispose());
	});

	it('cuts Adam on a 10-layer MLP (22 variables) from 12 kernels per variable to 44 in all; SGD fused too (44 → 34)', () => {
		const shapes = [[2, 16], [16], ...Array.from({ length: 9 }, () => [[16, 16], [16]]).flat(), [16, 1], [1]].slice(0, 22);
		expect(shapes.length).toBe(22);
		const vars = shapes.map((s) => tf.variable(tf.zeros(s)));
		const g = gradsAt(0, shapes);
		const traced = (kind: OptimizerKind, fuse: boolean) => {
			const opt = createOptimizer({ kind, lr: 0.01 }, fuse);
			tf.tidy(() => opt.apply(vars, g));
			const n = dispatches(traceEngine(() => tf.tidy(() => opt.apply(vars, g))).kernels);
			opt.dispose();
			return n;
		};
		const adamFused = traced('adam', true);
		const adamPerVar = traced('adam', false);
		const sgdPerVar = traced('sgd', false);
		expect(adamPerVar).toBe(22 * 12 + ADAM_SHARED);
		expect(adamFused).toBe(2 * 5 + 12 + 22 + ADAM_SHARED);
		expect(sgdPerVar).toBe(22 * 2);
		expect(traced('sgd', true)).toBe(2 * 5 + 2 + 22);
		[...vars, ...g].forEach((t) => t.dispose());
	});

	it('starts fresh slots when the variables change shape, and frees the old ones', () => {
		const a = [tf.variable(tf.zeros([2, 2])), tf.variable(tf.zeros([3]))];
		const b = [tf.variable(tf.zeros([3, 2])), tf.variable(tf.zeros([3]))];
		const ga = [tf.ones([2, 2]), tf.ones([3])];
		const gb = [tf.ones([3, 2]), tf.ones([3])];
		const opt = createOptimizer({ kind: 'momentum', lr: 0.1, momentum: 0.5 }, true);
		tf.tidy(() => opt.apply(a, ga));
		tf.tidy(() => opt.apply(a, ga));
		const live = tf.memory().numTensors;
		tf.tidy(() => opt.apply(b, gb));
		expect(tf.memory().numTensors).toBe(live);
		// A fresh velocity: the first step on b moves by lr * g only.
		Array.from(b[0].dataSync()).forEach((v) => expect(v).toBeCloseTo(-0.1, 6));
		// Two steps on a: velocity 1 then 1.5.
		Array.from(a[0].dataSync()).forEach((v) => expect(v).toBeCloseTo(-0.25, 6));
		opt.dispose();
		[...a, ...b, ...ga, ...gb].forEach((t) => t.dispose());
	});
});

describe('reset', () => {
	it('restarts Adam as if new (bias correction from step one again)', () => {
		const fresh = createOptimizer({ kind: 'adam', lr: 0.1 });
		const reused = createOptimizer({ kind: 'adam', lr: 0.1 });
		const a = tf.variable(tf.zeros([3]));
		const b = tf.variable(tf.zeros([3]));
		const g = tf.tensor1d([1, -2, 3]);
		for (let i = 0; i < 4; i++) tf.tidy(() => reused.apply([b], [g]));
		reused.reset();
		b.assign(tf.zeros([3]));
		tf.tidy(() => fresh.apply([a], [g]));
		tf.tidy(() => reused.apply([b], [g]));
		expect(Array.from(b.dataSync())).toEqual(Array.from(a.dataSync()));
		// First Adam step moves every weight by lr against the gradient's sign.
		Array.from(a.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(-0.1 * Math.sign([1, -2, 3][i]), 5));
		[fresh, reused].forEach((o) => o.dispose());
		[a, b, g].forEach((t) => t.dispose());
	});
});

describe('kernel counts', () => {
	it('Adam runs fewer kernels than tfjs’s Adam and uploads nothing', () => {
		const [ours, theirs, uploads] = kernelCounts.adam;
		expect(ours).toBeLessThan(theirs);
		expect(uploads).toBeGreaterThan(0);
		process.env.DLX_REPORT && process.stdout.write(`kernels per step (ours, tfjs, tfjs uploads): ${JSON.stringify(kernelCounts)}\n`);
	});
});
