import { clampToWindow, makeLinePoints, makeOutliers, type Point } from '$lib/ml/data/line1d';

/** Where the generated points come from (the lesson's parameters). */
export interface PointSource {
	seed: number;
	noise: number;
	/** seeded outliers appended after the clean points */
	out: number;
}

/** Number of clean points around the line. */
export const CLEAN_POINTS = 30;

/**
 * The outlier experiment's editable points: seeded clean points and seeded outliers (from the
 * parameters), with the learner's edits on top: points moved by dragging (by index) and points
 * added by clicking (appended). Every point stays inside LINE_WINDOW.
 */
export class PointSet {
	/** Positions of dragged points, by index into `points`. */
	moved = $state.raw<ReadonlyMap<number, Point>>(new Map());
	/** Points added by clicking, in order (`outlier`: added as an outlier, drawn like one). */
	added = $state.raw<readonly (Point & { outlier: boolean })[]>([]);

	/** The seeded points: clean ones, then the outliers. */
	readonly generated = $derived.by((): Point[] => {
		const s = this.source();
		return [...makeLinePoints({ n: CLEAN_POINTS, noise: s.noise, seed: s.seed }), ...makeOutliers(s.out, s.seed)];
	});

	/** Every point as fitted and drawn: generated (or moved) points, then the added ones. */
	readonly points = $derived.by((): Point[] => {
		const all: Point[] = [...this.generated, ...this.added.map(({ x, y }) => ({ x, y }))];
		return all.map((p, i) => this.moved.get(i) ?? p);
	});

	/** Class of each point of `points`: 0 = point on the line, 1 = outlier (seeded or added as one). */
	readonly classes = $derived.by((): number[] => {
		const clean = Math.min(CLEAN_POINTS, this.generated.length);
		return [...this.generated.map((_, i) => (i < clean ? 0 : 1)), ...this.added.map((p) => (p.outlier ? 1 : 0))];
	});

	/** Whether the learner changed anything by hand. */
	readonly edited = $derived(this.moved.size > 0 || this.added.length > 0);

	constructor(private readonly source: () => PointSource) {}

	/** Adds a point (clamped into the window), marked as an outlier when `outlier`. */
	add(p: Point, outlier = false): void {
		this.added = [...this.added, { ...clampToWindow(p), outlier }];
	}

	/** Moves point `index` of `points` (clamped into the window); unknown indices are ignored. */
	move(index: number, p: Point): void {
		if (!Number.isInteger(index) || index < 0 || index >= this.points.length) return;
		this.moved = new Map(this.moved).set(index, clampToWindow(p));
	}

	/** Forgets every edit (the seeded points stay as the parameters say). */
	reset(): void {
		this.moved = new Map();
		this.added = [];
	}
}
