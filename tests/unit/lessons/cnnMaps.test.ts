import { describe, expect, it } from 'vitest';
import type { ArchLayer } from '$lib/charts';
import { layerView, wrapVector } from '$lessons/cnn/layerView';
import { cellDigits, channelSlice, filterSlice, gatherImages, peakDomain, sampleByClass, singleInputBank } from '$lessons/cnn/maps';

/** An HWC map whose value encodes its position: 100 * row + 10 * col + channel. */
function coded(h: number, w: number, c: number): Float32Array {
	const out = new Float32Array(h * w * c);
	for (let r = 0; r < h; r++) for (let k = 0; k < w; k++) for (let ch = 0; ch < c; ch++) out[(r * w + k) * c + ch] = 100 * r + 10 * k + ch;
	return out;
}

describe('L10 array helpers', () => {
	it('slices one channel out of an HWC map', () => {
		const s = channelSlice({ shape: [2, 3, 4], data: coded(2, 3, 4) }, 2);
		expect(s?.shape).toEqual([2, 3, 1]);
		expect([...(s?.data ?? [])]).toEqual([2, 12, 22, 102, 112, 122]);
		expect(channelSlice({ shape: [2, 3, 4], data: coded(2, 3, 4) }, 4)).toBeNull();
		expect(channelSlice({ shape: [10], data: new Float32Array(10) }, 0)).toBeNull();
	});

	it("slices an output channel's [K, K, I] weights out of an HWIO bank", () => {
		// [2, 2, 3, 5]: value = 1000 * pixel + 10 * in + out.
		const data = new Float32Array(2 * 2 * 3 * 5);
		for (let p = 0; p < 4; p++) for (let i = 0; i < 3; i++) for (let o = 0; o < 5; o++) data[(p * 3 + i) * 5 + o] = 1000 * p + 10 * i + o;
		const s = filterSlice({ shape: [2, 2, 3, 5], data }, 4);
		expect(s?.shape).toEqual([2, 2, 3]);
		expect([...(s?.data ?? [])]).toEqual([4, 14, 24, 1004, 1014, 1024, 2004, 2014, 2024, 3004, 3014, 3024]);
		expect(filterSlice({ shape: [2, 2, 3, 5], data }, 5)).toBeNull();
		const one = singleInputBank({ shape: [5, 5, 1, 8], data: new Float32Array(200) });
		expect(one?.shape).toEqual([5, 5, 8]);
		expect(singleInputBank({ shape: [2, 2, 3, 5], data })).toBeNull();
	});

	it('finds the digits of a confusion cell and a per-class sample', () => {
		const labels = [4, 9, 4, 4, 1, 9];
		const predicted = [9, 9, 4, 9, 1, 4];
		expect(cellDigits(labels, predicted, 4, 9)).toEqual([0, 3]);
		expect(cellDigits(labels, predicted, 9, 4)).toEqual([5]);
		expect(cellDigits(labels, predicted, 2, 2)).toEqual([]);
		expect(sampleByClass([3, 1, 3, 3, 0, 1, 1], 2)).toEqual([4, 1, 5, 0, 2]);
	});

	it('gathers images and finds a common colour range', () => {
		const images = Uint8Array.from({ length: 3 * 4 }, (_, i) => i);
		expect([...gatherImages(images, [2, 0], 4)]).toEqual([8, 9, 10, 11, 0, 1, 2, 3]);
		expect(peakDomain({ shape: [1, 2, 1], data: new Float32Array([0.5, 2]) }, null)).toEqual([0, 2]);
		expect(peakDomain(null)).toEqual([0, 1e-6]);
	});
});

describe('L10 layer views', () => {
	const layers: ArchLayer[] = [
		{ id: 'input', shape: [28, 28, 1], params: 0 },
		{ id: 'conv1', shape: [28, 28, 2], params: 52 },
		{ id: 'relu1', shape: [28, 28, 2], params: 0 },
		{ id: 'pool2', shape: [3, 3, 2], params: 0 },
		{ id: 'flatten', shape: [18], params: 0 },
		{ id: 'dense', shape: [10], params: 190 },
		{ id: 'softmax', shape: [10], params: 0 }
	];
	const maps = [
		{ id: 'conv1', shape: [28, 28, 2], data: new Float32Array(1568) },
		{ id: 'relu1', shape: [28, 28, 2], data: new Float32Array(1568) },
		{ id: 'pool2', shape: [3, 3, 2], data: Float32Array.from({ length: 18 }, (_, i) => i) },
		{ id: 'dense', shape: [10], data: new Float32Array(10) },
		{ id: 'softmax', shape: [10], data: new Float32Array(10).fill(0.1) }
	];

	it('shows maps as they are, signed layers diverging, the rest sequential', () => {
		expect(layerView('conv1', layers, maps, null)).toMatchObject({ shape: [28, 28, 2], color: 'diverging' });
		expect(layerView('relu1', layers, maps, null)).toMatchObject({ shape: [28, 28, 2], color: 'sequential' });
		const img = new Float32Array(784);
		expect(layerView('input', layers, maps, img)).toMatchObject({ shape: [28, 28, 1], data: img, domain: [0, 1] });
		expect(layerView('input', layers, maps, null)).toBeNull();
	});

	it('shows vectors as strips, flatten as pool 2 wrapped into a square, softmax on [0, 1]', () => {
		expect(layerView('dense', layers, maps, null)).toMatchObject({ shape: [1, 10, 1], color: 'diverging' });
		expect(layerView('softmax', layers, maps, null)).toMatchObject({ shape: [1, 10, 1], domain: [0, 1] });
		const flat = layerView('flatten', layers, maps, null);
		expect(flat?.shape).toEqual([4, 5, 1]);
		expect([...(flat?.data ?? [])].slice(0, 18)).toEqual(Array.from({ length: 18 }, (_, i) => i));
		expect(flat?.data[19]).toBeNaN();
		expect(wrapVector(new Float32Array(784)).shape).toEqual([28, 28, 1]);
	});

	it('shows nothing for an unknown layer or a read-out of another shape (a rebuilt network)', () => {
		expect(layerView('pool1', layers, maps, null)).toBeNull();
		const stale = [{ id: 'conv1', shape: [28, 28, 8], data: new Float32Array(6272) }];
		expect(layerView('conv1', layers, stale, null)).toBeNull();
		expect(layerView('conv1', layers, null, null)).toBeNull();
	});
});
