import { describe, expect, it } from 'vitest';
import { coerceValue } from '$lib/app/urlState';
import { LESSONS } from '$lessons/catalog';
import { schema } from '$lessons/metrics/meta';
import { PRESETS } from '$lessons/metrics/presets';
import { SELF_CHECK_IDS } from '$lessons/metrics/text/types';

describe('L04 self-check presets', () => {
	it('exist for every question, only use valid values of the schema, and point at a section', () => {
		expect(Object.keys(PRESETS).sort()).toEqual([...SELF_CHECK_IDS].sort());
		const sections = LESSONS.find((l) => l.id === 'L04')?.sections.map((s) => s.id) ?? [];
		for (const preset of Object.values(PRESETS)) {
			expect(sections).toContain(preset.target);
			expect(Object.keys(preset.values).length).toBeGreaterThan(0);
			for (const [key, value] of Object.entries(preset.values)) {
				const spec = schema[key as keyof typeof schema];
				expect(spec, key).toBeDefined();
				const { value: used, reason } = coerceValue(spec, value);
				expect(reason, `${key}=${value}`).toBeFalsy();
				expect(used).toBe(value);
			}
		}
	});
});
