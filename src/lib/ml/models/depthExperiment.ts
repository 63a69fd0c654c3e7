/**
 * L02's depth experiment: a deep MLP trained full-batch with lean SGD on a toy 2-D set, recording
 * loss, accuracy, per-layer gradient norms, dead ReLU units and per-edge gradient magnitudes in
 * one flat tensor per recorded step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ActivationName } from '../functions/activations';
import { makeToy2d, type Toy2d, type Toy2dName } from '../data/toy2d';
import { deadUnitStats } from '../probe/deadUnits';
import { edgeGradMagnitudes, layerGradNorms } from '../probe/gradNorms';
import { packStats, statsLayout } from '../probe/pack';
import { createSgd } from '../train/sgd';
import { sumTensors } from '../core/ops';
import type { StepStats, Trainer } from '../train/trainer';
import { createDeepMlp, type DeepMlp } from './deepMlp';
import { bceWithLogits, logitAccuracy, mlpBceGradients } from './deepMlpGrads';
import type { InitName } from './init';

/** The experiment's settings (L02's parameters). n = number of training points (default 256). */
export interface DepthConfig {
	act: ActivationName;
	alpha: number;
	depth: number;
	width: number;
	init: InitName;
	lr: number;
	data: Toy2dName;
	seed: number;
	n?: number;
	/** data noise (std in input units); the data set's default when omitted */
	noise?: number;
}

/** What one recorded step reports (all measured before that step's update). */
export interface DepthStats extends StepStats {
	/** mean binary cross-entropy (nats) */
	loss: number;
	/** training accuracy in [0, 1] */
	accuracy: number;
	/** L2 norm of each weight matrix's gradient, input side first [depth + 1] */
	gradNorms: Float32Array;
	/**
	 * share of dead units (pre-activation <= 0 on every point) in each hidden layer [depth]; the rule
	 * is applied for every activation, but only ReLU units get zero gradient from it (see `canDie`)
	 */
	deadShareByLayer: Float32Array;
	/** share of dead units over all hidden units */
	deadShare: number;
	/** 1 = dead, per hidden layer [width] each */
	deadUnits: Uint8Array[];
	/** |dLoss/dW| per weight matrix, row-major [in x out] each (depth + 1 matrices) */
	edgeGrads: Float32Array[];
	/** [2, width, ..., width, 1] */
	layerSizes: number[];
}

/** The depth experiment: a Trainer plus read-only facts about its network. */
export interface DepthExperiment extends Trainer<DepthStats> {
	readonly layerSizes: readonly number[];
	readonly paramCount: number;
	/** the network (tests and probes read its weights) */
	readonly mlp: DeepMlp;
	/** the training set (plain arrays, e.g. for a scatter plot) */
	readonly dataset: Toy2d;
	/** number of floats in a stats tensor */
	readonly statsLength: number;
	/** SGD steps taken so far */
	readonly steps: number;
	/** Stats of the current weights without updating them (same layout as step(true)); caller owns it. */
	inspect(): tf.Tensor1D;
	/** Live changes: only `lr` (a positive number) applies; other keys need a new experiment. */
	configure(patch: Record<string, number | string | boolean>): void;
}

