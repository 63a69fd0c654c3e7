import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { coerceValue } from '$lib/app/urlState';
import { MARGIN_LOSSES, REGRESSION_LOSSES } from '$lib/ml/functions/losses';
import { schema } from '$lessons/loss-functions/meta';
import { PRESETS } from '$lessons/loss-functions/presets';
import { en } from '$lessons/loss-functions/text/en';
import { zh } from '$lessons/loss-functions/text/zh';
import { CHOICE_IDS, SELF_CHECK_IDS, TRAP_IDS, trapProse, type L03Text } from '$lessons/loss-functions/text/types';
import { leaves, shape } from './textTree';

const LANGS: [string, L03Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L03Text) => leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');
const isTex = (path: string) => /Tex$/.test(path);

/** Keys whose strings are Prose (TeX and markup allowed); all others are plain text. */
const PROSE_KEYS = new Set([
	'lead', 'intro', 'minimiser', 'outliers', 'deltaNote', 'robustness', 'frameworks', 'bce', 'focal', 'crossEntropy',
	'margin', 'kl', 'method', 'why', 'limits', 'explanation', 'imbalance', 'beyond', 'task', 'output', 'loss',
	'answer', 'question', 'fact', 'prompt', 'tryIt'
]);
function isProse(path: string): boolean {
	const keys = path.split('.').filter((k) => !/^\d+$/.test(k));
	const last = keys[keys.length - 1];
	if (keys[0] === 'selfCheck' && last === 'options') return true;
	if (keys[0] === 'choosing' && keys[1] === 'rows') return true;
	if (keys[0] === 'regression' && keys[1] === 'table') return false;
	if (keys[0] === 'choosing' && keys[1] === 'table') return false;
	if (keys[0] === 'outliers' && keys[1] === 'table') return false;
	return PROSE_KEYS.has(last);
}

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

