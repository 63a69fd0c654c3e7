import { rgb } from 'd3';
import type { Rgba } from './heatPaint';

/**
 * Calls `onChange` whenever the document's theme may have changed (attributes of <html>: the
 * contrast theme, classroom mode). Returns the function that stops watching. Browser only.
 */
export function watchTheme(onChange: () => void): () => void {
	const mo = new MutationObserver(onChange);
	mo.observe(document.documentElement, { attributes: true });
	return () => mo.disconnect();
}

/**
 * Theme variables resolved on <html>, where app.css defines all of them, kept while the attributes
 * of <html> (which switch the theme) stay the same. getComputedStyle inside a chart's redraw forces
 * a style recalculation of the whole page right after Svelte changed it: in L02 that was 50 ms of
 * the cold start, and part of every training frame.
 */
const resolved = new Map<string, string>();
let resolvedFor = '';

function rootVar(name: string): string {
	const root = document.documentElement;
	let attrs = '';
	for (const a of root.attributes) attrs += `${a.name}=${a.value};`;
	if (attrs !== resolvedFor) {
		resolved.clear();
		resolvedFor = attrs;
	}
	let v = resolved.get(name);
	if (v === undefined) {
		v = getComputedStyle(root).getPropertyValue(name).trim();
		resolved.set(name, v);
	}
	return v;
}

/** The resolved value of theme variable `name` as RGBA bytes (fallback when unresolvable). */
export function cssVarRgba(name: string, fallback: Rgba = [128, 128, 128, 255]): Rgba {
	const raw = rootVar(name);
	const c = raw ? rgb(raw) : null;
	if (!c || Number.isNaN(c.r)) return fallback;
	return [c.r, c.g, c.b, Math.round(c.opacity * 255)];
}

/** The resolved value of theme variable `name` as a CSS colour string. */
export function cssVar(name: string, fallback = 'gray'): string {
	return rootVar(name) || fallback;
}
