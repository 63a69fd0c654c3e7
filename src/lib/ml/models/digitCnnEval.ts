/**
 * A validation pass over digits on the device: logits in chunks inside one tf.tidy, the predicted
 * class and cross-entropy of every digit packed into one vector, read back once, and the
 * accuracy, mean loss and confusion counts computed from the plain numbers.
 */
import * as tf from '@tensorflow/tfjs';
import type { DeviceDigits } from './digitCnnData';
import { DIGIT_CLASSES } from './digitCnnLayers';
import { logSoftmax } from './digitCnnNet';

/** What a validation pass reports. */
export interface DigitCnnEvaluation {
	/** share of digits classified correctly, in [0, 1] */
	accuracy: number;
	/** mean cross-entropy (nats) */
	loss: number;
	/** 10x10 counts [truth][pred] */
	confusion: number[][];
	/** predicted class per digit */
	predicted: Uint8Array;
}

/** Digits per forward pass in a validation pass (bounds the memory of the conv maps). */
export const EVAL_CHUNK = 500;

/** Runs `logits` (x [b,28,28,1] -> [b,10], called inside tf.tidy) over every digit; one read-back. */
export async function evaluateDigits(logits: (x: tf.Tensor4D) => tf.Tensor2D, data: DeviceDigits): Promise<DigitCnnEvaluation> {
	const n = data.count;
	const packed = tf.tidy(() => {
		const preds: tf.Tensor[] = [];
		const losses: tf.Tensor[] = [];
		for (let start = 0; start < n; start += EVAL_CHUNK) {
			const size = Math.min(EVAL_CHUNK, n - start);
			const [pred, loss] = tf.tidy(() => {
				const x = tf.slice(data.images, [start, 0, 0, 0], [size, -1, -1, -1]);
				const onehot = tf.slice(data.onehot, [start, 0], [size, -1]);
				const logp = logSoftmax(logits(x));
				return [tf.cast(tf.argMax(logp, 1), 'float32'), tf.neg(tf.sum(tf.mul(onehot, logp), 1))];
			});
			preds.push(pred);
			losses.push(loss);
		}
		return tf.concat([...preds, ...losses]);
	});
	let values: Float32Array;
	try {
		values = (await packed.data()) as Float32Array;
	} finally {
		packed.dispose();
	}
	const labels = data.hostLabels;
	const confusion = Array.from({ length: DIGIT_CLASSES }, () => new Array<number>(DIGIT_CLASSES).fill(0));
	const predicted = new Uint8Array(n);
	let correct = 0;
	let lossSum = 0;
	for (let i = 0; i < n; i++) {
		const p = Math.round(values[i]);
		predicted[i] = p;
		confusion[labels[i]][p]++;
		if (p === labels[i]) correct++;
		lossSum += values[n + i];
	}
	return { accuracy: correct / n, loss: lossSum / n, confusion, predicted };
}
