import { describe, expect, it } from 'vitest';
import { charts } from '$lib/app/i18n/messages/charts';
import { tables } from '$lib/app/i18n/messages';

describe('chart strings', () => {
	it('prefixes every key with chart. and fills both languages', () => {
		for (const [k, v] of Object.entries(charts.en)) {
			expect(k.startsWith('chart.')).toBe(true);
			expect(v.length).toBeGreaterThan(0);
			expect((charts.zh as Record<string, string>)[k]?.length).toBeGreaterThan(0);
		}
	});

	it('keeps the same placeholders in both languages', () => {
		const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const [k, v] of Object.entries(charts.en))
			expect(vars((charts.zh as Record<string, string>)[k])).toEqual(vars(v));
	});

	it('names the export buttons the way e2e tests look for them', () => {
		expect(tables.en['chart.export.svg']).toBe('Download SVG');
		expect(tables.en['chart.export.png'].replace('{scale}', '2')).toBe('Download PNG 2×');
		expect(tables.en['chart.export.csv']).toBe('Download CSV');
		expect(tables.zh['chart.export.svg']).toBe('下载 SVG');
	});
});
