import type { ChartTable } from '$lib/app/export/types';
import { decimateMinMax, polylinePath } from './decimate';
import { isPlottable } from './domain';
import { nearestIndex } from './nearest';

/** One line of a LineChart: parallel x and y arrays (same length), optional colour and dashes. */
export interface LineSeries {
	/** Series name: legend text, read-out label, CSV `series` column, `data-series` in the SVG. */
	name: string;
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	/** CSS colour, e.g. 'var(--series-3)' or 'var(--danger)'; default: the series cycle. */
	color?: string;
	dashed?: boolean;
}

/** A vertical marker line at data x (e.g. the early-stopping step). */
export interface Marker {
	x: number;
	label?: string;
}

/** A horizontal reference line at data y (e.g. ln 2 for a chance-level BCE loss). */
export interface RefLine {
	y: number;
	label?: string;
}

/**
 * Maps a series to pixels through the scales; points that are non-finite or non-positive on a log
 * axis become NaN (they break the line instead of drawing to infinity).
 */
export function projectSeries(
	s: Pick<LineSeries, 'x' | 'y'>,
	sx: (v: number) => number,
	sy: (v: number) => number,
	logX = false,
	logY = false
): { px: Float64Array; py: Float64Array } {
	const n = Math.min(s.x.length, s.y.length);
	const px = new Float64Array(n);
	const py = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const x = s.x[i];
		const y = s.y[i];
		const ok = isPlottable(x, y, logX, logY);
		px[i] = ok ? sx(x) : NaN;
		py[i] = ok ? sy(y) : NaN;
	}
	return { px, py };
}

/** SVG path data of a series: projected, decimated to min/max per pixel column, gaps kept. */
export function seriesPath(
	s: Pick<LineSeries, 'x' | 'y'>,
	sx: (v: number) => number,
	sy: (v: number) => number,
	logX = false,
	logY = false
): string {
	const { px, py } = projectSeries(s, sx, sy, logX, logY);
	return polylinePath(decimateMinMax(px, py, 1));
}

/** Index of the series with the most points (the read-out steps through its x values), or -1. */
export function referenceSeries(series: readonly Pick<LineSeries, 'x'>[]): number {
	let best = -1;
	let n = 0;
	for (let i = 0; i < series.length; i++)
		if (series[i].x.length > n) [best, n] = [i, series[i].x.length];
	return best;
}

/** Read-out of one series at a cursor: the index of its nearest x (-1 if none) and the values. */
export interface SeriesReading {
	index: number;
	x: number;
	y: number;
}

/** Each series' nearest point to data x `at` (bisecting the series flagged as sorted). */
export function readingsAt(
	series: readonly Pick<LineSeries, 'x' | 'y'>[],
	sorted: readonly boolean[],
	at: number
): SeriesReading[] {
	return series.map((s, k) => {
		const index = nearestIndex(s.x, at, sorted[k] ?? false);
		return index < 0 ? { index, x: NaN, y: NaN } : { index, x: s.x[index], y: s.y[index] };
	});
}

/** True when every series has the same x values (e.g. curves sampled on one grid). */
export function sharedX(series: readonly Pick<LineSeries, 'x' | 'y'>[]): boolean {
	if (series.length < 2) return false;
	const x0 = series[0].x;
	const n = Math.min(x0.length, series[0].y.length);
	for (const s of series.slice(1)) {
		if (s.x.length !== x0.length || Math.min(s.x.length, s.y.length) !== n) return false;
		if (s.x !== x0) for (let i = 0; i < n; i++) if (s.x[i] !== x0[i]) return false;
	}
	return true;
}

/**
 * The plotted data as a table, optionally the first `limit` rows. When all series share their x
 * values it is wide (x, then one column per series), so every series shows in the first rows;
 * otherwise long, one row (series, x, y) per point. `columns` = [series, x, y] headings.
 */
export function lineTable(
	series: readonly LineSeries[],
	columns: [string, string, string],
	limit = Infinity
): ChartTable {
	const rows: ChartTable['rows'] = [];
	if (sharedX(series)) {
		const x = series[0].x;
		const n = Math.min(x.length, series[0].y.length);
		for (let i = 0; i < n && rows.length < limit; i++) rows.push([x[i], ...series.map((s) => s.y[i])]);
		return { columns: [columns[1], ...series.map((s) => s.name)], rows, total: n };
	}
	let total = 0;
	for (const s of series) {
		const n = Math.min(s.x.length, s.y.length);
		total += n;
		for (let i = 0; i < n && rows.length < limit; i++) rows.push([s.name, s.x[i], s.y[i]]);
	}
	return { columns, rows, total };
}
