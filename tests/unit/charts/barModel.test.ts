import { describe, expect, it } from 'vitest';
import { barExtent, keyedValue, snapValue, stepDecimals } from '$lib/charts/core/barModel';

describe('editable bar values', () => {
	it('snaps to the step without float noise and clamps to the domain', () => {
		expect(snapValue(0.30000000000000004, 0.1, [-5, 5])).toBe(0.3);
		expect(snapValue(1.26, 0.25, [-5, 5])).toBe(1.25);
		expect(snapValue(99, 0.1, [-5, 5])).toBe(5);
		expect(snapValue(-99, 0.1, [5, -5])).toBe(-5);
		expect(stepDecimals(1e-7)).toBe(7);
		expect(stepDecimals(5)).toBe(0);
	});

	it('maps slider keys to new values', () => {
		const d: [number, number] = [-10, 10];
		expect(keyedValue('ArrowUp', 0.2, 0.1, d)).toBe(0.3);
		expect(keyedValue('ArrowDown', 0.2, 0.1, d)).toBe(0.1);
		expect(keyedValue('ArrowRight', 1, 0.5, d)).toBe(1.5);
		expect(keyedValue('PageUp', 0, 0.1, d)).toBe(1);
		expect(keyedValue('PageDown', -9.5, 0.1, d)).toBe(-10);
		expect(keyedValue('Home', 3, 0.1, d)).toBe(-10);
		expect(keyedValue('End', 3, 0.1, d)).toBe(10);
		expect(keyedValue('Tab', 3, 0.1, d)).toBeUndefined();
		expect(keyedValue('ArrowUp', NaN, 1, d)).toBe(1);
	});

	it('covers the data and the zero baseline', () => {
		expect(barExtent([{ name: 'a', values: [2, 3] }])).toEqual([0, 3]);
		expect(barExtent([{ name: 'a', values: [-2, NaN] }, { name: 'b', values: [1] }])).toEqual([-2, 1]);
		expect(barExtent([{ name: 'a', values: [0, 1e-3, 10] }], true)).toEqual([1e-3, 10]);
		expect(barExtent([{ name: 'a', values: [0] }], true)).toBeNull();
	});
});
