import { readFileSync } from 'node:fs';
import { decodeDigitFile, type DigitSet } from '$lib/ml/data/mnist';
import type { DigitCnnConfig } from '$lib/ml/models/digitCnn';

/** The first `n` digits of a set. */
export function headDigits(set: DigitSet, n: number): DigitSet {
	return { ...set, count: n, labels: set.labels.slice(0, n), images: set.images.slice(0, n * set.rows * set.cols) };
}

/** The first `train` training and `val` validation digits of the built MNIST subset (static/data). */
export async function loadDigitFixture(train: number, val: number): Promise<{ train: DigitSet; val: DigitSet }> {
	const read = async (split: string) => decodeDigitFile(new Uint8Array(readFileSync(`static/data/mnist-${split}.bin`)));
	return { train: headDigits(await read('train'), train), val: headDigits(await read('val'), val) };
}

/** A small, fast digit CNN for tests (seeded). */
export const SMALL_CNN: DigitCnnConfig = { filters1: 4, filters2: 8, kernel: 3, pool: 'max', poolSize: 2, lr: 0.003, batch: 16, seed: 3 };
