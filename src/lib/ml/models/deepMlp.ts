/**
 * A plain MLP for 2-D binary classification: input -> hidden layers -> 1 logit. The hidden layers
 * are either `depth` layers of `width` units or any list of sizes (`hidden`, possibly empty: then
 * the net is logistic regression). Weights are tf.variables seeded from JS (deterministic per
 * seed), biases start at 0.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '../core/rng';
import type { ActivationName } from '../functions/activations';
import { activate, createActivationKit, type ActivationKit } from '../functions/activationsTf';
import { initWeights, type InitName } from './init';

/**
 * What defines a deep MLP. Either `hidden` (units per hidden layer, input side first; [] = no hidden
 * layer) or `depth` >= 1 layers of `width` >= 1 units. `alpha` is the leaky-ReLU slope; `inputSize`
 * defaults to 2.
 */
export interface DeepMlpConfig {
	depth?: number;
	width?: number;
	hidden?: readonly number[];
	act: ActivationName;
	alpha?: number;
	init: InitName;
	seed: number;
	inputSize?: number;
}

/** A forward pass: the logit [n, 1] and, per hidden layer, pre-activations z and outputs h [n, width]. */
export interface MlpForward {
	logit: tf.Tensor2D;
	pre: tf.Tensor2D[];
	post: tf.Tensor2D[];
}

/** A deep MLP owning its variables and activation constants. */
export interface DeepMlp {
	readonly act: ActivationName;
	/** [inputSize, hidden sizes..., 1]: depth + 2 entries */
	readonly layerSizes: readonly number[];
	/** number of trainable scalars (weights and biases) */
	readonly paramCount: number;
	/** weight matrices [in, out], layer 1 (closest to the input) first; depth + 1 of them */
	readonly weights: readonly tf.Variable<tf.Rank.R2>[];
	/** bias vectors [out], same order */
	readonly biases: readonly tf.Variable<tf.Rank.R1>[];
	/** the scalar constants the activation ops use (owned by this model) */
	readonly kit: ActivationKit;
	/** Runs x [n, inputSize] through the net. Call inside tf.tidy. */
	forward(x: tf.Tensor2D): MlpForward;
	/** Frees every variable and constant. Safe to call twice. */
	dispose(): void;
}

/** The hidden sizes a config asks for; throws on a bad depth, width or size. */
export function hiddenSizes(config: Pick<DeepMlpConfig, 'depth' | 'width' | 'hidden'>): number[] {
	if (config.hidden) {
		const sizes = config.hidden.map((s) => Math.floor(s));
		if (!sizes.every((s) => s >= 1)) throw new Error(`deepMlp: bad hidden sizes ${config.hidden.join(',')}`);
		return sizes;
	}
	const depth = Math.floor(config.depth ?? NaN);
	const width = Math.floor(config.width ?? NaN);
	if (!(depth >= 1 && width >= 1)) {
		throw new Error(`deepMlp: bad depth ${config.depth} / width ${config.width}`);
	}
	return Array<number>(depth).fill(width);
}

/** Builds the MLP with seeded initial weights (validates the sizes, see `hiddenSizes`). */
export function createDeepMlp(config: DeepMlpConfig): DeepMlp {
	const hidden = hiddenSizes(config);
	const depth = hidden.length;
	const inputSize = config.inputSize ?? 2;
	const layerSizes = [inputSize, ...hidden, 1];
	const rng = createRng(deriveSeed(config.seed, 'deepMlp:weights'));
	const weights: tf.Variable<tf.Rank.R2>[] = [];
	const biases: tf.Variable<tf.Rank.R1>[] = [];
	let paramCount = 0;
	for (let l = 0; l + 1 < layerSizes.length; l++) {
		const fanIn = layerSizes[l];
		const fanOut = layerSizes[l + 1];
		const w = initWeights(config.init, fanIn, fanOut, rng);
		weights.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true, undefined, 'float32')));
		biases.push(tf.tidy(() => tf.variable(tf.zeros([fanOut]) as tf.Tensor1D, true, undefined, 'float32')));
		paramCount += fanIn * fanOut + fanOut;
	}
	const kit = createActivationKit(config.alpha);
	const act = config.act;
	let disposed = false;

	return {
		act,
		layerSizes,
		paramCount,
		weights,
		biases,
		kit,
		forward(x) {
			const pre: tf.Tensor2D[] = [];
			const post: tf.Tensor2D[] = [];
			let h: tf.Tensor2D = x;
			for (let l = 0; l < depth; l++) {
				const z = tf.add(tf.matMul(h, weights[l]), biases[l]) as tf.Tensor2D;
				h = activate(z, act, kit);
				pre.push(z);
				post.push(h);
			}
			const logit = tf.add(tf.matMul(h, weights[depth]), biases[depth]) as tf.Tensor2D;
			return { logit, pre, post };
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			for (const v of [...weights, ...biases]) v.dispose();
			kit.dispose();
		}
	};
}
