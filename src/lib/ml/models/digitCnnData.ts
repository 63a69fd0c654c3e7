/**
 * A digit set kept on the device once (images as float32 [N,28,28,1] in [0,1], labels as int32 [N]
 * and one-hot float32 [N,10]) plus seeded minibatches: once per epoch a shuffled index vector is
 * uploaded; each step slices it at a static offset and gathers its rows, so a step inside an epoch
 * uploads nothing.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DigitSet } from '../data/mnist';
import { createRng } from '../core/rng';
import { DIGIT_CLASSES, DIGIT_SIDE } from './digitCnnLayers';

/** A digit set on the device. */
export interface DeviceDigits {
	readonly count: number;
	/** [N,28,28,1] float32 in [0,1] */
	readonly images: tf.Tensor4D;
	/** [N] int32 class labels */
	readonly labels: tf.Tensor1D;
	/** [N,10] float32 one-hot labels */
	readonly onehot: tf.Tensor2D;
	/** the labels as given (host copy, no read-back needed) */
	readonly hostLabels: Uint8Array;
	dispose(): void;
}

/** Uploads a DigitSet (28x28 digits) once; throws if it is empty or not 28x28. */
export function uploadDigits(set: DigitSet): DeviceDigits {
	if (set.rows !== DIGIT_SIDE || set.cols !== DIGIT_SIDE) throw new Error(`digitCnn: digits must be 28x28, got ${set.rows}x${set.cols}`);
	if (set.count < 1 || set.images.length !== set.count * DIGIT_SIDE * DIGIT_SIDE || set.labels.length !== set.count) {
		throw new Error(`digitCnn: inconsistent digit set (count ${set.count})`);
	}
	const pixels = new Float32Array(set.images.length);
	for (let i = 0; i < pixels.length; i++) pixels[i] = set.images[i] / 255;
	const images = tf.tensor4d(pixels, [set.count, DIGIT_SIDE, DIGIT_SIDE, 1], 'float32');
	const labels = tf.tensor1d(Int32Array.from(set.labels), 'int32');
	const onehot = tf.tidy(() => tf.cast(tf.oneHot(labels, DIGIT_CLASSES), 'float32') as tf.Tensor2D);
	let disposed = false;
	return {
		count: set.count,
		images,
		labels,
		onehot,
		hostLabels: set.labels,
		dispose() {
			if (disposed) return;
			disposed = true;
			images.dispose();
			labels.dispose();
			onehot.dispose();
		}
	};
}

/** One minibatch, gathered on the device. */
export interface Batch {
	x: tf.Tensor4D;
	labels: tf.Tensor1D;
	onehot: tf.Tensor2D;
}

/** Seeded per-epoch shuffling over a device digit set. */
export interface Batcher {
	/** the batch size in use (at most the set's count) */
	readonly batch: number;
	/** epochs begun */
	readonly epochs: number;
	/** Sets the batch size (starts a new epoch if it changed). */
	setBatch(b: number): void;
	/** Makes sure the current epoch has a batch left (uploads a new order if not). Outside tf.tidy. */
	prepare(): void;
	/** Gathers the current batch (call `prepare` first). Call inside tf.tidy. */
	current(): Batch;
	/** Moves on to the next batch. */
	advance(): void;
	dispose(): void;
}

/** Creates a batcher over `data`, its order seeded by `seed`. */
export function createBatcher(data: DeviceDigits, seed: number, batch: number): Batcher {
	const rng = createRng(seed);
	const n = data.count;
	let size = Math.max(1, Math.min(n, Math.floor(batch)));
	let perm: tf.Tensor1D | null = null;
	let cursor = 0;
	let epochs = 0;
	return {
		get batch() {
			return size;
		},
		get epochs() {
			return epochs;
		},
		setBatch(b) {
			const next = Math.max(1, Math.min(n, Math.floor(b)));
			if (next === size) return;
			size = next;
			perm?.dispose();
			perm = null;
		},
		prepare() {
			const perEpoch = Math.floor(n / size);
			if (perm && cursor < perEpoch) return;
			perm?.dispose();
			const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i)).subarray(0, perEpoch * size);
			perm = tf.tensor1d(order, 'int32');
			cursor = 0;
			epochs++;
		},
		current() {
			if (!perm) throw new Error('digitCnn: batcher.prepare() not called');
			const idx = tf.slice(perm, [cursor * size], [size]);
			return { x: tf.gather(data.images, idx), labels: tf.gather(data.labels, idx), onehot: tf.gather(data.onehot, idx) };
		},
		advance() {
			cursor++;
		},
		dispose() {
			perm?.dispose();
			perm = null;
		}
	};
}
