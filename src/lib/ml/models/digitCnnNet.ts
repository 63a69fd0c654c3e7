/**
 * The digit CNN's parameters (tf.variables, He-initialised from a seeded Rng, biases 0) and its
 * forward pass in NHWC with every intermediate kept, so the hand-written backward pass and the
 * feature-map probe can use them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '../core/rng';
import { initWeights } from './init';
import type { DigitCnnConfig, PoolKind } from './digitCnnLayers';
import { describeDigitCnn } from './digitCnnLayers';

/** The learnable tensors: conv weights HWIO, dense [flat, 10], biases [out]. */
export interface DigitCnnParams {
	w1: tf.Variable<tf.Rank.R4>;
	b1: tf.Variable<tf.Rank.R1>;
	w2: tf.Variable<tf.Rank.R4>;
	b2: tf.Variable<tf.Rank.R1>;
	wd: tf.Variable<tf.Rank.R2>;
	bd: tf.Variable<tf.Rank.R1>;
}

/** The parameter names in the fixed order used for gradients and the optimiser. */
export const PARAM_NAMES = ['w1', 'b1', 'w2', 'b2', 'wd', 'bd'] as const;

/** Every layer's output for a batch x [B,28,28,1]. */
export interface DigitCnnForward {
	x: tf.Tensor4D;
	/** [B,28,28,F1] pre-activation */
	conv1: tf.Tensor4D;
	relu1: tf.Tensor4D;
	/** [B,S1,S1,F1] */
	pool1: tf.Tensor4D;
	/** [B,S1,S1,F2] pre-activation */
	conv2: tf.Tensor4D;
	relu2: tf.Tensor4D;
	/** [B,S2,S2,F2] */
	pool2: tf.Tensor4D;
	/** [B, S2*S2*F2] */
	flat: tf.Tensor2D;
	/** [B,10] */
	logits: tf.Tensor2D;
}

/** Creates the variables for a config, seeded by `c.seed` (He normal weights, zero biases). */
export function createDigitCnnParams(c: DigitCnnConfig): DigitCnnParams {
	const layers = describeDigitCnn(c);
	const rng = createRng(deriveSeed(c.seed, 'digitCnn:weights'));
	const weight = (shape: number[]) => {
		const fanOut = shape[shape.length - 1];
		const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1);
		const values = initWeights('he', fanIn, fanOut, rng);
		return tf.tidy(() => tf.variable(tf.tensor(values, shape, 'float32'), true));
	};
	const bias = (n: number) => tf.tidy(() => tf.variable(tf.zeros([n], 'float32'), true)) as tf.Variable<tf.Rank.R1>;
	const shapeOf = (id: string) => layers.find((l) => l.id === id)?.weightShape as number[];
	return {
		w1: weight(shapeOf('conv1')) as tf.Variable<tf.Rank.R4>,
		b1: bias(c.filters1),
		w2: weight(shapeOf('conv2')) as tf.Variable<tf.Rank.R4>,
		b2: bias(c.filters2),
		wd: weight(shapeOf('dense')) as tf.Variable<tf.Rank.R2>,
		bd: bias(10)
	};
}

/** The parameters as a list in PARAM_NAMES order. */
export function paramList(p: DigitCnnParams): tf.Variable[] {
	return PARAM_NAMES.map((n) => p[n]);
}

/** Pooling window = stride = `size`, 'valid' padding. Call inside tf.tidy. */
export function pool2d(x: tf.Tensor4D, kind: PoolKind, size: number): tf.Tensor4D {
	return kind === 'max' ? tf.maxPool(x, size, size, 'valid') : tf.avgPool(x, size, size, 'valid');
}

/** Runs x [B,28,28,1] (values in [0,1]) through the net, keeping every layer. Call inside tf.tidy. */
export function digitCnnForward(p: DigitCnnParams, pool: PoolKind, poolSize: number, x: tf.Tensor4D): DigitCnnForward {
	const conv1 = tf.add(tf.conv2d(x, p.w1, 1, 'same'), p.b1) as tf.Tensor4D;
	const relu1 = tf.relu(conv1);
	const pool1 = pool2d(relu1, pool, poolSize);
	const conv2 = tf.add(tf.conv2d(pool1, p.w2, 1, 'same'), p.b2) as tf.Tensor4D;
	const relu2 = tf.relu(conv2);
	const pool2 = pool2d(relu2, pool, poolSize);
	const flat = tf.reshape(pool2, [pool2.shape[0], -1]) as tf.Tensor2D;
	const logits = tf.add(tf.matMul(flat, p.wd), p.bd) as tf.Tensor2D;
	return { x, conv1, relu1, pool1, conv2, relu2, pool2, flat, logits };
}

/** Log-softmax over the class axis of logits [B,10], computed stably (max subtracted). Inside tf.tidy. */
export function logSoftmax(logits: tf.Tensor2D): tf.Tensor2D {
	const shifted = tf.sub(logits, tf.max(logits, 1, true));
	return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), 1, true)));
}
