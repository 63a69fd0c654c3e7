import type { ParamValues } from '$lib/app/params';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'outliers' | 'saturation' | 'classification';

/** A self-check question's set-up: control values, whether to clear hand edits, and where to look. */
export interface Preset {
	values: Partial<ParamValues<typeof schema>>;
	/** Start from the seeded points only (drop points added or moved by hand). */
	cleanPoints?: boolean;
	target: PresetTarget;
}

/** The controls each self-check question asks the learner to set, and where to look. */
export const PRESETS: Record<SelfCheckId, Preset> = {
	outliers: { values: { out: 3, delta: 1 }, cleanPoints: true, target: 'outliers' },
	bigDelta: { values: { out: 3, delta: 10 }, cleanPoints: true, target: 'outliers' },
	smallDelta: { values: { out: 3, delta: 0.1 }, cleanPoints: true, target: 'outliers' },
	saturation: { values: { z: -8 }, target: 'saturation' },
	uniform: { values: { k: 10 }, target: 'classification' },
	focal: { values: { gamma: 2 }, target: 'classification' }
};
