import { describe, expect, it } from 'vitest';
import { coerceValue } from '$lib/app/urlState';
import { schema } from '$lessons/activation-functions/meta';
import { PRESETS } from '$lessons/activation-functions/presets';
import { SELF_CHECK_IDS } from '$lessons/activation-functions/text/types';

describe('L02 self-check presets', () => {
	it('exist for every question and only use valid values of the schema', () => {
		expect(Object.keys(PRESETS).sort()).toEqual([...SELF_CHECK_IDS].sort());
		for (const preset of Object.values(PRESETS)) {
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
