/**
 * Lean optimisers: SGD, momentum (plain and Nesterov), RMSProp, AdaGrad and Adam with the same
 * update rules as tfjs's `tf.train.*`, but with every constant kept in a scalar tensor, so a step
 * creates no tensor from a JS value (tfjs's own optimisers multiply by JS numbers, which uploads a
 * new scalar per op on a GPU backend). Adam keeps beta^t in scalar variables updated by
 * multiplication. Slots (moments, accumulators) are created on the first `apply`.
 */
import * as tf from '@tensorflow/tfjs-core';

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

/** Creates a lean optimiser. */
export function createOptimizer(config: OptimizerConfig): LeanOptimizer {
	const { kind } = config;
	const lr = scalarVar(config.lr);
	const mom = config.momentum ?? (kind === 'rmsprop' ? 0 : 0.9);
	const decay = config.decay ?? 0.9;
	const beta1 = config.beta1 ?? 0.9;
	const beta2 = config.beta2 ?? 0.999;
	const eps = config.epsilon ?? EPSILON;
	const init = config.initialAccumulator ?? 0.1;
	const c = {
		one: keptScalar(1),
		mom: keptScalar(mom),
		decay: keptScalar(decay),
		oneMinusDecay: keptScalar(1 - decay),
		beta1: keptScalar(beta1),
		beta2: keptScalar(beta2),
		oneMinusBeta1: keptScalar(1 - beta1),
		oneMinusBeta2: keptScalar(1 - beta2),
		eps: keptScalar(eps)
	};
	/** Adam's beta1^t and beta2^t. */
	const beta1t = scalarVar(1);
	const beta2t = scalarVar(1);
	let slotsA: tf.Variable[] = [];
	let slotsB: tf.Variable[] = [];
	let iterations = 0;
	let disposed = false;

	function ensureSlots(variables: readonly tf.Variable[]): void {
		if (slotsA.length === variables.length) return;
		disposeSlots();
		const needsB = kind === 'adam' || (kind === 'rmsprop' && mom !== 0);
		const needsA = kind !== 'sgd';
		for (const v of variables) {
			if (needsA) slotsA.push(tf.variable(kind === 'adagrad' ? tf.fill(v.shape, init) : tf.zerosLike(v), false));
			if (needsB) slotsB.push(tf.variable(tf.zerosLike(v), false));
		}
	}

	function disposeSlots(): void {
		for (const s of [...slotsA, ...slotsB]) s.dispose();
		slotsA = [];
		slotsB = [];
	}

	function update(i: number, w: tf.Variable, g: tf.Tensor, adamStep: { rate: tf.Tensor; epsT: tf.Tensor } | null): void {
		switch (kind) {
			case 'sgd':
				w.assign(tf.sub(w, tf.mul(lr, g)));
				return;
			case 'momentum':
			case 'nesterov': {
				const v = tf.add(tf.mul(c.mom, slotsA[i]), g);
				slotsA[i].assign(v);
				const dir = kind === 'nesterov' ? tf.add(g, tf.mul(c.mom, v)) : v;
				w.assign(tf.sub(w, tf.mul(lr, dir)));
				return;
			}
			case 'rmsprop': {
				const ms = tf.add(tf.mul(c.decay, slotsA[i]), tf.mul(c.oneMinusDecay, tf.square(g)));
				slotsA[i].assign(ms);
				let step = tf.div(tf.mul(lr, g), tf.sqrt(tf.add(ms, c.eps)));
				if (mom !== 0) {
					step = tf.add(tf.mul(c.mom, slotsB[i]), step);
					slotsB[i].assign(step);
				}
				w.assign(tf.sub(w, step));
				return;
			}
			case 'adagrad': {
				const acc = tf.add(slotsA[i], tf.square(g));
				slotsA[i].assign(acc);
				w.assign(tf.sub(w, tf.mul(lr, tf.div(g, tf.sqrt(tf.add(acc, c.eps))))));
				return;
			}
			case 'adam': {
				const m = tf.add(tf.mul(c.beta1, slotsA[i]), tf.mul(c.oneMinusBeta1, g));
				const v = tf.add(tf.mul(c.beta2, slotsB[i]), tf.mul(c.oneMinusBeta2, tf.square(g)));
				slotsA[i].assign(m);
				slotsB[i].assign(v);
				const { rate, epsT } = adamStep!;
				w.assign(tf.sub(w, tf.div(tf.mul(rate, m), tf.add(tf.sqrt(v), epsT))));
				return;
			}
		}
	}

	return {
		kind,
		get iterations() {
			return iterations;
		},
		setLearningRate(value) {
			if (!Number.isFinite(value) || value < 0 || disposed) return;
			tf.tidy(() => lr.assign(tf.scalar(value, 'float32')));
		},
		apply(variables, grads) {
			if (variables.length !== grads.length) throw new Error('optimizer: variables and grads differ in length');
			ensureSlots(variables);
			let adamStep: { rate: tf.Tensor; epsT: tf.Tensor } | null = null;
			if (kind === 'adam') {
				beta1t.assign(tf.mul(beta1t, c.beta1));
				beta2t.assign(tf.mul(beta2t, c.beta2));
				// tfjs's w -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps), multiplied through by
				// sqrt(1 - b2^t): w -= rate * m / (sqrt(v) + epsT), with the two scalars shared by all weights.
				const root = tf.sqrt(tf.sub(c.one, beta2t));
				adamStep = { rate: tf.div(tf.mul(lr, root), tf.sub(c.one, beta1t)), epsT: tf.mul(c.eps, root) };
			}
			for (let i = 0; i < variables.length; i++) update(i, variables[i], grads[i], adamStep);
			iterations++;
		},
		reset() {
			disposeSlots();
			tf.tidy(() => {
				beta1t.assign(tf.onesLike(beta1t));
				beta2t.assign(tf.onesLike(beta2t));
			});
			iterations = 0;
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			disposeSlots();
			for (const t of [lr, beta1t, beta2t, ...Object.values(c)]) t.dispose();
		}
	};
}
