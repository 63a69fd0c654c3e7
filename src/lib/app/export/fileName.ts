/** Kinds of files a chart exports. */
export type ExportKind = 'svg' | 'png' | 'csv';

/** PNG scales the export menu offers (output pixels per CSS pixel). */
export const PNG_SCALES = [1, 2, 4] as const;

/**
 * Turns a chart's export name into a safe file stem of [a-z0-9-]: lower-case, accents dropped,
 * every other run of characters becomes one '-', at most 80 characters; 'chart' when nothing is left.
 */
export function sanitizeExportName(name: string): string {
	const stem = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/g, '');
	return stem || 'chart';
}

/**
 * The download file name: `<name>.svg`, `<name>.csv`, `<name>.png` at 1x and `<name>@<scale>x.png`
 * at other scales (e.g. `loss-curve@2x.png`).
 */
export function exportFileName(name: string, kind: ExportKind, scale = 1): string {
	const stem = sanitizeExportName(name);
	if (kind !== 'png' || scale === 1) return `${stem}.${kind}`;
	return `${stem}@${scale}x.png`;
}
