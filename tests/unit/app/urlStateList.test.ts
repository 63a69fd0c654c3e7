import { describe, expect, it } from 'vitest';
import { defineSchema } from '$lib/app/params';
import { coerceValue, defaults, formatValue, parseParams, writeParams } from '$lib/app/urlState';
import { UrlParams } from '$lib/app/urlParams.svelte';

const schema = defineSchema({
	k: { kind: 'number', default: 3, min: 1, max: 7, step: 1, integer: true },
	kern: { kind: 'list', default: [0, -1, 0, -1, 4, -1, 0, -1, 0], min: -100, max: 100, step: 0.01, minLength: 1, maxLength: 49 }
});
const DEFAULT = [0, -1, 0, -1, 4, -1, 0, -1, 0];

const parse = (q: string) => parseParams(schema, new URLSearchParams(q));

describe('list parameters (comma lists of numbers)', () => {
	it('reads a comma list, with spaces and an encoded comma', () => {
		expect(parse('kern=1,2,3,4').values.kern).toEqual([1, 2, 3, 4]);
		expect(parse('kern=1%2C%202.5%2C-3').values.kern).toEqual([1, 2.5, -3]);
		expect(parse('kern=1,2,3,4').corrections).toEqual([]);
	});

	it('gives every parse a fresh default list (never the schema array itself)', () => {
		const a = defaults(schema).kern;
		a[0] = 99;
		expect(defaults(schema).kern).toEqual(DEFAULT);
		expect(schema.kern.default[0]).toBe(0);
	});

	it('rejects any non-number entry as a whole, and reports it', () => {
		for (const raw of ['1,x,3', '1,,3', '1,NaN', 'Infinity', '<script>', '1;2', '0x10,1']) {
			const { values, corrections } = parse(`kern=${encodeURIComponent(raw)}`);
			expect(values.kern, raw).toEqual(DEFAULT);
			expect(corrections, raw).toEqual([expect.objectContaining({ param: 'kern', reason: 'not-a-number', used: DEFAULT.join(',') })]);
		}
	});

	it('rejects too few or too many entries (wrong-length)', () => {
		expect(parse('kern=').corrections[0].reason).toBe('wrong-length');
		expect(parse(`kern=${Array(50).fill(1).join(',')}`).corrections[0].reason).toBe('wrong-length');
		expect(parse(`kern=${Array(49).fill(1).join(',')}`).corrections).toEqual([]);
	});

	it('clamps entries out of range and snaps silently to the step', () => {
		const { values, corrections } = parse('kern=1e9,-500,0.123');
		expect(values.kern).toEqual([100, -100, 0.12]);
		expect(corrections).toEqual([{ param: 'kern', given: '1e9,-500,0.123', used: '100,-100,0.12', reason: 'out-of-range' }]);
		expect(parse('kern=0.123').corrections).toEqual([]);
	});

	it('writes the canonical list and reads it back', () => {
		const out = writeParams(schema, { k: 3, kern: [1, -0.5, 0.1 + 0.2] }, new URLSearchParams('lang=zh'));
		expect(out.get('kern')).toBe('1,-0.5,0.3');
		expect(parseParams(schema, out).values.kern).toEqual([1, -0.5, 0.3]);
		expect(formatValue(schema.kern, [2, 3])).toBe('2,3');
	});

	it('validates values set from code', () => {
		expect(coerceValue(schema.kern, [1, 2])).toEqual({ value: [1, 2], reason: null });
		expect(coerceValue(schema.kern, [1, Number.NaN]).reason).toBe('not-a-number');
		expect(coerceValue(schema.kern, [1, 500])).toEqual({ value: [1, 100], reason: 'out-of-range' });
		expect(coerceValue(schema.kern, []).reason).toBe('wrong-length');
		expect(coerceValue(schema.kern, 7).reason).toBe('not-a-number');
		expect(coerceValue(schema.kern, '4,5')).toEqual({ value: [4, 5], reason: null });
	});

	it('UrlParams keeps commas literal in the query and sets lists with validation', () => {
		const p = new UrlParams(schema, { replace: () => {}, current: () => new URL('https://x.test/a?lang=en') });
		p.init(new URL('https://x.test/a?kern=1,2,3,4'));
		expect(p.values.kern).toEqual([1, 2, 3, 4]);
		expect(p.search()).toBe('k=3&kern=1,2,3,4');
		expect(p.set('kern', [5, 'x' as unknown as number])?.reason).toBe('not-a-number');
		expect(p.values.kern).toEqual(DEFAULT);
		expect(p.href()).toBe('/a?lang=en&k=3&kern=0,-1,0,-1,4,-1,0,-1,0');
	});
});
