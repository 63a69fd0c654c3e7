/**
 * Data of the output-size explorer: the output size of each padding mode as one setting (input size,
 * kernel size, stride or dilation) runs over its range while the others stay as they are.
 */
import { convOutputShape, PADDING_MODES, type ConvGeometry, type PaddingMode } from '$lib/ml/functions/convShape';
import type { EXPLORER_AXES } from './meta';

/** One explorer axis. */
export type ExplorerAxis = (typeof EXPLORER_AXES)[number];

/** The x values of each axis (input sizes start at 1 to show where 'valid' has no output). */
export const AXIS_RANGE: Record<ExplorerAxis, [number, number]> = {
	input: [1, 28],
	kernel: [1, 7],
	stride: [1, 4],
	dilation: [1, 3]
};

/** The current setting the explorer starts from. */
export interface ExplorerSetting {
	w: number;
	g: ConvGeometry;
}

/** x values, the output size per padding mode at each x (0 = no output), and the current x. */
export function explorerData(axis: ExplorerAxis, s: ExplorerSetting): { x: number[]; y: Record<PaddingMode, number[]>; at: number } {
	const [lo, hi] = AXIS_RANGE[axis];
	const x = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
	const y = {} as Record<PaddingMode, number[]>;
	for (const padding of PADDING_MODES) {
		y[padding] = x.map((v) => {
			const g: ConvGeometry = { ...s.g, padding };
			let w = s.w;
			if (axis === 'input') w = v;
			else if (axis === 'kernel') g.kernel = v;
			else if (axis === 'stride') g.stride = v;
			else g.dilation = v;
			return convOutputShape(w, w, g)[0];
		});
	}
	const at = axis === 'input' ? s.w : axis === 'kernel' ? s.g.kernel : axis === 'stride' ? s.g.stride : s.g.dilation;
	return { x, y, at };
}
