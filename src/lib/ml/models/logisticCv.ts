/**
 * Logistic regression on 2-D points, trained with full-batch gradient descent as k + 1 models at
 * once along a leading model axis: model 0 learns the whole training set (and scores the held-out
 * test set), model j (1..k) learns every training point outside validation fold j - 1. One step
 * updates all of them with two matrix products:
 *   p = sigmoid(W Xa^T) [m, n],  dL/dW = ((p - y) * M) Xa [m, 3],
 * where Xa = [x1, x2, 1] and M [m, n] holds 1/|train_j| on model j's training points and 0 elsewhere.
 * No op takes a JS number (the learning rate is a kept scalar variable).
 *
 * Divergence (shared rule, train/divergence.ts, on the untrained model's loss, the entropy of the
 * base rate): the cross-entropy is convex and its gradient is bounded (|p − y| ≤ 1), so a step moves
 * the weights by at most η·mean‖x‖ and the weights cannot run away. Measured on the lesson's data
 * (cpu, every share of positives and spread, k = 5): up to η = 10 no run comes near the bound; on
 * well-separated data a large step only converges faster, on heavily overlapping data (spread 1.5)
 * η = 10 overshoots into a cycle whose loss stays above the start (at most 2.2 times it). Read-backs
 * test the rule (nothing to latch: the loss cannot spike and come back between them).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Toy2d } from '../data/toy2d';
import { packStats, statsLayout } from '../probe/pack';
import { divergenceBound, isDivergedReadBack } from '../train/divergence';
import { createSgd } from '../train/sgd';
import type { StepStats, Trainer } from '../train/trainer';

/** Data, folds and learning rate. */
export interface LogisticCvConfig {
	/** training set (x row-major [n, 2], y 0/1 [n]) */
	train: Toy2d;
	/** held-out test set, scored by model 0 */
	test: Toy2d;
	/** validation fold (0..k-1) of each training point [n] */
	foldOf: ArrayLike<number>;
	/** number of folds, >= 2 */
	k: number;
	/** gradient-descent step size */
	lr: number;
}

/** One recorded step (measured before that step's update). */
export interface LogisticCvStats extends StepStats {
	/** model 0's mean binary cross-entropy on the training set (nats) */
	loss: number;
	/** model 0's mean binary cross-entropy on the test set (nats) */
	testLoss: number;
	/** each fold model's mean training cross-entropy [k] */
	foldLoss: Float32Array;
	/** the untrained model 0's training loss (nats): the reference of the divergence rule */
	startLoss: number;
	/** the largest gradient norm over all k + 1 models (small = converged) */
	gradNorm: number;
	/** model 0's P(y = 1 | x) for every test point [nTest] */
	testScores: Float32Array;
	/** out-of-fold scores: point i scored by the fold model that did not train on it [nTrain] */
	cvScores: Float32Array;
	/** (w1, w2, b) per model, model 0 first [(k + 1) * 3] */
	weights: Float32Array;
}

/** The trainer plus facts the UI needs. */
export interface LogisticCv extends Trainer<LogisticCvStats> {
	/** number of models, k + 1 */
	readonly models: number;
	readonly statsLength: number;
	/** Stats of the current weights without updating them (same layout as step(true)); caller owns it. */
	inspect(): tf.Tensor1D;
	/** Live changes: only `lr` (a positive number) applies; data and folds need a new trainer. */
	configure(patch: Record<string, number | string | boolean>): void;
}

/** Rows [x1, x2, 1] of a 2-D set, as a [n, 3] tensor. */
function augmented(d: Toy2d): tf.Tensor2D {
	const a = new Float32Array(d.n * 3);
	for (let i = 0; i < d.n; i++) a.set([d.x[2 * i], d.x[2 * i + 1], 1], 3 * i);
	return tf.tensor2d(a, [d.n, 3]);
}

