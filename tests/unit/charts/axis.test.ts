import { describe, expect, it } from 'vitest';
import { axisPoint, tickGeometry } from '$lib/charts/core/axis';

describe('axis geometry', () => {
	it('points ticks and labels away from the plot on every side', () => {
		expect(tickGeometry('bottom', 5, 3)).toEqual({ x2: 0, y2: 5, textX: 0, textY: 8, dy: '0.71em', anchor: 'middle' });
		expect(tickGeometry('left', 5, 3)).toEqual({ x2: -5, y2: 0, textX: -8, textY: 0, dy: '0.32em', anchor: 'end' });
		expect(tickGeometry('right', 4, 2)).toEqual({ x2: 4, y2: 0, textX: 6, textY: 0, dy: '0.32em', anchor: 'start' });
	});

	it('maps (along, across) to (x, y): along is x on a bottom axis, y on a vertical one', () => {
		expect(axisPoint('bottom', 30, 200)).toEqual([30, 200]);
		expect(axisPoint('left', 30, 40)).toEqual([40, 30]);
		expect(axisPoint('right', 30, 40)).toEqual([40, 30]);
	});
});
