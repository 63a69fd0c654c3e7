/**
 * The forward and backward pass of ONE sample through a DeepMlp, every intermediate number packed
 * in one float32 vector (one read-back): input, per-layer pre-activations z and activations a, the
 * logit, the predicted probability, the sample's BCE, the backpropagated errors delta = dL/dz and
 * the gradients dL/dW, dL/db of that sample alone, and the weights they belong to. This is what a
 * step-by-step view of backpropagation shows.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DeepMlp } from '../models/deepMlp';
import { bceWithLogits, mlpBceGradients } from '../models/deepMlpGrads';
import { packStats, statsLayout, type StatsLayout } from './pack';

/** Everything about one sample's pass, as plain numbers (float32 values). Layer l = 1..L is index l - 1. */
export interface SampleTrace {
	/** [inputSize, hidden..., 1] */
	layerSizes: number[];
	/** the input [inputSize] */
	x: Float32Array;
	/** the 0/1 label */
	y: number;
	/** pre-activation z of every layer (hidden layers, then the logit) [sizes[l]] each */
	z: Float32Array[];
	/** activation a = f(z) of every hidden layer, then sigmoid(logit) for the output [sizes[l]] each */
	a: Float32Array[];
	/** the output logit */
	logit: number;
	/** sigmoid(logit): predicted probability of class 1 */
	p: number;
	/** this sample's binary cross-entropy (nats) */
	loss: number;
	/** dL/dz of every layer [sizes[l]] each, same order as z */
	delta: Float32Array[];
	/** weights of each layer, row-major [in x out] (unit i -> unit j at i * out + j) */
	W: Float32Array[];
	/** biases of each layer [out] */
	b: Float32Array[];
	/** dL/dW of this sample, same layout as W */
	dW: Float32Array[];
	/** dL/db of this sample, same layout as b */
	db: Float32Array[];
}

type Field = 'x' | 'y' | 'logit' | 'p' | 'loss' | `z${number}` | `a${number}` | `d${number}` | `W${number}` | `b${number}` | `dW${number}` | `db${number}`;

/** The packing order of a trace for a network with these layer sizes. */
export function traceLayout(layerSizes: readonly number[]): StatsLayout<Field> {
	const L = layerSizes.length - 1;
	const fields: [Field, number][] = [
		['x', layerSizes[0]],
		['y', 1],
		['logit', 1],
		['p', 1],
		['loss', 1]
	];
	for (let l = 0; l < L; l++) {
		const out = layerSizes[l + 1];
		const inn = layerSizes[l];
		fields.push([`z${l}`, out], [`a${l}`, out], [`d${l}`, out], [`W${l}`, inn * out], [`b${l}`, out], [`dW${l}`, inn * out], [`db${l}`, out]);
	}
	return statsLayout(fields);
}

/**
 * Traces sample x [1, in] with label y [1, 1]; `one` is a kept scalar 1 (the batch of one's 1/n).
 * Returns the packed vector (see traceLayout). Call inside tf.tidy.
 */
export function traceSampleTensor(mlp: DeepMlp, x: tf.Tensor2D, y: tf.Tensor2D, one: tf.Scalar): tf.Tensor1D {
	const g = mlpBceGradients(mlp, x, y, one);
	const depth = g.pre.length;
	const parts: tf.Tensor[] = [x, y, g.logit, tf.sigmoid(g.logit), bceWithLogits(g.logit, y)];
	for (let l = 0; l <= depth; l++) {
		const z = l < depth ? g.pre[l] : g.logit;
		const a = l < depth ? g.post[l] : tf.sigmoid(g.logit);
		parts.push(z, a, g.deltas[l], mlp.weights[l], mlp.biases[l], g.weightGrads[l], g.biasGrads[l]);
	}
	return packStats(parts);
}

/** Cuts a packed trace (values from traceSampleTensor) into named plain arrays (copies). */
export function decodeTrace(values: Float32Array, layerSizes: readonly number[]): SampleTrace {
	const layout = traceLayout(layerSizes);
	if (values.length !== layout.length) {
		throw new Error(`sampleTrace: ${values.length} values, expected ${layout.length}`);
	}
	const get = (k: Field) => layout.slice(values, k).slice();
	const L = layerSizes.length - 1;
	const per = (prefix: 'z' | 'a' | 'd' | 'W' | 'b' | 'dW' | 'db') => Array.from({ length: L }, (_, l) => get(`${prefix}${l}` as Field));
	return {
		layerSizes: [...layerSizes],
		x: get('x'),
		y: values[layout.offset.y],
		z: per('z'),
		a: per('a'),
		logit: values[layout.offset.logit],
		p: values[layout.offset.p],
		loss: values[layout.offset.loss],
		delta: per('d'),
		W: per('W'),
		b: per('b'),
		dW: per('dW'),
		db: per('db')
	};
}

/** Traces sample (x, y) with a temporary constant, reading back synchronously: tests and tools only. */
export function traceSampleSync(mlp: DeepMlp, x: ArrayLike<number>, y: number): SampleTrace {
	const values = tf.tidy(() => {
		const t = traceSampleTensor(mlp, tf.tensor2d(Array.from(x), [1, x.length]), tf.tensor2d([y], [1, 1]), tf.scalar(1));
		return t.dataSync() as Float32Array;
	});
	return decodeTrace(values, mlp.layerSizes);
}
