import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineSchema, SEED_PARAM, type Correction } from '$lib/app/params';
import {
	coerceValue,
	defaults,
	GIVEN_MAX,
	parseParams,
	snapNumber,
	truncateGiven,
	writeParams
} from '$lib/app/urlState';
import { parseShellParams } from '$lib/app/shellParams';
import { UrlParams, URL_SYNC_MS } from '$lib/app/urlParams.svelte';
import { schema as l02 } from '$lessons/activation-functions/meta';

const schema = defineSchema({
	depth: { kind: 'number', default: 10, min: 2, max: 20, step: 1, integer: true },
	alpha: { kind: 'number', default: 0.1, min: 0.01, max: 0.5, step: 0.01 },
	z: { kind: 'number', default: 0, min: -1000, max: 1000, step: 0.1 },
	free: { kind: 'number', default: 1, min: -5, max: 5 },
	act: { kind: 'enum', default: 'relu', options: ['sigmoid', 'tanh', 'relu', 'leakyRelu'] },
	on: { kind: 'boolean', default: false },
	seed: SEED_PARAM
});

function parse(query: string) {
	return parseParams(schema, new URLSearchParams(query));
}

function only(query: string): Correction {
	const { corrections } = parse(query);
	expect(corrections).toHaveLength(1);
	return corrections[0];
}

describe('parseParams: valid input', () => {
	it('gives the defaults and no corrections for an empty query', () => {
		expect(parse('')).toEqual({ values: defaults(schema), corrections: [] });
	});

	it('reads valid values of every kind', () => {
		const { values, corrections } = parse('depth=4&alpha=0.25&z=-3.5&free=2.5&act=tanh&on=1&seed=42');
		expect(corrections).toEqual([]);
		expect(values).toEqual({ depth: 4, alpha: 0.25, z: -3.5, free: 2.5, act: 'tanh', on: true, seed: 42 });
	});

	it('accepts signs, leading dots, exponents and surrounding spaces', () => {
		expect(parse('z=%2B5').values.z).toBe(5);
		expect(parse('z=.5').values.z).toBe(0.5);
		expect(parse('z=1e2').values.z).toBe(100);
		expect(parse('z=%20%207%20').values.z).toBe(7);
		expect(parse('z=-0').values.z).toBe(0);
		expect(Object.is(parse('z=-0').values.z, -0)).toBe(false);
	});

	it('ignores unknown params', () => {
		const r = parse('lang=zh&present=1&backend=webgpu&unknown=%3Cb%3E');
		expect(r).toEqual({ values: defaults(schema), corrections: [] });
	});
});

describe('parseParams: numbers that are not numbers get the default', () => {
	const cases: [string, string][] = [
		['empty', ''],
		['blank', '   '],
		['NaN', 'NaN'],
		['Infinity', 'Infinity'],
		['-Infinity', '-Infinity'],
		['letters', 'abc'],
		['incomplete exponent', '1e'],
		['hex', '0x10'],
		['binary', '0b11'],
		['comma decimal', '1,5'],
		['underscore', '1_000'],
		['trailing garbage', '12px'],
		['two dots', '1.2.3'],
		['arabic-indic digits', '١٢'],
		['full-width digit', '５'],
		['script tag', '<script>alert(1)</script>'],
		['attribute injection', '"><img src=x onerror=alert(1)>']
	];
	for (const [name, raw] of cases) {
		it(`${name}: ${JSON.stringify(raw)}`, () => {
			const { values, corrections } = parseParams(schema, new URLSearchParams([['depth', raw]]));
			expect(values.depth).toBe(10);
			expect(corrections).toEqual([
				{ param: 'depth', given: truncateGiven(raw), used: '10', reason: 'not-a-number' }
			]);
		});
	}

	it('keeps markup in `given` as plain text (the notice renders it as text)', () => {
		const c = only('depth=' + encodeURIComponent('<script>alert(1)</script>'));
		expect(c.given).toBe('<script>alert(1)</script>');
	});
});

