/**
 * Lean optimisers: SGD, momentum (plain and Nesterov), RMSProp, AdaGrad and Adam with the same
 * update rules as tfjs's `tf.train.*`, but with every constant kept in a scalar tensor, so a step
 * creates no tensor from a JS value (tfjs's own optimisers multiply by JS numbers, which uploads a
 * new scalar per op on a GPU backend). Adam keeps beta^t in scalar variables updated by
 * multiplication. Slots (moments, accumulators) are created on the first `apply`.
 *
 * A fused update: on a GPU a small step is all fixed cost per kernel (~40 µs), and Adam's rule is
 * 12 kernels per variable. When it saves kernels, `apply` concatenates the gradients and the
 * weights into one flat vector each, runs the rule once on those (its slots are flat too), and
 * slices the new weights back out: 2 concatenations (`concatFlat`, within WebGPU's 8 storage
 * buffers per kernel) + the rule + 1 slice per variable. For 22 variables Adam's update goes from
 * 264 kernels to 44. Reshapes move no data on any backend and are not counted.
 */
import * as tf from '@tensorflow/tfjs-core';
import { concatFlat, groupedKernels } from '../core/ops';

/** The optimisers on offer. */
export type OptimizerKind = 'sgd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adagrad' | 'adam';

/** Hyperparameters; unset ones take tfjs's defaults. */
export interface OptimizerConfig {
	kind: OptimizerKind;
	lr: number;
	/** momentum / nesterov: velocity decay (default 0.9); rmsprop: momentum (default 0). */
	momentum?: number;
	/** rmsprop: decay of the mean square (default 0.9). */
	decay?: number;
	/** adam (defaults 0.9, 0.999). */
	beta1?: number;
	beta2?: number;
	/** rmsprop, adam and adagrad (default 1e-7, tfjs's float32 epsilon). */
	epsilon?: number;
	/** adagrad: starting accumulator (default 0.1). */
	initialAccumulator?: number;
}

