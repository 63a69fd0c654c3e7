import { describe, expect, it } from 'vitest';
import { parseInline, parseProse, plainText, type Inline } from '$lib/ui/prose';

const text = (t: string): Inline => ({ type: 'text', text: t });
const math = (tex: string, display = false): Inline => ({ type: 'math', tex, display });

describe('parseInline', () => {
	it('keeps plain text as one text node', () => {
		expect(parseInline('Hello, world.')).toEqual([text('Hello, world.')]);
	});

	it('recognises inline math, display math, code, bold and italic', () => {
		expect(parseInline('a $x^2$ b $$\\sum_i x_i$$ c `f(x)` **B** *I*')).toEqual([
			text('a '),
			math('x^2'),
			text(' b '),
			math('\\sum_i x_i', true),
			text(' c '),
			{ type: 'code', text: 'f(x)' },
			text(' '),
			{ type: 'strong', children: [text('B')] },
			text(' '),
			{ type: 'em', children: [text('I')] }
		]);
	});

	it('turns an escaped dollar into a literal dollar', () => {
		expect(parseInline('costs \\$5 and \\$10')).toEqual([text('costs $5 and $10')]);
	});

	it('does not treat prices as math (Pandoc rule)', () => {
		expect(parseInline('between $5 and $10 a day')).toEqual([text('between $5 and $10 a day')]);
	});

	it('keeps dollars inside code literal', () => {
		expect(parseInline('run `echo $HOME $x$` now')).toEqual([
			text('run '),
			{ type: 'code', text: 'echo $HOME $x$' },
			text(' now')
		]);
	});

	it('leaves unbalanced markers as text', () => {
		expect(parseInline('open $x and **bold and `code and *it')).toEqual([
			text('open $x and **bold and `code and *it')
		]);
		expect(parseInline('a * b * c')).toEqual([text('a * b * c')]);
		expect(parseInline('$$ never closed')).toEqual([text('$$ never closed')]);
	});

	it('nests math and italic inside bold', () => {
		expect(parseInline('**the $\\sigma(x)$ and *tanh* curves**')).toEqual([
			{
				type: 'strong',
				children: [
					text('the '),
					math('\\sigma(x)'),
					text(' and '),
					{ type: 'em', children: [text('tanh')] },
					text(' curves')
				]
			}
		]);
	});

	it('does not let a star inside math close emphasis', () => {
		expect(parseInline('*see $a*b$ here*')).toEqual([
			{ type: 'em', children: [text('see '), math('a*b'), text(' here')] }
		]);
	});

	it('keeps TeX escapes inside math, including \\$', () => {
		expect(parseInline('$\\$5 + \\{x\\}$')).toEqual([math('\\$5 + \\{x\\}')]);
	});

	it('passes markup-looking text through as text (rendered as text, never HTML)', () => {
		expect(parseInline('<script>alert(1)</script> & <b>x</b>')).toEqual([
			text('<script>alert(1)</script> & <b>x</b>')
		]);
	});

	it('unescapes \\*, \\` and \\\\ and keeps other backslashes', () => {
		expect(parseInline('2 \\* 3, \\`x\\`, a\\\\b, \\n')).toEqual([text('2 * 3, `x`, a\\b, \\n')]);
	});

	it('returns nothing for empty text', () => {
		expect(parseInline('')).toEqual([]);
	});
});

describe('parseProse', () => {
	it('splits paragraphs on blank lines and joins soft line breaks with spaces', () => {
		expect(parseProse('First line\n  continues.\n\n\nSecond.')).toEqual([
			{ type: 'paragraph', children: [text('First line continues.')] },
			{ type: 'paragraph', children: [text('Second.')] }
		]);
	});

	it('reads bullet lists, with continuation lines and a lead-in paragraph', () => {
		expect(parseProse('Three kinds:\n- **one**\n- two\n  more\n- $x$')).toEqual([
			{ type: 'paragraph', children: [text('Three kinds:')] },
			{
				type: 'list',
				items: [
					[{ type: 'strong', children: [text('one')] }],
					[text('two more')],
					[math('x')]
				]
			}
		]);
	});

	it('makes a paragraph that is only display math a math block', () => {
		expect(parseProse('Softmax:\n\n$$\n\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$')).toEqual([
			{ type: 'paragraph', children: [text('Softmax:')] },
			{ type: 'math', tex: '\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}' }
		]);
	});

	it('keeps display math that contains a blank line together', () => {
		const blocks = parseProse('$$a\n\nb$$\n\nafter');
		expect(blocks).toEqual([
			{ type: 'math', tex: 'a b' },
			{ type: 'paragraph', children: [text('after')] }
		]);
	});

	it('does not treat a negative number as a bullet', () => {
		expect(parseProse('-3 is negative')).toEqual([
			{ type: 'paragraph', children: [text('-3 is negative')] }
		]);
	});

	it('handles CRLF and whitespace-only text', () => {
		expect(parseProse('a\r\n\r\nb')).toHaveLength(2);
		expect(parseProse('  \n \n')).toEqual([]);
	});
});

describe('plainText', () => {
	it('flattens nodes, keeping TeX source', () => {
		expect(plainText(parseInline('**a $x$** `c`'))).toBe('a x c');
	});
});
