/** SVG namespace written on the root element of every exported file. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** XLink namespace, declared when the markup uses `xlink:` attributes. */
export const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** A start tag; attributes may also be separated by `/` (as HTML reads `<svg/onload=...>`). */
const START_TAG =
	/<([A-Za-z][\w:.-]*)((?:[\s/]+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>/g;
/** Elements removed with their content: they run script or embed other documents. */
const DROPPED = 'script|foreignObject|iframe|embed|object|handler';
const DROPPED_PAIR = new RegExp(`<(${DROPPED})\\b[\\s\\S]*?<\\/\\1\\s*>`, 'gi');
const DROPPED_TAG = new RegExp(`<\\/?(${DROPPED})\\b[^>]*>?`, 'gi');
/** Marks the tags this module wrote, so every other `<` can be escaped as text. */
const MARK = '\u0000';
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/** True when an href points inside the document (`#id`) or is an embedded raster image. */
export function isSafeHref(value: string): boolean {
	const v = value.trim();
	return v.startsWith('#') || SAFE_DATA_IMAGE.test(v);
}

function unquote(raw: string | undefined): string {
	if (raw === undefined) return '';
	const q = raw[0];
	return q === '"' || q === "'" ? raw.slice(1, -1) : raw;
}

/** Replaces every `url(...)` in a CSS value that does not point inside the document by `none`. */
export function stripExternalUrls(css: string): string {
	return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (m, _q: string, target: string) =>
		target.trim().startsWith('#') ? m : 'none'
	);
}

function cleanAttributes(attrs: string): string {
	let out = '';
	for (const m of attrs.matchAll(ATTRIBUTE)) {
		const name = m[1];
		const lower = name.toLowerCase();
		let value = unquote(m[2]);
		if (lower.startsWith('on')) continue;
		if (/^\s*(javascript|vbscript):/i.test(value)) continue;
		if ((lower === 'href' || lower.endsWith(':href')) && !isSafeHref(value)) continue;
		if (lower === 'style' || /url\(/i.test(value)) value = stripExternalUrls(value);
		out += ` ${name}="${value.replace(/"/g, '&quot;')}"`;
	}
	return out;
}

function addNamespaces(markup: string): string {
	return markup.replace(/<svg\b([^>]*)>/, (tag, attrs: string) => {
		let extra = '';
		if (!/\sxmlns\s*=/.test(attrs)) extra += ` xmlns="${SVG_NS}"`;
		if (/\bxlink:/.test(markup) && !/\sxmlns:xlink\s*=/.test(attrs))
			extra += ` xmlns:xlink="${XLINK_NS}"`;
		return extra ? tag.replace(/^<svg\b/, `<svg${extra}`) : tag;
	});
}

/**
 * Makes serialised SVG markup safe and standalone: removes `<script>`, `<foreignObject>`, `<iframe>`,
 * `<embed>`, `<object>` (repeatedly, so a tag split around another cannot reassemble), a start tag it
 * cannot read is escaped as text,
 * DOCTYPE/entity declarations, processing instructions, `@import`, every `on*` event attribute,
 * `javascript:` values and any href or CSS `url()` that leaves the document (only `#id` and
 * embedded `data:image/...;base64` rasters stay); adds `xmlns` (and `xmlns:xlink` if used).
 */
export function sanitizeSvgMarkup(markup: string): string {
	let text = markup.replaceAll(MARK, '');
	for (let before = ''; before !== text; ) {
		before = text;
		text = text.replace(DROPPED_PAIR, '').replace(DROPPED_TAG, '');
	}
	const body = text
		.replace(/<\?[\s\S]*?\?>/g, '')
		.replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, '')
		.replace(/<!ENTITY[\s\S]*?>/gi, '')
		.replace(/@import[^;]*;?/gi, '')
		.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi, (_m, open: string, css: string, close: string) =>
			open + stripExternalUrls(css) + close
		)
		.replace(START_TAG, (_m, name: string, attrs: string, selfClose: string) =>
			`${MARK}<${name}${cleanAttributes(attrs)}${selfClose ? '/' : ''}>`
		)
		.replace(/(?<!\u0000)<(?=[A-Za-z])/g, '&lt;')
		.replaceAll(MARK, '');
	return addNamespaces(body.trim());
}

/** A complete .svg file: XML declaration plus the sanitised markup. */
export function svgFileText(markup: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${sanitizeSvgMarkup(markup)}\n`;
}
