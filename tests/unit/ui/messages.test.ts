import { describe, expect, it } from 'vitest';
import { format } from '$lib/app/i18n/define';
import { tables } from '$lib/app/i18n/messages';
import { ui } from '$lib/app/i18n/messages/ui';

describe('ui messages', () => {
	const keys = Object.keys(ui.en);

	it('prefixes every key with ui. and translates every key', () => {
		for (const k of keys) {
			expect(k.startsWith('ui.')).toBe(true);
			expect(ui.zh[k as keyof typeof ui.zh].trim()).not.toBe('');
			expect(ui.zh[k as keyof typeof ui.zh]).not.toBe(ui.en[k as keyof typeof ui.en]);
		}
		expect(Object.keys(ui.zh).sort()).toEqual([...keys].sort());
	});

	it('uses the same placeholders in both languages', () => {
		const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const k of keys) {
			const key = k as keyof typeof ui.en;
			expect(holes(ui.zh[key])).toEqual(holes(ui.en[key]));
		}
	});

	it('is merged into the app tables and formats the clamping message', () => {
		expect(format(tables.en['ui.number.aboveMax'], { given: '10', max: '5' })).toBe(
			'10 is above the maximum 5; using 5.'
		);
		expect(tables.zh['ui.play.play']).toBe(ui.zh['ui.play.play']);
	});
});
