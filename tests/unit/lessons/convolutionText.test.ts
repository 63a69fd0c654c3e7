import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { KERNEL_PRESETS } from '$lib/ml/functions/kernels';
import { EXPLORER_AXES, schema, SOURCES, WEIGHT_MODES } from '$lessons/convolution/meta';
import { en } from '$lessons/convolution/text/en';
import { zh } from '$lessons/convolution/text/zh';
import { SELF_CHECK_IDS, TRAP_IDS, trapProse, type L09Text } from '$lessons/convolution/text/types';
import { LESSONS } from '$lessons/catalog';
import { SYLLABUS } from '$lessons/syllabus';
import { leaves, shape } from './textTree';

const LANGS: [string, L09Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L09Text) => leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');
const isTex = (path: string) => /Tex$/.test(path);
/** Fields holding Prose (TeX and markup allowed); all other strings are plain one-line text. */
const PROSE = [
	/^lead$/,
	/^conv\.(intro|crossCorrelation|featureMap|presets)$/,
	/^window\.intro$/,
	/^size\.(intro|symbols|padding|same|stride|dilation)$/,
	/^channels\.(intro|sharing)$/,
	/^pooling\.(intro|maxVsAvg|noParams|modern)$/,
	/^interview\.(question|answer)$/,
	/^interview\.traps\.\w+\.fact$/,
	/^selfCheck\.intro$/,
	/^selfCheck\.questions\.\w+\.(prompt|options\.\d+|explanation|tryIt)$/
];
const isProse = (path: string) => PROSE.some((re) => re.test(path));

function inlineNodes(nodes: Inline[]): Inline[] {
	return nodes.flatMap((n) => (n.type === 'strong' || n.type === 'em' ? [n, ...inlineNodes(n.children)] : [n]));
}
function allInline(blocks: Block[]): Inline[] {
	return blocks.flatMap((b) => (b.type === 'paragraph' ? inlineNodes(b.children) : b.type === 'list' ? b.items.flatMap(inlineNodes) : []));
}
function mathOf(text: string): { tex: string; display: boolean }[] {
	const blocks = parseProse(text);
	const display = blocks.flatMap((b) => (b.type === 'math' ? [{ tex: b.tex, display: true }] : []));
	const inline = allInline(blocks).flatMap((n) => (n.type === 'math' ? [{ tex: n.tex, display: n.display }] : []));
	return [...display, ...inline];
}
function textOf(text: string): string {
	return allInline(parseProse(text))
		.map((n) => (n.type === 'text' ? n.text : ''))
		.join(' ');
}
const placeholders = (s: string) => [...textOf(s).matchAll(/\{([A-Za-z]\w*)\}/g)].map((m) => m[1]).sort();
const renders = (tex: string, display: boolean) =>
	expect(() => katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore' }), tex).not.toThrow();
const CJK = /[\u4e00-\u9fff]/;

describe('L09 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every control, option, trap and self-check question', () => {
		for (const [, t] of LANGS) {
			expect(new Set(Object.keys(t.controls))).toEqual(new Set([...Object.keys(schema), 'preset']));
			expect(Object.keys(t.options.src)).toEqual([...SOURCES]);
			expect(Object.keys(t.options.wts)).toEqual([...WEIGHT_MODES]);
			expect(Object.keys(t.options.xaxis)).toEqual([...EXPLORER_AXES]);
			expect(Object.keys(t.options.preset)).toEqual([...KERNEL_PRESETS, 'custom']);
			expect(Object.keys(t.interview.traps)).toEqual([...TRAP_IDS]);
			expect(Object.keys(t.selfCheck.questions)).toEqual([...SELF_CHECK_IDS]);
		}
	});

	it('has at least 4 traps and 4 self-check questions with 3-4 distinct options and a valid answer', () => {
		expect(TRAP_IDS.length).toBeGreaterThanOrEqual(4);
		expect(SELF_CHECK_IDS.length).toBeGreaterThanOrEqual(4);
		for (const [, t] of LANGS)
			for (const q of Object.values(t.selfCheck.questions)) {
				expect(q.options.length).toBeGreaterThanOrEqual(3);
				expect(q.options.length).toBeLessThanOrEqual(4);
				expect(q.correct).toBeGreaterThanOrEqual(0);
				expect(q.correct).toBeLessThan(q.options.length);
				expect(new Set(q.options).size).toBe(q.options.length);
			}
	});

	it('the catalog lists the built lesson with its sections, and syllabus questions 8 and 10 point into it', () => {
		const l09 = LESSONS.find((l) => l.id === 'L09');
		expect(l09?.built).toBe(true);
		expect(l09?.slug).toBe('convolution');
		const ids = l09?.sections.map((s) => s.id) ?? [];
		expect(ids).toEqual(['convolution', 'output-size', 'channels', 'pooling', 'interview', 'self-check']);
		for (const n of [8, 10]) {
			const q = SYLLABUS.find((s) => s.n === n);
			expect(q?.lesson).toBe('L09');
			expect(ids).toContain(q?.section);
		}
	});
});

