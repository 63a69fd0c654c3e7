import { describe, expect, it } from 'vitest';
import { LayerHistory } from '$lib/runtime/layerHistory.svelte';
import { Series } from '$lib/runtime/series.svelte';

describe('Series', () => {
	it('grows past its capacity and keeps every point', () => {
		const s = new Series(4);
		for (let i = 0; i < 10; i++) s.push(i, i * i);
		expect(s.length).toBe(10);
		expect(Array.from(s.y)).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
		expect(s.last).toBe(81);
		s.clear();
		expect(s.length).toBe(0);
		expect(Number.isNaN(s.last)).toBe(true);
	});
});

describe('LayerHistory', () => {
	it('stores columns column-major with their steps', () => {
		const h = new LayerHistory(3, 8);
		h.push(0, [1, 2, 3]);
		h.push(5, [4, 5, 6]);
		expect(h.cols).toBe(2);
		expect(Array.from(h.values)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(h.colStart).toBe(0);
		expect(h.colStep).toBe(5);
	});

	it('halves its time resolution when full and never exceeds maxCols', () => {
		const h = new LayerHistory(2, 8);
		for (let step = 0; step < 100; step++) h.push(step, [step, -step]);
		expect(h.cols).toBeLessThanOrEqual(8);
		expect(h.cols).toBeGreaterThanOrEqual(4);
		const v = h.values;
		for (let c = 1; c < h.cols; c++) expect(v[c * 2]).toBeGreaterThan(v[(c - 1) * 2]);
		expect(v[1]).toBe(-v[0]);
		expect(h.colStart).toBe(0);
		expect(h.colStart + (h.cols - 1) * h.colStep).toBeGreaterThan(80);
	});
});
