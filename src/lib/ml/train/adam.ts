/**
 * Lean Adam (Kingma & Ba), the same arithmetic as tf.train.adam:
 *   m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2,
 *   w <- w - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps),
 * with every constant a kept scalar tensor and b1^t, b2^t kept as scalar variables multiplied by
 * b1, b2 after each update, so an update creates no tensor from a JS value (tfjs's own Adam
 * multiplies by JS numbers and uploads dozens of scalars per step on a GPU).
 */
import * as tf from '@tensorflow/tfjs';

/** Adam's constants (tf.train.adam's defaults but epsilon, which tfjs takes from the backend: 1e-7 in float32). */
export interface AdamOptions {
	beta1?: number;
	beta2?: number;
	epsilon?: number;
}

/** An Adam optimiser for a fixed list of variables, owning its moments and constants. */
export interface Adam {
	/** the learning rate (scalar variable) */
	readonly lr: tf.Variable<tf.Rank.R0>;
	/** Sets the learning rate (between steps). Ignores non-finite or negative values. */
	setLearningRate(value: number): void;
	/** Updates each variable with its gradient (same order as at creation). Call inside tf.tidy. */
	apply(grads: readonly tf.Tensor[]): void;
	/** Frees moments and constants (not the variables it updates). Safe to call twice. */
	dispose(): void;
}

/** Creates Adam for `variables` (moments start at 0, t = 0). Call outside any training step. */
export function createAdam(variables: readonly tf.Variable[], learningRate: number, options: AdamOptions = {}): Adam {
	const b1v = options.beta1 ?? 0.9;
	const b2v = options.beta2 ?? 0.999;
	const epsv = options.epsilon ?? 1e-7;
	const kept: tf.Tensor[] = [];
	const keep = <T extends tf.Tensor>(t: T): T => {
		kept.push(t);
		return t;
	};
	const scalar = (v: number) => keep(tf.scalar(v, 'float32'));
	const variable = (t: tf.Tensor) => keep(tf.variable(t, false));
	const lr = tf.tidy(() => variable(tf.scalar(learningRate, 'float32'))) as tf.Variable<tf.Rank.R0>;
	const one = scalar(1);
	const beta1 = scalar(b1v);
	const beta2 = scalar(b2v);
	const oneMinusBeta1 = scalar(1 - b1v);
	const oneMinusBeta2 = scalar(1 - b2v);
	const eps = scalar(epsv);
	const accBeta1 = tf.tidy(() => variable(tf.scalar(b1v, 'float32')));
	const accBeta2 = tf.tidy(() => variable(tf.scalar(b2v, 'float32')));
	const m = variables.map((v) => tf.tidy(() => variable(tf.zerosLike(v))));
	const s = variables.map((v) => tf.tidy(() => variable(tf.zerosLike(v))));
	let disposed = false;

	return {
		lr,
		setLearningRate(value) {
			if (!Number.isFinite(value) || value < 0 || disposed) return;
			tf.tidy(() => lr.assign(tf.scalar(value, 'float32')));
		},
		apply(grads) {
			if (grads.length !== variables.length) throw new Error('adam: variables and grads differ in length');
			const corr1 = tf.sub(one, accBeta1);
			const corr2 = tf.sub(one, accBeta2);
			for (let i = 0; i < variables.length; i++) {
				const g = grads[i];
				const mi = tf.add(tf.mul(m[i], beta1), tf.mul(g, oneMinusBeta1));
				const si = tf.add(tf.mul(s[i], beta2), tf.mul(tf.square(g), oneMinusBeta2));
				m[i].assign(mi);
				s[i].assign(si);
				const stepDir = tf.div(tf.div(mi, corr1), tf.add(tf.sqrt(tf.div(si, corr2)), eps));
				variables[i].assign(tf.sub(variables[i], tf.mul(stepDir, lr)));
			}
			accBeta1.assign(tf.mul(accBeta1, beta1));
			accBeta2.assign(tf.mul(accBeta2, beta2));
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const t of kept) t.dispose();
		}
	};
}
