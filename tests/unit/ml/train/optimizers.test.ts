import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerConfig, type OptimizerKind } from '$lib/ml/train/optimizers';
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

/** Seeded gradients that change from step to step, for two variables of different shapes. */
function gradsAt(step: number): tf.Tensor[] {
	return [tf.randomNormal([3, 4], 0, 1, 'float32', 100 + step), tf.randomNormal([5], 0, 2, 'float32', 200 + step)];
}

describe('lean optimisers match tf.train', () => {
	for (const c of configs) {
		it(`${c.kind} ${JSON.stringify(c)}: same weights as tfjs after 6 steps`, () => {
			const init = [tf.randomNormal([3, 4], 0, 1, 'float32', 1), tf.randomNormal([5], 0, 1, 'float32', 2)];
			const ours = init.map((t) => tf.variable(t.clone()));
			const theirs = init.map((t) => tf.variable(t.clone()));
			const opt = createOptimizer(c);
			const ref = reference(c);
			for (let s = 0; s < 6; s++) {
				const g = gradsAt(s);
				tf.tidy(() => opt.apply(ours, g));
				ref.applyGradients(theirs.map((v, i) => ({ name: v.name, tensor: g[i] })));
				g.forEach((t) => t.dispose());
			}
			expect(opt.iterations).toBe(6);
			for (let i = 0; i < ours.length; i++) {
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
});

/** Kernels per step (ours, tfjs's) and tfjs's uploads, per optimiser: for the record. */
const kernelCounts: Record<string, number[]> = {};

describe('lean optimisers are lean', () => {
	const kinds: OptimizerKind[] = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adagrad', 'adam'];
	for (const kind of kinds) {
		it(`${kind}: no tensor from a JS value and no leak after the first step; no more kernels than tfjs`, () => {
			const vars = [tf.variable(tf.ones([3, 4])), tf.variable(tf.ones([5])), tf.variable(tf.ones([3, 4])), tf.variable(tf.ones([5]))];
			const g = [...gradsAt(0), ...gradsAt(1)];
			const base = tf.memory().numTensors;
			const config: OptimizerConfig = { kind, lr: 0.01, momentum: kind === 'rmsprop' ? 0.5 : undefined };
			const opt = createOptimizer(config);
			tf.tidy(() => opt.apply(vars, g));
			const before = tf.memory().numTensors;
			const trace = traceEngine(() => tf.tidy(() => opt.apply(vars, g)));
			expect(trace.uploads).toBe(0);
			expect(tf.memory().numTensors).toBe(before);
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
			expect(trace.kernels.length).toBeLessThanOrEqual(refTrace.kernels.length);
			kernelCounts[kind] = [trace.kernels.length, refTrace.kernels.length, refTrace.uploads];
			// tfjs keeps SGD's and momentum's constants as tensors, but not RMSProp's, AdaGrad's or Adam's.
			if (kind === 'rmsprop' || kind === 'adagrad' || kind === 'adam') expect(refTrace.uploads).toBeGreaterThan(0);
			ref.dispose();
			[...vars, ...g].forEach((t) => t.dispose());
		});
	}
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
