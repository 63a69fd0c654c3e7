/**
 * One readback per recorded step: several tensors are flattened into one float32 vector, and a
 * StatsLayout (built once from the same sizes) cuts the read values back into named pieces.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Flattens and concatenates tensors (in order) into one float32 vector. Call inside tf.tidy. */
export function packStats(parts: readonly tf.Tensor[]): tf.Tensor1D {
	const flat = parts.map((p) => tf.reshape(p.dtype === 'float32' ? p : tf.cast(p, 'float32'), [-1]));
	return tf.concat(flat) as tf.Tensor1D;
}

/** Offsets of named fields in a packed stats vector. */
export interface StatsLayout<K extends string> {
	/** total number of floats */
	readonly length: number;
	/** start index of each field */
	readonly offset: Readonly<Record<K, number>>;
	/** number of floats of each field */
	readonly size: Readonly<Record<K, number>>;
	/** The field's values (a view into `values`, not a copy). */
	slice(values: Float32Array, key: K): Float32Array;
}

/** Builds a layout from [name, size] pairs in packing order. */
export function statsLayout<K extends string>(fields: readonly (readonly [K, number])[]): StatsLayout<K> {
	const offset = {} as Record<K, number>;
	const size = {} as Record<K, number>;
	let length = 0;
	for (const [key, n] of fields) {
		offset[key] = length;
		size[key] = n;
		length += n;
	}
	return {
		length,
		offset,
		size,
		slice: (values, key) => values.subarray(offset[key], offset[key] + size[key])
	};
}
