import { scaleLinear, scaleLog } from 'd3';

/** Two numbers: a scale's domain [min, max]. */
export type Extent = [number, number];

/** True when (x, y) can be drawn: both finite, and positive on each log axis. */
export function isPlottable(x: number, y: number, logX = false, logY = false): boolean {
	return (
		Number.isFinite(x) && Number.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)
	);
}

/** Anything with x and y arrays (a line series). */
export interface XY {
	x: ArrayLike<number>;
	y: ArrayLike<number>;
}

/** x and y extents over every plottable point of every series; null when there is none. */
export function seriesExtent(
	series: readonly XY[],
	logX = false,
	logY = false
): { x: Extent; y: Extent } | null {
	let x0 = Infinity;
	let x1 = -Infinity;
	let y0 = Infinity;
	let y1 = -Infinity;
	for (const s of series) {
		const n = Math.min(s.x.length, s.y.length);
		for (let i = 0; i < n; i++) {
			const x = s.x[i];
			const y = s.y[i];
			if (!isPlottable(x, y, logX, logY)) continue;
			if (x < x0) x0 = x;
			if (x > x1) x1 = x;
			if (y < y0) y0 = y;
			if (y > y1) y1 = y;
		}
	}
	return x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

/**
 * Widens an empty or degenerate extent so a scale can use it: a single value v becomes
 * [v - 1, v + 1] (linear) or [v / 10, v * 10] (log); missing extents become [0, 1] / [1, 10].
 */
export function usableExtent(e: Extent | null | undefined, log = false): Extent {
	if (!e || !Number.isFinite(e[0]) || !Number.isFinite(e[1])) return log ? [1, 10] : [0, 1];
	const [a, b] = e[0] <= e[1] ? e : [e[1], e[0]];
	if (log) {
		if (!(a > 0) || !(b > 0)) return [1, 10];
		return a === b ? [a / 10, a * 10] : [a, b];
	}
	if (a !== b) return [a, b];
	const pad = a === 0 ? 1 : Math.abs(a) * 0.1;
	return [a - pad, b + pad];
}

/**
 * Tick values for an axis: d3's nice ticks on a linear axis; on a log axis the powers of ten in the
 * domain, thinned to at most about `count` (every k-th decade); on a narrow log axis d3's ticks
 * thinned to mantissas 1, 2, 5.
 */
export function axisTicks(domain: Extent, count: number, log = false): number[] {
	const [a, b] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
	if (!log) return scaleLinear().domain([a, b]).ticks(Math.max(1, count));
	if (!(a > 0)) return [];
	const lo = Math.ceil(Math.log10(a) - 1e-9);
	const hi = Math.floor(Math.log10(b) + 1e-9);
	if (hi - lo + 1 < 2) return thinLogTicks(scaleLog().domain([a, b]).ticks(), Math.max(2, count));
	const step = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, count)));
	const ticks: number[] = [];
	for (let k = lo; k <= hi; k += step) ticks.push(Number(`1e${k}`));
	return ticks;
}

/** Keeps log ticks with mantissa 1, 2 or 5 (then 1 or 5, then 1) until at most `count` remain. */
function thinLogTicks(ticks: number[], count: number): number[] {
	let out = ticks;
	for (const keep of [[1, 2, 5], [1, 5], [1]]) {
		if (out.length <= count) break;
		const next = ticks.filter((t) => keep.includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
		if (next.length >= 2) out = next;
	}
	return out;
}

/** Symmetric domain [-m, m] around zero covering `e` (for axes through zero and diverging colour). */
export function symmetricExtent(e: Extent | null | undefined): Extent {
	const m = e ? Math.max(Math.abs(e[0]), Math.abs(e[1])) : 0;
	return Number.isFinite(m) && m > 0 ? [-m, m] : [-1, 1];
}
