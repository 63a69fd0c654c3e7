/**
 * L01's MLP playground: a small MLP (2 inputs, 0-4 hidden layers of any width, 1 logit) trained by
 * minibatch SGD with hand-written backprop on a toy 2-D set. Each recorded step packs, in one flat
 * tensor: train and test loss and accuracy, the predicted probability on a grid (the decision
 * boundary) and the full forward/backward trace of one picked training sample.
 *
 * Minibatches: once per epoch a shuffled index vector is uploaded; each step slices it at a static
 * offset and gathers its rows, so a step uploads nothing. A batch of n or more is full-batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '../core/rng';
import { sumTensors } from '../core/ops';
import { gridPoints, type GridSpec } from '../data/grid2d';
import { makeToy2d, type Toy2d, type Toy2dName } from '../data/toy2d';
import type { ActivationName } from '../functions/activations';
import { packStats, statsLayout } from '../probe/pack';
import { decodeTrace, traceLayout, traceSampleTensor, type SampleTrace } from '../probe/sampleTrace';
import { createSgd } from '../train/sgd';
import type { StepStats, Trainer } from '../train/trainer';
import { createDeepMlp, type DeepMlp } from './deepMlp';
import { bceWithLogits, logitAccuracy, mlpBceGradients } from './deepMlpGrads';
import { isDiverged } from './depthExperiment';
import type { InitName } from './init';

/** A point the learner added: position in input units and its class. */
export interface AddedPoint {
	x: number;
	y: number;
	cls: 0 | 1;
}

/** The playground's settings. */
export interface PlaygroundConfig {
	data: Toy2dName;
	/** Gaussian jitter std of the data (input units) */
	noise: number;
	/** units per hidden layer, input side first ([] = logistic regression) */
	hidden: readonly number[];
	act: ActivationName;
	/** SGD learning rate */
	lr: number;
	/** minibatch size (>= number of training points: full batch) */
	batch: number;
	seed: number;
	/** weight initialisation (default xavier) */
	init?: InitName;
	/** generated training points (default 200) */
	nTrain?: number;
	/** generated test points (default 200) */
	nTest?: number;
	/** points added by the learner, appended to the training set */
	added?: readonly AddedPoint[];
	/** index of the training sample to trace (clamped) */
	pick?: number;
	/** the decision-boundary grid (default 60 x 60 over [-1.5, 1.5]^2) */
	grid?: Partial<GridSpec>;
}

/** What one recorded step reports (measured before that step's update). */
export interface PlaygroundStats extends StepStats {
	/** mean BCE on the whole training set (nats) */
	loss: number;
	accuracy: number;
	/** mean BCE on the test set (nats) */
	testLoss: number;
	testAccuracy: number;
	/** P(class 1) on the grid, row-major [rows x cols], row 0 = top (largest y) */
	grid: Float32Array;
	/** the picked sample's forward and backward pass */
	trace: SampleTrace;
	/** index of the traced sample in the training set */
	pick: number;
}

/** The playground trainer plus read-only facts about its network and data. */
export interface MlpPlayground extends Trainer<PlaygroundStats> {
	readonly layerSizes: readonly number[];
	readonly paramCount: number;
	readonly mlp: DeepMlp;
	/** the training set (generated points, then the added ones) */
	readonly train: Toy2d;
	readonly test: Toy2d;
	readonly grid: GridSpec;
	readonly statsLength: number;
	/** SGD steps taken */
	readonly steps: number;
	/** full passes over the training set begun so far (minibatch mode) */
	readonly epochs: number;
	/** the current batch size (clamped to the training set) */
	readonly batch: number;
	inspect(): tf.Tensor1D;
	/**
	 * Live changes: `lr` (> 0), `batch` (>= 1), `pick` (sample index) and `focus`: a sample index
	 * whose gradient alone the NEXT step applies (step mode's "update"; -1 cancels).
	 */
	configure(patch: Record<string, number | string | boolean>): void;
}

/** Default numbers of generated points. */
export const PLAYGROUND_N_TRAIN = 200;
export const PLAYGROUND_N_TEST = 200;

