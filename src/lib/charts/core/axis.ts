/** Geometry of an axis drawn on one side of a plot; ticks and labels point away from the plot. */

/** The side of the plot an axis sits on. */
export type AxisSide = 'bottom' | 'left' | 'right';

/** Where one tick's mark and label go, relative to the tick's point on the axis line (px). */
export interface TickGeometry {
	/** The mark runs from (0, 0) to (x2, y2). */
	x2: number;
	y2: number;
	/** The label's anchor point. */
	textX: number;
	textY: number;
	/** The label's baseline shift (centres it on the mark, or hangs it below). */
	dy: string;
	anchor: 'start' | 'middle' | 'end';
}

const OUTWARD: Record<AxisSide, [number, number]> = { bottom: [0, 1], left: [-1, 0], right: [1, 0] };
const ANCHOR: Record<AxisSide, TickGeometry['anchor']> = { bottom: 'middle', left: 'end', right: 'start' };

/** Tick geometry on `side`: marks `size` px long, labels `size + pad` px from the axis line. */
export function tickGeometry(side: AxisSide, size: number, pad: number): TickGeometry {
	const [ux, uy] = OUTWARD[side];
	return {
		x2: ux * size,
		y2: uy * size,
		textX: ux * (size + pad),
		textY: uy * (size + pad),
		dy: side === 'bottom' ? '0.71em' : '0.32em',
		anchor: ANCHOR[side]
	};
}

/**
 * The point `along` px along an axis on `side` whose line sits at `across` px (its y for a bottom
 * axis, its x for a left or right one), as [x, y] in px.
 */
export function axisPoint(side: AxisSide, along: number, across: number): [number, number] {
	return side === 'bottom' ? [along, across] : [across, along];
}
