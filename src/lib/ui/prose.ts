/**
 * A small, pure tokenizer for lesson prose (no HTML is ever produced here).
 *
 * Syntax:
 * - paragraphs are separated by blank lines; single newlines inside a paragraph are spaces;
 * - lines starting with `- ` are bullet items (a following line without `- ` continues the item);
 * - `$inline TeX$`, `$$display TeX$$`, `**bold**`, `*italic*`, `` `code` ``;
 * - `\$`, `\*`, `` \` `` and `\\` outside math and code give the literal character;
 * - inside `` `code` `` everything is literal (dollars included); inside math everything is TeX;
 * - a marker without a partner is kept as text ('costs $5', 'a * b', '**open').
 *
 * Inline math follows Pandoc's rule so prices are not mistaken for TeX: the opening `$` must be
 * followed by a non-space, the closing `$` preceded by a non-space and not followed by a digit.
 */

/** An inline piece of prose. */
export type Inline =
	| { type: 'text'; text: string }
	| { type: 'code'; text: string }
	| { type: 'math'; tex: string; display: boolean }
	| { type: 'strong'; children: Inline[] }
	| { type: 'em'; children: Inline[] };

/** A block of prose. */
export type Block =
	| { type: 'paragraph'; children: Inline[] }
	| { type: 'list'; items: Inline[][] }
	| { type: 'math'; tex: string };

const ESCAPABLE = new Set(['$', '*', '`', '\\']);

/** Index of the next `$`/`$$` closer of math starting at `from` (skipping TeX's own `\$`), or -1. */
function findMathEnd(s: string, from: number, display: boolean): number {
	for (let i = from; i < s.length; i++) {
		const c = s[i];
		if (c === '\\') {
			i++;
			continue;
		}
		if (c !== '$') continue;
		if (display) {
			if (s[i + 1] === '$') return i;
			continue;
		}
		if (s[i + 1] === '$') {
			i++;
			continue;
		}
		const before = s[i - 1];
		const after = s[i + 1];
		if (before !== undefined && !/\s/.test(before) && !(after !== undefined && /\d/.test(after))) {
			return i;
		}
	}
	return -1;
}

function pushText(out: Inline[], text: string): void {
	if (!text) return;
	const last = out[out.length - 1];
	if (last && last.type === 'text') last.text += text;
	else out.push({ type: 'text', text });
}

function isSpace(c: string | undefined): boolean {
	return c === undefined || /\s/.test(c);
}

/** Parses `s` from `start` until the closer `stop` (or the end); returns null if `stop` never closes. */
function parseRun(
	s: string,
	start: number,
	stop: '**' | '*' | null
): { nodes: Inline[]; end: number } | null {
	const out: Inline[] = [];
	let i = start;
	while (i < s.length) {
		const c = s[i];
		if (stop && s.startsWith(stop, i) && i > start && !isSpace(s[i - 1])) {
			const isDoubleAhead = stop === '*' && s[i + 1] === '*';
			if (!isDoubleAhead) return { nodes: out, end: i + stop.length };
		}
		if (c === '\\' && ESCAPABLE.has(s[i + 1] ?? '')) {
			pushText(out, s[i + 1]);
			i += 2;
			continue;
		}
		if (c === '`') {
			const close = s.indexOf('`', i + 1);
			if (close > i + 1) {
				out.push({ type: 'code', text: s.slice(i + 1, close) });
				i = close + 1;
				continue;
			}
			pushText(out, c);
			i++;
			continue;
		}
		if (c === '$') {
			const display = s[i + 1] === '$';
			const open = display ? 2 : 1;
			const ok = display ? true : !isSpace(s[i + 1]);
			const close = ok ? findMathEnd(s, i + open, display) : -1;
			const tex = close >= 0 ? s.slice(i + open, close).trim() : '';
			if (close >= 0 && tex) {
				out.push({ type: 'math', tex, display });
				i = close + open;
				continue;
			}
			pushText(out, s.slice(i, i + open));
			i += open;
			continue;
		}
		if (c === '*') {
			const marker = s[i + 1] === '*' ? '**' : '*';
			if (!isSpace(s[i + marker.length]) && marker !== stop) {
				const inner = parseRun(s, i + marker.length, marker);
				if (inner && inner.nodes.length > 0) {
					out.push({ type: marker === '**' ? 'strong' : 'em', children: inner.nodes });
					i = inner.end;
					continue;
				}
			}
			pushText(out, marker);
			i += marker.length;
			continue;
		}
		pushText(out, c);
		i++;
	}
	return stop ? null : { nodes: out, end: i };
}

/** Tokenizes one paragraph's (or list item's) text into inline pieces. */
export function parseInline(text: string): Inline[] {
	return parseRun(text, 0, null)?.nodes ?? [];
}

/** Counts `$$` pairs outside code and escapes, to keep display math that spans blank lines together. */
function openDisplayMath(block: string): boolean {
	let open = false;
	for (let i = 0; i < block.length; i++) {
		const c = block[i];
		if (c === '\\') i++;
		else if (c === '`' && !open) {
			const close = block.indexOf('`', i + 1);
			if (close > i) i = close;
		} else if (c === '$' && block[i + 1] === '$') {
			open = !open;
			i++;
		}
	}
	return open;
}

/** Splits on blank lines, re-joining chunks that would cut a `$$ ... $$` in two. */
function splitBlocks(text: string): string[] {
	const chunks = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
	const out: string[] = [];
	let pending = '';
	for (const chunk of chunks) {
		pending = pending ? `${pending}\n\n${chunk}` : chunk;
		if (!openDisplayMath(pending)) {
			out.push(pending);
			pending = '';
		}
	}
	if (pending) out.push(pending);
	return out.map((b) => b.trim()).filter((b) => b.length > 0);
}

const BULLET = /^[-]\s+/;

/** Turns one paragraph's text into a display-math block when it is nothing but `$$...$$`. */
function paragraphBlock(text: string): Block {
	const children = parseInline(text);
	const only = children.length === 1 ? children[0] : null;
	if (only && only.type === 'math' && only.display) return { type: 'math', tex: only.tex };
	return { type: 'paragraph', children };
}

/** Tokenizes a whole lesson text into paragraphs, bullet lists and display-math blocks. */
export function parseProse(text: string): Block[] {
	const blocks: Block[] = [];
	for (const chunk of splitBlocks(text)) {
		const lines = chunk.split('\n').map((l) => l.trim());
		let para: string[] = [];
		let items: string[] = [];
		const flushPara = () => {
			if (para.length) blocks.push(paragraphBlock(para.join(' ')));
			para = [];
		};
		const flushList = () => {
			if (items.length) blocks.push({ type: 'list', items: items.map(parseInline) });
			items = [];
		};
		for (const line of lines) {
			if (!line) continue;
			if (BULLET.test(line)) {
				flushPara();
				items.push(line.replace(BULLET, ''));
			} else if (items.length) {
				items[items.length - 1] += ` ${line}`;
			} else {
				para.push(line);
			}
		}
		flushPara();
		flushList();
	}
	return blocks;
}

/** The plain text of inline pieces (TeX source for math), e.g. for titles and aria labels. */
export function plainText(nodes: Inline[]): string {
	return nodes
		.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'math' ? n.tex : plainText(n.children)))
		.join('');
}
