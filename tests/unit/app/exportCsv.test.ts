import { describe, expect, it } from 'vitest';
import { csvCell, guardFormula, quoteField, toCsv } from '$lib/app/export/csv';

/** Minimal RFC 4180 parser used to check that quoting round-trips. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += ch;
	}
	return rows;
}

describe('CSV export', () => {
	it('writes a header row and data rows with CRLF line ends', () => {
		const csv = toCsv({ columns: ['series', 'x', 'y'], rows: [['train', 1, 0.5], ['val', 2, 0.25]] });
		expect(csv).toBe('series,x,y\r\ntrain,1,0.5\r\nval,2,0.25\r\n');
	});

	it('keeps numbers at full precision and never prefixes them', () => {
		const values = [0.1 + 0.2, -1.2345678901234567e-12, 1e21, -0.5, 123456789.123456];
		const csv = toCsv({ columns: ['v'], rows: values.map((v) => [v]) });
		const parsed = parseCsv(csv).slice(1).map((r) => Number(r[0]));
		expect(parsed).toEqual(values);
		expect(csv).toContain('\r\n-0.5\r\n');
	});

	it('writes non-finite numbers and empty cells plainly', () => {
		expect(csvCell(NaN)).toBe('NaN');
		expect(csvCell(-Infinity)).toBe('-Infinity');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(true)).toBe('true');
		expect(csvCell(-0)).toBe('0');
	});

	it('quotes commas, quotes and line breaks per RFC 4180 and round-trips them', () => {
		expect(quoteField('a,b')).toBe('"a,b"');
		expect(quoteField('say "hi"')).toBe('"say ""hi"""');
		const cells = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', '中文，标签', 'plain'];
		const parsed = parseCsv(toCsv({ columns: cells, rows: [cells] }));
		expect(parsed).toEqual([cells, cells]);
	});

	it('guards text that a spreadsheet would run as a formula', () => {
		expect(guardFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
		expect(guardFormula('+cmd')).toBe("'+cmd");
		expect(guardFormula('-2+3')).toBe("'-2+3");
		expect(guardFormula('@import')).toBe("'@import");
		expect(guardFormula('\tx')).toBe("'\tx");
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
	});

	it('does not mangle numeric text or ordinary text', () => {
		expect(guardFormula('-0.5')).toBe('-0.5');
		expect(guardFormula('+3e-4')).toBe('+3e-4');
		expect(guardFormula('-12')).toBe('-12');
		expect(guardFormula('relu')).toBe('relu');
		expect(guardFormula('a=b')).toBe('a=b');
	});

	it('writes an empty table as just the header', () => {
		expect(toCsv({ columns: ['x'], rows: [] })).toBe('x\r\n');
	});
});
