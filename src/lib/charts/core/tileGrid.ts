/** Where one tile of a tile grid goes, px, relative to the grid's top-left corner. */
export interface TileCell {
	index: number;
	row: number;
	col: number;
	x: number;
	y: number;
}

/** A tile grid laid out to fit a width: columns, rows, tile positions and the total size. */
export interface TileGrid {
	cols: number;
	rows: number;
	cells: TileCell[];
	width: number;
	height: number;
}

/** What a tile grid needs to know: tile count and size (px), gaps (px) and the width it must fit. */
export interface TileGridInput {
	count: number;
	/** Width of one column (the tile, or its caption when wider), px. */
	cellWidth: number;
	/** Height of one row (the tile plus its label or caption), px. */
	cellHeight: number;
	gapX: number;
	gapY: number;
	/** Available width, px. */
	width: number;
	/** At most this many columns (e.g. 8 to keep rows of 8 channels). */
	maxCols?: number;
}

/**
 * Lays `count` equal cells out left to right, wrapping to new rows so that the grid fits `width`
 * (always at least one column, never more columns than cells or `maxCols`). Rows are filled in
 * order, so cell i sits at row floor(i / cols), column i % cols.
 */
export function layoutTileGrid(input: TileGridInput): TileGrid {
	const { count, cellWidth, cellHeight, gapX, gapY, width } = input;
	const n = Math.max(0, Math.floor(count));
	const fit = Math.floor((width + gapX) / Math.max(1e-9, cellWidth + gapX));
	const cols = Math.max(1, Math.min(n || 1, input.maxCols ?? Infinity, fit));
	const rows = Math.ceil(n / cols);
	const cells: TileCell[] = [];
	for (let i = 0; i < n; i++) {
		const row = Math.floor(i / cols);
		const col = i % cols;
		cells.push({ index: i, row, col, x: col * (cellWidth + gapX), y: row * (cellHeight + gapY) });
	}
	return {
		cols,
		rows,
		cells,
		width: cols * cellWidth + (cols - 1) * gapX,
		height: rows > 0 ? rows * cellHeight + (rows - 1) * gapY : 0
	};
}

/**
 * The cell that keyboard key `key` moves to from `index` in a grid of `count` cells laid out in
 * `cols` columns: arrows move by one cell (left/right wrap across rows), Home/End go to the first
 * and the last cell. Returns null for keys that do not navigate (the caller leaves them alone).
 */
export function gridKeyTarget(key: string, index: number, cols: number, count: number): number | null {
	if (count <= 0) return null;
	const i = Math.min(Math.max(0, index), count - 1);
	const c = Math.max(1, cols);
	switch (key) {
		case 'ArrowRight':
			return Math.min(count - 1, i + 1);
		case 'ArrowLeft':
			return Math.max(0, i - 1);
		case 'ArrowDown':
			return i + c < count ? i + c : i;
		case 'ArrowUp':
			return i - c >= 0 ? i - c : i;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return null;
	}
}
