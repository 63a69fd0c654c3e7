import { describe, expect, it } from 'vitest';
import {
	canUseLog,
	clamp,
	commitNumber,
	conform,
	decimalsOf,
	echo,
	formatNumber,
	formatPlain,
	LOG_STEPS,
	logPosition,
	MAX_ECHO,
	parseNumber,
	snapToStep,
	valueAtLogPosition,
	valueFromLogSlider
} from '$lib/ui/numberInput';

describe('parseNumber', () => {
	it.each([
		['1', 1],
		['-0.5', -0.5],
		['+2', 2],
		['.5', 0.5],
		['2.', 2],
		['1e-3', 0.001],
		['1E3', 1000],
		['  42  ', 42],
		['-0', 0],
		['１２', 12],
		['－３．５', -3.5],
		['\u22124', -4]
	])('accepts %j as %d', (raw, want) => {
		expect(parseNumber(raw)).toEqual({ ok: true, value: want });
	});

	it.each([
		['', 'empty'],
		[' ', 'empty'],
		['\t\n', 'empty'],
		['abc', 'not-a-number'],
		['NaN', 'not-a-number'],
		['Infinity', 'not-a-number'],
		['-Infinity', 'not-a-number'],
		['<script>', 'not-a-number'],
		['0x10', 'not-a-number'],
		['1,5', 'not-a-number'],
		['1 000', 'not-a-number'],
		['1e', 'not-a-number'],
		['--1', 'not-a-number'],
		['.', 'not-a-number'],
		['1e999', 'not-finite'],
		['-1e999', 'not-finite']
	])('rejects %j as %s', (raw, reason) => {
		expect(parseNumber(raw)).toEqual({ ok: false, reason });
	});
});

describe('step helpers', () => {
	it('counts decimals, including exponent notation', () => {
		expect(decimalsOf(1)).toBe(0);
		expect(decimalsOf(0.25)).toBe(2);
		expect(decimalsOf(0.0001)).toBe(4);
		expect(decimalsOf(1e-7)).toBe(7);
		expect(decimalsOf(2.5e-7)).toBe(8);
	});

	it('snaps to the grid measured from min, without float noise', () => {
		expect(snapToStep(0.1 + 0.2, 0.1, 0)).toBe(0.3);
		expect(snapToStep(0.123, 0.05, 0.05)).toBe(0.1);
		expect(snapToStep(7, 5, 1)).toBe(6);
		expect(snapToStep(3.3, undefined, 0)).toBe(3.3);
		expect(snapToStep(3.3, 0, 0)).toBe(3.3);
	});

	it('clamps', () => {
		expect(clamp(5, 0, 1)).toBe(1);
		expect(clamp(-5, 0, 1)).toBe(0);
	});

	it('conforms: integer, snap, then clamp; non-finite gives min', () => {
		expect(conform(2.6, { min: 0, max: 10, integer: true })).toBe(3);
		expect(conform(0.5049, { min: 0.01, max: 0.5, step: 0.01 })).toBe(0.5);
		expect(conform(NaN, { min: 2, max: 5 })).toBe(2);
		expect(conform(Infinity, { min: 2, max: 5 })).toBe(2);
	});
});

describe('commitNumber', () => {
	const range = { min: 0, max: 5, step: 0.1 };

	it('uses a valid value, snapped to the step, with no issue', () => {
		expect(commitNumber('2.34', range, 1)).toEqual({ value: 2.3, issue: null, given: '2.34' });
	});

	it('clamps out-of-range values and says so', () => {
		expect(commitNumber('10', range, 1)).toEqual({ value: 5, issue: 'above-max', given: '10' });
		expect(commitNumber('-3', range, 1)).toEqual({ value: 0, issue: 'below-min', given: '-3' });
	});

	it('keeps the current value for unparsable text', () => {
		for (const raw of ['', ' ', 'abc', 'NaN', '-Infinity', '<script>']) {
			const r = commitNumber(raw, range, 1.5);
			expect(r.value).toBe(1.5);
			expect(r.issue).not.toBeNull();
		}
		expect(commitNumber('1e999', range, 1.5)).toMatchObject({ value: 1.5, issue: 'not-finite' });
	});

	it('rounds non-integers for integer controls and says so', () => {
		const seed = { min: 0, max: 2_147_483_647, integer: true };
		expect(commitNumber('41.6', seed, 1)).toEqual({ value: 42, issue: 'not-an-integer', given: '41.6' });
		expect(commitNumber('７', seed, 1)).toEqual({ value: 7, issue: null, given: '７' });
	});

	it('echoes long input shortened', () => {
		const long = 'x'.repeat(100);
		expect(echo(long)).toHaveLength(MAX_ECHO);
		expect(commitNumber(long, range, 0).given.endsWith('…')).toBe(true);
	});
});

