import type { CellValue, ChartTable } from '$lib/app/export/types';
import type { Rgba } from './heatPaint';
import type { ColorMode } from './colors';
import { symmetricExtent, usableExtent, type Extent } from './domain';

/** Colour of a feature-map grid: a fixed mode, or 'auto' (diverging when any value is negative). */
export type MapColor = ColorMode | 'auto';

/** One colour range for all channels ('shared', so channels compare) or one per channel. */
export type MapScale = 'shared' | 'channel';

/** Size of a [H, W, C] map; a shorter shape is read as [H, W] (one channel) or [N] (1 x N x 1). */
export function mapDims(shape: readonly number[]): { h: number; w: number; c: number } {
	const [a = 0, b, c] = shape;
	if (shape.length >= 3) return { h: a, w: b ?? 0, c: c ?? 0 };
	if (shape.length === 2) return { h: a, w: b ?? 0, c: 1 };
	return { h: 1, w: a, c: 1 };
}

/** The colour mode to draw with: `color` itself, or for 'auto' diverging iff a finite value is < 0. */
export function resolveMapColor(color: MapColor, data: ArrayLike<number>): ColorMode {
	if (color !== 'auto') return color;
	for (let i = 0; i < data.length; i++) if (data[i] < 0) return 'diverging';
	return 'sequential';
}

/** [min, max] of the finite values of channel `ch` of an HWC map, or null when it has none. */
export function channelExtent(data: ArrayLike<number>, hw: number, c: number, ch: number): Extent | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (let p = 0; p < hw; p++) {
		const v = data[p * c + ch];
		if (!Number.isFinite(v)) continue;
		if (v < lo) lo = v;
		if (v > hi) hi = v;
	}
	return lo <= hi ? [lo, hi] : null;
}

/**
 * The colour domain of every channel: per channel or one shared by all, symmetric around 0 when
 * diverging; channels without finite values (or a constant channel) get a usable domain.
 */
export function channelDomains(
	data: ArrayLike<number>,
	shape: readonly number[],
	mode: ColorMode,
	scale: MapScale
): Extent[] {
	const { h, w, c } = mapDims(shape);
	const raw = Array.from({ length: c }, (_, ch) => channelExtent(data, h * w, c, ch));
	const fix = (e: Extent | null): Extent => (mode === 'diverging' ? symmetricExtent(e) : usableExtent(e));
	if (scale === 'channel') return raw.map(fix);
	let all: Extent | null = null;
	for (const e of raw) if (e) all = all ? [Math.min(all[0], e[0]), Math.max(all[1], e[1])] : e;
	const shared = fix(all);
	return raw.map(() => shared);
}

/**
 * Paints channel `ch` of an HWC map into `out` (h x w RGBA pixels, row-major) through `norm`
 * (value -> t in [0, 1] or NaN) and the colour table `lut`; values without a colour get `nan`.
 */
export function paintChannel(
	data: ArrayLike<number>,
	shape: readonly number[],
	ch: number,
	norm: (v: number) => number,
	lut: Uint8ClampedArray,
	nan: Rgba,
	out: Uint8ClampedArray
): void {
	const { h, w, c } = mapDims(shape);
	const levels = lut.length / 4;
	for (let p = 0; p < h * w; p++) {
		const v = data[p * c + ch];
		const t = norm(v === undefined ? NaN : v);
		const o = p * 4;
		if (Number.isNaN(t)) {
			out.set(nan, o);
			continue;
		}
		const k = Math.min(levels - 1, Math.max(0, Math.round(t * (levels - 1)))) * 4;
		out[o] = lut[k];
		out[o + 1] = lut[k + 1];
		out[o + 2] = lut[k + 2];
		out[o + 3] = lut[k + 3];
	}
}

/** Value at (row, col) of channel `ch`, NaN outside the map. */
export function mapValue(data: ArrayLike<number>, shape: readonly number[], ch: number, row: number, col: number): number {
	const { h, w, c } = mapDims(shape);
	if (row < 0 || col < 0 || ch < 0 || row >= h || col >= w || ch >= c) return NaN;
	const v = data[(row * w + col) * c + ch];
	return v === undefined ? NaN : v;
}

/**
 * The map as a long table: one row per value, (channel, row, col, value), channel-major so each
 * channel's values are together; `limit` keeps only the first rows (`total` says how many exist).
 */
export function featureMapTable(
	data: ArrayLike<number>,
	shape: readonly number[],
	columns: [string, string, string, string],
	channelName: (ch: number) => CellValue = (ch) => ch,
	limit = Infinity
): ChartTable {
	const { h, w, c } = mapDims(shape);
	const rows: CellValue[][] = [];
	outer: for (let ch = 0; ch < c; ch++)
		for (let r = 0; r < h; r++)
			for (let col = 0; col < w; col++) {
				if (rows.length >= limit) break outer;
				rows.push([channelName(ch), r, col, mapValue(data, shape, ch, r, col)]);
			}
	return { columns: [...columns], rows, total: h * w * c };
}
