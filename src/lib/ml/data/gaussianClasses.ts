/**
 * Two overlapping 2-D Gaussian classes with a chosen class balance, for metrics lessons: class 0
 * (negative) centred at (-0.5, -0.5), class 1 (positive) at (0.5, 0.5), both isotropic with
 * standard deviation `spread`. The class counts are exact (round(n * positiveShare) positives), so
 * a 95:5 set of 2,000 points has exactly 100 positives. Rows are shuffled; seeded.
 */
import { createRng, deriveSeed } from '../core/rng';
import type { Toy2d } from './toy2d';

/** Centre of the positive class; the negative one is its mirror image through the origin. */
export const POSITIVE_CENTRE: readonly [number, number] = [0.5, 0.5];

/** Options of the generator. */
export interface GaussianClassesOptions {
	/** number of points (>= 0) */
	n: number;
	/** share of positives (label 1), in [0, 1] */
	positiveShare: number;
	/** standard deviation of each class around its centre, input units (> 0) */
	spread: number;
	seed?: number;
	/** a label that makes an independent set for the same seed (e.g. 'train' and 'test') */
	stream?: string;
}

/** A labelled 2-D set plus its class counts. */
export interface GaussianClasses extends Toy2d {
	positives: number;
	negatives: number;
}

/** Number of positives among n points at this share (rounded to the nearest integer). */
export function positiveCount(n: number, positiveShare: number): number {
	return Math.round(n * Math.min(1, Math.max(0, positiveShare)));
}

/** Generates the set; the same options give the same arrays. */
export function makeGaussianClasses(options: GaussianClassesOptions): GaussianClasses {
	const n = Math.max(0, Math.floor(options.n));
	if (!(options.spread > 0)) throw new Error(`gaussianClasses: spread must be > 0 (got ${options.spread})`);
	const positives = positiveCount(n, options.positiveShare);
	const rng = createRng(deriveSeed(options.seed ?? 1, `gaussianClasses:${options.stream ?? ''}`));
	const rows = rng.shuffle(Array.from({ length: n }, (_, i) => i));
	const x = new Float32Array(n * 2);
	const y = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const label = i < positives ? 1 : 0;
		const sign = label === 1 ? 1 : -1;
		const row = rows[i];
		x[2 * row] = sign * POSITIVE_CENTRE[0] + rng.normal(0, options.spread);
		x[2 * row + 1] = sign * POSITIVE_CENTRE[1] + rng.normal(0, options.spread);
		y[row] = label;
	}
	return { x, y, n, positives, negatives: n - positives };
}
