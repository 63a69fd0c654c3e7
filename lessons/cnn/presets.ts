import type { ParamValues } from '$lib/app/params';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'building-blocks' | 'pooling';

/** The default network's structure, restored by presets that change one setting. */
const BASE = { filters1: 8, filters2: 16, kernel: '5', pool: 'max', poolSize: '2' } as const;

/** The controls each self-check question asks the learner to set, and where to look. */
export const PRESETS: Record<SelfCheckId, { values: Partial<ParamValues<typeof schema>>; target: PresetTarget }> = {
	poolParams: { values: { ...BASE }, target: 'building-blocks' },
	poolSize: { values: { ...BASE, poolSize: '3' }, target: 'building-blocks' },
	kernel: { values: { ...BASE, kernel: '3' }, target: 'building-blocks' },
	filters1: { values: { ...BASE, filters1: 16 }, target: 'building-blocks' },
	avgPool: { values: { ...BASE, pool: 'avg', layer: 'pool1' }, target: 'pooling' }
};
