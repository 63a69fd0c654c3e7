/**
 * L10's digit CNN (conv-ReLU-pool-conv-ReLU-pool-dense-softmax, NHWC) as a Trainer: each step
 * draws a seeded minibatch from the training digits kept on the device, backpropagates by hand
 * (digitCnnGrads.ts) and applies lean Adam (train/optimizers.ts). A recorded step returns one float32
 * vector [loss, accuracy, finite, step, calm]; loss and accuracy are those of the step's batch before
 * its update, `finite` and `step` describe the state after it, `calm` is 0 once any step's loss was
 * not finite or above DIVERGED_LOSS (latched on the device at every step: see train/divergence.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DigitSet } from '../data/mnist';
import { deriveSeed } from '../core/rng';
import { packStats, statsLayout } from '../probe/pack';
import { createDivergenceLatch, divergenceBound, isDivergedReadBack } from '../train/divergence';
import { createOptimizer } from '../train/optimizers';
import type { StepStats, Trainer } from '../train/trainer';
import { digitCnnBackward, type BackwardOptions } from './digitCnnGrads';
import { poolUpsampleFilter, type FilterGradMode, type PoolGradMode } from './digitCnnKernels';
import { createBatcher, uploadDigits, type DeviceDigits } from './digitCnnData';
import { evaluateDigits, type DigitCnnEvaluation } from './digitCnnEval';
import { DIGIT_CNN_LIMITS, checkDigitCnnConfig, describeDigitCnn, type DigitCnnConfig, type LayerInfo } from './digitCnnLayers';
import { createDigitCnnParams, digitCnnForward, logSoftmax, paramList, type DigitCnnForward, type DigitCnnParams } from './digitCnnNet';

export { describeDigitCnn, DIGIT_CNN_DEFAULTS, DIGIT_CNN_LIMITS, digitCnnParamCount } from './digitCnnLayers';
export type { DigitCnnConfig, LayerInfo, PoolKind } from './digitCnnLayers';
export type { DigitCnnEvaluation } from './digitCnnEval';
export type { FilterGradMode, PoolGradMode } from './digitCnnKernels';

/** What one recorded step reports. */
export interface DigitCnnStats extends StepStats {
	/** steps taken when the stats were made (1 for the first step's record, 0 for inspect() before training) */
	step: number;
	/** mean cross-entropy of the step's batch (nats), before its update */
	loss: number;
	/** share of the batch classified correctly, before the update, in [0, 1] */
	accuracy: number;
	/** loss and every parameter are finite numbers (tested bit-wise on the device) */
	finite: boolean;
}

/** Options beyond the contract (tests and benches). */
export interface DigitCnnOptions {
	/** conv filter gradient: 'auto' (default: the kernel, but the conv trick on wasm and cpu), 'kernel' or 'conv' */
	filterGrad?: FilterGradMode;
	/** pooling gradient: 'auto' (default: the kernel, but upsampling on cpu), 'kernel' or 'upsample' */
	poolGrad?: PoolGradMode;
}

/** The digit CNN as a Trainer plus the layer facts, a validation pass and internals for the probes. */
export interface DigitCnnModel extends Trainer<DigitCnnStats> {
	readonly layers: LayerInfo[];
	/** the configuration in use (lr and batch follow configure) */
	readonly config: Readonly<DigitCnnConfig>;
	/** steps taken so far */
	readonly steps: number;
	/** epochs begun over the training digits */
	readonly epochs: number;
	/** number of floats in a stats tensor (5) */
	readonly statsLength: number;
	/** the variables (probes read the filters; do not dispose) */
	readonly params: DigitCnnParams;
	/** Every layer's output for x [B,28,28,1] in [0,1]. Internal, for the probes; call inside tf.tidy. */
	forwardAll(x: tf.Tensor4D): DigitCnnForward;
	/** Stats on the next batch without training (same layout as step(true)); caller owns it. */
	inspect(): tf.Tensor1D;
	/** Live changes: `lr` (> 0) and `batch` (integer 16..256); other keys and bad values are ignored. */
	configure(patch: Record<string, number | string | boolean>): void;
	/**
	 * Validation pass (batched inside, tidy): accuracy, mean loss, 10x10 confusion counts
	 * [truth][pred], predicted class per digit. Async because it reads back once.
	 */
	evaluate(val: DigitSet): Promise<DigitCnnEvaluation>;
}

/**
 * Mean batch loss (nats) above which a run counts as diverged although every number is finite: the
 * shared rule (train/divergence.ts) on the untrained loss ln 10 (a uniform guess over 10 digits),
 * about 2,303 nats. Measured on the cpu backend (batch 16): Adam at lr 10 sends the second batch's
 * loss to about 1.8e7 and at lr 1 to 2.4e4; at 0.1 it peaks near 34, at 0.05 near 9.
 */
export const DIVERGED_LOSS = divergenceBound(Math.log(10));

