import { paintColumns, type Rgba } from './heatPaint';

/** One update of a heatmap raster. */
export interface RasterInput {
	values: ArrayLike<number>;
	rows: number;
	cols: number;
	columnMajor: boolean;
	/** True when the update only added columns at the end (existing ones unchanged). */
	append: boolean;
	norm: (v: number) => number;
	lut: Uint8ClampedArray;
	nan: Rgba;
	/** Identity of the colour mapping (mode, log, domain, no-value colour); a change repaints all. */
	key: string;
}

/**
 * Off-screen raster of a heatmap at one pixel per cell (browser only). Full updates repaint every
 * cell; appends paint only the new columns and grow the buffer geometrically, so a layer x time
 * heatmap that gains a column per step costs O(rows) per step.
 */
export class HeatRaster {
	/** The cell image: `capacity` x `rows` pixels, columns [0, cols) valid. */
	readonly canvas: HTMLCanvasElement = document.createElement('canvas');
	private img: ImageData | null = null;
	private rows = 0;
	private cols = 0;
	private key = '';
	private values: ArrayLike<number> | null = null;

	/** Columns currently painted. */
	get width(): number {
		return this.cols;
	}

	/** Brings the raster up to date; returns whether any pixel changed. */
	update(job: RasterInput): boolean {
		const { rows, cols } = job;
		if (rows <= 0 || cols <= 0) {
			this.cols = 0;
			this.values = null;
			return true;
		}
		const same = job.values === this.values && rows === this.rows && cols === this.cols;
		if (same && job.key === this.key) return false;
		const appendable =
			job.append && rows === this.rows && job.key === this.key && cols >= this.cols;
		const c0 = appendable && this.img ? this.cols : 0;
		let dirty0 = c0;
		const cap = this.img?.width ?? 0;
		if (!this.img || rows !== this.rows || cols > cap) {
			const next = new ImageData(job.append ? Math.max(cols, 2 * cap, 64) : cols, rows);
			if (c0 > 0 && this.img) copyColumns(this.img, next, c0, rows);
			this.img = next;
			this.canvas.width = next.width;
			this.canvas.height = rows;
			dirty0 = 0;
		}
		const img = this.img;
		paintColumns({ ...job, out: img.data, stride: img.width, c0, c1: cols });
		this.canvas.getContext('2d')?.putImageData(img, 0, 0, dirty0, 0, cols - dirty0, rows);
		this.rows = rows;
		this.cols = cols;
		this.key = job.key;
		this.values = job.values;
		return true;
	}

	/** PNG data URL of the valid cells (cols x rows pixels), for SVG export. */
	toDataUrl(): string {
		const out = document.createElement('canvas');
		out.width = Math.max(1, this.cols);
		out.height = Math.max(1, this.rows);
		if (this.cols > 0) out.getContext('2d')?.drawImage(this.canvas, 0, 0);
		return out.toDataURL('image/png');
	}
}

function copyColumns(from: ImageData, to: ImageData, cols: number, rows: number): void {
	for (let r = 0; r < rows; r++)
		to.data.set(from.data.subarray(r * from.width * 4, (r * from.width + cols) * 4), r * to.width * 4);
}
