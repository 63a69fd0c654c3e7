import { describe, expect, it } from 'vitest';
import { PointerGesture, scatterKey, type GestureEnv, type KeyContext } from '$lib/charts/core/scatterInput';
import { nearestPoint, plotMapping } from '$lib/charts/core/scatterMap';

const px = [0.2, 0.8, 0.5];
const py = [0.2, 0.8, NaN];
const at = (i: number): [number, number] => [px[i], py[i]];

function ctx(over: Partial<KeyContext> = {}): KeyContext {
	return { n: 3, cursor: null, at, xDomain: [0, 1], yDomain: [0, 1], canMove: false, canAdd: false, canPick: false, ...over };
}

describe('scatter keyboard', () => {
	it('steps through the points with the arrow keys on a read-only plot', () => {
		expect(scatterKey('ArrowRight', false, ctx())).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 0 } });
		expect(scatterKey('ArrowLeft', false, ctx())).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 2 } });
		expect(scatterKey('ArrowDown', false, ctx({ cursor: { kind: 'point', i: 0 } }))).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 1 } });
		expect(scatterKey('End', false, ctx())).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 2 } });
		expect(scatterKey('Escape', false, ctx({ cursor: { kind: 'point', i: 1 } }))).toEqual({ type: 'cursor', cursor: null });
		expect(scatterKey('Enter', false, ctx({ cursor: { kind: 'point', i: 1 } }))).toBeUndefined();
		expect(scatterKey('a', false, ctx())).toBeUndefined();
		expect(scatterKey('x', false, ctx())).toBeUndefined();
	});

	it('steps with PageDown/PageUp in every mode', () => {
		const c = ctx({ canMove: true, canAdd: true, cursor: { kind: 'point', i: 1 } });
		expect(scatterKey('PageDown', false, c)).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 2 } });
		expect(scatterKey('PageUp', false, c)).toEqual({ type: 'cursor', cursor: { kind: 'point', i: 0 } });
		expect(scatterKey('PageDown', false, ctx({ n: 0 }))).toBeUndefined();
	});

	it('moves the focused point by 1% of the domain (10% with Shift), clamped, when it can move', () => {
		const c = ctx({ canMove: true, cursor: { kind: 'point', i: 1 } });
		const right = scatterKey('ArrowRight', false, c);
		expect(right?.type).toBe('move');
		if (right?.type !== 'move') return;
		expect(right.i).toBe(1);
		expect(right.x).toBeCloseTo(0.81);
		expect(right.y).toBeCloseTo(0.8);
		const up = scatterKey('ArrowUp', true, c);
		expect(up).toEqual({ type: 'move', i: 1, x: 0.8, y: 0.9 });
		expect(scatterKey('ArrowUp', true, ctx({ canMove: true, cursor: { kind: 'point', i: 1 }, yDomain: [0, 0.85] }))).toEqual({ type: 'move', i: 1, x: 0.8, y: 0.85 });
	});

	it('moves a cross-hair when it can add, and adds at the cursor with A (Shift = alt)', () => {
		const c = ctx({ canAdd: true });
		expect(scatterKey('ArrowRight', true, c)).toEqual({ type: 'cursor', cursor: { kind: 'cross', x: 0.6, y: 0.5 } });
		expect(scatterKey('a', false, c)).toEqual({ type: 'add', x: 0.5, y: 0.5, alt: false });
		expect(scatterKey('A', true, ctx({ canAdd: true, cursor: { kind: 'cross', x: 0.1, y: 0.9 } }))).toEqual({ type: 'add', x: 0.1, y: 0.9, alt: true });
		expect(scatterKey('a', false, ctx({ canAdd: true, cursor: { kind: 'point', i: 0 } }))).toEqual({ type: 'add', x: 0.2, y: 0.2, alt: false });
	});

	it('leaves a focused point as a cross-hair with Escape when it can add; a point without a position starts at the centre', () => {
		const c = ctx({ canAdd: true, canMove: true, cursor: { kind: 'point', i: 0 } });
		expect(scatterKey('Escape', false, c)).toEqual({ type: 'cursor', cursor: { kind: 'cross', x: 0.2, y: 0.2 } });
		expect(scatterKey('Escape', false, ctx({ canAdd: true }))).toBeUndefined();
		expect(scatterKey('ArrowUp', false, ctx({ canMove: true, cursor: { kind: 'point', i: 2 } }))).toEqual({ type: 'move', i: 2, x: 0.5, y: 0.51 });
	});

	it('picks the focused point with Enter when it can pick', () => {
		expect(scatterKey('Enter', false, ctx({ canPick: true, cursor: { kind: 'point', i: 2 } }))).toEqual({ type: 'pick', i: 2 });
		expect(scatterKey('Enter', false, ctx({ canPick: true }))).toBeUndefined();
	});
});

describe('scatter pointer gestures', () => {
	const map = plotMapping({ l: 0, r: 100, t: 0, b: 100 }, [0, 1], [0, 1]);
	const env = (over: Partial<GestureEnv> = {}): GestureEnv => ({
		hit: (x, y) => nearestPoint(px, py, map.sx, map.sy, x, y, 6),
		invert: map.invert,
		clamp: map.clamp,
		at,
		canMove: true,
		canAdd: true,
		canPick: true,
		...over
	});

	it('adds a point on a click on empty space, in clamped data coordinates, alt = Shift', () => {
		const g = new PointerGesture();
		expect(g.down(50, 25, true, env())).toBe(true);
		expect(g.move(51, 25, env())).toBeNull();
		expect(g.up(env())).toEqual({ type: 'add', x: 0.5, y: 0.75, alt: true });
		g.down(120, -10, false, env());
		expect(g.up(env())).toEqual({ type: 'add', x: 1, y: 1, alt: false });
	});

	it('picks a point on a click near it', () => {
		const g = new PointerGesture();
		g.down(23, 78, false, env());
		expect(g.up(env())).toEqual({ type: 'pick', i: 0 });
		g.down(23, 78, false, env({ canPick: false }));
		expect(g.up(env({ canPick: false }))).toBeNull();
	});

	it('drags a point keeping the grab offset, clamped to the domains, and does not pick it', () => {
		const g = new PointerGesture();
		g.down(82, 20, false, env());
		const step = g.move(92, 10, env());
		expect(step?.type).toBe('move');
		if (step?.type !== 'move') return;
		expect(step.i).toBe(1);
		expect(step.x).toBeCloseTo(0.9);
		expect(step.y).toBeCloseTo(0.9);
		expect(g.dragging).toBe(1);
		expect(g.move(300, -300, env())).toEqual({ type: 'move', i: 1, x: 1, y: 1 });
		expect(g.up(env())).toBeNull();
		expect(g.dragging).toBe(-1);
	});

	it('cancels an add when the press on empty space moves, and ignores presses it cannot use', () => {
		const g = new PointerGesture();
		g.down(50, 50, false, env());
		expect(g.move(70, 50, env())).toBeNull();
		expect(g.up(env())).toBeNull();
		expect(g.down(50, 50, false, env({ canAdd: false }))).toBe(false);
		expect(g.down(20, 80, false, env({ canPick: false, canMove: false, hit: () => 0 }))).toBe(false);
		g.down(20, 80, false, env({ canMove: false }));
		expect(g.move(40, 80, env({ canMove: false }))).toBeNull();
		expect(g.up(env({ canMove: false }))).toBeNull();
	});
});