/** Trainer over the training DigitSet; each step draws a seeded random batch of `batch` digits. */
export function createDigitCnn(c: DigitCnnConfig, train: DigitSet, options: DigitCnnOptions = {}): DigitCnnModel {
	checkDigitCnnConfig(c);
	const config: DigitCnnConfig = { ...c };
	const layers = describeDigitCnn(config);
	const data: DeviceDigits = uploadDigits(train);
	const params = createDigitCnnParams(config);
	const variables = paramList(params);
	const adam = createOptimizer({ kind: 'adam', lr: config.lr });
	const batcher = createBatcher(data, deriveSeed(config.seed, 'digitCnn:batches'), config.batch);
	const one = tf.scalar(1, 'float32');
	const invB = tf.tidy(() => tf.variable(tf.scalar(1 / batcher.batch, 'float32'), false));
	const stepCount = tf.tidy(() => tf.variable(tf.scalar(0, 'float32'), false));
	const latch = createDivergenceLatch(DIVERGED_LOSS);
	const layout = statsLayout([
		['loss', 1],
		['accuracy', 1],
		['finite', 1],
		['step', 1],
		['calm', 1]
	] as const);
	const upsample = { pool1: poolUpsampleFilter(config.filters1, config.poolSize, config.pool), pool2: poolUpsampleFilter(config.filters2, config.poolSize, config.pool) };
	const backwardOptions: BackwardOptions = {
		pool: config.pool,
		poolSize: config.poolSize,
		kernel: config.kernel,
		filterGrad: options.filterGrad ?? 'auto',
		poolGrad: options.poolGrad ?? 'auto',
		upsample
	};
	let steps = 0;
	let disposed = false;
	let valCache: { set: DigitSet; data: DeviceDigits } | null = null;

	const statsOf = (logp: tf.Tensor2D, loss: tf.Scalar, labels: tf.Tensor1D): tf.Tensor1D => {
		const hits = tf.cast(tf.equal(tf.argMax(logp, 1), labels), 'float32');
		const flat = (t: tf.Tensor) => tf.reshape(t, [-1]);
		const finite = tf.all(tf.concat([tf.isFinite(flat(loss)), ...variables.map((v) => tf.isFinite(flat(v)))]));
		return packStats([loss, tf.mul(tf.sum(hits), invB), tf.cast(finite, 'float32'), stepCount, latch.ok()]);
	};

	const run = (update: boolean, record: boolean): tf.Tensor1D | null => {
		batcher.prepare();
		const result =
			tf.tidy((): tf.Tensor1D | void => {
				const b = batcher.current();
				if (!update) {
					const logp = logSoftmax(digitCnnForward(params, config.pool, config.poolSize, b.x).logits);
					const loss = tf.mul(tf.neg(tf.sum(tf.mul(b.onehot, logp))), invB) as tf.Scalar;
					return statsOf(logp, loss, b.labels);
				}
				const g = digitCnnBackward(params, b.x, b.onehot, invB, backwardOptions);
				adam.apply(variables, [g.grads.w1, g.grads.b1, g.grads.w2, g.grads.b2, g.grads.wd, g.grads.bd]);
				latch.update(g.loss);
				stepCount.assign(tf.add(stepCount, one));
				return record ? statsOf(g.logp, g.loss, b.labels) : undefined;
			}) ?? null;
		if (update) {
			batcher.advance();
			steps++;
		}
		return result;
	};

	const assertLive = () => {
		if (disposed) throw new Error('digitCnn: used after dispose()');
	};

	const valData = (set: DigitSet): DeviceDigits => {
		if (valCache?.set !== set) {
			valCache?.data.dispose();
			valCache = { set, data: uploadDigits(set) };
		}
		return valCache.data;
	};

	return {
		layers,
		get config() {
			return { ...config };
		},
		get steps() {
			return steps;
		},
		get epochs() {
			return batcher.epochs;
		},
		statsLength: layout.length,
		params,
		forwardAll: (x) => digitCnnForward(params, config.pool, config.poolSize, x),
		step(record) {
			assertLive();
			return run(true, record);
		},
		inspect() {
			assertLive();
			return run(false, true) as tf.Tensor1D;
		},
		decode(values) {
			if (values.length !== layout.length) throw new Error(`digitCnn: stats length ${values.length}, expected ${layout.length}`);
			const loss = values[layout.offset.loss];
			const finite = values[layout.offset.finite] > 0.5;
			return {
				step: Math.round(values[layout.offset.step]),
				loss,
				accuracy: values[layout.offset.accuracy],
				finite,
				diverged: isDivergedReadBack([loss], DIVERGED_LOSS, [values[layout.offset.finite], values[layout.offset.calm]])
			};
		},
		configure(patch) {
			if (disposed) return;
			const { lr, batch } = patch;
			if (typeof lr === 'number' && Number.isFinite(lr) && lr > 0) {
				config.lr = lr;
				adam.setLearningRate(lr);
			}
			const [lo, hi] = DIGIT_CNN_LIMITS.batch;
			if (typeof batch === 'number' && Number.isInteger(batch) && batch >= lo && batch <= hi && batch !== config.batch) {
				config.batch = batch;
				batcher.setBatch(batch);
				tf.tidy(() => invB.assign(tf.scalar(1 / batcher.batch, 'float32')));
			}
		},
		async evaluate(val) {
			assertLive();
			return evaluateDigits((x) => digitCnnForward(params, config.pool, config.poolSize, x).logits, valData(val));
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			valCache?.data.dispose();
			valCache = null;
			batcher.dispose();
			adam.dispose();
			for (const v of variables) v.dispose();
			data.dispose();
			one.dispose();
			invB.dispose();
			upsample.pool1.dispose();
			upsample.pool2.dispose();
			stepCount.dispose();
			latch.dispose();
		}
	};
}
