import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { ACTIVATIONS, DATASETS, INITS, schema } from '$lessons/activation-functions/meta';
import { en } from '$lessons/activation-functions/text/en';
import { zh } from '$lessons/activation-functions/text/zh';
import {
	SELF_CHECK_IDS,
	TRAP_IDS,
	trapProse,
	type L02Text
} from '$lessons/activation-functions/text/types';
import { leaves, shape } from './textTree';

const LANGS: [string, L02Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L02Text) =>
	leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');

const isTex = (path: string) => /Tex$/.test(path);
/** Keys whose strings are Prose (TeX and markup allowed); all others are plain text. */
const PROSE_KEYS = new Set([
	'lead', 'intro', 'temperature', 'versusSigmoid', 'overflow', 'logSumExp', 'crossEntropy',
	'backprop', 'vanishing', 'exploding', 'fixes', 'tryThis', 'causes', 'chartNote', 'alphaNote',
	'answer', 'question', 'fact', 'pros', 'cons', 'prompt', 'explanation', 'tryIt'
]);
function isProse(path: string): boolean {
	const keys = path.split('.').filter((k) => !/^\d+$/.test(k));
	const last = keys[keys.length - 1];
	if (keys[0] === 'selfCheck' && last === 'options') return true;
	return PROSE_KEYS.has(last);
}

function inlineNodes(nodes: Inline[]): Inline[] {
	return nodes.flatMap((n) => (n.type === 'strong' || n.type === 'em' ? [n, ...inlineNodes(n.children)] : [n]));
}
function allInline(blocks: Block[]): Inline[] {
	return blocks.flatMap((b) =>
		b.type === 'paragraph' ? inlineNodes(b.children) : b.type === 'list' ? b.items.flatMap(inlineNodes) : []
	);
}
/** Display-math blocks and inline math of a Prose string. */
function mathOf(text: string): { tex: string; display: boolean }[] {
	const blocks = parseProse(text);
	const display = blocks.flatMap((b) => (b.type === 'math' ? [{ tex: b.tex, display: true }] : []));
	const inline = allInline(blocks).flatMap((n) => (n.type === 'math' ? [{ tex: n.tex, display: n.display }] : []));
	return [...display, ...inline];
}
/** The text outside math (and code) of a Prose string. */
function textOf(text: string): string {
	return allInline(parseProse(text))
		.map((n) => (n.type === 'text' ? n.text : ''))
		.join(' ');
}
const placeholders = (s: string) => [...textOf(s).matchAll(/\{([A-Za-z]\w*)\}/g)].map((m) => m[1]).sort();

function renders(tex: string, display: boolean): void {
	expect(() => katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' }), tex).not.toThrow();
}

const CJK = /[\u4e00-\u9fff]/;

describe('L02 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every activation, initialisation, dataset and control of meta.ts', () => {
		for (const [, t] of LANGS) {
			expect(Object.keys(t.curves.activations)).toEqual([...ACTIVATIONS]);
			expect(Object.keys(t.options.init)).toEqual([...INITS]);
			expect(Object.keys(t.options.initHelp)).toEqual([...INITS]);
			expect(Object.keys(t.options.data)).toEqual([...DATASETS]);
			const controls = new Set(Object.keys(schema).map((k) => (/^z\d$/.test(k) ? 'logit' : k)));
			expect(new Set(Object.keys(t.controls))).toEqual(controls);
			expect(Object.keys(t.interview.traps)).toEqual([...TRAP_IDS]);
			expect(Object.keys(t.selfCheck.questions)).toEqual([...SELF_CHECK_IDS]);
		}
	});

	it('has at least 4 traps and 4 self-check questions with 3-4 options and a valid answer', () => {
		expect(TRAP_IDS.length).toBeGreaterThanOrEqual(4);
		expect(SELF_CHECK_IDS.length).toBeGreaterThanOrEqual(4);
		for (const [, t] of LANGS) {
			for (const q of Object.values(t.selfCheck.questions)) {
				expect(q.options.length).toBeGreaterThanOrEqual(3);
				expect(q.options.length).toBeLessThanOrEqual(4);
				expect(Number.isInteger(q.correct)).toBe(true);
				expect(q.correct).toBeGreaterThanOrEqual(0);
				expect(q.correct).toBeLessThan(q.options.length);
				expect(new Set(q.options).size).toBe(q.options.length);
			}
		}
	});
});