/** An optimiser owning its constants and slots. */
export interface LeanOptimizer {
	readonly kind: OptimizerKind;
	/** Steps applied since creation or reset. */
	readonly iterations: number;
	/** The learning rate (scalar variable; change it with setLearningRate). */
	readonly lr: tf.Variable<tf.Rank.R0>;
	/** Whether the last `apply` ran the fused (flat) update; null before the first. */
	readonly fused: boolean | null;
	/** Sets the learning rate (between steps). Ignores non-finite or negative values. */
	setLearningRate(value: number): void;
	/** Applies one update to `variables` with `grads` (same order and shapes). Call inside tf.tidy. */
	apply(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
	/** Zeroes the slots and the step count (as if freshly created), keeping the hyperparameters. */
	reset(): void;
	/** Frees constants and slots. Safe to call twice. */
	dispose(): void;
}

/** tfjs's epsilon for float32 backends. */
const EPSILON = 1e-7;

function scalarVar(value: number): tf.Variable<tf.Rank.R0> {
	return tf.tidy(() => tf.variable(tf.scalar(value, 'float32'), false) as tf.Variable<tf.Rank.R0>);
}

function keptScalar(value: number): tf.Scalar {
	return tf.keep(tf.scalar(value, 'float32'));
}

/** Kernels of one update rule on one tensor (Adam: 7 for the moments, 5 for the weights). */
export function ruleKernels(kind: OptimizerKind, rmspropMomentum = 0): number {
	switch (kind) {
		case 'sgd':
			return 2;
		case 'momentum':
			return 4;
		case 'nesterov':
			return 6;
		case 'rmsprop':
			return rmspropMomentum !== 0 ? 11 : 9;
		case 'adagrad':
			return 7;
		case 'adam':
			return 12;
	}
}

/**
 * A reshape's cost in kernels: no GPU work, only the engine's bookkeeping (~2 µs of JS against
 * ~40 µs for a small kernel on a GPU). The fused update reshapes each variable 3 times.
 */
const RESHAPE_COST = 0.05;

/** Kernels of the two ways to update `n` variables: one rule each, or one fused rule. */
export function updateKernels(kind: OptimizerKind, n: number, rmspropMomentum = 0): { perVariable: number; fused: number } {
	const rule = ruleKernels(kind, rmspropMomentum);
	return { perVariable: n * rule, fused: 2 * groupedKernels(n) + rule + (n > 1 ? n : 0) };
}

/** Whether the automatic choice fuses the update of `n` variables: fewer kernels, reshapes counted. */
export function fusesUpdate(kind: OptimizerKind, n: number, rmspropMomentum = 0): boolean {
	const costs = updateKernels(kind, n, rmspropMomentum);
	return n > 1 && costs.fused + 3 * n * RESHAPE_COST < costs.perVariable;
}

/** Creates a lean optimiser. `fuse`: 'auto' (default) fuses when that runs fewer kernels. */
export function createOptimizer(config: OptimizerConfig, fuse: 'auto' | boolean = 'auto'): LeanOptimizer {
	const { kind } = config;
	const lr = scalarVar(config.lr);
	const mom = config.momentum ?? (kind === 'rmsprop' ? 0 : 0.9);
	const decay = config.decay ?? 0.9;
	const beta1 = config.beta1 ?? 0.9;
	const beta2 = config.beta2 ?? 0.999;
	const eps = config.epsilon ?? EPSILON;
	const init = config.initialAccumulator ?? 0.1;
	/** The constants this kind's rule uses, made at creation so that no step uploads one. */
	const values = {
		one: 1,
		mom,
		decay,
		oneMinusDecay: 1 - decay,
		beta1,
		beta2,
		oneMinusBeta1: 1 - beta1,
		oneMinusBeta2: 1 - beta2,
		eps
	};
	type Name = keyof typeof values;
	const uses: Record<OptimizerKind, Name[]> = {
		sgd: [],
		momentum: ['mom'],
		nesterov: ['mom'],
		rmsprop: ['decay', 'oneMinusDecay', 'eps', ...(mom !== 0 ? (['mom'] as const) : [])],
		adagrad: ['eps'],
		adam: ['one', 'beta1', 'beta2', 'oneMinusBeta1', 'oneMinusBeta2', 'eps']
	};
	const c = Object.fromEntries(uses[kind].map((name) => [name, keptScalar(values[name])])) as Record<Name, tf.Scalar>;
	/** Adam's beta1^t and beta2^t. */
	const beta1t = kind === 'adam' ? scalarVar(1) : null;
	const beta2t = kind === 'adam' ? scalarVar(1) : null;
	const needsA = kind !== 'sgd';
	const needsB = kind === 'adam' || (kind === 'rmsprop' && mom !== 0);
	/** Slots: one per variable, or a single flat one when fused. */
	let slotsA: tf.Variable[] = [];
	let slotsB: tf.Variable[] = [];
	/** The variables' shapes (and fused or not) the slots were made for. */
	let layout = '';
	let fused: boolean | null = null;
	let iterations = 0;
	let disposed = false;

	function slot(shape: number[], accumulator: boolean): tf.Variable {
		// Fill is a kernel (zeros would upload a zeroed array): a first step uploads nothing either.
		return tf.tidy(() => tf.variable(tf.fill(shape, accumulator ? init : 0), false));
	}

	/** Makes the slots for these variables (fresh, as if new) unless they already fit. */
	function ensureSlots(variables: readonly tf.Variable[], flat: boolean): void {
		const key = `${flat}:${variables.map((v) => v.shape.join('x')).join(',')}`;
		if (key === layout) return;
		disposeSlots();
		layout = key;
		const shapes = flat ? [[variables.reduce((n, v) => n + v.size, 0)]] : variables.map((v) => v.shape);
		for (const shape of shapes) {
			if (needsA) slotsA.push(slot(shape, kind === 'adagrad'));
			if (needsB) slotsB.push(slot(shape, false));
		}
	}

	function disposeSlots(): void {
		for (const s of [...slotsA, ...slotsB]) s.dispose();
		slotsA = [];
		slotsB = [];
		layout = '';
	}

	/** The rule on one tensor: assigns the slots at `i` and returns the new weights. */
	function rule(i: number, w: tf.Tensor, g: tf.Tensor, adamStep: { rate: tf.Tensor; epsT: tf.Tensor } | null): tf.Tensor {
		switch (kind) {
			case 'sgd':
				return tf.sub(w, tf.mul(lr, g));
			case 'momentum':
			case 'nesterov': {
				const v = tf.add(tf.mul(c.mom, slotsA[i]), g);
				slotsA[i].assign(v);
				const dir = kind === 'nesterov' ? tf.add(g, tf.mul(c.mom, v)) : v;
				return tf.sub(w, tf.mul(lr, dir));
			}
			case 'rmsprop': {
				const ms = tf.add(tf.mul(c.decay, slotsA[i]), tf.mul(c.oneMinusDecay, tf.square(g)));
				slotsA[i].assign(ms);
				let step = tf.div(tf.mul(lr, g), tf.sqrt(tf.add(ms, c.eps)));
				if (mom !== 0) {
					step = tf.add(tf.mul(c.mom, slotsB[i]), step);
					slotsB[i].assign(step);
				}
				return tf.sub(w, step);
			}
			case 'adagrad': {
				const acc = tf.add(slotsA[i], tf.square(g));
				slotsA[i].assign(acc);
				return tf.sub(w, tf.mul(lr, tf.div(g, tf.sqrt(tf.add(acc, c.eps)))));
			}
			case 'adam': {
				const m = tf.add(tf.mul(c.beta1, slotsA[i]), tf.mul(c.oneMinusBeta1, g));
				const v = tf.add(tf.mul(c.beta2, slotsB[i]), tf.mul(c.oneMinusBeta2, tf.square(g)));
				slotsA[i].assign(m);
				slotsB[i].assign(v);
				const { rate, epsT } = adamStep!;
				return tf.sub(w, tf.div(tf.mul(rate, m), tf.add(tf.sqrt(v), epsT)));
			}
		}
	}

	return {
		kind,
		lr,
		get iterations() {
			return iterations;
		},
		get fused() {
			return fused;
		},
		setLearningRate(value) {
			if (!Number.isFinite(value) || value < 0 || disposed) return;
			tf.tidy(() => lr.assign(tf.scalar(value, 'float32')));
		},
		apply(variables, grads) {
			if (variables.length !== grads.length) throw new Error('optimizer: variables and grads differ in length');
			const n = variables.length;
			if (n === 0) return;
			const rmspropMomentum = kind === 'rmsprop' ? mom : 0;
			const flat = n > 1 && (fuse === 'auto' ? fusesUpdate(kind, n, rmspropMomentum) : fuse);
			ensureSlots(variables, flat);
			fused = flat;
			let adamStep: { rate: tf.Tensor; epsT: tf.Tensor } | null = null;
			if (beta1t && beta2t) {
				beta1t.assign(tf.mul(beta1t, c.beta1));
				beta2t.assign(tf.mul(beta2t, c.beta2));
				// tfjs's w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), multiplied through by
				// sqrt(1 - b2^t): w -= rate * m / (sqrt(v) + epsT), with the two scalars shared by all weights.
				const root = tf.sqrt(tf.sub(c.one, beta2t));
				adamStep = { rate: tf.div(tf.mul(lr, root), tf.sub(c.one, beta1t)), epsT: tf.mul(c.eps, root) };
			}
			if (flat) {
				const next = rule(0, concatFlat(variables), concatFlat(grads), adamStep);
				let offset = 0;
				for (const v of variables) {
					v.assign(tf.reshape(tf.slice(next, offset, v.size), v.shape));
					offset += v.size;
				}
			} else {
				for (let i = 0; i < n; i++) variables[i].assign(rule(i, variables[i], grads[i], adamStep));
			}
			iterations++;
		},
		reset() {
			disposeSlots();
			tf.tidy(() => {
				for (const t of [beta1t, beta2t]) t?.assign(tf.onesLike(t));
			});
			iterations = 0;
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			disposeSlots();
			for (const t of [lr, beta1t, beta2t, ...Object.values(c)]) t?.dispose();
		}
	};
}
