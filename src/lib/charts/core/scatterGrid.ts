import { colorDomain, type ColorMode } from './colors';
import type { Extent } from './domain';

/**
 * Data coordinates of the centres of a rows x cols grid over xDomain x yDomain, row-major with
 * row 0 at the TOP: point k = r * cols + c is (x[k], y[k]). Feed these to a model to get the
 * values of a ScatterChart background (e.g. P(class 1) per cell).
 */
export function gridCellCenters(
	rows: number,
	cols: number,
	xDomain: Extent,
	yDomain: Extent
): { x: Float32Array; y: Float32Array } {
	const x = new Float32Array(rows * cols);
	const y = new Float32Array(rows * cols);
	const dx = (xDomain[1] - xDomain[0]) / cols;
	const dy = (yDomain[1] - yDomain[0]) / rows;
	for (let r = 0; r < rows; r++)
		for (let c = 0; c < cols; c++) {
			x[r * cols + c] = xDomain[0] + (c + 0.5) * dx;
			y[r * cols + c] = yDomain[1] - (r + 0.5) * dy;
		}
	return { x, y };
}

/**
 * The cell of a rows x cols grid over xDomain x yDomain holding data point (x, y), row 0 at the
 * top; the right and top edges belong to the last column and the first row. Null outside the grid.
 */
export function gridCellAt(
	rows: number,
	cols: number,
	xDomain: Extent,
	yDomain: Extent,
	x: number,
	y: number
): { r: number; c: number } | null {
	const u = (x - xDomain[0]) / (xDomain[1] - xDomain[0]);
	const v = (yDomain[1] - y) / (yDomain[1] - yDomain[0]);
	if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1) || rows <= 0 || cols <= 0) return null;
	return { r: Math.min(rows - 1, Math.floor(v * rows)), c: Math.min(cols - 1, Math.floor(u * cols)) };
}

/**
 * Colour domain of a background: `domain` when given, else the finite values' extent (symmetric
 * around 0 when diverging); [0, 1] when nothing is finite.
 */
export function backgroundDomain(values: ArrayLike<number>, n: number, mode: ColorMode, domain?: Extent): Extent {
	if (domain) return domain;
	const e = colorDomain(values, mode, false, 0, Math.min(n, values.length));
	return e && e[0] < e[1] ? e : [0, 1];
}

/**
 * Value -> t in [0, 1], linear over `domain` and clamped (a diverging ramp is centred on the
 * domain's middle, e.g. 0.5 for [0, 1]); NaN for non-finite values.
 */
export function backgroundNormalizer(domain: Extent): (v: number) => number {
	const [a, b] = domain;
	const span = b - a || 1;
	return (v) => (Number.isFinite(v) ? Math.min(1, Math.max(0, (v - a) / span)) : NaN);
}

/** A copy of an RGBA lookup table with every alpha set to `alpha` in [0, 1]. */
export function lutWithAlpha(lut: Uint8ClampedArray, alpha: number): Uint8ClampedArray {
	const out = lut.slice();
	for (let i = 3; i < out.length; i += 4) out[i] = Math.round(255 * alpha);
	return out;
}
