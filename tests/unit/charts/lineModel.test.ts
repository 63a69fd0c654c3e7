import { describe, expect, it } from 'vitest';
import {
	lineTable,
	sharedX,
	projectSeries,
	readingsAt,
	referenceSeries,
	seriesPath
} from '$lib/charts/core/lineModel';

const id = (v: number) => v;
const log10 = (v: number) => Math.log10(v);

describe('line series projection', () => {
	it('drops non-positive and non-finite values on a log y axis', () => {
		const { px, py } = projectSeries({ x: [0, 1, 2, 3, 4], y: [1, 0, -2, NaN, 100] }, id, log10, false, true);
		expect([...px]).toEqual([0, NaN, NaN, NaN, 4]);
		expect([...py]).toEqual([0, NaN, NaN, NaN, 2]);
	});

	it('drops non-positive x on a log x axis and keeps everything finite on linear axes', () => {
		const s = { x: [-1, 0, 10], y: [1, 2, 3] };
		expect([...projectSeries(s, log10, id, true, false).px]).toEqual([NaN, NaN, 1]);
		expect([...projectSeries(s, id, id).py]).toEqual([1, 2, 3]);
	});

	it('never produces NaN or Infinity inside path data', () => {
		const d = seriesPath({ x: [1, 2, 3, 4, 5], y: [1, 0, Infinity, 1e-300, 10] }, id, log10, false, true);
		expect(d).not.toMatch(/NaN|Infinity/);
		expect(d.startsWith('M1,0h0M4,-300')).toBe(true);
	});

	it('decimates a 10k-point series to a bounded path', () => {
		const n = 10_000;
		const x = Float64Array.from({ length: n }, (_, i) => i);
		const y = Float64Array.from(x, (v) => Math.sin(v));
		const d = seriesPath({ x, y }, (v) => v / 20, id);
		expect((d.match(/[ML]/g) ?? []).length).toBeLessThanOrEqual(4 * 500);
	});
});

describe('read-out and table', () => {
	const a = { name: 'train', x: [0, 1, 2, 3], y: [4, 3, 2, 1] };
	const b = { name: 'val', x: [0, 2], y: [5, 2.5] };

	it('reads every series at its nearest x', () => {
		expect(referenceSeries([b, a])).toBe(1);
		expect(referenceSeries([])).toBe(-1);
		const r = readingsAt([a, b], [true, true], 3);
		expect(r[0]).toEqual({ index: 3, x: 3, y: 1 });
		expect(r[1]).toEqual({ index: 1, x: 2, y: 2.5 });
		expect(readingsAt([{ x: [], y: [] }], [true], 1)[0].index).toBe(-1);
	});

	it('lists points in long form, limited for display with the full total', () => {
		const t = lineTable([a, b], ['series', 'x', 'y']);
		expect(t.columns).toEqual(['series', 'x', 'y']);
		expect(t.rows).toHaveLength(6);
		expect(t.rows[4]).toEqual(['val', 0, 5]);
		const short = lineTable([a, b], ['series', 'x', 'y'], 3);
		expect(short.rows).toHaveLength(3);
		expect(short.total).toBe(6);
	});

	it('lists series that share their x values in wide form', () => {
		const f = { name: 'f', x: [0, 1, 2], y: [0, 1, 4] };
		const g = { name: "f'", x: [0, 1, 2], y: [0, 2, 4] };
		expect(sharedX([f, g])).toBe(true);
		const t = lineTable([f, g], ['series', 'x', 'y']);
		expect(t.columns).toEqual(['x', 'f', "f'"]);
		expect(t.rows).toEqual([[0, 0, 0], [1, 1, 2], [2, 4, 4]]);
		expect(t.total).toBe(3);
		expect(lineTable([f, g], ['series', 'x', 'y'], 2).rows).toHaveLength(2);
		expect(sharedX([f, { ...g, x: [0, 1, 3] }])).toBe(false);
		expect(sharedX([f])).toBe(false);
	});
});
