import { describe, expect, it } from 'vitest';
import { archTable, blockScale, blockSize, layoutArchitecture, shapeText, volume, type ArchLayer } from '$lib/charts/core/archModel';

const LAYERS: ArchLayer[] = [
	{ id: 'input', shape: [28, 28, 1], params: 0 },
	{ id: 'conv1', shape: [28, 28, 8], params: 208, weightShape: [5, 5, 1, 8] },
	{ id: 'pool1', shape: [14, 14, 8], params: 0 },
	{ id: 'conv2', shape: [14, 14, 16], params: 3216, weightShape: [5, 5, 8, 16] },
	{ id: 'pool2', shape: [7, 7, 16], params: 0 },
	{ id: 'flatten', shape: [784], params: 0 },
	{ id: 'dense', shape: [10], params: 7850, weightShape: [784, 10] }
];

describe('architecture model', () => {
	it('writes shapes and counts values', () => {
		expect(shapeText([28, 28, 8])).toBe('28×28×8');
		expect(shapeText([10])).toBe('10');
		expect(volume([7, 7, 16])).toBe(784);
		expect(volume([])).toBe(1);
	});

	it('sizes blocks by spatial side and channels; vectors as thin bars; larger tensors get larger blocks', () => {
		const s = blockScale(LAYERS);
		expect(s).toEqual({ spatial: 28, channels: 16, vector: 784 });
		const size = (i: number) => blockSize(LAYERS[i].shape, s);
		expect(size(1).h).toBeCloseTo(8);
		expect(size(3).w).toBeCloseTo(3.6);
		expect(size(2).h).toBeLessThan(size(1).h);
		expect(size(4).h).toBeLessThan(size(2).h);
		expect(size(1).w).toBeGreaterThan(size(0).w);
		expect(size(5).w).toBe(0.6);
		expect(size(6).h).toBeLessThan(size(5).h);
		const area = (i: number) => size(i).w * size(i).h;
		expect(area(1)).toBeGreaterThan(area(2));
		expect(area(2)).toBeGreaterThan(area(4));
		for (let i = 0; i < LAYERS.length; i++) {
			expect(size(i).w).toBeGreaterThanOrEqual(0.6);
			expect(size(i).h).toBeGreaterThanOrEqual(1.2);
		}
	});

	it('lays blocks out left to right and wraps to a new row when the width runs out', () => {
		const cols = [
			{ w: 10, h: 40, labelW: 30 },
			{ w: 20, h: 20, labelW: 10 },
			{ w: 10, h: 10, labelW: 30 }
		];
		const wide = layoutArchitecture(cols, 1000, 5, 12, 8);
		expect(wide.rows).toBe(1);
		expect(wide.boxes.map((b) => b.colX)).toEqual([0, 35, 60]);
		expect(wide.boxes[1].y).toBe(10);
		expect(wide.boxes[0].x).toBe(10);
		expect(wide.boxes.every((b) => b.labelY === 40)).toBe(true);
		expect(wide.height).toBe(52);
		const narrow = layoutArchitecture(cols, 60, 5, 12, 8);
		expect(narrow.rows).toBe(2);
		expect(narrow.boxes.map((b) => b.row)).toEqual([0, 0, 1]);
		expect(narrow.boxes[2].colX).toBe(0);
		expect(narrow.boxes[2].y).toBe(40 + 12 + 8);
		expect(narrow.height).toBe(52 + 8 + 10 + 12);
		// A column wider than the whole width still gets a row of its own.
		expect(layoutArchitecture([{ w: 500, h: 5, labelW: 0 }], 100, 5, 0, 0).rows).toBe(1);
	});

	it('tabulates one row per layer with shape, parameters and weight shape', () => {
		const t = archTable(LAYERS, ['In', 'Conv 1'], ['layer', 'shape', 'params', 'weights']);
		expect(t.columns).toEqual(['layer', 'shape', 'params', 'weights']);
		expect(t.rows.length).toBe(7);
		expect(t.rows[0]).toEqual(['In', '28×28×1', 0, '']);
		expect(t.rows[1]).toEqual(['Conv 1', '28×28×8', 208, '5×5×1×8']);
		expect(t.rows[6]).toEqual(['dense', '10', 7850, '784×10']);
	});
});