describe('L02 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (except TeX and short activation names); English ones none', () => {
		for (const { path, value } of strings(zh)) {
			if (isTex(path) || /^curves\.activations\.\w+\.name$/.test(path)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: every TeX field renders with KaTeX', (_, t) => {
		const tex = strings(t).filter((l) => isTex(l.path));
		expect(tex.length).toBeGreaterThanOrEqual(6 * 3 + 4);
		for (const { value } of tex) {
			expect(value).not.toContain('$');
			renders(value, true);
		}
	});

	it.each(LANGS)('%s: Prose math is balanced and renders; no stray markup is left', (_, t) => {
		let count = 0;
		for (const { path, value } of strings(t)) {
			if (isTex(path)) continue;
			const text = textOf(value);
			expect(text, `unbalanced $ in ${path}`).not.toContain('$');
			expect(text, `unbalanced * in ${path}`).not.toContain('*');
			expect(text, `unbalanced \` in ${path}`).not.toContain('`');
			for (const m of mathOf(value)) {
				renders(m.tex, m.display);
				count++;
			}
			if (!isProse(path)) {
				expect(value, `plain-text field ${path} holds markup`).not.toMatch(/[$*`]/);
				expect(parseProse(value).length, path).toBe(1);
			}
		}
		expect(count).toBeGreaterThan(50);
	});

	it('placeholders match between languages and templates have the ones the UI fills', () => {
		const zhByPath = new Map(strings(zh).map((l) => [l.path, l.value]));
		for (const { path, value } of strings(en)) {
			if (isTex(path)) continue;
			expect(placeholders(zhByPath.get(path) ?? ''), path).toEqual(placeholders(value));
		}
		for (const [, t] of LANGS) {
			expect(placeholders(t.controls.logit.label)).toEqual(['i']);
			expect(placeholders(t.softmax.classLabel)).toEqual(['i']);
			expect(placeholders(t.softmax.sumLabel)).toEqual(['sum']);
			expect(placeholders(t.softmax.overflowWarning)).toEqual(['value']);
			expect(placeholders(t.softmax.underflowWarning)).toEqual(['value']);
			expect(placeholders(t.curves.maxSlope)).toEqual(['value']);
			expect(placeholders(t.depth.layerLabel)).toEqual(['i']);
			expect(placeholders(t.depth.readouts.ratio)).toEqual(['n', 'ratio']);
			expect(placeholders(t.depth.readouts.step)).toEqual(['step']);
			expect(placeholders(t.depth.readouts.loss)).toEqual(['loss']);
			expect(placeholders(t.depth.readouts.accuracy)).toEqual(['accuracy']);
			expect(placeholders(t.deadRelu.deadShare)).toEqual(['share']);
		}
	});

	it('trapProse makes one inline Prose string: the myth in bold, then the fact', () => {
		const s = trapProse(en.interview.traps.tanhOverfitting);
		const [block] = parseProse(s);
		expect(block.type).toBe('paragraph');
		const first = block.type === 'paragraph' ? block.children[0] : undefined;
		expect(first?.type).toBe('strong');
	});
});

describe('L02 text: correctness', () => {
	/** Sentences of every string but the myths (which state the wrong claims on purpose). */
	const sentences = (t: L02Text) =>
		strings(t)
			.filter((l) => !l.path.endsWith('.myth') && !isTex(l.path))
			.flatMap((l) => l.value.split(/(?<=[.!?])\s+|[。！？\n]/));
	const NEGATION = /\bnot\b|\bno\b|n't|不|没有|并非/i;

	it.each(LANGS)('%s: does not repeat the syllabus errors (tanh vs overfitting, softmax vs explosion)', (_, t) => {
		for (const s of sentences(t)) {
			if (/tanh/i.test(s) && /overfit|过拟合/i.test(s)) expect(s).toMatch(NEGATION);
			if (/softmax/i.test(s) && /explod|梯度爆炸/i.test(s)) expect(s).toMatch(NEGATION);
		}
		expect(t.interview.traps.tanhOverfitting.fact).toMatch(/zero-centred|零中心|以零为中心/);
		expect(t.interview.traps.softmaxExploding.fact).toMatch(/log-sum-exp/);
	});

	it('states the key facts: sigmoid slope <= 1/4, p - y, log-sum-exp, GELU in transformers', () => {
		for (const [, t] of LANGS) {
			expect(t.curves.activations.sigmoid.derivativeTex).toContain(String.raw`\tfrac{1}{4}`);
			expect(t.curves.activations.tanh.derivativeTex).toContain(String.raw`\le 1`);
			expect(t.softmax.gradientTex).toContain('p_i - y_i');
			expect(t.softmax.stableFormulaTex).toContain(String.raw`\max_j z_j`);
			expect(t.curves.activations.gelu.pros).toMatch(/BERT/);
			expect(t.softmax.overflow).toContain('709.78');
			expect(t.softmax.overflow).toContain('88.72');
		}
	});

	it('the numbers quoted in the text are right', () => {
		const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
		const dsigmoid = (x: number) => sigmoid(x) * (1 - sigmoid(x));
		expect(dsigmoid(0)).toBe(0.25);
		expect(dsigmoid(5)).toBeLessThan(0.01);
		expect(1 - Math.tanh(3) ** 2).toBeLessThan(0.01);
		expect(0.25 ** 10).toBeCloseTo(1e-6, 6);
		expect(Math.log(Number.MAX_VALUE).toFixed(2)).toBe('709.78');
		expect(Math.log(3.4028234663852886e38).toFixed(2)).toBe('88.72');
		expect(Math.log(2)).toBeCloseTo(0.69, 2);
		// softmax(z1, z2)_1 = sigmoid(z1 - z2)
		expect(Math.exp(1.3) / (Math.exp(1.3) + Math.exp(-0.4))).toBeCloseTo(sigmoid(1.7), 12);
		// GELU dips to about -0.17 near x = -0.75 (tanh approximation)
		const gelu = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
		let min = Infinity;
		let argmin = 0;
		for (let x = -3; x <= 0; x += 1e-4) if (gelu(x) < min) [min, argmin] = [gelu(x), x];
		expect(min).toBeCloseTo(-0.17, 2);
		expect(argmin).toBeCloseTo(-0.75, 1);
		// the temperature question: default logits at T = 0.1 put more than 0.9999 on class 1
		const z = [2, 1, 0.5, -1, -2].map((v) => v / 0.1);
		const m = Math.max(...z);
		const e = z.map((v) => Math.exp(v - m));
		expect(e[0] / e.reduce((a, b) => a + b)).toBeGreaterThan(0.9999);
		// the overflow question: logit 1 = 1000 gives NaN for class 1 and 0 for the others, naively
		const big = [1000, 1, 0.5, -1, -2].map(Math.exp);
		const sum = big.reduce((a, b) => a + b);
		expect(big[0] / sum).toBeNaN();
		expect(big.slice(1).map((v) => v / sum)).toEqual([0, 0, 0, 0]);
		// the self-check defaults quoted match meta.ts
		expect([schema.z1, schema.z2, schema.z3, schema.z4, schema.z5].map((p) => p.default)).toEqual([2, 1, 0.5, -1, -2]);
	});
});
