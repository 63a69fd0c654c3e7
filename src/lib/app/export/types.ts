/** One cell of an exported data table: numbers keep full precision, text is quoted and guarded. */
export type CellValue = string | number | boolean | null | undefined;

/** A chart's plotted data as a table: a header row and data rows (same length as `columns`). */
export interface ChartTable {
	/** Column headers, shown in the data table and written as the CSV header row. */
	columns: string[];
	/** Data rows; each row has one cell per column. */
	rows: CellValue[][];
	/** Number of data rows in the whole data set when `rows` holds only the first ones. */
	total?: number;
}

/** Builds a chart's table: all rows, or (for display) only the first `limit`, with `total` set. */
export type TableSource = (limit?: number) => ChartTable;

/** A raster layer of a chart (canvas) placed into the exported SVG as an embedded PNG. */
export interface ExportImage {
	/** `data:image/png;base64,...` URL of the layer. */
	href: string;
	/** Position and size in CSS pixels, relative to the chart's SVG. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** Draw with nearest-neighbour scaling (heatmap cells), not smoothed. */
	pixelated?: boolean;
}

/** What a chart tells the exporter about itself. */
export interface ExportMeta {
	/** Visible chart title; becomes the SVG `<title>`. */
	title: string;
	/** Longer description; becomes the SVG `<desc>`. */
	description?: string;
	/** Base file name (sanitised to [a-z0-9-]). */
	exportName: string;
}
