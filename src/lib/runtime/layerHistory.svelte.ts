/**
 * A rows x time history for heatmaps (e.g. gradient norm per layer per step), stored column-major
 * so new columns append. When full, it halves its resolution in time (keeps every other column)
 * so an hour-long run still fits in `maxCols` columns. Columns need not be evenly spaced in steps
 * (one is recorded per animation frame); `colStart`/`colStep` give the best linear fit for an axis.
 */
export class LayerHistory {
	/** Bumped on every change. */
	version = $state(0);
	readonly rows: number;
	private buf: Float32Array;
	private steps: Float64Array;
	private n = 0;
	private stride = 1;
	private since = 0;

	constructor(rows: number, readonly maxCols = 512) {
		this.rows = rows;
		this.buf = new Float32Array(rows * maxCols);
		this.steps = new Float64Array(maxCols);
	}

	/** Columns stored. */
	get cols(): number {
		void this.version;
		return this.n;
	}

	/** Column-major values [cols x rows]: a fresh view, so charts see a new array after compaction. */
	get values(): Float32Array {
		void this.version;
		return this.buf.subarray(0, this.n * this.rows);
	}

	/** Average steps per column. */
	get colStep(): number {
		void this.version;
		return this.n > 1 ? (this.steps[this.n - 1] - this.steps[0]) / (this.n - 1) : 1;
	}

	/** Step number of the first column. */
	get colStart(): number {
		void this.version;
		return this.n ? this.steps[0] : 0;
	}

	/** Adds the column for `step` (kept only every `colStep` steps once compacted). */
	push(step: number, column: ArrayLike<number>): void {
		if (this.n > 0 && ++this.since < this.stride) return;
		this.since = 0;
		if (this.n === this.maxCols) this.compact();
		this.buf.set(Array.from({ length: this.rows }, (_, r) => column[r] ?? NaN), this.n * this.rows);
		this.steps[this.n] = step;
		this.n += 1;
		this.version += 1;
	}

	private compact(): void {
		const rows = this.rows;
		const next = new Float32Array(this.buf.length);
		const half = Math.floor(this.n / 2);
		for (let c = 0; c < half; c++) {
			next.set(this.buf.subarray(2 * c * rows, (2 * c + 1) * rows), c * rows);
			this.steps[c] = this.steps[2 * c];
		}
		this.buf = next;
		this.n = half;
		this.stride *= 2;
	}

	/** Removes every column. */
	clear(): void {
		this.n = 0;
		this.stride = 1;
		this.since = 0;
		this.version += 1;
	}
}
