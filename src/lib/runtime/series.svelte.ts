/**
 * A growing (x, y) series for live charts: values go into typed arrays (amortised doubling) and a
 * reactive `version` changes on every push, so charts re-read `x`/`y` views only when needed.
 */
export class Series {
	/** Bumped on every change; read it (or `x`/`y`) in a $derived to react to new points. */
	version = $state(0);
	private xs: Float64Array;
	private ys: Float64Array;
	private n = 0;

	constructor(capacity = 256) {
		this.xs = new Float64Array(capacity);
		this.ys = new Float64Array(capacity);
	}

	/** Number of points. */
	get length(): number {
		void this.version;
		return this.n;
	}

	/** x values (a view; do not keep across pushes). */
	get x(): Float64Array {
		void this.version;
		return this.xs.subarray(0, this.n);
	}

	/** y values (a view; do not keep across pushes). */
	get y(): Float64Array {
		void this.version;
		return this.ys.subarray(0, this.n);
	}

	/** The last y value, or NaN when empty. */
	get last(): number {
		void this.version;
		return this.n ? this.ys[this.n - 1] : NaN;
	}

	/** Appends a point. */
	push(x: number, y: number): void {
		if (this.n === this.xs.length) {
			const grow = (a: Float64Array) => {
				const b = new Float64Array(a.length * 2);
				b.set(a);
				return b;
			};
			this.xs = grow(this.xs);
			this.ys = grow(this.ys);
		}
		this.xs[this.n] = x;
		this.ys[this.n] = y;
		this.n += 1;
		this.version += 1;
	}

	/** Removes every point. */
	clear(): void {
		this.n = 0;
		this.version += 1;
	}
}
