import type { ParamValues } from '$lib/app/params';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'depth' | 'softmax';

/** The controls each self-check question asks the learner to set, and where to look. */
export const PRESETS: Record<SelfCheckId, { values: Partial<ParamValues<typeof schema>>; target: PresetTarget }> = {
	sigmoidDepth: { values: { act: 'sigmoid', init: 'xavier', depth: 15 }, target: 'depth' },
	reluHe: { values: { act: 'relu', init: 'he', depth: 15 }, target: 'depth' },
	normalInit: { values: { act: 'relu', init: 'normal', depth: 15, lr: 0.1 }, target: 'depth' },
	smallInit: { values: { act: 'relu', init: 'small', depth: 10 }, target: 'depth' },
	highLr: { values: { act: 'relu', init: 'he', depth: 10, lr: 3 }, target: 'depth' },
	temperature: { values: { z1: 2, z2: 1, z3: 0.5, z4: -1, z5: -2, temp: 0.1 }, target: 'softmax' },
	overflow: { values: { z1: 1000, temp: 1 }, target: 'softmax' }
};
