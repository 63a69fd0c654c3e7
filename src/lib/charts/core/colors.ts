import { interpolateRdBu, interpolateViridis, rgb, scaleLinear, scaleLog, scaleSymlog } from 'd3';
import type { Extent } from './domain';

/** Colour for the i-th series: its own colour if given, else the theme's --series-1..8 cycle. */
export function seriesColor(i: number, color?: string): string {
	return color ?? `var(--series-${(((i % 8) + 8) % 8) + 1})`;
}

/** How values map to colour: sequential (viridis) or diverging around 0 (RdBu, blue < 0 < red). */
export type ColorMode = 'sequential' | 'diverging';

/** The colour ramp of a mode, as t in [0, 1] -> CSS colour. */
export function colorInterpolator(mode: ColorMode): (t: number) => string {
	return mode === 'diverging' ? (t) => interpolateRdBu(1 - t) : interpolateViridis;
}

/** A lookup table of `n` RGBA colours (n x 4 bytes) sampled evenly along `interpolate`. */
export function buildLut(interpolate: (t: number) => string, n = 256): Uint8ClampedArray {
	const lut = new Uint8ClampedArray(n * 4);
	for (let i = 0; i < n; i++) {
		const c = rgb(interpolate(n === 1 ? 0.5 : i / (n - 1)));
		lut.set([c.r, c.g, c.b, 255], i * 4);
	}
	return lut;
}

/**
 * The colour domain of `values`: [min, max] of finite values (positive ones only when `log`) for a
 * sequential mode, the symmetric [-max|v|, max|v|] for a diverging mode. Null when nothing is finite.
 */
export function colorDomain(
	values: ArrayLike<number>,
	mode: ColorMode,
	log = false,
	from = 0,
	to = values.length
): Extent | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (let i = from; i < to; i++) {
		const v = values[i];
		if (!Number.isFinite(v) || (log && mode === 'sequential' && v <= 0)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	if (lo > hi) return null;
	if (mode === 'sequential') return [lo, hi];
	const m = Math.max(Math.abs(lo), Math.abs(hi));
	return [-m, m];
}

/** Merges two extents (either may be null). */
export function mergeExtent(a: Extent | null, b: Extent | null): Extent | null {
	if (!a) return b;
	if (!b) return a;
	return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * A d3 scale from value to t in [0, 1] (clamped): linear, log (sequential + log; non-positive
 * values give NaN) or symlog (diverging + log, symmetric around 0).
 */
export function colorScale(mode: ColorMode, domain: Extent, log = false) {
	let [a, b] = domain;
	if (mode === 'diverging') {
		const m = Math.max(Math.abs(a), Math.abs(b)) || 1;
		[a, b] = [-m, m];
		const s = log ? scaleSymlog().constant(m / 1000) : scaleLinear();
		return s.domain([a, b]).range([0, 1]).clamp(true);
	}
	if (log) {
		const lo = a > 0 ? a : 1e-12;
		const hi = b > lo ? b : lo * 10;
		return scaleLog().domain([lo, hi]).range([0, 1]).clamp(true);
	}
	if (a === b) [a, b] = [a - 1, b + 1];
	return scaleLinear().domain([a, b]).range([0, 1]).clamp(true);
}

/** Value -> t in [0, 1], NaN for values that have no colour (non-finite, non-positive on log). */
export function colorNormalizer(
	mode: ColorMode,
	domain: Extent,
	log = false
): (v: number) => number {
	const s = colorScale(mode, domain, log);
	const positiveOnly = log && mode === 'sequential';
	return (v) => (!Number.isFinite(v) || (positiveOnly && v <= 0) ? NaN : s(v));
}

/**
 * Colour extent of data that may grow by appending: with `append` it scans only the cells added
 * since the last call and merges them in; otherwise (or when the mode changes, or data shrinks)
 * it rescans everything.
 */
export class RunningExtent {
	private seen = 0;
	private key = '';
	private ext: Extent | null = null;

	/** Extent of the first `n` values. */
	get(values: ArrayLike<number>, n: number, mode: ColorMode, log: boolean, append: boolean): Extent | null {
		const key = `${mode}|${log}`;
		const end = Math.min(n, values.length);
		if (!append || key !== this.key || end < this.seen) {
			this.ext = colorDomain(values, mode, log, 0, end);
		} else if (end > this.seen) {
			this.ext = mergeExtent(this.ext, colorDomain(values, mode, log, this.seen, end));
		}
		this.seen = end;
		this.key = key;
		return this.ext;
	}
}
