import type { ParamValues } from '$lib/app/params';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'confusion' | 'roc' | 'pr' | 'cross-validation';

/** The controls each self-check question asks the learner to set, and where to look. */
export const PRESETS: Record<SelfCheckId, { values: Partial<ParamValues<typeof schema>>; target: PresetTarget }> = {
	majority: { values: { pos: 5, majority: true }, target: 'confusion' },
	thresholdZero: { values: { pos: 20, t: 0, majority: false }, target: 'confusion' },
	thresholdUp: { values: { t: 0.8, majority: false }, target: 'roc' },
	aucVsAp: { values: { pos: 1, majority: false }, target: 'pr' },
	stratified: { values: { pos: 1, k: 10, strat: false, cvm: 'recall', majority: false }, target: 'cross-validation' }
};
