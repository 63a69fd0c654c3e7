/**
 * Show every k-th of `count` labels so that labels `labelPx` long fit in slots `slotPx` apart:
 * returns k >= 1 (1 = show all).
 */
export function labelStep(count: number, slotPx: number, labelPx: number): number {
	if (count <= 1 || !(slotPx > 0)) return 1;
	return Math.max(1, Math.ceil(labelPx / slotPx));
}

/** Indices 0, k, 2k, ... below `count`. */
export function everyKth(count: number, k: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < count; i += Math.max(1, k)) out.push(i);
	return out;
}
