/**
 * Read-outs of the digit CNN as plain typed arrays: every layer's output for one image, and the
 * conv filters. Each call runs one tf.tidy, packs everything into one vector and reads it back
 * once (the UI calls it at most once per animation frame).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DigitCnnModel, LayerInfo } from '../models/digitCnn';
import { DIGIT_SIDE } from '../models/digitCnnLayers';

/** One layer's values: HWC row-major for maps, [10] for dense/softmax, HWIO for filters. */
export interface LayerMaps {
	id: LayerInfo['id'];
	shape: number[];
	data: Float32Array;
}

/** The layers probeFeatureMaps returns, in order. */
export const PROBED_LAYERS = ['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'dense', 'softmax'] as const;

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Cuts a read-back vector into consecutive pieces of the given shapes. */
function split<K extends LayerInfo['id']>(values: Float32Array, parts: readonly { id: K; shape: number[] }[]): LayerMaps[] {
	let at = 0;
	return parts.map(({ id, shape }) => {
		const n = sizeOf(shape);
		const data = values.slice(at, at + n);
		at += n;
		return { id, shape: [...shape], data };
	});
}

/** Reads `t` back and disposes it, even when the read fails. */
async function readOnce(t: tf.Tensor): Promise<Float32Array> {
	try {
		return (await t.data()) as Float32Array;
	} finally {
		t.dispose();
	}
}

/**
 * One forward pass of ONE image (Float32Array 784 in [0,1], row-major 28x28) inside tf.tidy, one
 * read-back; every layer's output (conv1, relu1, pool1, conv2, relu2, pool2, dense logits,
 * softmax probabilities), without the batch axis.
 */
export async function probeFeatureMaps(model: DigitCnnModel, image: Float32Array): Promise<LayerMaps[]> {
	if (image.length !== DIGIT_SIDE * DIGIT_SIDE) throw new Error(`probeFeatureMaps: image has ${image.length} values, expected 784`);
	const shapes = PROBED_LAYERS.map((id) => {
		const info = model.layers.find((l) => l.id === id);
		if (!info) throw new Error(`probeFeatureMaps: model has no layer ${id}`);
		return { id, shape: info.shape };
	});
	const packed = tf.tidy(() => {
		const f = model.forwardAll(tf.tensor4d(image, [1, DIGIT_SIDE, DIGIT_SIDE, 1], 'float32'));
		const outputs = [f.conv1, f.relu1, f.pool1, f.conv2, f.relu2, f.pool2, f.logits, tf.softmax(f.logits)];
		return tf.concat(outputs.map((t) => tf.reshape(t, [-1])));
	});
	return split(await readOnce(packed), shapes);
}

/** Filters as plain arrays: conv1 [K,K,1,F1], conv2 [K,K,F1,F2] (HWIO, row-major); one read-back. */
export async function probeFilters(model: DigitCnnModel): Promise<{ conv1: LayerMaps; conv2: LayerMaps }> {
	const { w1, w2 } = model.params;
	const packed = tf.tidy(() => tf.concat([tf.reshape(w1, [-1]), tf.reshape(w2, [-1])]));
	const [conv1, conv2] = split(await readOnce(packed), [
		{ id: 'conv1', shape: w1.shape },
		{ id: 'conv2', shape: w2.shape }
	]);
	return { conv1, conv2 };
}
