import { describe, expect, it } from 'vitest';
import { exportFileName, sanitizeExportName } from '$lib/app/export/fileName';

describe('export file names', () => {
	it('names files <name>.svg, <name>.csv, <name>.png and <name>@Nx.png', () => {
		expect(exportFileName('loss-curve', 'svg')).toBe('loss-curve.svg');
		expect(exportFileName('loss-curve', 'csv')).toBe('loss-curve.csv');
		expect(exportFileName('loss-curve', 'png', 1)).toBe('loss-curve.png');
		expect(exportFileName('loss-curve', 'png', 2)).toBe('loss-curve@2x.png');
		expect(exportFileName('loss-curve', 'png', 4)).toBe('loss-curve@4x.png');
	});

	it('sanitises names to [a-z0-9-]', () => {
		expect(sanitizeExportName('L02 Gradient Norm (log)')).toBe('l02-gradient-norm-log');
		expect(sanitizeExportName('Café/../../etc passwd')).toBe('cafe-etc-passwd');
		expect(sanitizeExportName('--a__b--')).toBe('a-b');
		expect(sanitizeExportName('梯度')).toBe('chart');
		expect(sanitizeExportName('')).toBe('chart');
		expect(sanitizeExportName('x'.repeat(200))).toHaveLength(80);
		for (const n of ['A B', '<script>', 'a.b.c', 'ÄÖÜ-ß']) expect(sanitizeExportName(n)).toMatch(/^[a-z0-9-]+$/);
	});

	it('keeps the sanitised stem in every file name', () => {
		expect(exportFileName('Dead ReLU share!', 'png', 2)).toBe('dead-relu-share@2x.png');
	});
});