/** Per-point binary cross-entropy of logits z against labels y (stable form). Inside tf.tidy. */
function bce(z: tf.Tensor, y: tf.Tensor): tf.Tensor {
	return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

/**
 * Builds the k + 1 models and uploads data and masks once. Weights start at 0 and each bias at the
 * log-odds of its training set's share of positives, so every first score is that share.
 */
export function createLogisticCv(config: LogisticCvConfig): LogisticCv {
	const { train, test, k } = config;
	if (!Number.isInteger(k) || k < 2) throw new Error(`logisticCv: k must be an integer >= 2 (got ${k})`);
	if (train.n < k || test.n < 1) throw new Error('logisticCv: need at least k training points and one test point');
	if (config.foldOf.length !== train.n) throw new Error('logisticCv: foldOf must have one entry per training point');
	const n = train.n;
	const m = k + 1;
	const weightsMask = new Float32Array(m * n);
	const valMask = new Float32Array(k * n);
	const sizes = new Array<number>(k).fill(0);
	for (let i = 0; i < n; i++) {
		const f = config.foldOf[i];
		if (!Number.isInteger(f) || f < 0 || f >= k) throw new Error(`logisticCv: bad fold ${f} at index ${i}`);
		sizes[f]++;
		valMask[f * n + i] = 1;
	}
	for (let i = 0; i < n; i++) {
		weightsMask[i] = 1 / n;
		for (let j = 1; j < m; j++) {
			const size = n - sizes[j - 1];
			if (size < 1) throw new Error(`logisticCv: fold ${j - 1} leaves no training points`);
			if (config.foldOf[i] !== j - 1) weightsMask[j * n + i] = 1 / size;
		}
	}
	const xa = augmented(train);
	const xaTest = augmented(test);
	const y = tf.tensor2d(train.y, [1, n]);
	const yTest = tf.tensor2d(test.y, [1, test.n]);
	const mask = tf.tensor2d(weightsMask, [m, n]);
	const val = tf.tensor2d(valMask, [k, n]);
	const invNTest = tf.scalar(1 / test.n, 'float32');
	// Each bias starts at the log-odds of its model's training prevalence: the untrained model
	// predicts the base rate for every point, and the bias need not crawl there on imbalanced data.
	const init = new Float32Array(m * 3);
	for (let j = 0; j < m; j++) {
		let pos = 0;
		for (let i = 0; i < n; i++) pos += weightsMask[j * n + i] * train.y[i];
		const p = Math.min(1 - 1e-3, Math.max(1e-3, pos));
		init[3 * j + 2] = Math.log(p / (1 - p));
	}
	const w = tf.tidy(() => tf.variable(tf.tensor2d(init, [m, 3]), true, undefined, 'float32'));
	// Model 0's first loss: every score is its clamped base rate q, so the loss is the cross-entropy
	// of the labels against q (the base rate's entropy when q is exact).
	const q = 1 / (1 + Math.exp(-init[2]));
	let share = 0;
	for (let i = 0; i < n; i++) share += train.y[i];
	share /= n;
	const startLoss = -(share * Math.log(q) + (1 - share) * Math.log(1 - q));
	const bound = divergenceBound(Math.max(startLoss, 1e-3));
	const sgd = createSgd(config.lr);
	const layout = statsLayout([
		['losses', m],
		['testLoss', 1],
		['gradNorms', m],
		['testScores', test.n],
		['cvScores', n],
		['weights', m * 3],
		['finite', 1]
	] as const);
	let disposed = false;

	const run = (update: boolean, record: boolean): tf.Tensor1D | null =>
		tf.tidy((): tf.Tensor1D | void => {
			const logits = tf.matMul(w, xa, false, true);
			const p = tf.sigmoid(logits);
			const grad = tf.matMul(tf.mul(tf.sub(p, y), mask), xa);
			let stats: tf.Tensor1D | undefined;
			if (record) {
				const losses = tf.sum(tf.mul(bce(logits, y), mask), 1);
				const testLogit = tf.matMul(tf.slice(w, [0, 0], [1, 3]), xaTest, false, true);
				const testLoss = tf.mul(tf.sum(bce(testLogit, yTest)), invNTest);
				const gradNorms = tf.sqrt(tf.sum(tf.square(grad), 1));
				stats = packStats([
					losses,
					testLoss,
					gradNorms,
					tf.sigmoid(testLogit),
					tf.sum(tf.mul(tf.slice(p, [1, 0], [k, n]), val), 0),
					w,
					tf.cast(tf.all(tf.concat([tf.isFinite(losses), tf.isFinite(gradNorms), tf.isFinite(tf.reshape(w, [-1]))])), 'float32')
				]);
			}
			if (update) sgd.apply([w], [grad]);
			return stats;
		}) ?? null;

	const assertLive = () => {
		if (disposed) throw new Error('logisticCv: used after dispose()');
	};

	return {
		models: m,
		statsLength: layout.length,
		step(record) {
			assertLive();
			return run(true, record);
		},
		inspect() {
			assertLive();
			return run(false, true) as tf.Tensor1D;
		},
		decode(values) {
			if (values.length !== layout.length) throw new Error(`logisticCv: stats length ${values.length}, expected ${layout.length}`);
			const losses = layout.slice(values, 'losses');
			const gradNorms = layout.slice(values, 'gradNorms');
			let gradNorm = 0;
			for (const g of gradNorms) gradNorm = Number.isFinite(g) ? Math.max(gradNorm, g) : Infinity;
			const loss = losses[0];
			return {
				loss,
				diverged: isDivergedReadBack([...losses, values[layout.offset.testLoss]], bound, [values[layout.offset.finite]]),
				startLoss,
				testLoss: values[layout.offset.testLoss],
				foldLoss: losses.slice(1),
				gradNorm,
				testScores: layout.slice(values, 'testScores').slice(),
				cvScores: layout.slice(values, 'cvScores').slice(),
				weights: layout.slice(values, 'weights').slice()
			};
		},
		configure(patch) {
			const lr = patch.lr;
			if (typeof lr === 'number' && Number.isFinite(lr) && lr > 0) sgd.setLearningRate(lr);
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const t of [xa, xaTest, y, yTest, mask, val, invNTest, w]) t.dispose();
			sgd.dispose();
		}
	};
}
