/**
 * Small op helpers that stay within every backend's limits. WebGPU binds each input of a kernel as
 * a storage buffer and devices guarantee only 8 per shader stage; tfjs splits `concat` itself but
 * not `addN`, so an addN of 8+ tensors makes an invalid pipeline (and drops the whole command
 * buffer it is in). Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Most inputs one addN kernel gets here (8 storage buffers = 7 inputs + the output, less a margin). */
export const MAX_KERNEL_INPUTS = 6;

/** Element-wise sum of same-shaped tensors, in addN groups of at most MAX_KERNEL_INPUTS. */
export function sumTensors<T extends tf.Tensor>(tensors: readonly T[]): T {
	if (tensors.length === 0) throw new Error('sumTensors: no tensors');
	let level: tf.Tensor[] = [...tensors];
	while (level.length > 1) {
		const next: tf.Tensor[] = [];
		for (let i = 0; i < level.length; i += MAX_KERNEL_INPUTS) {
			const group = level.slice(i, i + MAX_KERNEL_INPUTS);
			next.push(group.length === 1 ? group[0] : tf.addN(group));
		}
		level = next;
	}
	return level[0] as T;
}
