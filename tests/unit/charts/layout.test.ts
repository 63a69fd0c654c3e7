import { describe, expect, it } from 'vitest';
import { everyKth, labelStep } from '$lib/charts/core/labels';
import { bucketEdges, drawEdges, edgeColor, edgeSegments, EDGE_LEVELS } from '$lib/charts/core/netEdges';
import { edgeCount, edgeRange, edgeT, edgeWidth, layoutNetwork } from '$lib/charts/core/networkLayout';
import { layoutLegend } from '$lib/charts/core/legendLayout';
import { formatCompact, textWidth } from '$lib/charts/core/format';

describe('network layout', () => {
	it('places every unit inside the box, layers left to right', () => {
		const sizes = [2, ...Array(20).fill(16), 1];
		const { nodes, radius } = layoutNetwork(sizes, 900, 300, 20, 10);
		expect(nodes.map((l) => l.length)).toEqual(sizes);
		expect(radius).toBeGreaterThan(1);
		for (const layer of nodes)
			for (const n of layer) {
				expect(n.x).toBeGreaterThanOrEqual(20 - 1e-9);
				expect(n.x).toBeLessThanOrEqual(880 + 1e-9);
				expect(n.y - radius).toBeGreaterThanOrEqual(10 - 1e-9);
				expect(n.y + radius).toBeLessThanOrEqual(290 + 1e-9);
			}
		expect(nodes[1][0].x).toBeGreaterThan(nodes[0][0].x);
		expect(edgeCount(sizes)).toBe(2 * 16 + 19 * 256 + 16);
	});

	it('maps signed and magnitude edge values', () => {
		const r = edgeRange([[-2, 1], null, [0.5, NaN]]);
		expect(r).toEqual({ maxAbs: 2, minPos: 0.5 });
		expect(edgeT(0, r, 'signed')).toBe(0.5);
		expect(edgeT(-2, r, 'signed')).toBe(0);
		expect(edgeWidth(edgeT(2, r, 'signed'), 'signed')).toBe(4);
		expect(edgeWidth(edgeT(0, r, 'signed'), 'signed')).toBeCloseTo(0.4);
		const g = edgeRange([[1e-10, 1e-2, 1]]);
		expect(edgeT(1, g, 'magnitude')).toBe(1);
		expect(edgeT(1e-8, g, 'magnitude')).toBe(0);
		expect(edgeT(1e-4, g, 'magnitude')).toBeCloseTo(0.5);
		expect(edgeT(NaN, g, 'magnitude')).toBeNaN();
		expect(edgeRange([[0, 0]])).toEqual({ maxAbs: 1, minPos: 1 });
	});
});

describe('legend layout and text', () => {
	it('wraps items into rows that fit the width', () => {
		const l = layoutLegend(['train loss', 'validation loss', 'test'], 200, 12);
		expect(l.x[0]).toBe(0);
		expect(l.y[1]).toBeGreaterThan(0);
		expect(l.height).toBeGreaterThan(12);
		expect(layoutLegend([], 100, 12).height).toBe(0);
		expect(textWidth('训练', 10)).toBe(20);
	});

	it('formats numbers compactly', () => {
		expect(formatCompact(0.123456)).toBe('0.1235');
		expect(formatCompact(12345)).toBe('12.3k');
		expect(formatCompact(1.5e-7)).toBe('1.5e-7');
		expect(formatCompact(0)).toBe('0');
		expect(formatCompact(NaN)).toBe('–');
		expect(formatCompact(-3)).toBe('−3');
	});
});

describe('label thinning', () => {
	it('shows every k-th label so that they fit', () => {
		expect(labelStep(20, 30, 25)).toBe(1);
		expect(labelStep(200, 4, 25)).toBe(7);
		expect(labelStep(1, 1, 100)).toBe(1);
		expect(everyKth(10, 4)).toEqual([0, 4, 8]);
		expect(everyKth(3, 0)).toEqual([0, 1, 2]);
	});
});

describe('network edges', () => {
	it('reads row-major [in x out] values onto the right edges and groups them by level', () => {
		const layout = layoutNetwork([2, 3], 100, 100, 10, 10);
		const w = [1, 0, -1, 0.5, -0.5, 0];
		const range = edgeRange([w]);
		const segs = edgeSegments(layout, [w], range, 'signed');
		expect(segs).toHaveLength(6);
		const e = segs.find((s) => s.from === 1 && s.to === 0);
		expect(e?.t).toBeCloseTo(edgeT(0.5, range, 'signed'));
		expect(e?.y1).toBe(layout.nodes[0][1].y);
		expect(e?.y2).toBe(layout.nodes[1][0].y);
		const buckets = bucketEdges(segs);
		expect(buckets.get(EDGE_LEVELS - 1)?.length).toBe(1);
		expect(buckets.get(0)?.length).toBe(1);
		expect([...buckets.values()].reduce((n, l) => n + l.length, 0)).toBe(6);
	});

	it('gives edges without values no level', () => {
		const layout = layoutNetwork([2, 2, 1], 100, 100, 10, 10);
		const segs = edgeSegments(layout, [null, [1, -1]], edgeRange([[1, -1]]), 'magnitude');
		expect(segs.filter((s) => Number.isNaN(s.t))).toHaveLength(4);
		expect(bucketEdges(segs).get(-1)?.length).toBe(4);
		expect(edgeColor(0.5, 'signed')).toMatch(/^rgb/);
	});
});

describe('drawEdges', () => {
	/** A 2-D context that records each stroke's style and width. */
	function recorder() {
		const strokes: { style: string; width: number }[] = [];
		let alphaSet = false;
		const ctx = {
			strokeStyle: '',
			lineWidth: 1,
			set globalAlpha(_v: number) {
				alphaSet = true;
			},
			beginPath() {},
			moveTo() {},
			lineTo() {},
			stroke() {
				strokes.push({ style: String(ctx.strokeStyle), width: ctx.lineWidth });
			}
		};
		return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes, alphaSet: () => alphaSet };
	}
	const seg = (layer: number, t: number) => ({ layer, from: 0, to: 0, x1: 0, y1: 0, x2: 1, y2: 1, t });

	it('draws dense edges as hairlines (colour carries the value) and faint ones in a translucent colour', () => {
		const r = recorder();
		const segs = [seg(0, 0), seg(0, 1), seg(1, 0.5), seg(1, NaN)];
		drawEdges(r.ctx, segs, 'magnitude', 'rgb(200, 200, 200)', 0);
		expect(r.strokes.length).toBe(4);
		for (const s of r.strokes) expect(s.width).toBeLessThanOrEqual(1);
		expect(r.strokes.some((s) => s.width === 1)).toBe(true);
		// layer 1 is not highlighted: its two strokes (one level, one neutral) are translucent
		expect(r.strokes.filter((s) => s.style.startsWith('rgba(') && s.style.endsWith(', 0.25)'))).toHaveLength(2);
		expect(r.alphaSet()).toBe(false);
		const wide = recorder();
		drawEdges(wide.ctx, [seg(0, 1)], 'magnitude', 'gray', undefined, 4);
		expect(wide.strokes[0].width).toBe(4);
	});
});
