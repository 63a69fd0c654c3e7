import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye } from 'd3';
import type { ChartTable } from '$lib/app/export/types';
import type { ColorMode } from './colors';
import { seriesColor } from './colors';
import { seriesExtent, usableExtent, type Extent } from './domain';

/** Points of a scatter plot, columnar: point i is (x[i], y[i]) of class cls[i] (default 0). */
export interface ScatterPoints {
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	/** Class index per point (0, 1, ...): colour, marker shape, legend and table entry. */
	cls?: ArrayLike<number>;
}

/** A line drawn over the points (e.g. a regression fit), in data coordinates. */
export interface ScatterLine {
	/** Legend text, `data-series` in the SVG, the table's line column. */
	name: string;
	x: ArrayLike<number>;
	y: ArrayLike<number>;
	/** CSS colour; default: the series cycle after the class colours. */
	color?: string;
	dashed?: boolean;
}

/**
 * A grid of values behind the points covering exactly xDomain x yDomain: `rows` x `cols` cells,
 * row-major, row 0 at the TOP (largest y); cell (r, c) holds the value at its centre (see
 * `gridCellCenters`). E.g. a classifier's P(class 1) with color 'diverging' and domain [0, 1].
 */
export interface ScatterBackground {
	values: ArrayLike<number>;
	rows: number;
	cols: number;
	/** Diverging: centred on the middle of `domain`; sequential: viridis. Default 'diverging'. */
	color?: ColorMode;
	/** Colour domain; default: the data's extent (symmetric around 0 when diverging). */
	domain?: Extent;
	/** Name of the value (colour legend title and read-out), e.g. "P(class 1)". */
	label?: string;
	/** Smooth (bilinear) scaling of the cells; false draws crisp squares. Default true. */
	smooth?: boolean;
}

/** Number of points: the shorter of x and y. */
export function pointCount(p: ScatterPoints): number {
	return Math.min(p.x.length, p.y.length);
}

/** Class of point i: a non-negative integer (missing, negative or non-finite classes count as 0). */
export function classOf(p: ScatterPoints, i: number): number {
	const c = p.cls?.[i];
	return c !== undefined && Number.isFinite(c) && c > 0 ? Math.floor(c) : 0;
}

/** Number of classes: the class names given, or 1 + the largest class index present. */
export function classCount(p: ScatterPoints, classNames?: readonly string[]): number {
	let k = 1;
	const n = pointCount(p);
	if (p.cls) for (let i = 0; i < n; i++) k = Math.max(k, classOf(p, i) + 1);
	return Math.max(k, classNames?.length ?? 0);
}

/** Colour of class c: classColors[c] if given, else var(--series-(c+1)). */
export function classColor(c: number, classColors?: readonly string[]): string {
	return seriesColor(c, classColors?.[c]);
}

/** Marker shapes by class: circle, square, triangle, diamond, cross, star, wye, then again. */
const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolWye];

/** SVG path (centred on 0, 0) of each of `count` classes' markers, as large as a circle of `radius` px. */
export function classSymbols(count: number, radius: number): string[] {
	const area = Math.PI * radius * radius;
	return Array.from({ length: count }, (_, c) => symbol(SHAPES[c % SHAPES.length], area)() ?? '');
}

/**
 * Default domains: the extent of every finite point (and line vertex) padded by `pad` of its span
 * on each side; a degenerate extent is widened (see usableExtent). [0, 1] when there is no data.
 */
export function paddedDomains(
	points: ScatterPoints,
	lines: readonly ScatterLine[] = [],
	pad = 0.05
): { x: Extent; y: Extent } {
	const e = seriesExtent([points, ...lines]);
	const grow = (d: Extent): Extent => {
		const [a, b] = usableExtent(d);
		const p = (b - a) * pad;
		return [a - p, b + p];
	};
	return e ? { x: grow(e.x), y: grow(e.y) } : { x: [0, 1], y: [0, 1] };
}

/**
 * The plotted data as a table: one row per point (x, y, class name or index), then, when lines are
 * given, one row per line vertex in a fourth column `line` (its class cell empty). `columns` are
 * the headings [x, y, class, line]; `limit` keeps only the first rows.
 */
export function scatterTable(
	points: ScatterPoints,
	lines: readonly ScatterLine[],
	columns: [string, string, string, string],
	classNames?: readonly string[],
	limit = Infinity
): ChartTable {
	const rows: ChartTable['rows'] = [];
	const withLines = lines.length > 0;
	const n = pointCount(points);
	for (let i = 0; i < n && rows.length < limit; i++) {
		const c = classOf(points, i);
		const row = [points.x[i], points.y[i], classNames?.[c] ?? c];
		rows.push(withLines ? [...row, ''] : row);
	}
	let total = n;
	for (const l of lines) {
		const m = Math.min(l.x.length, l.y.length);
		total += m;
		for (let i = 0; i < m && rows.length < limit; i++) rows.push([l.x[i], l.y[i], '', l.name]);
	}
	return { columns: withLines ? columns : columns.slice(0, 3), rows, total };
}
