/**
 * L04's decision-boundary plot, computed on the main thread from the read-back weights (w1, w2, b)
 * of the logistic regression: P(positive | x) over a grid of the plane, the straight line where
 * P = threshold (w·x + b = logit(t)) clipped to the plot, the plot's extent for a class spread and
 * a class-balanced subsample of the points to draw. Plain numbers in, plain arrays out.
 */
import type { Extent } from '$lib/charts';
import { POSITIVE_CENTRE } from '$lib/ml/data/gaussianClasses';

/** A polyline in data coordinates (two vertices, or none when there is nothing to draw). */
export interface Segment {
	x: number[];
	y: number[];
}

/** log(p / (1 - p)): -Infinity at 0, +Infinity at 1, NaN outside [0, 1]. */
export function logit(p: number): number {
	if (!(p >= 0 && p <= 1)) return NaN;
	return Math.log(p) - Math.log1p(-p);
}

/**
 * P(positive | x) = sigmoid(w1 x + w2 y + b) at each point (x[i], y[i]), e.g. a ScatterChart
 * grid's cell centres; `weights` = [w1, w2, b] (more entries are ignored). Same length as x.
 */
export function probabilityGrid(weights: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): Float32Array {
	const [w1, w2, b] = [weights[0], weights[1], weights[2]];
	const n = Math.min(x.length, y.length);
	const out = new Float32Array(n);
	for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-(w1 * x[i] + w2 * y[i] + b)));
	return out;
}

/**
 * The decision line of a logistic regression at threshold t, the points where
 * w1 x + w2 y + b = logit(t) (there P = t; points with w·x + b >= logit(t) are predicted
 * positive), clipped to xDomain x yDomain. No vertices when there is no such line in the box:
 * w = 0 (P is the same everywhere), t = 0 or 1 (every point is on one side), non-finite input,
 * or a line that misses the box (or only touches a corner).
 */
export function decisionLine(w1: number, w2: number, b: number, t: number, xDomain: Extent, yDomain: Extent): Segment {
	const none: Segment = { x: [], y: [] };
	const norm = Math.hypot(w1, w2);
	const level = logit(t);
	if (!(norm > 0) || !Number.isFinite(norm) || !Number.isFinite(b) || !Number.isFinite(level)) return none;
	// Unit normal u, signed distance of the line from the origin, and a unit direction along it.
	const [ux, uy] = [w1 / norm, w2 / norm];
	const dist = (level - b) / norm;
	if (!Number.isFinite(dist)) return none;
	const [px, py] = [dist * ux, dist * uy];
	const [dx, dy] = [-uy, ux];
	let lo = -Infinity;
	let hi = Infinity;
	for (const [p, d, [a, z]] of [
		[px, dx, xDomain],
		[py, dy, yDomain]
	] as const) {
		const [min, max] = [Math.min(a, z), Math.max(a, z)];
		if (Math.abs(d) < 1e-12) {
			if (p < min || p > max) return none;
			continue;
		}
		const s1 = (min - p) / d;
		const s2 = (max - p) / d;
		lo = Math.max(lo, Math.min(s1, s2));
		hi = Math.min(hi, Math.max(s1, s2));
	}
	if (!(hi - lo > 1e-9 * (Math.abs(hi) + Math.abs(lo) + 1))) return none;
	return { x: [px + lo * dx, px + hi * dx], y: [py + lo * dy, py + hi * dy] };
}

/**
 * Indices of at most `max` points with the class balance of the whole set (round(max * share)
 * positives, label 1), the first ones of each class in index order (the data are shuffled, so
 * this is a random sample). Every index when there are no more than `max` points. Ascending.
 */
export function balancedSample(labels: ArrayLike<number>, max: number): number[] {
	const n = labels.length;
	if (n <= max) return Array.from({ length: n }, (_, i) => i);
	let positives = 0;
	for (let i = 0; i < n; i++) if (labels[i] === 1) positives++;
	const keepPos = Math.round((max * positives) / n);
	const keepNeg = Math.max(0, Math.floor(max) - keepPos);
	const out: number[] = [];
	let [pos, neg] = [0, 0];
	for (let i = 0; i < n; i++) {
		if (labels[i] === 1 ? pos++ < keepPos : neg++ < keepNeg) out.push(i);
	}
	return out;
}

/**
 * The plot's extent on both axes for a class spread: the class centres plus 2.5 standard
 * deviations, rounded up to a multiple of 0.5, symmetric around 0 ([-2, 2] at spread 0.6).
 */
export function plotExtent(spread: number): Extent {
	const s = Number.isFinite(spread) && spread > 0 ? spread : 1;
	const half = Math.ceil((Math.max(...POSITIVE_CENTRE.map(Math.abs)) + 2.5 * s) * 2) / 2;
	return [-half, half];
}