function renders(tex: string, display: boolean): void {
	expect(() => katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' }), tex).not.toThrow();
}

const CJK = /[\u4e00-\u9fff]/;
/** zh strings that are names or formulas, the same in both languages. */
const LATIN_IN_ZH = /^(models\.\w+|classification\.legendClasses|saturation\.legendBce|choosing\.rows\.regression\.loss|axes\.logit|controls\.z\.label|controls\.gamma\.label|selfCheck\.questions\.\w+\.options\.\d)$/;

describe('L03 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every loss, control, choice row, trap and question', () => {
		for (const [, t] of LANGS) {
			expect(Object.keys(t.models)).toEqual([...REGRESSION_LOSSES]);
			expect(Object.keys(t.regression.losses)).toEqual([...REGRESSION_LOSSES]);
			expect(Object.keys(t.classification.marginNames)).toEqual([...MARGIN_LOSSES]);
			expect(new Set(Object.keys(t.controls))).toEqual(new Set(Object.keys(schema)));
			expect(Object.keys(t.choosing.rows)).toEqual([...CHOICE_IDS]);
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

	it('every self-check question has a preset of valid schema values', () => {
		expect(Object.keys(PRESETS).sort()).toEqual([...SELF_CHECK_IDS].sort());
		for (const preset of Object.values(PRESETS)) {
			expect(Object.keys(preset.values).length).toBeGreaterThan(0);
			for (const [key, value] of Object.entries(preset.values)) {
				const spec = schema[key as keyof typeof schema];
				expect(spec, key).toBeDefined();
				const { value: used, reason } = coerceValue(spec, value);
				expect(reason, `${key}=${value}`).toBeFalsy();
				expect(used).toBe(value);
			}
		}
	});
});

describe('L03 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (but TeX and names); English ones none', () => {
		for (const { path, value } of strings(zh)) {
			if (isTex(path) || LATIN_IN_ZH.test(path)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: every TeX field renders with KaTeX', (_, t) => {
		const tex = strings(t).filter((l) => isTex(l.path));
		expect(tex.length).toBeGreaterThanOrEqual(3 * 2 + 8);
		for (const { value } of tex) {
			expect(value).not.toContain('$');
			renders(value, true);
		}
	});

	it.each(LANGS)('%s: Prose math is balanced and renders; no stray markup; plain fields hold none', (_, t) => {
		let count = 0;
		for (const { path, value } of strings(t)) {
			if (isTex(path)) continue;
			const text = textOf(value);
			expect(text, `unbalanced $ in ${path}`).not.toContain('$');
			expect(text, `unbalanced * in ${path}`).not.toContain('*');
			expect(text, `unbalanced \` in ${path}`).not.toContain('`');
			expect(value, `escaped backtick in ${path}`).not.toContain('\\`');
			for (const m of mathOf(value)) {
				renders(m.tex, m.display);
				count++;
			}
			if (!isProse(path)) {
				expect(value, `plain-text field ${path} holds markup`).not.toMatch(/[$*`]/);
				expect(parseProse(value).length, path).toBe(1);
			}
		}
		expect(count).toBeGreaterThan(60);
	});

	it('placeholders match between languages and templates have the ones the UI fills', () => {
		const zhByPath = new Map(strings(zh).map((l) => [l.path, l.value]));
		for (const { path, value } of strings(en)) {
			if (isTex(path)) continue;
			expect(placeholders(zhByPath.get(path) ?? ''), path).toEqual(placeholders(value));
		}
		for (const [, t] of LANGS) {
			expect(placeholders(t.classification.legendFocal)).toEqual(['gamma']);
			expect(placeholders(t.classification.legendClasses)).toEqual(['k']);
			expect(placeholders(t.classification.uniformReadout)).toEqual(['k', 'value']);
			expect(placeholders(t.outliers.pointCount)).toEqual(['n', 'out']);
			expect(placeholders(t.outliers.diverged)).toEqual(['fits']);
			expect(placeholders(t.saturation.readout)).toEqual(['bce', 'mse', 'p', 'z']);
			expect(placeholders(t.saturation.ratio)).toEqual(['ratio']);
		}
	});

	it('trapProse makes one inline Prose string: the myth in bold, then the fact', () => {
		const [block] = parseProse(trapProse(en.interview.traps.huberSensitive));
		expect(block.type === 'paragraph' ? block.children[0].type : '').toBe('strong');
	});
});

describe('L03 text: correctness', () => {
	/** Sentences of every string but the myths (which state the wrong claims on purpose). */
	const sentences = (t: L03Text) =>
		strings(t)
			.filter((l) => !l.path.endsWith('.myth') && !isTex(l.path))
			.flatMap((l) => l.value.split(/(?<=[.!?:;])\s+|[。！？：；\n]/));

	it.each(LANGS)('%s: never calls Huber sensitive to outliers (the syllabus error); says it is robust', (_, t) => {
		for (const s of sentences(t)) {
			if (/huber/i.test(s) && /sensitive|敏感/i.test(s)) expect(s, s).toMatch(/less sensitive|not more|更不敏感|而不是更敏感|恰恰相反|opposite/);
		}
		expect(t.interview.traps.huberSensitive.myth).toMatch(/sensitive|敏感/);
		expect(t.interview.traps.huberSensitive.fact).toMatch(/robust|稳健/);
		expect(t.interview.answer).toMatch(/robust to outliers|对离群点稳健/);
		expect(t.regression.losses.huber.outliers).toMatch(/Robust|稳健/);
	});

	it('states the key formulas: clip(e, −δ, δ), p − y, (p − y)p(1 − p), log K, tfjs huberLoss delta', () => {
		for (const [, t] of LANGS) {
			expect(t.regression.losses.huber.gradientTex).toContain(String.raw`\operatorname{clip}(e,\ -\delta,\ \delta)`);
			expect(t.regression.losses.huber.formulaTex).toContain(String.raw`\delta\bigl(|e| - \tfrac12\delta\bigr)`);
			expect(t.saturation.mseGradTex).toContain(String.raw`(p - y)\, p\,(1 - p)`);
			expect(t.saturation.bceGradTex).toContain('p - y');
			expect(t.classification.crossEntropyTex).toContain('p_k - y_k');
			expect(t.classification.klTex).toContain(String.raw`H(p) + \mathrm{KL}(p \,\|\, q)`);
			expect(t.regression.frameworks).toContain('tf.losses.huberLoss');
			expect(t.regression.frameworks).toContain('SUM_BY_NONZERO_WEIGHTS');
		}
	});

	it('the numbers quoted in the text are right', () => {
		const sig = (z: number) => 1 / (1 + Math.exp(-z));
		const p8 = sig(-8);
		expect(p8).toBeCloseTo(3.4e-4, 5);
		expect((p8 - 1) * p8 * (1 - p8)).toBeCloseTo(-3.4e-4, 5);
		expect(1 / (p8 * (1 - p8))).toBeGreaterThan(2900);
		expect(1 / (p8 * (1 - p8))).toBeLessThan(3100);
		const p = 1 / 3;
		expect((p - 1) * p * (1 - p)).toBeCloseTo(-4 / 27, 12);
		expect(4 / 27).toBeCloseTo(0.15, 2);
		expect(Math.log(10)).toBeCloseTo(2.3, 2);
		expect(0.1 ** 2).toBeCloseTo(0.01, 12);
		expect(0.9 ** 2).toBeCloseTo(0.81, 12);
		expect(Math.log(2)).toBeCloseTo(0.69, 2);
		expect(schema.delta.max).toBe(10);
		expect(schema.delta.min).toBe(0.1);
	});
});