describe('log scale mapping', () => {
	const min = 0.0001;
	const max = 10;

	it('only applies to positive ranges', () => {
		expect(canUseLog(min, max)).toBe(true);
		expect(canUseLog(0, 1)).toBe(false);
		expect(canUseLog(-1, 1)).toBe(false);
		expect(canUseLog(1, 1)).toBe(false);
	});

	it('maps the ends exactly and decades evenly', () => {
		expect(valueAtLogPosition(0, min, max)).toBe(min);
		expect(valueAtLogPosition(LOG_STEPS, min, max)).toBe(max);
		expect(logPosition(min, min, max)).toBe(0);
		expect(logPosition(max, min, max)).toBeCloseTo(LOG_STEPS, 9);
		expect(logPosition(0.1, min, max)).toBeCloseTo(600, 9);
		expect(valueAtLogPosition(600, min, max)).toBe(0.1);
		expect(valueAtLogPosition(-50, min, max)).toBe(min);
	});

	it('round-trips every position (the thumb never sticks) with short numbers', () => {
		for (const [lo, hi] of [
			[min, max],
			[0.05, 10],
			[1, 2],
			[1, 100]
		]) {
			for (let p = 0; p <= LOG_STEPS; p++) {
				const v = valueAtLogPosition(p, lo, hi);
				expect(v).toBeGreaterThanOrEqual(lo);
				expect(v).toBeLessThanOrEqual(hi);
				expect(Math.round(logPosition(v, lo, hi))).toBe(p);
				expect(Number(v.toPrecision(6))).toBe(v);
			}
		}
	});

	it('is monotonic', () => {
		let prev = -Infinity;
		for (let p = 0; p <= LOG_STEPS; p++) {
			const v = valueAtLogPosition(p, min, max);
			expect(v).toBeGreaterThan(prev);
			prev = v;
		}
	});
});

describe('formatNumber', () => {
	it('uses the step decimals, integers plainly, and significant digits on log scales', () => {
		expect(formatNumber(0.1, { step: 0.01 })).toBe('0.10');
		expect(formatNumber(0.30000000000000004, { step: 0.1 })).toBe('0.3');
		expect(formatNumber(41.7, { integer: true })).toBe('42');
		expect(formatNumber(0.0031622776, { step: 0.0001, log: true })).toBe('0.003162');
		expect(formatNumber(-2)).toBe('-2');
		expect(formatNumber(1 / 3)).toBe('0.3333');
	});

	it('formats values that parse back to the same number', () => {
		for (const v of [0.1, 2.5, -1000, 0.0001, 10]) {
			const r = parseNumber(formatNumber(v, { step: 0.0001 }));
			expect(r).toEqual({ ok: true, value: v });
		}
	});
});

describe('valueFromLogSlider', () => {
	const speed = { min: 1, max: 100, integer: true };

	it('never sticks on integer log sliders: one position always moves one unit', () => {
		expect(valueFromLogSlider(1, speed, 1)).toBe(2);
		expect(valueFromLogSlider(999, speed, 100)).toBe(99);
		let v = 1;
		for (let i = 0; i < 99; i++) {
			const pos = Math.round(logPosition(v, 1, 100)) + 1;
			const next = valueFromLogSlider(pos, speed, v);
			expect(next).toBeGreaterThan(v);
			v = next;
		}
		expect(v).toBe(100);
	});

	it('maps positions on continuous log sliders', () => {
		expect(valueFromLogSlider(600, { min: 0.0001, max: 10 }, 1)).toBe(0.1);
		expect(valueFromLogSlider(0, { min: 0.0001, max: 10 }, 1)).toBe(0.0001);
	});
});

describe('formatPlain', () => {
	it('writes values for messages without padding zeros', () => {
		expect(formatPlain(1000)).toBe('1000');
		expect(formatPlain(0.0001)).toBe('0.0001');
		expect(formatPlain(2_147_483_647)).toBe('2147483647');
		expect(formatPlain(0.1 + 0.2)).toBe('0.3');
	});
});
