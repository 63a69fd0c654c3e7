import { describe, expect, it } from 'vitest';
import { clampTo, nearestPoint, nudge, plotMapping } from '$lib/charts/core/scatterMap';

const box = { l: 10, r: 110, t: 20, b: 220 };

describe('scatter plot coordinates', () => {
	const map = plotMapping(box, [0, 1], [-1, 1]);

	it('maps the domain onto the box with y growing upwards', () => {
		expect(map.sx(0)).toBe(10);
		expect(map.sx(1)).toBe(110);
		expect(map.sy(-1)).toBe(220);
		expect(map.sy(1)).toBe(20);
		expect(map.sy(0)).toBe(120);
	});

	it('inverts pixels to data and back', () => {
		const [x, y] = map.toData(60, 70);
		expect(x).toBeCloseTo(0.5);
		expect(y).toBeCloseTo(0.5);
		expect(map.sx(x)).toBeCloseTo(60);
		expect(map.sy(y)).toBeCloseTo(70);
	});

	it('clamps pixels outside the box onto its edges, but invert does not', () => {
		expect(map.toData(-500, -500)).toEqual([0, 1]);
		expect(map.toData(1000, 1000)).toEqual([1, -1]);
		expect(map.invert(210, 220)).toEqual([2, -1]);
		expect(map.clamp(2, -3)).toEqual([1, -1]);
	});

	it('clamps into a domain given in either order and keeps NaN', () => {
		expect(clampTo(5, [1, 3])).toBe(3);
		expect(clampTo(-5, [3, 1])).toBe(1);
		expect(clampTo(2, [3, 1])).toBe(2);
		expect(clampTo(NaN, [0, 1])).toBeNaN();
	});
});

describe('scatter hit test', () => {
	const id = (v: number) => v;
	const x = [0, 10, 10.5, 50, NaN];
	const y = [0, 0, 0, 50, 1];

	it('finds the nearest point within the radius', () => {
		expect(nearestPoint(x, y, id, id, 9, 1, 5)).toBe(1);
		expect(nearestPoint(x, y, id, id, 10.4, 0, 5)).toBe(2);
		expect(nearestPoint(x, y, id, id, 47, 46, 5)).toBe(3);
	});

	it('returns -1 when no point is within the radius, including on an empty plot', () => {
		expect(nearestPoint(x, y, id, id, 30, 30, 5)).toBe(-1);
		expect(nearestPoint([], [], id, id, 0, 0, 5)).toBe(-1);
	});

	it('counts a point exactly on the radius, breaks ties to the earlier index, never hits NaN', () => {
		expect(nearestPoint(x, y, id, id, 3, 4, 5)).toBe(0);
		expect(nearestPoint([1, 1], [1, 1], id, id, 1, 1, 1)).toBe(0);
		expect(nearestPoint([NaN], [1], id, id, 0, 1, 1e9)).toBe(-1);
	});

	it('measures distance in pixels through the scales', () => {
		const map = plotMapping(box, [0, 1], [0, 1]);
		expect(nearestPoint([0.5], [0.5], map.sx, map.sy, 60 + 9, 120, 10)).toBe(0);
		expect(nearestPoint([0.5], [0.5], map.sx, map.sy, 60 + 11, 120, 10)).toBe(-1);
	});
});

describe('keyboard nudges', () => {
	it('moves by 1% of each domain (10% with Shift), up = larger y, clamped', () => {
		expect(nudge('ArrowRight', false, 0, 0, [-1, 1], [0, 10])).toEqual([0.02, 0]);
		expect(nudge('ArrowUp', false, 0, 0, [-1, 1], [0, 10])).toEqual([0, 0.1]);
		expect(nudge('ArrowDown', true, 0, 5, [-1, 1], [0, 10])).toEqual([0, 4]);
		expect(nudge('ArrowLeft', true, -0.9, 0, [-1, 1], [0, 10])).toEqual([-1, 0]);
		expect(nudge('a', false, 0, 0, [0, 1], [0, 1])).toBeUndefined();
	});
});