describe('parseParams: out of range values are clamped', () => {
	it('clamps big and small numbers', () => {
		expect(only('depth=99')).toEqual({ param: 'depth', given: '99', used: '20', reason: 'out-of-range' });
		expect(only('depth=-5')).toEqual({ param: 'depth', given: '-5', used: '2', reason: 'out-of-range' });
		expect(parse('alpha=0').values.alpha).toBe(0.01);
	});

	it('clamps 1e308 and a 400-digit numeral to max, with a truncated `given`', () => {
		expect(parse('z=1e308').values.z).toBe(1000);
		const huge = '9'.repeat(400);
		const c = only(`z=${huge}`);
		expect(c.reason).toBe('out-of-range');
		expect(c.used).toBe('1000');
		expect(Array.from(c.given)).toHaveLength(GIVEN_MAX);
		expect(c.given.endsWith('…')).toBe(true);
		expect(parse(`z=-${huge}`).values.z).toBe(-1000);
	});

	it('reports out-of-range before not-an-integer', () => {
		expect(only('depth=25.5').reason).toBe('out-of-range');
	});
});

describe('parseParams: integers, steps and float noise', () => {
	it('rounds a fraction for an integer param and reports it', () => {
		expect(only('depth=4.6')).toEqual({ param: 'depth', given: '4.6', used: '5', reason: 'not-an-integer' });
		expect(only('seed=7.5').used).toBe('8');
	});

	it('snaps in-range off-step values silently to the step grid from min', () => {
		const r = parse('alpha=0.123&z=0.30000000000000004&free=0.30000000000000004');
		expect(r.corrections).toEqual([]);
		expect(r.values.alpha).toBe(0.12);
		expect(r.values.z).toBe(0.3);
		expect(r.values.free).toBe(0.3);
	});

	it('never snaps past max when max is not on the grid', () => {
		const odd = { kind: 'number', default: 0, min: 0, max: 1, step: 0.3 } as const;
		expect(snapNumber(odd, 1)).toBe(0.9);
		expect(snapNumber(odd, 0.46)).toBe(0.6);
	});
});

describe('parseParams: enums and booleans', () => {
	it('accepts options case-insensitively and defaults unknown ones', () => {
		expect(parse('act=TANH').values.act).toBe('tanh');
		expect(parse('act=leakyrelu').values.act).toBe('leakyRelu');
		expect(only('act=swish')).toEqual({ param: 'act', given: 'swish', used: 'relu', reason: 'unknown-option' });
		expect(only('act=').reason).toBe('unknown-option');
	});

	it('reads 1/0, true/false, yes/no, on/off in any case; a bare key is true', () => {
		for (const t of ['1', 'true', 'TRUE', 'yes', 'on', ' On ']) {
			expect(parseParams(schema, new URLSearchParams([['on', t]])).values.on).toBe(true);
		}
		for (const f of ['0', 'false', 'No', 'off']) {
			const r = parseParams(schema, new URLSearchParams([['on', f]]));
			expect(r).toEqual({ values: { ...defaults(schema), on: false }, corrections: [] });
		}
		expect(parse('on').values.on).toBe(true);
	});

	it('defaults anything else with not-a-boolean', () => {
		for (const bad of ['2', 'maybe', '   ', '１']) {
			const r = parseParams(schema, new URLSearchParams([['on', bad]]));
			expect(r.values.on).toBe(false);
			expect(r.corrections).toEqual([{ param: 'on', given: bad, used: '0', reason: 'not-a-boolean' }]);
		}
	});
});

describe('parseParams: repeated keys', () => {
	it('keeps the first value and reports the ignored ones', () => {
		const r = parse('depth=4&depth=7&depth=9');
		expect(r.values.depth).toBe(4);
		expect(r.corrections).toEqual([{ param: 'depth', given: '7, 9', used: '4', reason: 'repeated' }]);
	});

	it('reports both a bad first value and the repetition', () => {
		const r = parse('depth=abc&depth=7');
		expect(r.values.depth).toBe(10);
		expect(r.corrections.map((c) => c.reason)).toEqual(['not-a-number', 'repeated']);
	});
});

describe('truncateGiven', () => {
	it('keeps short strings, cuts long ones by code point and hides control characters', () => {
		expect(truncateGiven('abc')).toBe('abc');
		const emoji = '😀'.repeat(50);
		const cut = truncateGiven(emoji);
		expect(Array.from(cut)).toHaveLength(GIVEN_MAX);
		expect(cut.startsWith('😀')).toBe(true);
		expect(truncateGiven('a\u0000b\nc')).toBe('a\uFFFDb\uFFFDc');
	});
});

