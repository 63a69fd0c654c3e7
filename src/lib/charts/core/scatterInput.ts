import type { Extent } from './domain';
import { stepCursor } from './nearest';
import { nudge } from './scatterMap';

/** The read-out cursor of a scatter plot: on a point, or a free cross-hair (data coordinates). */
export type ScatterCursor = { kind: 'point'; i: number } | { kind: 'cross'; x: number; y: number };

/** What a key press or pointer gesture asks the chart to do. */
export type ScatterAction =
	| { type: 'cursor'; cursor: ScatterCursor | null }
	| { type: 'move'; i: number; x: number; y: number }
	| { type: 'pick'; i: number }
	| { type: 'add'; x: number; y: number; alt: boolean };

/** What the keyboard handler needs to know about the chart. */
export interface KeyContext {
	/** Number of points. */
	n: number;
	cursor: ScatterCursor | null;
	/** Data position of point i. */
	at: (i: number) => [number, number];
	xDomain: Extent;
	yDomain: Extent;
	/** Which callbacks the chart has: onmove, onadd, onpick. */
	canMove: boolean;
	canAdd: boolean;
	canPick: boolean;
}

/** Data position of the cursor: its point, its cross-hair, or the plot's centre when none. */
export function cursorPosition(ctx: Omit<KeyContext, 'n' | 'canMove' | 'canAdd' | 'canPick'>): [number, number] {
	const c = ctx.cursor;
	const p = c?.kind === 'point' ? ctx.at(c.i) : c ? ([c.x, c.y] as [number, number]) : null;
	if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) return p;
	return [(ctx.xDomain[0] + ctx.xDomain[1]) / 2, (ctx.yDomain[0] + ctx.yDomain[1]) / 2];
}

/**
 * Keyboard model of a scatter plot. PageDown/PageUp step to the next/previous point, Home/End to
 * the first/last. Arrow keys (Shift: 10x): move the focused point by 1% of the domain when the
 * chart can move points; else move a free cross-hair when it can add points; else step through
 * the points (Right/Down next, Left/Up previous). Enter picks the focused point; A adds a point at
 * the cursor (alt = Shift); Escape turns a focused point into a cross-hair there (when adding is
 * possible) or clears the cursor. Undefined: key not handled.
 */
export function scatterKey(key: string, shift: boolean, ctx: KeyContext): ScatterAction | undefined {
	const { n, cursor } = ctx;
	const point = cursor?.kind === 'point' && cursor.i < n ? cursor.i : null;
	const toPoint = (i: number | null | undefined): ScatterAction | undefined =>
		i === undefined ? undefined : { type: 'cursor', cursor: i === null ? null : { kind: 'point', i } };
	if (key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End')
		return toPoint(stepCursor(key, point, n, false, 'PageDown', 'PageUp'));
	if (key.startsWith('Arrow')) {
		const [x, y] = cursorPosition(ctx);
		if (point !== null && ctx.canMove) {
			const to = nudge(key, shift, x, y, ctx.xDomain, ctx.yDomain);
			return to && { type: 'move', i: point, x: to[0], y: to[1] };
		}
		if (ctx.canAdd) {
			const to = nudge(key, shift, x, y, ctx.xDomain, ctx.yDomain);
			return to && { type: 'cursor', cursor: { kind: 'cross', x: to[0], y: to[1] } };
		}
		const forward = key === 'ArrowRight' || key === 'ArrowDown';
		return toPoint(stepCursor(forward ? 'ArrowRight' : 'ArrowLeft', point, n, shift));
	}
	if (key === 'Enter') return point !== null && ctx.canPick ? { type: 'pick', i: point } : undefined;
	if ((key === 'a' || key === 'A') && ctx.canAdd) {
		const [x, y] = cursorPosition(ctx);
		return { type: 'add', x, y, alt: shift };
	}
	if (key === 'Escape' && cursor) {
		if (point === null || !ctx.canAdd) return { type: 'cursor', cursor: null };
		const [x, y] = cursorPosition(ctx);
		return { type: 'cursor', cursor: { kind: 'cross', x, y } };
	}
	return undefined;
}

/** What the pointer handler needs to know about the chart (pixels are chart-root px). */
export interface GestureEnv {
	/** Index of the point under pixel (px, py), or -1 (always -1 when points cannot be picked or moved). */
	hit: (px: number, py: number) => number;
	/** Pixel -> data, not clamped. */
	invert: (px: number, py: number) => [number, number];
	/** Data position limited to the domains. */
	clamp: (x: number, y: number) => [number, number];
	at: (i: number) => [number, number];
	canMove: boolean;
	canAdd: boolean;
	canPick: boolean;
}

/**
 * One pointer gesture on a scatter plot: press and release without moving (`threshold` px) on a
 * point picks it, on empty space adds a point there (alt = Shift at the press); pressing a point
 * and moving drags it (keeping the grab offset, clamped to the domains). Moving after pressing
 * empty space cancels the add.
 */
export class PointerGesture {
	private start: [number, number] | null = null;
	private index = -1;
	private off: [number, number] = [0, 0];
	private alt = false;
	private moved = false;

	constructor(private readonly threshold = 4) {}

	/** Index of the point being dragged, or -1. */
	get dragging(): number {
		return this.moved ? this.index : -1;
	}

	/** A press at (px, py); returns whether a gesture started (then capture the pointer). */
	down(px: number, py: number, shift: boolean, env: GestureEnv): boolean {
		const i = env.hit(px, py);
		if (i < 0 && !env.canAdd) return false;
		if (i >= 0 && !env.canPick && !env.canMove) return false;
		this.start = [px, py];
		this.index = i;
		this.alt = shift;
		this.moved = false;
		this.off = [0, 0];
		if (i >= 0) {
			const p = env.at(i);
			const d = env.invert(px, py);
			const off: [number, number] = [p[0] - d[0], p[1] - d[1]];
			if (Number.isFinite(off[0]) && Number.isFinite(off[1])) this.off = off;
		}
		return true;
	}

	/** A pointer move; returns the drag step, if this gesture is a drag. */
	move(px: number, py: number, env: GestureEnv): ScatterAction | null {
		if (!this.start) return null;
		if (!this.moved && Math.hypot(px - this.start[0], py - this.start[1]) < this.threshold) return null;
		if (this.index < 0 || !env.canMove) {
			this.start = null;
			return null;
		}
		this.moved = true;
		const d = env.invert(px, py);
		const [x, y] = env.clamp(d[0] + this.off[0], d[1] + this.off[1]);
		return { type: 'move', i: this.index, x, y };
	}

	/** The release; returns a pick or an add when the press was a click. */
	up(env: GestureEnv): ScatterAction | null {
		const start = this.start;
		const click = start !== null && !this.moved;
		const i = this.index;
		this.cancel();
		if (!click) return null;
		if (i >= 0) return env.canPick ? { type: 'pick', i } : null;
		const d = env.invert(start[0], start[1]);
		const [x, y] = env.clamp(d[0], d[1]);
		return { type: 'add', x, y, alt: this.alt };
	}

	/** Forgets the gesture (pointer cancelled or released). */
	cancel(): void {
		this.start = null;
		this.index = -1;
		this.moved = false;
	}
}
