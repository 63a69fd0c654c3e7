import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { EVAL_EVERY, LAYER_IDS, MAP_SCALES, N_TRAIN, N_VAL, POOLS, SOURCES, schema } from '$lessons/cnn/meta';
import { en } from '$lessons/cnn/text/en';
import { zh } from '$lessons/cnn/text/zh';
import { CARD_IDS, SELF_CHECK_IDS, TRAP_IDS, trapProse, type L10Text } from '$lessons/cnn/text/types';
import { LESSONS } from '$lessons/catalog';
import { SYLLABUS } from '$lessons/syllabus';
import { leaves, shape } from './textTree';

const LANGS: [string, L10Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L10Text) => leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');
const isTex = (path: string) => /Tex$/.test(path);
/** Fields holding Prose (TeX and markup allowed); all other strings are plain one-line text. */
const PROSE = [
	/^lead$/,
	/^blocks\.(intro|why|components|diagramNote|params)$/,
	/^training\.(intro|curves)$/,
	/^maps\.(intro|reading|filtersNote)$/,
	/^pooling\.(intro|maxAvg|invariance|noParams|modern)$/,
	/^confusion\.(intro|note)$/,
	/^interview\.q\d\.(question|answer)$/,
	/^interview\.q\d\.traps\.\w+\.fact$/,
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
	expect(() => katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' }), tex).not.toThrow();
const CJK = /[\u4e00-\u9fff]/;

describe('L10 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every control, option, layer, trap and self-check question', () => {
		for (const [, t] of LANGS) {
			expect(new Set(Object.keys(t.controls))).toEqual(new Set(Object.keys(schema)));
			expect(Object.keys(t.options.pool)).toEqual([...POOLS]);
			expect(Object.keys(t.options.src)).toEqual([...SOURCES]);
			expect(Object.keys(t.options.fscale)).toEqual([...MAP_SCALES]);
			expect(Object.keys(t.layers)).toEqual([...LAYER_IDS]);
			for (const card of CARD_IDS) expect(Object.keys(t.interview[card].traps)).toEqual([...TRAP_IDS[card]]);
			expect(Object.keys(t.selfCheck.questions)).toEqual([...SELF_CHECK_IDS]);
		}
	});

	it('has at least 4 traps per card and 4 self-check questions with 3-4 distinct options and a valid answer', () => {
		for (const card of CARD_IDS) expect(TRAP_IDS[card].length).toBeGreaterThanOrEqual(4);
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

	it('the catalog lists the built lesson with its sections, and syllabus questions 7 and 9 point into it', () => {
		const l10 = LESSONS.find((l) => l.id === 'L10');
		expect(l10?.built).toBe(true);
		expect(l10?.slug).toBe('cnn');
		const ids = l10?.sections.map((s) => s.id) ?? [];
		expect(ids).toEqual(['building-blocks', 'training', 'feature-maps', 'pooling', 'confusion', 'interview', 'self-check']);
		expect(SYLLABUS.find((q) => q.n === 7)?.section).toBe('building-blocks');
		expect(SYLLABUS.find((q) => q.n === 9)?.section).toBe('pooling');
	});
});

describe('L10 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (but symbols, numbers and names); English ones none', () => {
		const latinOk = /^(ReLU \d|Softmax|\{label\} → \{pred\}|[\d,]+)$/;
		for (const { path, value } of strings(zh)) {
			if (isTex(path) || latinOk.test(value)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: every TeX field renders with KaTeX', (_, t) => {
		const tex = strings(t).filter((l) => isTex(l.path));
		expect(tex.length).toBe(3);
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
			for (const m of mathOf(value)) {
				renders(m.tex, m.display);
				count++;
			}
			if (!isProse(path)) {
				expect(value, `plain-text field ${path} holds markup`).not.toMatch(/[$*`]/);
				expect(parseProse(value).length, path).toBe(1);
			}
		}
		expect(count).toBeGreaterThan(30);
	});

	it('placeholders match between languages and the templates have the ones the UI fills', () => {
		const zhByPath = new Map(strings(zh).map((l) => [l.path, l.value]));
		for (const { path, value } of strings(en)) {
			if (isTex(path)) continue;
			expect(placeholders(zhByPath.get(path) ?? ''), path).toEqual(placeholders(value));
		}
		for (const [, t] of LANGS) {
			expect(placeholders(t.readouts.batch)).toEqual(['accuracy', 'loss']);
			expect(placeholders(t.readouts.validation)).toEqual(['accuracy', 'step']);
			expect(placeholders(t.readouts.prediction)).toEqual(['digit', 'p']);
			expect(placeholders(t.readouts.poolShapes)).toEqual(['from', 'k', 'k', 'to']);
			expect(placeholders(t.blocks.sharing)).toEqual(['conv', 'dense']);
			expect(placeholders(t.maps.mapsTitle)).toEqual(['layer', 'shape']);
			expect(placeholders(t.confusion.name)).toEqual(['id', 'label', 'pred']);
			expect(placeholders(t.confusion.cellSummary)).toEqual(['count', 'label', 'pred']);
		}
	});

	it('trapProse makes one inline paragraph starting with the bold myth', () => {
		const [block] = parseProse(trapProse(en.interview.q9.traps.detectDenoise));
		expect(block.type).toBe('paragraph');
		expect(block.type === 'paragraph' ? block.children[0].type : '').toBe('strong');
	});
});

describe('L10 text: correctness (the syllabus gets pooling wrong)', () => {
	const sentences = (t: L10Text) =>
		strings(t)
			.filter((l) => !l.path.endsWith('.myth') && !isTex(l.path))
			.flatMap((l) => l.value.split(/(?<=[.!?])\s+|[。！？\n]/));

	it.each(LANGS)('%s: pooling has no parameters; max vs average is not "detection vs denoising"', (lang, t) => {
		const [noParams, detect, negation, shift, crossCorr] =
			lang === 'en'
				? [/no learnable parameters/, /detection/i, /\bnot\b|\bneither\b/, /small shifts/, /cross-correlation/]
				: [/没有可学习的参数/, /检测/, /不是|都不|并不/, /微小的?平移/, /互相关/];
		expect(t.pooling.noParams).toMatch(noParams);
		expect(t.interview.q7.traps.poolParams.fact).toMatch(noParams);
		expect(t.interview.q9.answer).toMatch(noParams);
		expect(t.pooling.maxAvg).toMatch(shift);
		expect(t.interview.q7.answer).toMatch(crossCorr);
		for (const s of sentences(t)) if (detect.test(s) && /denois|去噪/.test(s)) expect(s).toMatch(negation);
		expect(t.pooling.sizeTex).toContain(String.raw`\left\lfloor \frac{W - k}{s} \right\rfloor + 1`);
		expect(t.pooling.modern).toMatch(lang === 'en' ? /global average pooling/ : /全局平均池化/);
		expect(t.pooling.modern).toMatch(lang === 'en' ? /stride 2/ : /步幅为 2/);
	});

	it('the parameter counts quoted in the text are right', () => {
		const conv = (k: number, cin: number, cout: number) => (k * k * cin + 1) * cout;
		const dense = (nin: number, nout: number) => (nin + 1) * nout;
		const pooled = (w: number, k: number) => Math.floor((w - k) / k) + 1;
		expect(conv(5, 1, 8)).toBe(208);
		expect(conv(5, 8, 16)).toBe(3216);
		expect(pooled(pooled(28, 2), 2)).toBe(7);
		expect(pooled(28, 3)).toBe(9);
		expect(pooled(pooled(28, 3), 3)).toBe(3);
		expect(dense(7 * 7 * 16, 10)).toBe(7850);
		expect(dense(3 * 3 * 16, 10)).toBe(1450);
		expect(conv(5, 1, 8) + conv(5, 8, 16) + dense(784, 10)).toBe(11274);
		expect(conv(3, 8, 16)).toBe(1168);
		expect(conv(5, 1, 16)).toBe(416);
		expect(conv(5, 16, 16)).toBe(6416);
		for (const [, t] of LANGS) {
			for (const n of ['208', '3216', '7850', '11,274']) expect(t.blocks.params).toContain(n);
			expect(t.pooling.noParams).toContain('1,450');
			expect(t.selfCheck.questions.poolSize.explanation).toContain('1450');
			expect(t.selfCheck.questions.kernel.explanation).toContain('1168');
			expect(t.selfCheck.questions.kernel.options[t.selfCheck.questions.kernel.correct]).toBe('1,168');
			expect(t.selfCheck.questions.filters1.explanation).toContain('6416');
			expect(t.selfCheck.questions.poolParams.options[t.selfCheck.questions.poolParams.correct]).toBe('0');
		}
		expect(N_TRAIN).toBe(12000);
		expect(N_VAL).toBe(2000);
		expect(schema.digit.max).toBe(N_VAL - 1);
		for (const [, t] of LANGS) {
			expect(t.training.intro).toContain(`${EVAL_EVERY} `);
			expect(t.confusion.intro).toContain(`${EVAL_EVERY} `);
			expect(t.training.intro).toContain('12,000');
			expect(t.training.intro).toContain('2,000');
		}
		expect(schema.filters1.default).toBe(8);
		expect(schema.filters2.default).toBe(16);
		expect(schema.kernel.default).toBe('5');
		expect(schema.poolSize.default).toBe('2');
	});
});
