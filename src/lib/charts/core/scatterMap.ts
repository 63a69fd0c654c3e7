import { scaleLinear } from 'd3';
import type { Extent } from './domain';

/** A data -> pixel map of one axis (a d3 linear scale fits). */
export interface AxisMap {
	(v: number): number;
	invert(px: number): number;
}

/** `v` limited to the domain (given in either order); NaN stays NaN. */
export function clampTo(v: number, domain: Extent): number {
	const lo = Math.min(domain[0], domain[1]);
	const hi = Math.max(domain[0], domain[1]);
	return Math.min(hi, Math.max(lo, v));
}

/** The plot box in chart-root pixels: left, right, top, bottom. */
export interface PlotBox {
	l: number;
	r: number;
	t: number;
	b: number;
}

/** Data <-> pixel mapping of a plot with fixed domains (y grows upwards). */
export interface PlotMapping {
	/** Data -> px scales (d3 linear scales). */
	sx: AxisMap;
	sy: AxisMap;
	/** Pixel -> data, not clamped (may lie outside the domains). */
	invert: (px: number, py: number) => [number, number];
	/** Data limited to the domains. */
	clamp: (x: number, y: number) => [number, number];
	/** Pixel -> data clamped into the domains (a click outside the box lands on its edge). */
	toData: (px: number, py: number) => [number, number];
}

/** The mapping of xDomain x yDomain onto `box`: xDomain[0] at the left, yDomain[0] at the bottom. */
export function plotMapping(box: PlotBox, xDomain: Extent, yDomain: Extent): PlotMapping {
	const sx = scaleLinear().domain(xDomain).range([box.l, box.r]);
	const sy = scaleLinear().domain(yDomain).range([box.b, box.t]);
	const invert = (px: number, py: number): [number, number] => [sx.invert(px), sy.invert(py)];
	const clamp = (x: number, y: number): [number, number] => [clampTo(x, xDomain), clampTo(y, yDomain)];
	return { sx, sy, invert, clamp, toData: (px, py) => clamp(...invert(px, py)) };
}

/**
 * Index of the point nearest to pixel (px, py) within `radius` px (ties: the earlier index), or -1.
 * Points with a non-finite coordinate are never hit.
 */
export function nearestPoint(
	x: ArrayLike<number>,
	y: ArrayLike<number>,
	sx: (v: number) => number,
	sy: (v: number) => number,
	px: number,
	py: number,
	radius: number
): number {
	const n = Math.min(x.length, y.length);
	let best = -1;
	let bestD = radius * radius;
	for (let i = 0; i < n; i++) {
		const dx = sx(x[i]) - px;
		const dy = sy(y[i]) - py;
		const d = dx * dx + dy * dy;
		if (d <= bestD && (best < 0 || d < bestD)) [best, bestD] = [i, d];
	}
	return best;
}

/**
 * The position one keyboard nudge away from (x, y): arrow keys move by `fraction` of each domain's
 * span (ten times that with Shift), ArrowUp towards larger y; clamped into the domains. Undefined
 * for other keys.
 */
export function nudge(
	key: string,
	shift: boolean,
	x: number,
	y: number,
	xDomain: Extent,
	yDomain: Extent,
	fraction = 0.01
): [number, number] | undefined {
	const k = (shift ? 10 : 1) * fraction;
	const dx = Math.abs(xDomain[1] - xDomain[0]) * k;
	const dy = Math.abs(yDomain[1] - yDomain[0]) * k;
	const d: Record<string, [number, number]> = {
		ArrowRight: [dx, 0],
		ArrowLeft: [-dx, 0],
		ArrowUp: [0, dy],
		ArrowDown: [0, -dy]
	};
	const m = d[key];
	return m && [clampTo(x + m[0], xDomain), clampTo(y + m[1], yDomain)];
}