/** Creates the experiment: builds data and network (seeded by `seed`), uploads the data once. */
export function createDepthExperiment(config: DepthConfig): DepthExperiment {
	const dataset = makeToy2d(config.data, { n: config.n ?? 256, noise: config.noise, seed: config.seed });
	if (dataset.n < 1) throw new Error('depthExperiment: need at least one point');
	const mlp = createDeepMlp(config);
	const sgd = createSgd(config.lr);
	const depth = mlp.layerSizes.length - 2;
	const layerSizes = [...mlp.layerSizes];
	const xT = tf.tensor2d(dataset.x, [dataset.n, 2]);
	const yT = tf.tensor2d(dataset.y, [dataset.n, 1]);
	const invN = tf.scalar(1 / dataset.n, 'float32');
	const hiddenUnits = layerSizes.slice(1, -1).reduce((a, b) => a + b, 0);
	const edgeSizes = layerSizes.slice(0, -1).map((s, l) => s * layerSizes[l + 1]);
	const layout = statsLayout([
		['loss', 1],
		['accuracy', 1],
		['gradNorms', depth + 1],
		['deadShareByLayer', depth],
		['deadShare', 1],
		['deadUnits', hiddenUnits],
		['edgeGrads', edgeSizes.reduce((a, b) => a + b, 0)],
		['weightSq', 1],
		['finite', 1]
	] as const);
	const variables = mlp.weights.flatMap((w, l) => [w, mlp.biases[l]]);
	let steps = 0;
	let disposed = false;

	const run = (update: boolean, record: boolean): tf.Tensor1D | null =>
		tf.tidy((): tf.Tensor1D | void => {
			const g = mlpBceGradients(mlp, xT, yT, invN);
			let stats: tf.Tensor1D | undefined;
			if (record) {
				const dead = deadUnitStats(g.pre, mlp.kit.zero);
				const loss = bceWithLogits(g.logit, yT);
				const gradNorms = layerGradNorms(g.weightGrads);
				stats = packStats([
					loss,
					logitAccuracy(g.logit, yT),
					gradNorms,
					dead.shareByLayer,
					dead.share,
					dead.flags,
					edgeGradMagnitudes(g.weightGrads),
					// Sum of squared weights: no max/min op, so a NaN or Infinity anywhere shows here
					// even on GPUs whose max() drops NaN (it would hide inside ReLU).
					sumTensors(mlp.weights.map((w) => tf.sum(tf.square(w)))),
					// 1 when loss, gradient norms and every weight are finite. isFinite tests the bits, so
					// it holds on GPUs that may optimise NaN and Infinity away in ordinary arithmetic.
					tf.cast(
						tf.all(tf.concat([tf.isFinite(tf.reshape(loss, [1])), tf.isFinite(gradNorms), ...mlp.weights.map((w) => tf.isFinite(tf.reshape(w, [-1])))])),
						'float32'
					)
				]);
			}
			if (update) sgd.apply(variables, g.weightGrads.flatMap((w, l) => [w, g.biasGrads[l]]));
			return stats;
		}) ?? null;

	const assertLive = () => {
		if (disposed) throw new Error('depthExperiment: used after dispose()');
	};

	return {
		layerSizes,
		paramCount: mlp.paramCount,
		mlp,
		dataset,
		statsLength: layout.length,
		get steps() {
			return steps;
		},
		step(record) {
			assertLive();
			const stats = run(true, record);
			steps++;
			return stats;
		},
		inspect() {
			assertLive();
			return run(false, true) as tf.Tensor1D;
		},
		decode(values) {
			if (values.length !== layout.length) {
				throw new Error(`depthExperiment: stats length ${values.length}, expected ${layout.length}`);
			}
			const deadFlags = layout.slice(values, 'deadUnits');
			const edges = layout.slice(values, 'edgeGrads');
			const deadUnits: Uint8Array[] = [];
			for (let l = 0, at = 0; l < depth; at += layerSizes[l + 1], l++) {
				deadUnits.push(Uint8Array.from(deadFlags.subarray(at, at + layerSizes[l + 1]), (v) => (v > 0.5 ? 1 : 0)));
			}
			const edgeGrads: Float32Array[] = [];
			for (let l = 0, at = 0; l < edgeSizes.length; at += edgeSizes[l], l++) {
				edgeGrads.push(edges.slice(at, at + edgeSizes[l]));
			}
			const loss = values[layout.offset.loss];
			return {
				loss,
				diverged: isDiverged(loss, values[layout.offset.weightSq], values[layout.offset.finite], layout.slice(values, 'gradNorms')),
				accuracy: values[layout.offset.accuracy],
				gradNorms: layout.slice(values, 'gradNorms').slice(),
				deadShareByLayer: layout.slice(values, 'deadShareByLayer').slice(),
				deadShare: values[layout.offset.deadShare],
				deadUnits,
				edgeGrads,
				layerSizes: [...layerSizes]
			};
		},
		configure(patch) {
			const lr = patch.lr;
			if (typeof lr === 'number' && Number.isFinite(lr) && lr > 0) sgd.setLearningRate(lr);
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			xT.dispose();
			yT.dispose();
			invN.dispose();
			sgd.dispose();
			mlp.dispose();
		}
	};
}

/** Squared weight norm beyond which a run counts as diverged even while every number is finite. */
export const DIVERGED_WEIGHT_SQ = 1e30;

/**
 * Whether a recorded step shows divergence: a non-finite loss or gradient norm, weights that are not
 * finite (`finite` flag 0) or have exploded past DIVERGED_WEIGHT_SQ.
 */
export function isDiverged(loss: number, weightSq: number, finite: number, gradNorms: ArrayLike<number>): boolean {
	if (!Number.isFinite(loss) || finite < 0.5 || !(weightSq < DIVERGED_WEIGHT_SQ)) return true;
	for (let i = 0; i < gradNorms.length; i++) if (!Number.isFinite(gradNorms[i])) return true;
	return false;
}

/** Stats of a freshly initialised network (no training step), read back asynchronously. */
export async function initialDepthStats(config: DepthConfig): Promise<DepthStats> {
	const exp = createDepthExperiment(config);
	try {
		const t = exp.inspect();
		try {
			return exp.decode((await t.data()) as Float32Array);
		} finally {
			t.dispose();
		}
	} finally {
		exp.dispose();
	}
}
