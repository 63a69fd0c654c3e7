import type { ExportImage, ExportMeta } from './types';
import { SVG_NS, sanitizeSvgMarkup } from './svgSanitize';

/** Style properties resolved from the live chart and written inline (CSS variables become colours). */
const INLINE_PROPS = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-dashoffset',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'paint-order',
	'image-rendering',
	'shape-rendering'
] as const;

/** Attributes that only matter in the live page (interaction, accessibility, scoped CSS). */
const LIVE_ATTRS = ['class', 'tabindex', 'role', 'focusable'];

/** Options of one standalone SVG build. */
export interface SvgBuildOptions extends ExportMeta {
	/** Raster layers to embed; default: every `canvas[data-export-layer]` under the root. */
	images?: ExportImage[];
	/** Background colour behind the chart, or null for transparent. */
	background: string | null;
}

/** A standalone SVG document and its size in CSS pixels. */
export interface BuiltSvg {
	markup: string;
	width: number;
	height: number;
}

/** Every `canvas[data-export-layer]` under `root`, as PNG images positioned relative to `svg`. */
export function canvasLayers(root: Element, svg: Element): ExportImage[] {
	const base = svg.getBoundingClientRect();
	return [...root.querySelectorAll<HTMLCanvasElement>('canvas[data-export-layer]')]
		.filter((c) => c.width > 0 && c.height > 0)
		.map((c) => {
			const r = c.getBoundingClientRect();
			return {
				href: c.toDataURL('image/png'),
				x: r.left - base.left,
				y: r.top - base.top,
				width: r.width,
				height: r.height,
				pixelated: c.dataset.pixelated !== undefined
			};
		});
}

/** The chart's root `<svg>`: the one marked `data-export-root`, else the first. */
export function findChartSvg(root: Element): SVGSVGElement | null {
	return root.querySelector('svg[data-export-root]') ?? root.querySelector('svg');
}

/** Properties that are not inherited: written when not at their initial value. */
const NOT_INHERITED: Record<string, string> = { opacity: '1' };

function inlineStyles(src: Element[], dst: Element[]): void {
	const drop: Element[] = [];
	const styles = new Map<Element, CSSStyleDeclaration>();
	src.forEach((node, i) => {
		const out = dst[i];
		const cs = getComputedStyle(node);
		styles.set(node, cs);
		if (cs.display === 'none' || node.getAttribute('data-export') === 'skip') {
			drop.push(out);
			return;
		}
		for (const name of [...out.getAttributeNames()])
			if (LIVE_ATTRS.includes(name) || name.startsWith('aria-')) out.removeAttribute(name);
		const parent = i > 0 && node.parentElement ? styles.get(node.parentElement) : undefined;
		out.removeAttribute('style');
		const style = (out as SVGElement).style;
		for (const p of INLINE_PROPS) {
			const v = cs.getPropertyValue(p);
			if (!v || v.includes('url(')) continue;
			const initial = NOT_INHERITED[p];
			const same = initial !== undefined ? v === initial : parent?.getPropertyValue(p) === v;
			if (!same) style.setProperty(p, v);
		}
	});
	for (const node of drop) node.remove();
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
	const node = document.createElementNS(SVG_NS, name);
	for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
	if (text !== undefined) node.textContent = text;
	return node;
}

/**
 * Builds a standalone SVG of the chart under `root`: the chart's svg cloned with every colour and
 * font resolved and inlined, canvas layers embedded as PNG `<image>`s, `<title>`/`<desc>`, an
 * optional background rect, width/height/viewBox and xmlns; then sanitised (no scripts, no
 * event attributes, no external references). Browser only.
 */
export function buildStandaloneSvg(root: Element, opts: SvgBuildOptions): BuiltSvg {
	const svg = findChartSvg(root);
	if (!svg) throw new Error('chart has no <svg> to export');
	const width = Math.round(svg.width.baseVal.value || svg.getBoundingClientRect().width);
	const height = Math.round(svg.height.baseVal.value || svg.getBoundingClientRect().height);
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles([svg, ...svg.querySelectorAll('*')], [clone, ...clone.querySelectorAll('*')]);
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const images = opts.images ?? canvasLayers(root, svg);
	const front: SVGElement[] = [el('title', {}, opts.title)];
	if (opts.description) front.push(el('desc', {}, opts.description));
	if (opts.background)
		front.push(el('rect', { x: 0, y: 0, width, height, fill: opts.background }));
	for (const im of images) {
		const attrs: Record<string, string | number> = {
			href: im.href,
			x: im.x,
			y: im.y,
			width: im.width,
			height: im.height,
			preserveAspectRatio: 'none'
		};
		if (im.pixelated) attrs.style = 'image-rendering: pixelated';
		front.push(el('image', attrs));
	}
	clone.prepend(...front);
	const markup = sanitizeSvgMarkup(new XMLSerializer().serializeToString(clone));
	return { markup, width, height };
}
