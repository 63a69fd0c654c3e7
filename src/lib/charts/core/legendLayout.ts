import { textWidth } from './format';

/** Positions of legend items (top-left of each swatch, px) and the legend's total height. */
export interface LegendLayout {
	x: number[];
	y: number[];
	height: number;
}

/** Swatch length and gaps of a legend item, in em. */
export const LEGEND_SWATCH_EM = 1.6;
const GAP_EM = 0.4;
const SPACING_EM = 1.2;
const ROW_EM = 1.5;

/**
 * Flows legend items left to right, wrapping into rows of `width` px. Text widths are estimated
 * from `fontPx` (the legend's font size in px).
 */
export function layoutLegend(labels: readonly string[], width: number, fontPx: number): LegendLayout {
	const out: LegendLayout = { x: [], y: [], height: 0 };
	if (labels.length === 0) return out;
	let x = 0;
	let row = 0;
	for (const label of labels) {
		const w = (LEGEND_SWATCH_EM + GAP_EM) * fontPx + textWidth(label, fontPx);
		if (x > 0 && x + w > width) {
			x = 0;
			row++;
		}
		out.x.push(x);
		out.y.push(row * ROW_EM * fontPx);
		x += w + SPACING_EM * fontPx;
	}
	out.height = (row + 1) * ROW_EM * fontPx;
	return out;
}
