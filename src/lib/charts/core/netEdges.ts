import { interpolateRdBu, interpolateViridis } from 'd3';
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

/**
 * Draws edges on a 2-D canvas context (CSS px coordinates; the caller sets the DPR transform),
 * one stroke per level. Edges outside `highlight` (when given) are drawn faint.
 */
export function drawEdges(
	ctx: CanvasRenderingContext2D,
	segs: readonly EdgeSeg[],
	mode: EdgeMode,
	neutral: string,
	highlight?: number
): void {
	for (const faint of [true, false]) {
		const part = segs.filter((s) => (highlight !== undefined && s.layer !== highlight) === faint);
		ctx.globalAlpha = faint ? 0.25 : 1;
		for (const [k, list] of bucketEdges(part)) {
			const t = k < 0 ? NaN : k / (EDGE_LEVELS - 1);
			ctx.strokeStyle = k < 0 ? neutral : edgeColor(t, mode);
			ctx.lineWidth = k < 0 ? 0.75 : edgeWidth(t, mode);
			ctx.beginPath();
			for (const s of list) {
				ctx.moveTo(s.x1, s.y1);
				ctx.lineTo(s.x2, s.y2);
			}
			ctx.stroke();
		}
	}
	ctx.globalAlpha = 1;
}
