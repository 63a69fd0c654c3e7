/**
 * Crafted, hostile SVG through the export sanitiser (svgSanitize.ts): whatever the markup, the output
 * has no script, no event attribute, no foreignObject or embedded document, and no reference that
 * leaves the file (only `#id` and embedded raster `data:image/...;base64` survive).
 */
import { describe, expect, it } from 'vitest';
import { sanitizeSvgMarkup, svgFileText } from '$lib/app/export/svgSanitize';

/** Everything the sanitiser must never let through, as patterns over its output. */
const FORBIDDEN: [string, RegExp][] = [
	['script element', /<\s*script/i],
	['foreignObject', /<\s*foreignObject/i],
	['iframe/embed/object', /<\s*(iframe|embed|object)\b/i],
	['event attribute', /[\s/"']on[a-z]+\s*=/i],
	['javascript: or vbscript:', /(java|vb)script\s*:/i],
	['external href', /href\s*=\s*["']?(?!#|data:image\/(png|jpeg|gif|webp);base64,)[^"'\s>]/i],
	['external url()', /url\(\s*['"]?(?!#)[^'")\s]/i],
	['@import', /@import/i],
	['SVG or HTML data URI', /data:(image\/svg|text\/html)/i],
	['DOCTYPE / ENTITY', /<!(DOCTYPE|ENTITY)/i]
];

const CRAFTED: [string, string][] = [
	['plain script', '<svg><script>alert(1)</script></svg>'],
	['script split around a script', '<svg><scr<script>x</script>ipt>alert(1)</scr<script>y</script>ipt></svg>'],
	['script in CDATA', '<svg><script><![CDATA[alert(1)]]></script></svg>'],
	['unclosed script', '<svg><rect/><script>alert(1)'],
	['onload on root', '<svg onload="alert(1)"><rect/></svg>'],
	['slash-separated handler', '<svg/onload=alert(1)><rect/></svg>'],
	['handler after a slash in a tag', '<svg><rect/onclick=alert(1) width="1"/></svg>'],
	['handler split by newline', '<svg><rect\nonmouseover\n=\n"alert(1)"/></svg>'],
	['uppercase handler, no quotes', '<svg><g ONFOCUS=alert(1)><rect/></g></svg>'],
	['handler nested in a handler', '<svg><rect ononclick=click=alert(1) /></svg>'],
	['foreignObject with HTML', '<svg><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=alert(1)></body></foreignObject></svg>'],
	['iframe and embed', '<svg><iframe src="https://evil.example"></iframe><embed src="x.swf"/><object data="x"></object></svg>'],
	['javascript: link', '<svg><a href="javascript:alert(1)"><text>t</text></a></svg>'],
	['spaced, mixed-case javascript:', '<svg><a xlink:href="  JaVaScRiPt:alert(1)"><text>t</text></a></svg>'],
	['entity-encoded javascript:', '<svg><a href="javascript&#58;alert(1)"><text>t</text></a></svg>'],
	['SMIL sets href to javascript:', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>t</text></a><set attributeName="xlink:href" to="javascript:alert(1)"/></svg>'],
	['external image and use', '<svg><image href="https://evil.example/a.png"/><use xlink:href="//evil.example/s.svg#x"/></svg>'],
	['SVG inside a data URI', '<svg><image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/></svg>'],
	['HTML data URI', '<svg><a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>t</text></a></svg>'],
	['external url() in style attribute and element', '<svg><style>@import "https://evil.example/x.css"; rect{fill:url( "https://evil.example/p" )}</style><rect style="fill:url(//evil.example/g)"/></svg>'],
	['src attribute', '<svg><image src="https://evil.example/a.png"/></svg>'],
	['DOCTYPE with entity', '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg><text>&xxe;</text></svg>'],
	['processing instruction', '<?xml-stylesheet href="https://evil.example/s.xsl" type="text/xsl"?><svg/>']
];

describe('export sanitiser against crafted SVG', () => {
	it.each(CRAFTED)('%s', (_name, markup) => {
		const out = svgFileText(markup);
		for (const [what, re] of FORBIDDEN) expect(out, what).not.toMatch(re);
		expect(sanitizeSvgMarkup(sanitizeSvgMarkup(markup))).toBe(sanitizeSvgMarkup(markup));
	});

	it('keeps our own content: in-document references and embedded PNG layers', () => {
		const png = 'data:image/png;base64,iVBORw0KGgo=';
		const out = sanitizeSvgMarkup(`<svg><title>&lt;script&gt;alert(1)&lt;/script&gt;</title><image href="${png}"/><use href="#a"/><rect style="fill:url(#g)"/></svg>`);
		expect(out).toContain(`href="${png}"`);
		expect(out).toContain('href="#a"');
		expect(out).toContain('url(#g)');
		expect(out).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
	});
});