describe('writeParams', () => {
	it('writes every value canonically and keeps unrelated params', () => {
		const base = new URLSearchParams('lang=zh&present=1&depth=3&backend=wasm');
		const values = { ...defaults(schema), alpha: 0.1 + 0.2, z: 0.30000000000000004, on: true };
		const out = writeParams(schema, values, base);
		expect(out.get('lang')).toBe('zh');
		expect(out.get('present')).toBe('1');
		expect(out.get('backend')).toBe('wasm');
		expect(out.getAll('depth')).toEqual(['10']);
		expect(out.get('alpha')).toBe('0.3');
		expect(out.get('z')).toBe('0.3');
		expect(out.get('on')).toBe('1');
		expect(out.get('seed')).toBe('1');
		expect(out.toString()).not.toMatch(/0000000/);
		expect(base.get('depth')).toBe('3');
	});

	it('writes integers without decimals and clamps invalid values', () => {
		const out = writeParams(schema, { ...defaults(schema), depth: 99.2, seed: 2_147_483_647 });
		expect(out.get('depth')).toBe('20');
		expect(out.get('seed')).toBe('2147483647');
	});
});

describe('round trip', () => {
	function rng(seed: number) {
		let s = seed >>> 0;
		return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
	}

	it('parse(write(v)) equals v for canonical values of the L02 schema and the test schema', () => {
		const rand = rng(7);
		for (const sch of [schema, l02] as const) {
			for (let trial = 0; trial < 300; trial++) {
				const raw: Record<string, unknown> = {};
				for (const [key, spec] of Object.entries(sch)) {
					if (spec.kind === 'number') raw[key] = spec.min + rand() * (spec.max - spec.min);
					else if (spec.kind === 'enum') raw[key] = spec.options[Math.floor(rand() * spec.options.length)];
					else raw[key] = rand() < 0.5;
				}
				const canonical: Record<string, unknown> = {};
				for (const [key, spec] of Object.entries(sch)) canonical[key] = coerceValue(spec, raw[key]).value;
				const written = writeParams(sch, canonical as never);
				const back = parseParams(sch, new URLSearchParams(written.toString()));
				expect(back.corrections).toEqual([]);
				expect(back.values).toEqual(canonical);
			}
		}
	});

	it('parsing is idempotent through a write, even from garbage', () => {
		const first = parse('depth=abc&alpha=9&z=0.123456&free=1e-9&act=x&on=maybe&seed=-1');
		const again = parseParams(schema, writeParams(schema, first.values));
		expect(again).toEqual({ values: first.values, corrections: [] });
	});
});

describe('parseShellParams', () => {
	it('reads valid shell params and marks them as given', () => {
		const r = parseShellParams(new URLSearchParams('lang=zh-CN&present=yes&backend=webgpu&contrast=0'));
		expect(r.values).toEqual({ lang: 'zh', present: true, backend: 'webgpu', contrast: false });
		expect(r.given).toEqual({ lang: true, present: true, backend: true, contrast: true });
		expect(r.corrections).toEqual([]);
	});

	it('reports bad values and falls back to the caller’s values', () => {
		const r = parseShellParams(new URLSearchParams('lang=fr&present=maybe&backend=cuda'), {
			lang: 'zh',
			present: true
		});
		expect(r.values).toEqual({ lang: 'zh', present: true, backend: 'auto', contrast: false });
		expect(r.given).toEqual({ lang: false, present: false, backend: false, contrast: false });
		expect(r.corrections).toEqual([
			{ param: 'lang', given: 'fr', used: 'zh', reason: 'unknown-option' },
			{ param: 'present', given: 'maybe', used: '1', reason: 'not-a-boolean' },
			{ param: 'backend', given: 'cuda', used: 'auto', reason: 'unknown-option' }
		]);
	});

	it('ignores lesson params', () => {
		expect(parseShellParams(new URLSearchParams('depth=abc')).corrections).toEqual([]);
	});
});

