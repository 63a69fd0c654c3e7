import { describe, expect, it } from 'vitest';
import { tables } from '$lib/app/i18n/messages';
import {
	classColor,
	classCount,
	classOf,
	classSymbols,
	paddedDomains,
	pointCount,
	scatterTable
} from '$lib/charts/core/scatterModel';
import { scatterHint, scatterReadout } from '$lib/charts/core/scatterText';
import { format } from '$lib/app/i18n/define';

const cols: [string, string, string, string] = ['x', 'y', 'class', 'line'];

describe('scatter points and classes', () => {
	it('counts points by the shorter column and reads classes defensively', () => {
		const p = { x: [1, 2, 3], y: [4, 5], cls: [1, -1, NaN] };
		expect(pointCount(p)).toBe(2);
		expect(classOf(p, 0)).toBe(1);
		expect(classOf(p, 1)).toBe(0);
		expect(classOf(p, 2)).toBe(0);
		expect(classOf({ x: [1], y: [1] }, 0)).toBe(0);
		expect(classOf({ x: [1], y: [1], cls: [2.7] }, 0)).toBe(2);
	});

	it('counts classes from the data or the names, and colours them from the theme', () => {
		expect(classCount({ x: [1, 2], y: [1, 2], cls: [0, 2] })).toBe(3);
		expect(classCount({ x: [], y: [] }, ['a', 'b'])).toBe(2);
		expect(classCount({ x: [1], y: [1] })).toBe(1);
		expect(classColor(0)).toBe('var(--series-1)');
		expect(classColor(1)).toBe('var(--series-2)');
		expect(classColor(1, ['red', 'var(--danger)'])).toBe('var(--danger)');
	});

	it('gives each class its own marker shape', () => {
		const s = classSymbols(3, 4);
		expect(new Set(s).size).toBe(3);
		for (const d of s) expect(d).toMatch(/^M/);
	});

	it('pads the data extent for default domains, lines included', () => {
		const d = paddedDomains({ x: [0, 10, NaN], y: [5, 5, 1] }, [{ name: 'fit', x: [0, 20], y: [0, 0] }], 0.1);
		expect(d.x).toEqual([-2, 22]);
		expect(d.y[0]).toBeCloseTo(-0.5);
		expect(d.y[1]).toBeCloseTo(5.5);
		expect(paddedDomains({ x: [], y: [] })).toEqual({ x: [0, 1], y: [0, 1] });
		const one = paddedDomains({ x: [2], y: [3] });
		expect(one.x[0]).toBeLessThan(2);
		expect(one.x[1]).toBeGreaterThan(2);
	});
});

describe('scatter data table', () => {
	it('lists x, y and the class name per point', () => {
		const t = scatterTable({ x: [1, 2], y: [3, 4], cls: [0, 1] }, [], cols, ['red', 'blue']);
		expect(t).toEqual({ columns: ['x', 'y', 'class'], rows: [[1, 3, 'red'], [2, 4, 'blue']], total: 2 });
		expect(scatterTable({ x: [1], y: [3], cls: [2] }, [], cols).rows).toEqual([[1, 3, 2]]);
	});

	it('appends line vertices in a fourth column and honours the limit', () => {
		const t = scatterTable({ x: [1], y: [2] }, [{ name: 'OLS', x: [0, 1], y: [5, 6] }], cols, undefined);
		expect(t.columns).toEqual(cols);
		expect(t.rows).toEqual([[1, 2, 0, ''], [0, 5, '', 'OLS'], [1, 6, '', 'OLS']]);
		expect(t.total).toBe(3);
		const short = scatterTable({ x: [1, 2, 3], y: [1, 2, 3] }, [{ name: 'L', x: [0], y: [0] }], cols, undefined, 2);
		expect(short.rows).toHaveLength(2);
		expect(short.total).toBe(4);
	});
});

describe('scatter read-out and hint', () => {
	const t = (locale: 'en' | 'zh') => (k: keyof typeof tables.en, v?: Record<string, string | number>) => format(tables[locale][k], v);

	it('announces a point as x, y, class, with the background value when there is one', () => {
		const s = scatterReadout(t('en'), { x: 0.5, y: -1, point: { i: 2, n: 10, cls: 'blue' }, value: 0.25, valueLabel: 'P(blue)' });
		expect(s).toBe('Point 3 of 10: x = 0.5, y = \u22121, blue; P(blue): 0.25');
		const c = scatterReadout(t('en'), { x: 1, y: 2, xLabel: 'size', yLabel: 'price', point: null, value: NaN, valueLabel: '' });
		expect(c).toBe('Cross-hair at size = 1, price = 2');
		expect(scatterReadout(t('zh'), { x: 1, y: 2, point: { i: 0, n: 1, cls: '甲' }, value: 0.5, valueLabel: '概率' })).toBe(
			'第 1 个点（共 1 个）：x = 1，y = 2，甲；概率：0.5'
		);
	});

	it('documents exactly the interactions the chart offers', () => {
		const readOnly = scatterHint(t('en'), { move: false, add: false, pick: false, classes: null });
		expect(readOnly).toContain('arrow keys');
		expect(readOnly).not.toMatch(/Drag|add|Enter/);
		const all = scatterHint(t('en'), { move: true, add: true, pick: true, classes: ['red', 'blue'] });
		expect(all).toContain('Shift+A');
		expect(all).toContain('Shift+click for blue');
		expect(all).toContain('Drag a point');
		expect(all).toContain('Enter');
		expect(scatterHint(t('en'), { move: false, add: true, pick: false, classes: null })).toContain('press A');
		expect(scatterHint(t('zh'), { move: false, add: true, pick: false, classes: ['甲', '乙'] })).toContain('Shift+A');
	});
});
