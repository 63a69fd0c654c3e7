import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { CV_METRICS, HIST_MODES, N_TEST, N_TRAIN, schema } from '$lessons/metrics/meta';
import { en } from '$lessons/metrics/text/en';
import { zh } from '$lessons/metrics/text/zh';
import { SELF_CHECK_IDS, TRAP_IDS, trapProse, type L04Text } from '$lessons/metrics/text/types';
import { LESSONS } from '$lessons/catalog';
import { SYLLABUS } from '$lessons/syllabus';
import { leaves, shape } from './textTree';

const LANGS: [string, L04Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L04Text) => leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');
const isTex = (path: string) => /Tex$/.test(path);
/** Fields holding Prose (TeX and markup allowed); all other strings are plain one-line text. */
const PROSE = [
	/^lead$/,
	/^classifier\.(intro|training|histogramNote|boundaryNote)$/,
	/^confusion\.(intro|threshold|paradox|choosing)$/,
	/^roc\.(intro|correction|auc|imbalance|implementation)$/,
	/^pr\.(intro|ap|imbalance)$/,
	/^cv\.(intro|batched|stratified|leakage|choosingK)$/,
	/^interview\.(question|answer)$/,
	/^interview\.traps\.\w+\.fact$/,
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

describe('L04 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every control, option, trap and self-check question', () => {
		for (const [, t] of LANGS) {
			expect(new Set(Object.keys(t.controls))).toEqual(new Set(Object.keys(schema)));
			expect(Object.keys(t.options.cvm)).toEqual([...CV_METRICS]);
			expect(Object.keys(t.options.hist)).toEqual([...HIST_MODES]);
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

	it('the catalog lists the built lesson with its sections, and syllabus question 3 points into it', () => {
		const l04 = LESSONS.find((l) => l.id === 'L04');
		expect(l04?.built).toBe(true);
		expect(l04?.slug).toBe('metrics');
		const ids = l04?.sections.map((s) => s.id) ?? [];
		expect(ids).toEqual(['classifier', 'confusion', 'roc', 'pr', 'cross-validation', 'interview', 'self-check']);
		const q3 = SYLLABUS.find((q) => q.n === 3);
		expect(q3?.lesson).toBe('L04');
		expect(ids).toContain(q3?.section);
		expect(q3?.question.en).toMatch(/TPR against FPR/);
	});
});

describe('L04 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (but TeX, symbols and acronyms); English ones none', () => {
		const latinOk = /^(\{n\}\+|t = \{value\}|ROC AUC( \{auc\} · AP \{ap\}| = \{auc\})?|TN|FP|FN|TP)$/;
		for (const { path, value } of strings(zh)) {
			if (isTex(path) || latinOk.test(value)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: every TeX field renders with KaTeX', (_, t) => {
		const tex = strings(t).filter((l) => isTex(l.path));
		expect(tex.length).toBe(8);
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
			expect(placeholders(t.readouts.balance)).toEqual(['neg', 'pos']);
			expect(placeholders(t.readouts.loss)).toEqual(['test', 'train']);
			expect(placeholders(t.readouts.converged)).toEqual(['step']);
			expect(placeholders(t.readouts.maxSteps)).toEqual(['step']);
			expect(placeholders(t.readouts.oscillating)).toEqual(['step']);
			expect(placeholders(t.roc.pointName)).toEqual(['value']);
			expect(placeholders(t.classifier.lineName)).toEqual(['value']);
			expect(placeholders(t.roc.pointReadout)).toEqual(['fpr', 'tpr']);
			expect(placeholders(t.pr.apReadout)).toEqual(['ap', 'prevalence']);
			expect(placeholders(t.pr.compare)).toEqual(['ap', 'auc']);
			expect(placeholders(t.cv.summary)).toEqual(['k', 'mean', 'metric', 'std']);
			expect(placeholders(t.cv.undefinedFolds)).toEqual(['k', 'n']);
			expect(placeholders(t.cv.foldLabel)).toEqual(['i']);
		}
	});

	it('trapProse makes one inline paragraph starting with the bold myth', () => {
		const [block] = parseProse(trapProse(en.interview.traps.rocAxes));
		expect(block.type).toBe('paragraph');
		expect(block.type === 'paragraph' ? block.children[0].type : '').toBe('strong');
	});
});

describe('L04 text: correctness (the syllabus gets the ROC axes wrong)', () => {
	const sentences = (t: L04Text) =>
		strings(t)
			.filter((l) => !l.path.endsWith('.myth') && !isTex(l.path))
			.flatMap((l) => l.value.split(/(?<=[.!?])\s+|[。！？\n]/));

	it.each(LANGS)('%s: the ROC curve is TPR against FPR, never "precision against recall"', (lang, t) => {
		const [tpr, fpr, wrong, negation] =
			lang === 'en'
				? [/true-positive rate/, /false-positive rate/, /precision against recall/i, /\bnot\b/]
				: [/真正例率/, /假正例率/, /精确率对召回率/, /不是|不/];
		expect(t.roc.intro).toMatch(tpr);
		expect(t.roc.intro).toMatch(fpr);
		expect(t.interview.traps.rocAxes.fact).toMatch(fpr);
		for (const s of sentences(t)) if (/ROC/.test(s) && wrong.test(s)) expect(s).toMatch(negation);
		expect(t.roc.correction).toMatch(wrong);
		expect(t.roc.ratesTex).toContain(String.raw`\text{FPR} = \frac{FP}{FP + TN}`);
		expect(t.roc.ratesTex).toContain(String.raw`\text{TPR} = \frac{TP}{TP + FN}`);
		expect(t.pr.apTex).toContain('(R_n - R_{n-1})');
	});

	it('the numbers quoted in the text are right', () => {
		expect(N_TRAIN).toBe(1000);
		expect(N_TEST).toBe(2000);
		// 95:5 of 2,000 test points: 100 positives, 1,900 negatives; the majority baseline is 95% right.
		expect(Math.round(N_TEST * 0.05)).toBe(100);
		expect(1900 / N_TEST).toBe(0.95);
		// 99:1: 20 positives and 1,980 negatives; 5% FPR = 99 false alarms, about five per positive.
		expect(Math.round(N_TEST * 0.01)).toBe(20);
		expect(0.05 * 1980).toBeCloseTo(99, 10);
		expect(Math.round(99 / 20)).toBe(5);
		// 99:1 training set: 10 positives, one per fold with k = 10 when stratified.
		expect(Math.round(N_TRAIN * 0.01)).toBe(10);
		// Threshold 0 at 20% positives: precision = prevalence = 0.2.
		expect(Math.round(N_TEST * 0.2) / N_TEST).toBe(0.2);
		expect(schema.pos.default).toBe(20);
		for (const [, t] of LANGS) {
			expect(t.confusion.paradox).toContain('1900 / 2000 = 95');
			expect(t.pr.imbalance).toContain('1,980');
			expect(t.pr.imbalance).toContain('99');
		}
	});
});
