import { describe, expect, it } from 'vitest';
import { coerceValue } from '$lib/app/urlState';
import { LESSONS } from '$lessons/catalog';
import { schema } from '$lessons/cnn/meta';
import { PRESETS } from '$lessons/cnn/presets';
import { SELF_CHECK_IDS } from '$lessons/cnn/text/types';

describe('L10 self-check presets', () => {
	it('exist for every question, only use valid values of the schema, and point at a section', () => {
		expect(Object.keys(PRESETS).sort()).toEqual([...SELF_CHECK_IDS].sort());
		const sections = LESSONS.find((l) => l.id === 'L10')?.sections.map((s) => s.id) ?? [];
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

	it('set the one structure setting each question is about, the rest at the defaults', () => {
		expect(PRESETS.poolSize.values.poolSize).toBe('3');
		expect(PRESETS.kernel.values.kernel).toBe('3');
		expect(PRESETS.filters1.values.filters1).toBe(16);
		expect(PRESETS.avgPool.values.pool).toBe('avg');
		expect(PRESETS.poolParams.values).toMatchObject({ pool: 'max', poolSize: '2', kernel: '5', filters1: 8, filters2: 16 });
	});
});
