/**
 * Seeded 1-D regression data for the outlier experiment: points scattered around a straight line
 * inside a fixed plotting window, and outliers placed where they do the most damage to a
 * least-squares fit (far below the line, at large x: high leverage).
 */
import { createRng, deriveSeed } from '../core/rng';

/** A point of the (x, y) plane, in data units. */
export interface Point {
	x: number;
	y: number;
}

/** The window every point lives in: x and y both in [0, 10]. */
export const LINE_WINDOW = { xMin: 0, xMax: 10, yMin: 0, yMax: 10 } as const;

/** The line the clean points are drawn around: y = 0.6 x + 2. */
export const TRUE_LINE = { slope: 0.6, intercept: 2 } as const;

/** Options: n points (default 30), noise = std of the Gaussian noise on y (default 0.5), seed. */
export interface LineDataOptions {
	n?: number;
	noise?: number;
	seed?: number;
}

/** Clamps a point into LINE_WINDOW. */
export function clampToWindow(p: Point): Point {
	const { xMin, xMax, yMin, yMax } = LINE_WINDOW;
	return {
		x: Math.min(xMax, Math.max(xMin, p.x)),
		y: Math.min(yMax, Math.max(yMin, p.y))
	};
}

/** n points with x evenly spread over [0.5, 9.5] (jittered) and y = 0.6x + 2 + noise, clamped to the window. */
export function makeLinePoints(options: LineDataOptions = {}): Point[] {
	const n = Math.max(0, Math.floor(options.n ?? 30));
	const noise = Math.max(0, options.noise ?? 0.5);
	const rng = createRng(deriveSeed(options.seed ?? 1, 'line1d'));
	const points: Point[] = [];
	for (let i = 0; i < n; i++) {
		const x = 0.5 + (9 * (i + rng.uniform(0.1, 0.9))) / n;
		points.push(clampToWindow({ x, y: TRUE_LINE.slope * x + TRUE_LINE.intercept + rng.normal(0, noise) }));
	}
	return points;
}

/**
 * The k-th outlier (k = 0, 1, ...) for a seed: x in [7.5, 9.5], y in [0, 1], far below the line
 * (which is at 6.5-7.7 there). Each outlier has its own random stream, so adding one more never
 * moves the earlier ones.
 */
export function makeOutlier(k: number, seed = 1): Point {
	const rng = createRng(deriveSeed(seed, `outlier-${k}`));
	return { x: rng.uniform(7.5, 9.5), y: rng.uniform(0, 1) };
}

/** The first `count` outliers for a seed. */
export function makeOutliers(count: number, seed = 1): Point[] {
	return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, k) => makeOutlier(k, seed));
}
