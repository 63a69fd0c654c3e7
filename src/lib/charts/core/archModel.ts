import type { CellValue, ChartTable } from '$lib/app/export/types';

/** One layer of a network as the architecture diagram draws it (plain data, no tensors). */
export interface ArchLayer {
	/** Stable id, e.g. 'conv1'. */
	id: string;
	/** Output shape of one example, no batch axis: [H, W, C] for maps, [N] for vectors. */
	shape: readonly number[];
	/** Learnable parameters (weights + biases); 0 for activations, pooling, reshapes. */
	params: number;
	/** Shape of the weight tensor, e.g. [5, 5, 1, 8] (HWIO) or [784, 10]. */
	weightShape?: readonly number[];
}

/** A shape as text with multiplication signs: [28, 28, 8] -> "28×28×8". */
export function shapeText(shape: readonly number[]): string {
	return shape.join('×');
}

/** Number of values in a tensor of `shape` (1 for a scalar, 0 when a dimension is 0). */
export function volume(shape: readonly number[]): number {
	return shape.reduce((a, b) => a * b, 1);
}

/** What block sizes are scaled against: the largest spatial side, channel count and vector length. */
export interface BlockScale {
	spatial: number;
	channels: number;
	vector: number;
}

/** The largest spatial side and channel count of the map layers, and the longest vector layer. */
export function blockScale(layers: readonly ArchLayer[]): BlockScale {
	let spatial = 1;
	let channels = 1;
	let vector = 1;
	for (const l of layers) {
		if (l.shape.length >= 3) {
			spatial = Math.max(spatial, l.shape[0], l.shape[1]);
			channels = Math.max(channels, l.shape[2]);
		} else vector = Math.max(vector, volume(l.shape));
	}
	return { spatial, channels, vector };
}

/**
 * Size of a layer's block in text units (em). A map [H, W, C] is a slab whose height grows with its
 * spatial side H (linearly, 1.2..8 em) and whose width grows with the square root of its channels
 * (0.6..3.6 em), so the area follows the tensor's size; a vector [N] is a thin bar whose height
 * grows with the square root of N. Every block is at least 1.2 x 0.6 em.
 */
export function blockSize(shape: readonly number[], s: BlockScale): { w: number; h: number } {
	if (shape.length >= 3) {
		const side = Math.max(shape[0], shape[1]);
		return { w: 0.6 + 3 * Math.sqrt(shape[2] / s.channels), h: 1.2 + 6.8 * (side / s.spatial) };
	}
	return { w: 0.6, h: 1.2 + 6.8 * Math.sqrt(volume(shape) / s.vector) };
}

/** One placed layer: its column (block and labels) and its block, px. */
export interface ArchBox {
	index: number;
	row: number;
	/** Left edge and width of the column (the wider of block and labels). */
	colX: number;
	colW: number;
	/** The block, vertically centred on its row's block band. */
	x: number;
	y: number;
	w: number;
	h: number;
	/** Top of the labels under the band. */
	labelY: number;
}

/** Input of one column: block size and the width its labels need, px. */
export interface ArchColumn {
	w: number;
	h: number;
	labelW: number;
}

/**
 * Places the columns left to right, `gap` px apart, starting a new row whenever the next column
 * would pass `width` (a row always takes at least one column). Each row has a band as tall as its
 * tallest block, blocks centred on it, and `labelH` px of labels below; rows are `rowGap` apart.
 */
export function layoutArchitecture(
	cols: readonly ArchColumn[],
	width: number,
	gap: number,
	labelH: number,
	rowGap: number
): { boxes: ArchBox[]; rows: number; height: number } {
	const rowsOf: number[][] = [];
	let x = 0;
	cols.forEach((c, i) => {
		const colW = Math.max(c.w, c.labelW);
		if (rowsOf.length === 0 || (x > 0 && x + colW > width)) {
			rowsOf.push([]);
			x = 0;
		}
		rowsOf[rowsOf.length - 1].push(i);
		x += colW + gap;
	});
	const boxes: ArchBox[] = [];
	let top = 0;
	rowsOf.forEach((members, row) => {
		const band = Math.max(...members.map((i) => cols[i].h));
		let left = 0;
		for (const i of members) {
			const c = cols[i];
			const colW = Math.max(c.w, c.labelW);
			boxes.push({ index: i, row, colX: left, colW, x: left + (colW - c.w) / 2, y: top + (band - c.h) / 2, w: c.w, h: c.h, labelY: top + band });
			left += colW + gap;
		}
		top += band + labelH + rowGap;
	});
	return { boxes, rows: rowsOf.length, height: Math.max(0, top - rowGap) };
}

/** The layers as a table: one row per layer (name, output shape, parameters, weight shape). */
export function archTable(layers: readonly ArchLayer[], names: readonly string[], columns: [string, string, string, string]): ChartTable {
	const rows: CellValue[][] = layers.map((l, i) => [names[i] ?? l.id, shapeText(l.shape), l.params, l.weightShape ? shapeText(l.weightShape) : '']);
	return { columns: [...columns], rows, total: rows.length };
}
