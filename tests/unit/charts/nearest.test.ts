import { describe, expect, it } from 'vitest';
import { isSortedAscending, nearestIndex, stepCursor } from '$lib/charts/core/nearest';

describe('nearest x lookup', () => {
	it('detects ascending data, ignoring non-finite values', () => {
		expect(isSortedAscending([0, 1, 1, 2])).toBe(true);
		expect(isSortedAscending([0, NaN, 2])).toBe(true);
		expect(isSortedAscending([0, 2, 1])).toBe(false);
	});

	it('finds the nearest point by bisection on sorted data', () => {
		const x = Float32Array.from({ length: 10_000 }, (_, i) => i * 0.5);
		expect(nearestIndex(x, 100.2, true)).toBe(200);
		expect(nearestIndex(x, 100.3, true)).toBe(201);
		expect(nearestIndex(x, -5, true)).toBe(0);
		expect(nearestIndex(x, 1e9, true)).toBe(9999);
	});

	it('agrees with a linear scan on unsorted data and breaks ties to the earlier index', () => {
		const x = [5, 1, 9, 3];
		expect(nearestIndex(x, 2.9, false)).toBe(3);
		expect(nearestIndex([0, 2], 1, true)).toBe(0);
		expect(nearestIndex([0, 2], 1, false)).toBe(0);
	});

	it('skips non-finite x and returns -1 when nothing fits', () => {
		expect(nearestIndex([0, NaN, 4], 1.5, true)).toBe(0);
		expect(nearestIndex([], 1, true)).toBe(-1);
		expect(nearestIndex([1, 2], NaN, true)).toBe(-1);
	});
});

describe('keyboard cursor stepping', () => {
	it('moves by one, by ten with Shift, jumps with Home/End and clears with Escape', () => {
		expect(stepCursor('ArrowRight', null, 5)).toBe(0);
		expect(stepCursor('ArrowLeft', null, 5)).toBe(4);
		expect(stepCursor('ArrowRight', 4, 5)).toBe(4);
		expect(stepCursor('ArrowLeft', 0, 5)).toBe(0);
		expect(stepCursor('ArrowRight', 2, 50, true)).toBe(12);
		expect(stepCursor('End', 2, 50)).toBe(49);
		expect(stepCursor('Home', 2, 50)).toBe(0);
		expect(stepCursor('Escape', 2, 50)).toBeNull();
		expect(stepCursor('a', 2, 50)).toBeUndefined();
		expect(stepCursor('ArrowRight', null, 0)).toBeUndefined();
		expect(stepCursor('ArrowDown', 1, 3, false, 'ArrowDown', 'ArrowUp')).toBe(2);
	});
});
