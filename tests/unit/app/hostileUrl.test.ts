/**
 * Hostile URLs through the real parsing code: every parameter of every lesson schema and of the shell
 * schema, against empty, huge, negative, NaN/Infinity, non-numeric, unicode (RTL, emoji), markup,
 * 100k-character and repeated values. The value used is always valid for its spec, and every value
 * that could not be used as given is reported (and only those).
 */
import { describe, expect, it } from 'vitest';
import type { Correction, ParamSchema, ParamSpec } from '$lib/app/params';
import { formatValue, GIVEN_MAX, parseParams, writeParams, type AnyValue } from '$lib/app/urlState';
import { parseShellParams, shellSchema } from '$lib/app/shellParams';
import { schema as l02 } from '$lessons/activation-functions/meta';
import { LESSON_SCHEMAS } from '../../lessonSchemas';

/** The hostile values, by name (the name shows in the test title). */
const HOSTILE: [string, string][] = [
	['empty', ''],
	['blank', '   '],
	['1e308', '1e308'],
	['-1e308', '-1e308'],
	['9999999999', '9999999999'],
	['negative', '-1'],
	['negative fraction', '-0.5'],
	['large negative', '-9999999999'],
	['NaN', 'NaN'],
	['Infinity', 'Infinity'],
	['-Infinity', '-Infinity'],
	['1e999 (overflows)', '1e999'],
	['word', 'abc'],
	['number then word', '12abc'],
	['hex', '0x10'],
	['comma decimal', '1,5'],
	['Arabic-Indic digits', '١٢'],
	['full-width digit', '５'],
	['RTL text', 'مرحبا'],
	['RTL override', '\u202E1,0'],
	['emoji', '😀🔥'],
	['script tag', '<script>alert(1)</script>'],
	['img onerror', '"><img src=x onerror=alert(1)>'],
	['javascript: url', 'javascript:alert(1)'],
	['NUL and newline', '1\u0000\n2'],
	['100k letters', 'a'.repeat(100_000)],
	['100k digits', '9'.repeat(100_000)],
	['100k digits then a letter', '9'.repeat(100_000) + 'x'],
	['100k commas', ','.repeat(100_000)],
	['100k list entries', '1,'.repeat(50_000) + '1']
];

/** The plain decimal numbers a user could mean (an independent oracle, not the parser's own regex). */
const PLAIN_NUMBER = /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

function numberOk(spec: { min: number; max: number; integer?: boolean }, text: string): boolean {
	if (!PLAIN_NUMBER.test(text)) return false;
	const x = Number(text);
	return Number.isFinite(x) && x >= spec.min && x <= spec.max && (!spec.integer || Number.isInteger(x));
}