describe('L09 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (but TeX, symbols and names); English ones none', () => {
		const latinOk = /^(valid|same|MNIST|\{rows\} × \{cols\} → \{orows\} × \{ocols\}|80|216|224|\$.*\$|Sobel.*)$/;
		for (const { path, value } of strings(zh)) {
			if (isTex(path) || latinOk.test(value)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: every TeX field renders with KaTeX', (_, t) => {
		const tex = strings(t).filter((l) => isTex(l.path));
		expect(tex.length).toBe(6);
		for (const { value } of tex) {
			expect(value).not.toContain('$');
			renders(value, true);
		}
	});

	it.each(LANGS)('%s: Prose math is balanced and renders; plain fields hold no markup', (_, t) => {
		let count = 0;
		for (const { path, value } of strings(t)) {
			if (isTex(path)) continue;
			const plain = textOf(value);
			expect(plain, `unbalanced $ in ${path}`).not.toContain('$');
			expect(plain, `unbalanced * in ${path}`).not.toContain('*');
			expect(plain, `unbalanced \` in ${path}`).not.toContain('`');
			expect(value, `escaped backtick left in ${path}`).not.toContain('\\`');
			for (const m of mathOf(value)) {
				renders(m.tex, m.display);
				count++;
			}
			if (!isProse(path)) {
				expect(value, `plain-text field ${path} holds markup`).not.toMatch(/[*`]|\$\$/);
				expect(parseProse(value).length, path).toBe(1);
			}
		}
		expect(count).toBeGreaterThan(60);
	});

	it('placeholders match between languages and the templates have the ones the UI fills', () => {
		const zhByPath = new Map(strings(zh).map((l) => [l.path, l.value]));
		for (const { path, value } of strings(en)) {
			if (isTex(path)) continue;
			expect(placeholders(zhByPath.get(path) ?? ''), path).toEqual(placeholders(value));
		}
		for (const [, t] of LANGS) {
			expect(placeholders(t.input.thumb)).toEqual(['index', 'label']);
			expect(placeholders(t.input.using)).toEqual(['name', 'size']);
			expect(placeholders(t.conv.tfCheck)).toEqual(['backend', 'diff']);
			expect(placeholders(t.conv.noFit)).toEqual(['size', 'span']);
			expect(placeholders(t.window.position)).toEqual(['col', 'i', 'n', 'row']);
			expect(placeholders(t.window.divided)).toEqual(['div', 'sum', 'value']);
			expect(placeholders(t.size.padsNote)).toEqual(['pb', 'pt']);
			expect(placeholders(t.channels.weightsCount)).toEqual(['cin', 'cout', 'k', 'k', 'weights']);
			expect(placeholders(t.channels.dense)).toEqual(['dense', 'ratio']);
			expect(placeholders(t.pooling.shape)).toEqual(['cols', 'ocols', 'orows', 'rows']);
		}
	});

	it('trapProse makes one inline paragraph starting with the bold myth', () => {
		const [block] = parseProse(trapProse(en.interview.traps.flipped));
		expect(block.type).toBe('paragraph');
		expect(block.type === 'paragraph' ? block.children[0].type : '').toBe('strong');
	});
});

describe('L09 text: correctness (the syllabus errors are corrected)', () => {
	it.each(LANGS)('%s: cross-correlation, not a flipped convolution', (lang, t) => {
		const word = lang === 'en' ? /cross-correlation/ : /互相关/;
		expect(t.conv.crossCorrelation).toMatch(word);
		expect(t.interview.answer).toMatch(word);
		expect(t.interview.traps.flipped.fact).toMatch(word);
	});

	it.each(LANGS)('%s: the size formula has the floor and the dilation everywhere it is stated', (_, t) => {
		expect(t.size.formulaTex).toContain(String.raw`\left\lfloor`);
		expect(t.size.formulaTex).toContain('D\\,(K - 1)');
		expect(t.interview.answer).toContain(String.raw`\lfloor (W + 2P - D(K-1) - 1)/S \rfloor + 1`);
		expect(t.interview.traps.formulaNoFloor.fact).toContain('13');
	});

	it.each(LANGS)('%s: padding is zeros; pooling has no parameters; max vs average is not detection vs denoising', (lang, t) => {
		const [zeros, none, replicate] = lang === 'en' ? [/zeros/, /no learnable parameters/, /replicate/] : [/零/, /没有可学习的参数/, /replicate/];
		expect(t.size.padding).toMatch(zeros);
		expect(t.size.padding).toMatch(replicate);
		expect(t.pooling.noParams).toMatch(none);
		expect(t.pooling.modern).toMatch(lang === 'en' ? /global average pooling/ : /全局平均池化/);
		expect(t.pooling.modern).toMatch(lang === 'en' ? /strided convolutions/ : /带步长的卷积/);
	});

	it('the numbers quoted in the text are right', async () => {
		const { convOutputShape, samePads, convParams } = await import('$lib/ml/functions/convShape');
		const g = (kernel: number, stride: number, dilation: number, padding: 'valid' | 'same') => ({ kernel, stride, dilation, padding, pad: 0 });
		expect(convOutputShape(28, 28, g(3, 2, 1, 'valid'))[0]).toBe(13);
		expect((28 - 3) / 2 + 1).toBe(13.5);
		expect(convOutputShape(28, 28, g(3, 1, 2, 'valid'))[0]).toBe(24);
		expect(convOutputShape(28, 28, g(3, 2, 1, 'same'))[0]).toBe(14);
		expect(samePads(28, 3, 2)).toEqual([0, 1]);
		expect(samePads(28, 4, 1)).toEqual([1, 2]);
		expect(convParams(3, 3, 8)).toBe(224);
		expect(convParams(3, 3, 8, false)).toBe(216);
		expect(convOutputShape(26, 26, g(2, 2, 1, 'valid'))[0]).toBe(13);
		for (const [, t] of LANGS) {
			expect(t.selfCheck.questions.stride2.options[t.selfCheck.questions.stride2.correct]).toContain('13');
			expect(t.selfCheck.questions.dilation.options[t.selfCheck.questions.dilation.correct]).toContain('24');
			expect(t.selfCheck.questions.params.options[t.selfCheck.questions.params.correct]).toBe('224');
		}
	});
});
