import { afterEach, describe, expect, it, vi } from 'vitest';
import { cssVar, cssVarRgba } from '$lib/charts/core/theme';

/** A stand-in for <html>: its attributes, and the theme variables each attribute set gives. */
function fakeRoot(themes: Record<string, Record<string, string>>) {
	const root = { attributes: [] as { name: string; value: string }[] };
	const style = vi.fn(() => {
		const theme = root.attributes.find((a) => a.name === 'data-theme')?.value ?? 'light';
		return { getPropertyValue: (name: string) => ` ${themes[theme]?.[name] ?? ''} ` };
	});
	vi.stubGlobal('document', { documentElement: root });
	vi.stubGlobal('getComputedStyle', style);
	return { root, style };
}

afterEach(() => vi.unstubAllGlobals());

describe('theme variables', () => {
	it('are resolved once per theme, not on every redraw, and follow a theme switch', () => {
		const { root, style } = fakeRoot({ light: { '--border': '#cccccc', '--grid': 'rgb(1, 2, 3)' }, contrast: { '--border': '#ffffff' } });
		for (let i = 0; i < 100; i++) expect(cssVar('--border')).toBe('#cccccc');
		expect(cssVarRgba('--grid')).toEqual([1, 2, 3, 255]);
		expect(style).toHaveBeenCalledTimes(2);
		root.attributes.push({ name: 'data-theme', value: 'contrast' });
		expect(cssVar('--border')).toBe('#ffffff');
		expect(style).toHaveBeenCalledTimes(3);
	});

	it('give the fallback for a variable that is missing or not a colour', () => {
		fakeRoot({ light: { '--odd': 'not-a-colour' } });
		expect(cssVar('--missing', 'gray')).toBe('gray');
		expect(cssVarRgba('--odd', [9, 9, 9, 255])).toEqual([9, 9, 9, 255]);
	});
});