/** True when `raw` may be used as given (no correction expected) for `spec`. */
function usableAsGiven(spec: ParamSpec, raw: string): boolean {
	switch (spec.kind) {
		case 'number':
			return numberOk(spec, raw);
		case 'enum':
			return spec.options.includes(raw);
		case 'boolean':
			return raw === '' || ['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(raw.toLowerCase());
		case 'list': {
			const parts = raw.split(',');
			return (
				raw !== '' &&
				parts.length >= spec.minLength &&
				parts.length <= spec.maxLength &&
				parts.every((p) => numberOk({ min: spec.min, max: spec.max }, p))
			);
		}
	}
}

/** Asserts `value` is a legal value of `spec` (in range, on the grid's type, an allowed option). */
function expectValid(spec: ParamSpec, value: unknown, where: string): void {
	switch (spec.kind) {
		case 'number': {
			expect(typeof value, where).toBe('number');
			const x = value as number;
			expect(Number.isFinite(x), where).toBe(true);
			expect(x, where).toBeGreaterThanOrEqual(spec.min);
			expect(x, where).toBeLessThanOrEqual(spec.max);
			if (spec.integer) expect(Number.isInteger(x), where).toBe(true);
			return;
		}
		case 'enum':
			expect(spec.options, where).toContain(value);
			return;
		case 'boolean':
			expect(typeof value, where).toBe('boolean');
			return;
		case 'list': {
			expect(Array.isArray(value), where).toBe(true);
			const xs = value as number[];
			expect(xs.length, where).toBeGreaterThanOrEqual(spec.minLength);
			expect(xs.length, where).toBeLessThanOrEqual(spec.maxLength);
			for (const x of xs) {
				expect(Number.isFinite(x), where).toBe(true);
				expect(x, where).toBeGreaterThanOrEqual(spec.min);
				expect(x, where).toBeLessThanOrEqual(spec.max);
			}
		}
	}
}

/** A correction's `given` is short and carries no control or bidi-override character. */
function expectSafeGiven(c: Correction): void {
	expect(Array.from(c.given).length).toBeLessThanOrEqual(GIVEN_MAX);
	expect(c.given).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
	expect(c.given).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
}

/** The query as a browser reads it from a typed address: raw text, percent-encoding only where needed. */
function urlWith(pairs: [string, string][]): URL {
	const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
	return new URL(`http://localhost/lessons/x?${query}`);
}

/** Parses, then checks every value, every correction and the round trip through the written URL. */
function check(schema: ParamSchema, pairs: [string, string][]): void {
	const { values, corrections } = parseParams(schema, urlWith(pairs).searchParams);
	const firstOf = new Map<string, string>();
	for (const [k, v] of pairs) if (!firstOf.has(k)) firstOf.set(k, v);
	for (const [key, spec] of Object.entries(schema)) {
		const value = (values as Record<string, AnyValue>)[key];
		expectValid(spec, value, key);
		const raw = firstOf.get(key);
		const mine = corrections.filter((c) => c.param === key && c.reason !== 'repeated');
		if (raw === undefined || usableAsGiven(spec, raw)) expect(mine, `${key}=${raw}`).toEqual([]);
		else {
			expect(mine, `${key}=${raw.slice(0, 40)}`).toHaveLength(1);
			expect(mine[0].used).toBe(formatValue(spec, value));
		}
		const repeats = pairs.filter(([k]) => k === key).length;
		expect(corrections.filter((c) => c.param === key && c.reason === 'repeated')).toHaveLength(repeats > 1 ? 1 : 0);
	}
	corrections.forEach(expectSafeGiven);
	const again = parseParams(schema, writeParams(schema, values));
	expect(again.corrections).toEqual([]);
	expect(again.values).toEqual(values);
}

describe.each(LESSON_SCHEMAS)('hostile URL values: %s', (_slug, schema) => {
	it.each(HOSTILE)('every parameter = %s', (_name, raw) => {
		for (const key of Object.keys(schema)) check(schema, [[key, raw]]);
	});

	it('every parameter hostile at once (kinds rotated), in one address', () => {
		for (let shift = 0; shift < HOSTILE.length; shift += 1) {
			const pairs = Object.keys(schema).map((k, i): [string, string] => [k, HOSTILE[(i + shift) % HOSTILE.length][1]]);
			check(schema, pairs);
		}
	});

	it('repeated keys: the first value counts, the rest are reported as repeated', () => {
		for (const key of Object.keys(schema)) {
			check(schema, [
				[key, '<script>alert(1)</script>'],
				[key, '1'],
				[key, '"><img src=x onerror=alert(1)>']
			]);
			check(schema, Array.from({ length: 1000 }, (): [string, string] => [key, '😀']));
		}
	});

	it('an address typed with raw markup (no percent-encoding) is read the same way', () => {
		const keys = Object.keys(schema);
		const url = new URL(`http://localhost/x?${keys.map((k) => `${k}="><img src=x onerror=alert(1)>`).join('&')}`);
		const { values, corrections } = parseParams(schema, url.searchParams);
		for (const [key, spec] of Object.entries(schema)) expectValid(spec, (values as Record<string, AnyValue>)[key], key);
		expect(new Set(corrections.map((c) => c.param))).toEqual(new Set(keys));
		for (const c of corrections) expect(c.given).toBe('"><img src=x onerror=alert(1)>');
	});
});

describe('hostile URL values: shell params', () => {
	const keys = Object.keys(shellSchema) as (keyof typeof shellSchema)[];

	it.each(HOSTILE)('every shell parameter = %s', (_name, raw) => {
		for (const key of keys) {
			const { values, corrections, given } = parseShellParams(urlWith([[key, raw]]).searchParams);
			for (const k of keys) expectValid(shellSchema[k], values[k], k);
			const spec = shellSchema[key];
			const ok = key === 'lang' ? /^(en|zh)([-_].*)?$/i.test(raw.trim()) : usableAsGiven(spec, raw);
			expect(corrections.map((c) => c.param), `${key}=${raw.slice(0, 40)}`).toEqual(ok ? [] : [key]);
			expect(given[key]).toBe(ok);
			corrections.forEach(expectSafeGiven);
		}
	});

	it('all shell parameters hostile and repeated at once', () => {
		const url = urlWith(keys.flatMap((k): [string, string][] => [[k, '<script>alert(1)</script>'], [k, 'zh']]));
		const { values, corrections } = parseShellParams(url.searchParams, { lang: 'zh', backend: 'wasm' });
		expect(values).toEqual({ lang: 'zh', present: false, backend: 'wasm', contrast: false });
		for (const k of keys) {
			expect(corrections.filter((c) => c.param === k).map((c) => c.reason).sort()).toEqual(
				[k === 'lang' ? 'unknown-option' : shellSchema[k].kind === 'boolean' ? 'not-a-boolean' : 'unknown-option', 'repeated'].sort()
			);
		}
	});
});

describe('hostile text in the corrections notice', () => {
	it('bidi overrides and isolates are replaced, so a value cannot reorder the message', () => {
		const { corrections } = parseParams(l02, urlWith([['act', '\u202Egnp.exe\u2066x\u2069\u200f']]).searchParams);
		expect(corrections[0].given).toBe('\uFFFDgnp.exe\uFFFDx\uFFFD\uFFFD');
	});

	it('a 100k-digit numeral followed by a letter is read in linear time (it froze the page for ~18 s)', () => {
		const { values, corrections } = parseParams(l02, urlWith([['depth', '9'.repeat(100_000) + 'x']]).searchParams);
		expect(values.depth).toBe(l02.depth.default);
		expect(corrections[0].reason).toBe('not-a-number');
	}, 5_000);
});
