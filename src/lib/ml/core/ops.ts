/**
 * Small op helpers that stay within every backend's limits. WebGPU binds each input of a kernel as
 * a storage buffer and devices guarantee only 8 per shader stage; tfjs splits `concat` itself but
 * not `addN`, so an addN of 8+ tensors makes an invalid pipeline (and drops the whole command
 * buffer it is in). Call inside tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Most inputs one addN kernel gets here (8 storage buffers = 7 inputs + the output, less a margin). */
export const MAX_KERNEL_INPUTS = 6;

/**
 * Combines tensors in groups of at most MAX_KERNEL_INPUTS, then combines the groups' results the
 * same way, until one is left; a lone tensor in a group is passed on as it is.
 */
function inGroups(tensors: readonly tf.Tensor[], combine: (group: tf.Tensor[]) => tf.Tensor): tf.Tensor {
	let level: tf.Tensor[] = [...tensors];
	while (level.length > 1) {
		const next: tf.Tensor[] = [];
		for (let i = 0; i < level.length; i += MAX_KERNEL_INPUTS) {
			const group = level.slice(i, i + MAX_KERNEL_INPUTS);
			next.push(group.length === 1 ? group[0] : combine(group));
		}
		level = next;
	}
	return level[0];
}

/** Kernels `inGroups` runs for `n` tensors. */
export function groupedKernels(n: number): number {
	if (n <= 1) return 0;
	const kernels = Math.floor(n / MAX_KERNEL_INPUTS) + (n % MAX_KERNEL_INPUTS > 1 ? 1 : 0);
	return kernels + groupedKernels(Math.ceil(n / MAX_KERNEL_INPUTS));
}

/** Element-wise sum of same-shaped tensors, in addN groups of at most MAX_KERNEL_INPUTS. */
export function sumTensors<T extends tf.Tensor>(tensors: readonly T[]): T {
	if (tensors.length === 0) throw new Error('sumTensors: no tensors');
	return inGroups(tensors, (group) => tf.addN(group)) as T;
}

/**
 * The tensors flattened and joined into one 1-D tensor, in concat groups of at most
 * MAX_KERNEL_INPUTS (tfjs's WebGPU concat splits larger ones itself, but into groups of 7 and a
 * copy kernel for a lone rest): `groupedKernels(n)` kernels; reshapes move no data.
 */
export function concatFlat(tensors: readonly tf.Tensor[]): tf.Tensor1D {
	if (tensors.length === 0) throw new Error('concatFlat: no tensors');
	return inGroups(
		tensors.map((t) => tf.reshape(t, [-1])),
		(group) => tf.concat1d(group as tf.Tensor1D[])
	) as tf.Tensor1D;
}
