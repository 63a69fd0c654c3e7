import { describe, expect, it } from 'vitest';
import { namespaces, tables } from '$lib/app/i18n/messages';
import { format } from '$lib/app/i18n/define';
import { I18n } from '$lib/app/i18n/i18n.svelte';

/**
 * Chinese strings that may legitimately contain no CJK character: language names shown in their own
 * language and brand, unit or code names. Strings without any letter (symbols, numbers, placeholders
 * only) are allowed anyway.
 */
const NO_CJK_ALLOWED = new Set(['lang.en']);
/** Words that stay untranslated in Chinese UI text (brands, file formats, axis and unit symbols). */
const UNTRANSLATED_WORDS = new Set([
	'WebGPU', 'WebGL', 'WASM', 'CPU', 'GPU', 'SVG', 'PNG', 'CSV', 'JSON', 'URL', 'x', 'y', 'z', 'ms', 'MB', 'KaTeX', 'tfjs'
]);
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** True when, once `{placeholders}` are removed, every word is an untranslated symbol or brand (or none is left). */
function symbolsOnly(s: string): boolean {
	const words = s.replace(/\{\w+\}/g, '').match(/\p{L}+/gu) ?? [];
	return words.every((w) => UNTRANSLATED_WORDS.has(w));
}

function placeholders(s: string): string[] {
	return [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

const entries = Object.entries(namespaces) as [string, { en: Record<string, string>; zh: Record<string, string> }][];

describe('message tables', () => {
	it('has at least the shell and app namespaces', () => {
		expect(Object.keys(namespaces)).toEqual(expect.arrayContaining(['shell', 'app']));
	});

	for (const [name, ns] of entries) {
		describe(`namespace ${name}`, () => {
			it('has the same keys in en and zh', () => {
				expect(Object.keys(ns.zh).sort()).toEqual(Object.keys(ns.en).sort());
			});

			it('has no empty or blank strings', () => {
				for (const locale of ['en', 'zh'] as const) {
					for (const [key, value] of Object.entries(ns[locale])) {
						expect(value.trim(), `${locale} ${key}`).not.toBe('');
					}
				}
			});

			it('has Chinese text in every zh string (except allowed symbol/brand strings)', () => {
				const missing = Object.entries(ns.zh)
					.filter(([key, value]) => !NO_CJK_ALLOWED.has(key) && !symbolsOnly(value) && !CJK.test(value))
					.map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
				expect(missing).toEqual([]);
			});

			it('uses the same {placeholders} in both languages', () => {
				for (const [key, en] of Object.entries(ns.en)) {
					expect(placeholders(ns.zh[key]), key).toEqual(placeholders(en));
				}
			});
		});
	}

	it('never defines a key in two namespaces', () => {
		const owner = new Map<string, string>();
		const clashes: string[] = [];
		for (const [name, ns] of entries) {
			for (const key of Object.keys(ns.en)) {
				const prev = owner.get(key);
				if (prev) clashes.push(`${key} in ${prev} and ${name}`);
				owner.set(key, name);
			}
		}
		expect(clashes).toEqual([]);
	});

	it('merges every namespace into the locale tables', () => {
		const total = entries.reduce((n, [, ns]) => n + Object.keys(ns.en).length, 0);
		expect(Object.keys(tables.en)).toHaveLength(total);
		expect(Object.keys(tables.zh)).toHaveLength(total);
	});

	it('keeps app-namespace keys under the app. prefix', () => {
		for (const key of Object.keys(namespaces.app.en)) expect(key.startsWith('app.')).toBe(true);
	});
});

describe('format and I18n.t', () => {
	it('fills placeholders once, never re-expanding user text', () => {
		expect(format('{a} and {b}', { a: '{b}', b: 'x' })).toBe('{b} and x');
	});

	it('translates with the current locale and switches', () => {
		const i18n = new I18n('en');
		expect(i18n.t('app.home.lessonNumber', { n: 3 })).toBe('Lesson 3');
		i18n.locale = 'zh';
		expect(i18n.t('app.home.lessonNumber', { n: 3 })).toBe('第 3 课');
		expect(i18n.pick({ en: 'a', zh: '乙' })).toBe('乙');
	});

	it('has a corrections sentence for every correction reason', () => {
		const reasons = ['out-of-range', 'not-a-number', 'not-an-integer', 'unknown-option', 'not-a-boolean', 'wrong-length', 'repeated'];
		for (const r of reasons) {
			const key = `app.url.reason.${r}` as keyof typeof tables.en;
			expect(tables.en[key]).toContain('{used}');
			expect(tables.zh[key]).toContain('{param}');
		}
	});
});
