import type { CellValue, ChartTable } from './types';

/** Text that a spreadsheet would read as a number; such text is never prefixed. */
const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Leading characters that make spreadsheets evaluate a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Writes a number with full precision (shortest round-trip form); non-finite as NaN/Infinity. */
export function formatCsvNumber(v: number): string {
	if (Number.isNaN(v)) return 'NaN';
	if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
	return Object.is(v, -0) ? '0' : String(v);
}

/**
 * Guards a text cell against formula injection: text starting with = + - @ (or tab / CR) gets a
 * leading apostrophe, unless the whole text is a plain number such as "-0.5" or "+3e-4".
 */
export function guardFormula(text: string): string {
	if (!FORMULA_START.test(text) || NUMERIC_TEXT.test(text)) return text;
	return `'${text}`;
}

/** Quotes a field per RFC 4180 when it holds a comma, a double quote, CR or LF. */
export function quoteField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field from a cell value: numbers unmodified, booleans as true/false, empty for null. */
export function csvCell(value: CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return formatCsvNumber(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return quoteField(guardFormula(value));
}

/** The whole table as RFC 4180 CSV: header row first, CRLF line ends, trailing CRLF. */
export function toCsv(table: ChartTable): string {
	const lines = [table.columns.map(csvCell).join(',')];
	for (const row of table.rows) lines.push(row.map(csvCell).join(','));
	return lines.join('\r\n') + '\r\n';
}