describe('UrlParams (the reactive wrapper)', () => {
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});

	function setup(start = 'https://x.test/lessons/a?lang=zh&depth=abc#depth') {
		let current = new URL(start);
		const replace = vi.fn((url: URL) => {
			current = new URL(url);
		});
		const p = new UrlParams(schema, { replace, current: () => current });
		p.init(new URL(start));
		return { p, replace, now: () => current, go: (u: string) => (current = new URL(u)) };
	}

	it('reads values and corrections from the URL', () => {
		const { p } = setup();
		expect(p.values.depth).toBe(10);
		expect(p.corrections).toEqual([{ param: 'depth', given: 'abc', used: '10', reason: 'not-a-number' }]);
		p.clearCorrections();
		expect(p.corrections).toEqual([]);
	});

	it('validates set() like a URL value and reports what changed', () => {
		const { p } = setup();
		expect(p.set('depth', 7)).toBeNull();
		expect(p.values.depth).toBe(7);
		expect(p.set('depth', 70)).toEqual({ param: 'depth', given: '70', used: '20', reason: 'out-of-range' });
		expect(p.values.depth).toBe(20);
		expect(p.set('alpha', 0.1 + 0.2)).toBeNull();
		expect(p.values.alpha).toBe(0.3);
		expect(p.set('act', 'nope')?.reason).toBe('unknown-option');
		expect(p.set('on', 'yes')).toBeNull();
		expect(p.values.on).toBe(true);
		expect(p.set('depth', Number.NaN)?.reason).toBe('not-a-number');
	});

	it('resets to defaults, keeping the seed unless asked not to', () => {
		const { p } = setup('https://x.test/a?seed=99&depth=3');
		p.reset();
		expect(p.values).toEqual({ ...defaults(schema), seed: 99 });
		p.reset({ keepSeed: false });
		expect(p.values.seed).toBe(1);
	});

	it('gives a shareable href keeping other params and the hash', () => {
		const { p } = setup();
		p.set('depth', 4);
		const href = p.href();
		expect(href.startsWith('/lessons/a?lang=zh&depth=4&')).toBe(true);
		expect(href.endsWith('#depth')).toBe(true);
		expect(parseParams(schema, new URL(href, 'https://x.test').searchParams).values.depth).toBe(4);
	});

	it('works without window (prerender): defaults, a relative href, no sync', () => {
		const p = new UrlParams(schema, { replace: () => { throw new Error('must not be called'); } });
		expect(p.values).toEqual(defaults(schema));
		expect(p.href().startsWith('?depth=10&')).toBe(true);
		const stop = p.startSync();
		p.set('depth', 3);
		stop();
	});

	it('syncs the URL throttled, retries when the router is not ready, stops on cleanup', () => {
		vi.useFakeTimers();
		vi.stubGlobal('window', {});
		const { p, replace, now, go } = setup();
		let ready = false;
		replace.mockImplementation((url: URL) => {
			if (!ready) throw new Error('Cannot call replaceState(...) before router is initialized');
			go(url.href);
		});
		const stop = p.startSync();
		p.set('depth', 5);
		vi.advanceTimersByTime(0);
		expect(replace).toHaveBeenCalledTimes(1);
		ready = true;
		vi.advanceTimersByTime(URL_SYNC_MS);
		expect(replace).toHaveBeenCalledTimes(2);
		expect(now().searchParams.get('depth')).toBe('5');
		expect(now().searchParams.get('lang')).toBe('zh');
		expect(now().hash).toBe('#depth');
		for (let i = 6; i <= 15; i++) p.set('depth', i);
		vi.advanceTimersByTime(URL_SYNC_MS - 1);
		const before = replace.mock.calls.length;
		vi.advanceTimersByTime(URL_SYNC_MS * 3);
		expect(replace.mock.calls.length - before).toBeLessThanOrEqual(1);
		expect(now().searchParams.get('depth')).toBe('15');
		go('https://x.test/elsewhere?q=1');
		p.set('depth', 3);
		vi.advanceTimersByTime(URL_SYNC_MS * 2);
		expect(now().href).toBe('https://x.test/elsewhere?q=1');
		go('https://x.test/lessons/a?depth=15');
		stop();
		p.set('depth', 2);
		vi.advanceTimersByTime(URL_SYNC_MS * 2);
		expect(now().searchParams.get('depth')).toBe('15');
	});
});
