import type { Extent } from './domain';

/** One group of bars: a value per category (e.g. "probability" and "logit"). */
export interface BarGroup {
	name: string;
	values: ArrayLike<number>;
	/** CSS colour; default: the series cycle. */
	color?: string;
}

/** Decimal places of a step (0.1 -> 1, 0.25 -> 2, 5 -> 0), to print snapped values cleanly. */
export function stepDecimals(step: number): number {
	if (!Number.isFinite(step) || step <= 0) return 0;
	const s = String(step);
	const e = /e-(\d+)$/.exec(s);
	if (e) return Number(e[1]);
	const dot = s.indexOf('.');
	return dot < 0 ? 0 : s.length - dot - 1;
}

/** Rounds `v` to a multiple of `step` (without float noise) and clamps it into `domain`. */
export function snapValue(v: number, step: number, domain: Extent): number {
	const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
	const snapped = step > 0 ? Number((Math.round(v / step) * step).toFixed(stepDecimals(step))) : v;
	return Math.min(hi, Math.max(lo, snapped));
}

/**
 * The value a slider key gives: ArrowUp/ArrowRight +step, ArrowDown/ArrowLeft -step, PageUp /
 * PageDown +-10 steps, Home/End the domain's ends; undefined for other keys.
 */
export function keyedValue(key: string, value: number, step: number, domain: Extent): number | undefined {
	const base = Number.isFinite(value) ? value : 0;
	const moves: Record<string, number> = {
		ArrowUp: step,
		ArrowRight: step,
		ArrowDown: -step,
		ArrowLeft: -step,
		PageUp: 10 * step,
		PageDown: -10 * step
	};
	if (key === 'Home') return Math.min(domain[0], domain[1]);
	if (key === 'End') return Math.max(domain[0], domain[1]);
	const d = moves[key];
	return d === undefined ? undefined : snapValue(base + d, step, domain);
}

/** Value-axis extent covering every finite value and the baseline 0 (positive values on log). */
export function barExtent(groups: readonly BarGroup[], log = false): Extent | null {
	let lo = log ? Infinity : 0;
	let hi = log ? -Infinity : 0;
	for (const g of groups)
		for (let i = 0; i < g.values.length; i++) {
			const v = g.values[i];
			if (!Number.isFinite(v) || (log && v <= 0)) continue;
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
	return lo <= hi ? [lo, hi] : null;
}
