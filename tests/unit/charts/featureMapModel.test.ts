import { describe, expect, it } from 'vitest';
import { buildLut, colorInterpolator, colorNormalizer } from '$lib/charts/core/colors';
import {
	channelDomains, channelExtent, featureMapTable, mapDims, mapValue, paintChannel, resolveMapColor
} from '$lib/charts/core/featureMapModel';

// A 2 x 3 map with 2 channels, HWC: channel 0 = 0..5, channel 1 = -(0..5) * 2.
const H = 2;
const W = 3;
const C = 2;
const data = new Float32Array(H * W * C);
for (let p = 0; p < H * W; p++) {
	data[p * C] = p;
	data[p * C + 1] = 0 - 2 * p;
}

describe('feature map model', () => {
	it('reads shapes and values in HWC order', () => {
		expect(mapDims([28, 28, 8])).toEqual({ h: 28, w: 28, c: 8 });
		expect(mapDims([4, 5])).toEqual({ h: 4, w: 5, c: 1 });
		expect(mapDims([10])).toEqual({ h: 1, w: 10, c: 1 });
		// row 1, col 2 is pixel 5.
		expect(mapValue(data, [H, W, C], 0, 1, 2)).toBe(5);
		expect(mapValue(data, [H, W, C], 1, 1, 2)).toBe(-10);
		expect(mapValue(data, [H, W, C], 2, 0, 0)).toBeNaN();
		expect(mapValue(data, [H, W, C], 0, 2, 0)).toBeNaN();
	});

	it('picks diverging colour for signed maps and sequential for non-negative ones', () => {
		expect(resolveMapColor('auto', data)).toBe('diverging');
		expect(resolveMapColor('auto', [0, 1, 2, NaN])).toBe('sequential');
		expect(resolveMapColor('sequential', data)).toBe('sequential');
	});

	it('gives per-channel or shared domains, symmetric when diverging', () => {
		expect(channelExtent(data, H * W, C, 1)).toEqual([-10, 0]);
		expect(channelDomains(data, [H, W, C], 'sequential', 'channel')).toEqual([[0, 5], [-10, 0]]);
		expect(channelDomains(data, [H, W, C], 'sequential', 'shared')).toEqual([[-10, 5], [-10, 5]]);
		expect(channelDomains(data, [H, W, C], 'diverging', 'channel')).toEqual([[-5, 5], [-10, 10]]);
		expect(channelDomains(data, [H, W, C], 'diverging', 'shared')).toEqual([[-10, 10], [-10, 10]]);
		// A constant (all-zero) channel and an empty one still get usable domains.
		expect(channelDomains(new Float32Array(4), [2, 2, 1], 'sequential', 'channel')).toEqual([[-1, 1]]);
		expect(channelDomains([NaN, NaN], [1, 2, 1], 'diverging', 'channel')).toEqual([[-1, 1]]);
	});

	it('paints one channel through the colour table, extremes at the ends of the ramp', () => {
		const lut = buildLut(colorInterpolator('sequential'), 16);
		const out = new Uint8ClampedArray(H * W * 4);
		paintChannel(data, [H, W, C], 0, colorNormalizer('sequential', [0, 5]), lut, [1, 2, 3, 4], out);
		expect([...out.slice(0, 4)]).toEqual([...lut.slice(0, 4)]);
		expect([...out.slice(20, 24)]).toEqual([...lut.slice(60, 64)]);
		const nanData = new Float32Array([NaN]);
		const one = new Uint8ClampedArray(4);
		paintChannel(nanData, [1, 1, 1], 0, colorNormalizer('sequential', [0, 1]), lut, [1, 2, 3, 4], one);
		expect([...one]).toEqual([1, 2, 3, 4]);
	});

	it('tabulates the map in long format, channel by channel, with a limit and the total', () => {
		const t = featureMapTable(data, [H, W, C], ['channel', 'row', 'col', 'value']);
		expect(t.columns).toEqual(['channel', 'row', 'col', 'value']);
		expect(t.total).toBe(12);
		expect(t.rows.length).toBe(12);
		expect(t.rows[0]).toEqual([0, 0, 0, 0]);
		expect(t.rows[5]).toEqual([0, 1, 2, 5]);
		expect(t.rows[6]).toEqual([1, 0, 0, 0]);
		expect(t.rows[11]).toEqual([1, 1, 2, -10]);
		const named = featureMapTable(data, [H, W, C], ['c', 'r', 'k', 'v'], (ch) => `f${ch}`, 7);
		expect(named.rows.length).toBe(7);
		expect(named.rows[6][0]).toBe('f1');
		expect(named.total).toBe(12);
	});
});
