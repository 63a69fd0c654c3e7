import { format } from 'd3';

const mid = format('.4~g');
const big = format('.3~s');
const sci = format('.3~e');

/**
 * Compact number for read-outs and tick labels: 4 significant digits between 0.001 and 10,000,
 * SI suffixes (12.3k, 4.5M) up to a billion, scientific notation (1.2e-7) beyond.
 */
export function formatCompact(v: number): string {
	if (Number.isNaN(v)) return '–';
	if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
	if (v === 0) return '0';
	const a = Math.abs(v);
	if (a >= 1e-3 && a < 1e4) return mid(v);
	if (a >= 1e4 && a < 1e9) return big(v);
	return sci(v);
}

/** Rough rendered width of `text` in pixels at `fontPx` (wide CJK glyphs count as 1em). */
export function textWidth(text: string, fontPx: number): number {
	let em = 0;
	for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
	return em * fontPx;
}
