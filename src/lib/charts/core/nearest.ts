/** True when the finite values of `x` never decrease (so nearest-x lookups can bisect). */
export function isSortedAscending(x: ArrayLike<number>): boolean {
	let prev = -Infinity;
	for (let i = 0; i < x.length; i++) {
		const v = x[i];
		if (!Number.isFinite(v)) continue;
		if (v < prev) return false;
		prev = v;
	}
	return true;
}

/**
 * Index of the finite x value closest to `target` (ties: the earlier index), or -1 when none.
 * Bisects when `sorted` (ascending), else scans.
 */
export function nearestIndex(x: ArrayLike<number>, target: number, sorted: boolean): number {
	const n = x.length;
	if (n === 0 || !Number.isFinite(target)) return -1;
	if (!sorted) {
		let best = -1;
		let bestD = Infinity;
		for (let i = 0; i < n; i++) {
			const d = Math.abs(x[i] - target);
			if (d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	}
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (x[mid] < target) lo = mid + 1;
		else hi = mid;
	}
	let best = -1;
	let bestD = Infinity;
	for (let i = lo; i < n && i <= lo + 8; i++) {
		const d = Math.abs(x[i] - target);
		if (Number.isFinite(d)) {
			if (d < bestD) [best, bestD] = [i, d];
			break;
		}
	}
	for (let i = lo - 1; i >= 0 && i >= lo - 9; i--) {
		const d = Math.abs(x[i] - target);
		if (Number.isFinite(d)) {
			if (d <= bestD) [best, bestD] = [i, d];
			break;
		}
	}
	return best;
}

/**
 * Keyboard stepping of a read-out cursor over `n` items: ArrowRight/ArrowLeft (or `forward` /
 * `back` keys given) move by 1 (10 with Shift), Home/End jump, Escape clears (null). Starting from
 * no cursor, forward lands on the first item and back on the last. Undefined = key not handled.
 */
export function stepCursor(
	key: string,
	cursor: number | null,
	n: number,
	shift = false,
	forward = 'ArrowRight',
	back = 'ArrowLeft'
): number | null | undefined {
	if (n <= 0) return undefined;
	const step = shift ? 10 : 1;
	if (key === forward) return Math.min(n - 1, (cursor ?? -1) + step);
	if (key === back) return Math.max(0, (cursor ?? n) - step);
	if (key === 'Home') return 0;
	if (key === 'End') return n - 1;
	if (key === 'Escape') return null;
	return undefined;
}