/** Concatenates generated points and added ones into one data set. */
function withAdded(base: Toy2d, added: readonly AddedPoint[]): Toy2d {
	const n = base.n + added.length;
	const x = new Float32Array(2 * n);
	const y = new Float32Array(n);
	x.set(base.x);
	y.set(base.y);
	added.forEach((p, i) => {
		x[2 * (base.n + i)] = p.x;
		x[2 * (base.n + i) + 1] = p.y;
		y[base.n + i] = p.cls;
	});
	return { x, y, n };
}

/** Creates the playground: data (seeded), network (seeded) and kept tensors. */
export function createMlpPlayground(config: PlaygroundConfig): MlpPlayground {
	const seed = config.seed;
	const train = withAdded(makeToy2d(config.data, { n: config.nTrain ?? PLAYGROUND_N_TRAIN, noise: config.noise, seed }), config.added ?? []);
	const test = makeToy2d(config.data, { n: config.nTest ?? PLAYGROUND_N_TEST, noise: config.noise, seed: deriveSeed(seed, 'playground:test') });
	if (train.n < 1 || test.n < 1) throw new Error('mlpPlayground: need at least one training and one test point');
	const n = train.n;
	const mlp = createDeepMlp({ hidden: config.hidden, act: config.act, init: config.init ?? 'xavier', seed });
	const layerSizes = [...mlp.layerSizes];
	const sgd = createSgd(config.lr);
	const { spec: grid, values: gridXY } = gridPoints(config.grid);
	const keep = <T extends tf.Tensor>(t: T): T => tf.keep(t);
	const xT = keep(tf.tensor2d(train.x, [n, 2]));
	const yT = keep(tf.tensor2d(train.y, [n, 1]));
	const xTest = keep(tf.tensor2d(test.x, [test.n, 2]));
	const yTest = keep(tf.tensor2d(test.y, [test.n, 1]));
	const gridT = keep(tf.tensor2d(gridXY, [grid.rows * grid.cols, 2]));
	const invN = keep(tf.scalar(1 / n, 'float32'));
	const one = keep(tf.scalar(1, 'float32'));
	const pickT = tf.tidy(() => tf.variable(tf.scalar(0, 'float32'), false));
	const variables = mlp.weights.flatMap((w, l) => [w, mlp.biases[l]]);
	const traceLen = traceLayout(layerSizes).length;
	const layout = statsLayout([
		['loss', 1],
		['accuracy', 1],
		['testLoss', 1],
		['testAccuracy', 1],
		['weightSq', 1],
		['finite', 1],
		['pick', 1],
		['grid', grid.rows * grid.cols],
		['trace', traceLen]
	] as const);
	const shuffler = createRng(deriveSeed(seed, 'playground:batches'));
	let batch = n;
	let invB: tf.Scalar | null = null;
	let perm: tf.Tensor1D | null = null;
	let cursor = 0;
	let epochs = 0;
	let pick = 0;
	let focus = -1;
	let steps = 0;
	let disposed = false;

	const setBatch = (b: number) => {
		const next = Math.max(1, Math.min(n, Math.floor(b)));
		if (next === batch && (invB !== null || next === n)) return;
		batch = next;
		invB?.dispose();
		invB = batch < n ? keep(tf.scalar(1 / batch, 'float32')) : null;
		perm?.dispose();
		perm = null;
	};
	setBatch(config.batch);
	const setPick = (i: number) => {
		const next = Math.max(0, Math.min(n - 1, Math.floor(i)));
		if (next === pick) return;
		pick = next;
		tf.tidy(() => pickT.assign(tf.scalar(pick, 'float32')));
	};
	setPick(config.pick ?? 0);

	/** Uploads a fresh shuffled order when an epoch starts (outside any tidy). */
	const ensureEpoch = () => {
		const perEpoch = Math.floor(n / batch);
		if (perm && cursor < perEpoch) return;
		perm?.dispose();
		const order = shuffler.shuffle(Int32Array.from({ length: n }, (_, i) => i)).subarray(0, perEpoch * batch);
		perm = keep(tf.tensor1d(order, 'int32'));
		cursor = 0;
		epochs++;
	};

	const stats = (fullLogit: tf.Tensor2D | null): tf.Tensor1D => {
		const logit = fullLogit ?? mlp.forward(xT).logit;
		const loss = bceWithLogits(logit, yT);
		const testLogit = mlp.forward(xTest).logit;
		const testLoss = bceWithLogits(testLogit, yTest);
		const gridP = tf.sigmoid(mlp.forward(gridT).logit);
		const xi = tf.slice(xT, [pick, 0], [1, 2]);
		const yi = tf.slice(yT, [pick, 0], [1, 1]);
		const trace = traceSampleTensor(mlp, xi, yi, one);
		const flat = (t: tf.Tensor) => tf.reshape(t, [-1]);
		return packStats([
			loss,
			logitAccuracy(logit, yT),
			testLoss,
			logitAccuracy(testLogit, yTest),
			// A sum of squares has no max/min: NaN or Infinity in any weight shows here on every GPU.
			sumTensors(mlp.weights.map((w) => tf.sum(tf.square(w)))),
			tf.cast(tf.all(tf.concat([tf.isFinite(flat(loss)), tf.isFinite(flat(testLoss)), ...variables.map((v) => tf.isFinite(flat(v)))])), 'float32'),
			pickT,
			gridP,
			trace
		]);
	};

	const run = (update: boolean, record: boolean): tf.Tensor1D | null => {
		const useFocus = update && focus >= 0;
		const full = !useFocus && batch >= n;
		if (update && !useFocus && !full) ensureEpoch();
		const offset = cursor * batch;
		const focusIdx = focus;
		const result =
			tf.tidy((): tf.Tensor1D | void => {
				let out: tf.Tensor1D | undefined;
				if (!update) return stats(null);
				let g;
				if (useFocus) {
					g = mlpBceGradients(mlp, tf.slice(xT, [focusIdx, 0], [1, 2]), tf.slice(yT, [focusIdx, 0], [1, 1]), one);
				} else if (full) {
					g = mlpBceGradients(mlp, xT, yT, invN);
				} else {
					const idx = tf.slice(perm as tf.Tensor1D, [offset], [batch]);
					g = mlpBceGradients(mlp, tf.gather(xT, idx), tf.gather(yT, idx), invB as tf.Scalar);
				}
				if (record) out = stats(full ? g.logit : null);
				sgd.apply(variables, g.weightGrads.flatMap((w, l) => [w, g.biasGrads[l]]));
				return out;
			}) ?? null;
		if (update) {
			if (useFocus) focus = -1;
			else if (!full) cursor++;
		}
		return result;
	};

	const assertLive = () => {
		if (disposed) throw new Error('mlpPlayground: used after dispose()');
	};

	return {
		layerSizes,
		paramCount: mlp.paramCount,
		mlp,
		train,
		test,
		grid,
		statsLength: layout.length,
		get steps() {
			return steps;
		},
		get epochs() {
			return epochs;
		},
		get batch() {
			return batch;
		},
		step(record) {
			assertLive();
			const out = run(true, record);
			steps++;
			return out;
		},
		inspect() {
			assertLive();
			return run(false, true) as tf.Tensor1D;
		},
		decode(values) {
			if (values.length !== layout.length) {
				throw new Error(`mlpPlayground: stats length ${values.length}, expected ${layout.length}`);
			}
			const loss = values[layout.offset.loss];
			const testLoss = values[layout.offset.testLoss];
			return {
				loss,
				diverged: isDiverged(loss, values[layout.offset.weightSq], values[layout.offset.finite], [testLoss]),
				accuracy: values[layout.offset.accuracy],
				testLoss,
				testAccuracy: values[layout.offset.testAccuracy],
				grid: layout.slice(values, 'grid').slice(),
				trace: decodeTrace(layout.slice(values, 'trace'), layerSizes),
				pick: values[layout.offset.pick]
			};
		},
		configure(patch) {
			if (disposed) return;
			const { lr, batch: b, pick: p, focus: f } = patch;
			if (typeof lr === 'number' && Number.isFinite(lr) && lr > 0) sgd.setLearningRate(lr);
			if (typeof b === 'number' && b >= 1) setBatch(b);
			if (typeof p === 'number' && Number.isFinite(p)) setPick(p);
			if (typeof f === 'number' && Number.isFinite(f)) focus = f < 0 ? -1 : Math.min(n - 1, Math.floor(f));
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const t of [xT, yT, xTest, yTest, gridT, invN, one, pickT, invB, perm]) t?.dispose();
			sgd.dispose();
			mlp.dispose();
		}
	};
}
