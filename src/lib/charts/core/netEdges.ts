import { color as d3color, interpolateRdBu, interpolateViridis } from 'd3';
import { edgeT, edgeWidth, type EdgeMode, type EdgeRange, type NetLayout } from './networkLayout';

/** Number of colour/width levels edges are grouped into for drawing. */
export const EDGE_LEVELS = 64;

/** Colour of an edge at t in [0, 1]: RdBu (blue < 0 < red) when signed, viridis for magnitudes. */
export function edgeColor(t: number, mode: EdgeMode): string {
	return mode === 'signed' ? interpolateRdBu(1 - t) : interpolateViridis(t);
}

/** One drawable edge: endpoints (px), level t, its layer and units. */
export interface EdgeSeg {
	layer: number;
	from: number;
	to: number;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	/** Colour/width level in [0, 1]; NaN when the edge has no value. */
	t: number;
}

/**
 * Every edge of the network with its position and level. `values[l]` holds layer l -> l+1 as a
 * row-major [in x out] array (value of unit i -> unit j at i * out + j); a missing layer gives NaN.
 */
export function edgeSegments(
	layout: NetLayout,
	values: readonly (ArrayLike<number> | null | undefined)[] | undefined,
	range: EdgeRange,
	mode: EdgeMode
): EdgeSeg[] {
	const out: EdgeSeg[] = [];
	const { nodes } = layout;
	for (let l = 0; l + 1 < nodes.length; l++) {
		const a = nodes[l];
		const b = nodes[l + 1];
		const w = values?.[l];
		for (let i = 0; i < a.length; i++)
			for (let j = 0; j < b.length; j++) {
				const v = w ? w[i * b.length + j] : NaN;
				const t = w && v !== undefined ? edgeT(v, range, mode) : NaN;
				out.push({ layer: l, from: i, to: j, x1: a[i].x, y1: a[i].y, x2: b[j].x, y2: b[j].y, t });
			}
	}
	return out;
}

/** Edges grouped by quantised level (index 0..EDGE_LEVELS-1, or -1 for no value), for batched strokes. */
export function bucketEdges(segs: readonly EdgeSeg[]): Map<number, EdgeSeg[]> {
	const buckets = new Map<number, EdgeSeg[]>();
	for (const s of segs) {
		const k = Number.isNaN(s.t) ? -1 : Math.round(s.t * (EDGE_LEVELS - 1));
		let list = buckets.get(k);
		if (!list) buckets.set(k, (list = []));
		list.push(s);
	}
	return buckets;
}

/** Widest edge drawn on a canvas, CSS px: see drawEdges. */
export const CANVAS_EDGE_MAX_WIDTH = 1;

/** `css` with its opacity multiplied by `alpha` (unparsable colours are returned unchanged). */
function faded(css: string, alpha: number): string {
	const c = d3color(css);
	if (!c) return css;
	c.opacity *= alpha;
	return c.formatRgb();
}

/**
 * Draws edges on a 2-D canvas context (CSS px coordinates; the caller sets the DPR transform),
 * one stroke per level. Edges outside `highlight` (when given) are drawn faint. The canvas is for
 * dense networks, where edges overlap anyway: they are drawn at most `maxWidth` wide (default 1 px)
 * and colour alone carries the value. That matters for speed: with software rasterisation (no GPU)
 * 2,400 edges up to 1 px wide take ~3 ms, up to 4 px ~70 ms; and faint edges get a translucent
 * colour rather than globalAlpha (~6x cheaper there).
 */
export function drawEdges(
	ctx: CanvasRenderingContext2D,
	segs: readonly EdgeSeg[],
	mode: EdgeMode,
	neutral: string,
	highlight?: number,
	maxWidth = CANVAS_EDGE_MAX_WIDTH
): void {
	for (const faint of [true, false]) {
		const part = segs.filter((s) => (highlight !== undefined && s.layer !== highlight) === faint);
		for (const [k, list] of bucketEdges(part)) {
			const t = k < 0 ? NaN : k / (EDGE_LEVELS - 1);
			const stroke = k < 0 ? neutral : edgeColor(t, mode);
			ctx.strokeStyle = faint ? faded(stroke, 0.25) : stroke;
			ctx.lineWidth = k < 0 ? Math.min(0.75, maxWidth) : edgeWidth(t, mode, maxWidth);
			ctx.beginPath();
			for (const s of list) {
				ctx.moveTo(s.x1, s.y1);
				ctx.lineTo(s.x2, s.y2);
			}
			ctx.stroke();
		}
	}
}
