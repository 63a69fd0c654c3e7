/**
 * The error function and the standard normal distribution in float64, accurate to ~1e-15:
 * a positive-term series for |x| < 3 and a continued fraction for erfc beyond.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 3;

/** erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (2n+1)!!  (all terms positive, no cancellation). */
function erfSeries(x: number): number {
	const x2 = x * x;
	let term = x;
	let sum = x;
	for (let n = 1; n < 200; n++) {
		term *= (2 * x2) / (2 * n + 1);
		sum += term;
		if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
	}
	return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x >= 3 from its continued fraction, evaluated backwards with a fixed depth. */
function erfcContinuedFraction(x: number): number {
	let f = x;
	for (let k = 60; k >= 1; k--) f = x + k / 2 / f;
	return (INV_SQRT_PI * Math.exp(-x * x)) / f;
}

/** The error function erf(x) = 2/sqrt(pi) * integral_0^x e^{-t^2} dt. */
export function erf(x: number): number {
	if (Number.isNaN(x)) return NaN;
	const a = Math.abs(x);
	if (a < SERIES_LIMIT) return erfSeries(x);
	const v = 1 - erfcContinuedFraction(a);
	return x < 0 ? -v : v;
}

/** The complementary error function 1 - erf(x), without cancellation for large positive x. */
export function erfc(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x >= SERIES_LIMIT) return erfcContinuedFraction(x);
	if (x <= -SERIES_LIMIT) return 2 - erfcContinuedFraction(-x);
	return 1 - erfSeries(x);
}

/** Standard normal CDF Phi(x) = 0.5 * erfc(-x / sqrt 2) (accurate in both tails). */
export function normalCdf(x: number): number {
	return 0.5 * erfc(-x / Math.SQRT2);
}

/** Standard normal density phi(x) = exp(-x^2/2) / sqrt(2 pi). */
export function normalPdf(x: number): number {
	return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
