import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalPdf } from '$lib/ml/functions/erf';

// Reference values (Abramowitz & Stegun table 7.1, DLMF), 16 significant digits.
const ERF: [number, number][] = [
	[0, 0],
	[0.1, 0.1124629160182849],
	[0.5, 0.5204998778130465],
	[1, 0.8427007929497149],
	[1.5, 0.9661051464753108],
	[2, 0.9953222650189527],
	[2.5, 0.999593047982555],
	[3, 0.9999779095030014],
	[4, 0.9999999845827421]
];

describe('erf', () => {
	it('matches tabulated values to 1e-14 and is odd', () => {
		for (const [x, v] of ERF) {
			expect(Math.abs(erf(x) - v)).toBeLessThan(1e-14);
			expect(Math.abs(erf(-x) + v)).toBeLessThan(1e-14);
		}
		expect(erf(Infinity)).toBe(1);
		expect(erf(-Infinity)).toBe(-1);
		expect(erf(NaN)).toBeNaN();
	});

	it('is continuous where the method switches (x = 3)', () => {
		expect(Math.abs(erf(3 - 1e-12) - erf(3 + 1e-12))).toBeLessThan(1e-14);
	});

	it('keeps relative accuracy of erfc in the tail', () => {
		expect(erfc(4) / 1.541725790028002e-8).toBeCloseTo(1, 12);
		expect(erfc(6) / 2.151973671249892e-17).toBeCloseTo(1, 10);
		expect(erfc(-4)).toBeCloseTo(2 - 1.541725790028002e-8, 15);
		expect(erfc(0.5)).toBeCloseTo(1 - 0.5204998778130465, 15);
	});

	it('gives the standard normal CDF and density', () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
		expect(normalCdf(-8) / 6.22096057427178e-16).toBeCloseTo(1, 8);
		expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
		expect(normalPdf(1)).toBeCloseTo(0.2419707245191434, 15);
	});
});
