import { toCsv } from './csv';
import { downloadBlob } from './download';
import { exportFileName } from './fileName';
import { svgToPngBlob } from './rasterize';
import { buildStandaloneSvg } from './serializeSvg';
import { svgFileText } from './svgSanitize';
import type { ChartTable, ExportImage, ExportMeta } from './types';

export type { CellValue, ChartTable, ExportImage, ExportMeta, TableSource } from './types';
export { toCsv, csvCell, guardFormula, quoteField, formatCsvNumber } from './csv';
export { exportFileName, sanitizeExportName, PNG_SCALES, type ExportKind } from './fileName';
export { pngPixelSize, type PngSize } from './pngSize';
export { sanitizeSvgMarkup, svgFileText, isSafeHref, stripExternalUrls } from './svgSanitize';
export { buildStandaloneSvg, canvasLayers, findChartSvg } from './serializeSvg';
export { svgToPngBlob } from './rasterize';
export { downloadBlob } from './download';

/** Byte-order mark written before CSV text so spreadsheet programs read it as UTF-8 (Chinese). */
export const CSV_BOM = '\uFEFF';

/** Options shared by the image exports. */
export interface ImageExportOptions extends ExportMeta {
	/** Background colour (the theme's --bg), or null for a transparent file. */
	background: string | null;
	/** Raster layers; default: every `canvas[data-export-layer]` under the chart root. */
	images?: ExportImage[];
}

/** Downloads the chart under `root` as `<exportName>.svg`; returns the file name. Browser only. */
export function exportSvgFile(root: Element, opts: ImageExportOptions): string {
	const { markup } = buildStandaloneSvg(root, opts);
	const name = exportFileName(opts.exportName, 'svg');
	downloadBlob(new Blob([svgFileText(markup)], { type: 'image/svg+xml' }), name);
	return name;
}

/**
 * Downloads the chart under `root` as a PNG of (CSS size x scale) pixels, named `<exportName>.png`
 * at 1x and `<exportName>@<scale>x.png` otherwise; returns the file name. Browser only.
 */
export async function exportPngFile(
	root: Element,
	scale: number,
	opts: ImageExportOptions
): Promise<string> {
	const { markup, width, height } = buildStandaloneSvg(root, opts);
	const blob = await svgToPngBlob(markup, width, height, scale);
	const name = exportFileName(opts.exportName, 'png', scale);
	downloadBlob(blob, name);
	return name;
}

/** Downloads the chart's data as `<exportName>.csv` (UTF-8 with BOM, RFC 4180); returns the name. */
export function exportCsvFile(table: ChartTable, exportName: string): string {
	const name = exportFileName(exportName, 'csv');
	downloadBlob(new Blob([CSV_BOM + toCsv(table)], { type: 'text/csv;charset=utf-8' }), name);
	return name;
}
