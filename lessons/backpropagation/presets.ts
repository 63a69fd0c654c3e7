import type { ParamValues } from '$lib/app/params';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'playground' | 'step';

/** The controls each self-check question asks the learner to set, and where to look. */
export const PRESETS: Record<SelfCheckId, { values: Partial<ParamValues<typeof schema>>; target: PresetTarget }> = {
	xorNoHidden: { values: { data: 'xor', noise: 0.05, layers: 0, lr: 1, batch: 200 }, target: 'playground' },
	xorHidden: { values: { data: 'xor', noise: 0.05, layers: 1, h1: 4, act: 'tanh', lr: 1, batch: 200 }, target: 'playground' },
	reluDelta: { values: { data: 'circle', layers: 1, h1: 8, act: 'relu', lr: 0.3 }, target: 'step' },
	updateLowersLoss: { values: { data: 'moons', layers: 1, h1: 4, act: 'tanh', lr: 0.1 }, target: 'step' },
	batchNoise: { values: { data: 'circle', layers: 1, h1: 4, act: 'tanh', lr: 0.3, batch: 1 }, target: 'playground' }
};
