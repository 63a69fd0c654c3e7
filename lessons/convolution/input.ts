/**
 * The lesson's input image: a validation digit, the built-in shape, or a drawn/uploaded picture,
 * as grayscale values in [0, 1] (1 = ink), FULL_SIDE x FULL_SIDE, then downscaled to W x W.
 */
import { resampleArea } from '$lib/app/input/digitImage';
import type { DigitSet } from '$lib/ml/data/mnist';
import { FULL_SIDE } from './meta';

/**
 * The built-in picture (no data needed): the outline of a square, 2 px thick, with a diagonal
 * stroke inside, so vertical, horizontal and slanted edges are all there to detect.
 */
export function shapeImage(side = FULL_SIDE): Float32Array {
	const img = new Float32Array(side * side);
	const lo = Math.round(side * 0.18);
	const hi = side - 1 - lo;
	for (let r = 0; r < side; r++) {
		for (let c = 0; c < side; c++) {
			const inBox = r >= lo && r <= hi && c >= lo && c <= hi;
			const border = inBox && (r - lo < 2 || hi - r < 2 || c - lo < 2 || hi - c < 2);
			const diagonal = inBox && r > lo + 3 && r < hi - 3 && Math.abs(r - c) <= 0.5;
			if (border || diagonal) img[r * side + c] = 1;
		}
	}
	return img;
}

/** Digit `index` of a set as values in [0, 1] (255 = ink = 1). */
export function digitPixels(set: DigitSet, index: number): Float32Array {
	const n = set.rows * set.cols;
	const i = Math.min(set.count - 1, Math.max(0, Math.round(index)));
	return Float32Array.from(set.images.subarray(i * n, (i + 1) * n), (b) => b / 255);
}

/** The index of the first digit of each class 0-9 (-1 where a class is missing). */
export function firstOfEachClass(set: DigitSet): number[] {
	const first = new Array<number>(10).fill(-1);
	for (let i = 0; i < set.count; i++) if (first[set.labels[i]] < 0) first[set.labels[i]] = i;
	return first;
}

/**
 * A square image downscaled to `side` x `side` by area averaging, values rounded to 3 decimals so
 * the worked sums stay readable (identity when the side is unchanged, apart from the rounding).
 */
export function scaleImage(image: Float32Array, from: number, side: number): Float32Array {
	const out = side === from ? Float32Array.from(image) : resampleArea(image, from, from, side, side);
	for (let i = 0; i < out.length; i++) out[i] = Math.round(out[i] * 1000) / 1000;
	return out;
}
