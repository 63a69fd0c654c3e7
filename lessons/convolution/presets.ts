import type { ParamValues } from '$lib/app/params';
import type { KernelPresetName } from '$lib/ml/functions/kernels';
import type { schema } from './meta';
import type { SelfCheckId } from './text/types';

/** Where a preset's effect shows: the section to scroll to after applying it. */
export type PresetTarget = 'convolution' | 'output-size' | 'channels' | 'pooling';

/** What a self-check question sets: controls, optionally a kernel preset (at the preset's or current K), and where to look. */
export interface CheckPreset {
	values: Partial<ParamValues<typeof schema>>;
	kernel?: KernelPresetName;
	target: PresetTarget;
}

/** The controls each self-check question asks the learner to set. */
export const PRESETS: Record<SelfCheckId, CheckPreset> = {
	sobelSquare: { values: { src: 'shape', size: 28, k: 3, stride: 1, pad: 'same', dil: 1 }, kernel: 'sobelX', target: 'convolution' },
	stride2: { values: { size: 28, k: 3, stride: 2, pad: 'valid', dil: 1 }, target: 'convolution' },
	dilation: { values: { size: 28, k: 3, stride: 1, pad: 'valid', dil: 2 }, target: 'output-size' },
	sameStride: { values: { size: 28, k: 3, stride: 2, pad: 'same', dil: 1 }, target: 'output-size' },
	params: { values: { k: 3, cin: 3, cout: 8 }, target: 'channels' },
	maxPool: { values: { k: 3, stride: 1, pad: 'valid', dil: 1, pool: 'max', psize: 2, pstride: 2 }, kernel: 'edge', target: 'pooling' }
};
