/**
 * A validation pass over digits on the device: logits in chunks, the predicted class and
 * cross-entropy of every digit packed into one [n, 2] tensor, read back once, and the
 * accuracy, mean loss and confusion counts computed from the plain numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
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
/**
 * On backends that compute synchronously on the main thread (cpu, wasm) the pass runs in smaller
 * chunks with a yield to the event loop between them, so the page keeps drawing and answering.
 */
export const SYNC_EVAL_CHUNK = 100;
const SYNC_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm']);

/** Runs `logits` (x [b,28,28,1] -> [b,10], called inside tf.tidy) over every digit; one read-back. */
export async function evaluateDigits(logits: (x: tf.Tensor4D) => tf.Tensor2D, data: DeviceDigits): Promise<DigitCnnEvaluation> {
	const n = data.count;
	const sync = SYNC_BACKENDS.has(tf.getBackend());
	const chunk = sync ? SYNC_EVAL_CHUNK : EVAL_CHUNK;
	const parts: tf.Tensor[] = [];
	let values: Float32Array;
	try {
		for (let start = 0; start < n; start += chunk) {
			const size = Math.min(chunk, n - start);
			parts.push(
				tf.tidy(() => {
					const x = tf.slice(data.images, [start, 0, 0, 0], [size, -1, -1, -1]);
					const onehot = tf.slice(data.onehot, [start, 0], [size, -1]);
					const logp = logSoftmax(logits(x));
					// [pred, loss] per digit, as a [size, 2] block
					return tf.stack([tf.cast(tf.argMax(logp, 1), 'float32'), tf.neg(tf.sum(tf.mul(onehot, logp), 1))], 1);
				})
			);
			if (sync && start + chunk < n) await new Promise((resolve) => setTimeout(resolve, 0));
		}
		const packed = parts.length === 1 ? parts[0] : tf.concat(parts);
		try {
			values = (await packed.data()) as Float32Array;
		} finally {
			if (packed !== parts[0]) packed.dispose();
		}
	} finally {
		for (const t of parts) t.dispose();
	}
	const labels = data.hostLabels;
	const confusion = Array.from({ length: DIGIT_CLASSES }, () => new Array<number>(DIGIT_CLASSES).fill(0));
	const predicted = new Uint8Array(n);
	let correct = 0;
	let lossSum = 0;
	for (let i = 0; i < n; i++) {
		const p = Math.round(values[2 * i]);
		predicted[i] = p;
		confusion[labels[i]][p]++;
		if (p === labels[i]) correct++;
		lossSum += values[2 * i + 1];
	}
	return { accuracy: correct / n, loss: lossSum / n, confusion, predicted };
}
