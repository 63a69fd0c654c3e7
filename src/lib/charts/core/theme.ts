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

/** The resolved value of CSS variable `name` on `el` as RGBA bytes (fallback when unresolvable). */
export function cssVarRgba(el: Element, name: string, fallback: Rgba = [128, 128, 128, 255]): Rgba {
	const raw = getComputedStyle(el).getPropertyValue(name).trim();
	const c = raw ? rgb(raw) : null;
	if (!c || Number.isNaN(c.r)) return fallback;
	return [c.r, c.g, c.b, Math.round(c.opacity * 255)];
}

/** The resolved value of CSS variable `name` on `el` as a CSS colour string. */
export function cssVar(el: Element, name: string, fallback = 'gray'): string {
	return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}
