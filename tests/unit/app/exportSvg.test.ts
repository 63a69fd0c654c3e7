import { describe, expect, it } from 'vitest';
import {
	isSafeHref,
	sanitizeSvgMarkup,
	stripExternalUrls,
	svgFileText
} from '$lib/app/export/svgSanitize';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('SVG post-processing', () => {
	it('adds the SVG namespace (and xlink when used) to the root', () => {
		const out = sanitizeSvgMarkup('<svg width="10" height="10"><rect/></svg>');
		expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="10"')).toBe(true);
		const x = sanitizeSvgMarkup('<svg><use xlink:href="#a"/></svg>');
		expect(x).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
		const kept = sanitizeSvgMarkup('<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>');
		expect(kept.match(/xmlns=/g)).toHaveLength(1);
	});

	it('removes scripts and foreignObject with their content', () => {
		const out = sanitizeSvgMarkup(
			'<svg><script>alert(1)</script><SCRIPT type="x">bad()</SCRIPT><script href="x.js"/>' +
				'<foreignObject><div>hi</div></foreignObject><path d="M0,0"/></svg>'
		);
		expect(out).not.toMatch(/script|alert|bad\(|foreignObject|<div/i);
		expect(out).toContain('<path d="M0,0"/>');
	});

	it('removes every event-handler attribute and javascript: values', () => {
		const out = sanitizeSvgMarkup(
			`<svg onload="x()"><rect ONCLICK='y()' onmouseover=z() width="4"/><a href="javascript:alert(1)">t</a></svg>`
		);
		expect(out).not.toMatch(/on\w+=|javascript|x\(\)|y\(\)|z\(\)/i);
		expect(out).toContain('<rect width="4"/>');
	});

	it('keeps internal and embedded-image hrefs, drops external ones', () => {
		const out = sanitizeSvgMarkup(
			`<svg><image href="${PNG}" x="1"/><use href="#dot"/><image href="https://evil.example/a.png"/>` +
				`<image xlink:href="file:///etc/passwd"/><image href="data:image/svg+xml,&lt;svg/&gt;"/></svg>`
		);
		expect(out).toContain(`href="${PNG}"`);
		expect(out).toContain('href="#dot"');
		expect(out).not.toMatch(/evil|file:|svg\+xml/);
	});

	it('neutralises external url() in styles and drops @import and DOCTYPE', () => {
		const out = sanitizeSvgMarkup(
			'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><?xml-stylesheet href="http://x/s.css"?>' +
				'<svg><style>@import url(http://x/a.css); .a{fill:red} .b{fill:url(https://y/z)}</style>' +
				'<rect style="fill: url(http://x/p#g); stroke: url(#grad)" data-series="train"/></svg>'
		);
		expect(out).not.toMatch(/ENTITY|DOCTYPE|xml-stylesheet|@import|http:\/\/x|https:/);
		expect(out).toContain('.b{fill:none}');
		expect(out).toContain('fill: none');
		expect(out).toContain('url(#grad)');
		expect(out).toContain('data-series="train"');
	});

	it('leaves already clean markup unchanged apart from xmlns', () => {
		const clean =
			'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" viewBox="0 0 20 10"><title>Loss</title>' +
			'<path data-series="a b" style="stroke: rgb(0, 114, 178); stroke-dasharray: 6px, 4px;" d="M0,1L2,3"/></svg>';
		expect(sanitizeSvgMarkup(clean)).toBe(clean);
		expect(sanitizeSvgMarkup(sanitizeSvgMarkup(clean))).toBe(clean);
	});

	it('writes a file with an XML declaration', () => {
		expect(svgFileText('<svg/>')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns=/);
	});

	it('classifies hrefs and urls', () => {
		expect(isSafeHref('#a')).toBe(true);
		expect(isSafeHref(PNG)).toBe(true);
		expect(isSafeHref('http://a/b.png')).toBe(false);
		expect(isSafeHref('data:text/html;base64,PGgxPg==')).toBe(false);
		expect(stripExternalUrls("fill: url('http://a')")).toBe('fill: none');
	});
});
