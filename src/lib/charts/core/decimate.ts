/** A polyline in pixel space; a NaN pair marks a gap (the line breaks there). */
export interface Polyline {
	/** x in CSS pixels. */
	x: number[];
	/** y in CSS pixels; NaN = gap. */
	y: number[];
}

/**
 * M4 decimation of a polyline already mapped to pixels: consecutive points that fall in the same
 * pixel column bucket (`bucketWidth` px wide) are reduced to the first, the lowest, the highest and
 * the last of them, in their original order. The drawn line is the same as the full line's, every
 * local extreme and both endpoints are kept, and the output has at most 4 points per bucket.
 * Points with a non-finite coordinate are dropped and break the line (one NaN gap marker).
 */
export function decimateMinMax(
	px: ArrayLike<number>,
	py: ArrayLike<number>,
	bucketWidth = 1
): Polyline {
	const n = Math.min(px.length, py.length);
	const out: Polyline = { x: [], y: [] };
	let bucket = NaN;
	let first = -1;
	let last = -1;
	let lo = -1;
	let hi = -1;
	const flush = () => {
		if (first < 0) return;
		const picks = [first, lo, hi, last].sort((a, b) => a - b);
		let prev = -1;
		for (const i of picks) {
			if (i === prev) continue;
			out.x.push(px[i]);
			out.y.push(py[i]);
			prev = i;
		}
		first = -1;
	};
	for (let i = 0; i < n; i++) {
		const x = px[i];
		const y = py[i];
		if (!Number.isFinite(x) || !Number.isFinite(y)) {
			flush();
			bucket = NaN;
			if (out.y.length > 0 && !Number.isNaN(out.y[out.y.length - 1])) {
				out.x.push(NaN);
				out.y.push(NaN);
			}
			continue;
		}
		const b = Math.floor(x / bucketWidth);
		if (b !== bucket || first < 0) {
			flush();
			bucket = b;
			first = last = lo = hi = i;
			continue;
		}
		last = i;
		if (y < py[lo]) lo = i;
		if (y > py[hi]) hi = i;
	}
	flush();
	if (out.y.length > 0 && Number.isNaN(out.y[out.y.length - 1])) {
		out.x.pop();
		out.y.pop();
	}
	return out;
}

/**
 * SVG path data for a polyline: `M` after every gap, `L` otherwise, 1 decimal place. A point alone
 * between gaps gets a zero-length segment (`h0`) so that a round line cap shows it as a dot.
 */
export function polylinePath(line: Polyline): string {
	let d = '';
	let run = 0;
	for (let i = 0; i < line.x.length; i++) {
		const x = line.x[i];
		const y = line.y[i];
		if (Number.isNaN(y) || Number.isNaN(x)) {
			if (run === 1) d += 'h0';
			run = 0;
			continue;
		}
		d += `${run > 0 ? 'L' : 'M'}${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`;
		run++;
	}
	return run === 1 ? d + 'h0' : d;
}
