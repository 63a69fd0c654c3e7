import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseProse, type Block, type Inline } from '$lib/ui/prose';
import { ACTIVATIONS, DATASETS, schema } from '$lessons/backpropagation/meta';
import { en } from '$lessons/backpropagation/text/en';
import { zh } from '$lessons/backpropagation/text/zh';
import { SELF_CHECK_IDS, TRAP_IDS, trapProse, type L01Text } from '$lessons/backpropagation/text/types';
import { leaves, shape } from './textTree';

const LANGS: [string, L01Text][] = [
	['en', en],
	['zh', zh]
];

const strings = (t: L01Text) =>
	leaves(t).filter((l): l is { path: string; value: string } => typeof l.value === 'string');

const isTex = (path: string) => /Tex$/.test(path);
/** Keys whose strings are Prose (TeX and markup allowed); all others are plain text. */
const PROSE_KEYS = new Set([
	'lead', 'intro', 'layers', 'output', 'nonlinear', 'howTo', 'chainRule', 'cache', 'cost', 'graph', 'check',
	'why', 'tryThis', 'answer', 'question', 'fact', 'prompt', 'explanation', 'tryIt'
]);
function isProse(path: string): boolean {
	const keys = path.split('.').filter((k) => !/^\d+$/.test(k));
	const last = keys[keys.length - 1];
	if (keys[0] === 'selfCheck' && last === 'options') return true;
	if (keys[0] === 'step' && keys[1] === 'notes') return true;
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

describe('L01 text: structure', () => {
	it('English and Chinese have identical structure and the same self-check answers', () => {
		expect(shape(zh)).toEqual(shape(en));
	});

	it('covers every activation, dataset and control of meta.ts', () => {
		for (const [, t] of LANGS) {
			expect(Object.keys(t.options.act)).toEqual([...ACTIVATIONS]);
			expect(Object.keys(t.options.data)).toEqual([...DATASETS]);
			const controls = new Set(Object.keys(schema).map((k) => (/^h\d$/.test(k) ? 'units' : k)));
			expect(new Set(Object.keys(t.controls))).toEqual(controls);
			expect(Object.keys(t.interview.traps)).toEqual([...TRAP_IDS]);
			expect(Object.keys(t.selfCheck.questions)).toEqual([...SELF_CHECK_IDS]);
			expect(t.playground.classNames.length).toBe(2);
		}
	});

	it('has at least 4 traps and 4 self-check questions with 3-4 options and a valid answer', () => {
		expect(TRAP_IDS.length).toBeGreaterThanOrEqual(4);
		expect(SELF_CHECK_IDS.length).toBeGreaterThanOrEqual(4);
		for (const [, t] of LANGS) {
			for (const q of Object.values(t.selfCheck.questions)) {
				expect(q.options.length).toBeGreaterThanOrEqual(3);
				expect(q.options.length).toBeLessThanOrEqual(4);
				expect(q.correct).toBeGreaterThanOrEqual(0);
				expect(q.correct).toBeLessThan(q.options.length);
				expect(new Set(q.options).size).toBe(q.options.length);
			}
		}
	});
});

describe('L01 text: strings', () => {
	it.each(LANGS)('%s: every string is non-empty and trimmed', (_, t) => {
		for (const { path, value } of strings(t)) {
			expect(value.trim().length, path).toBeGreaterThan(0);
			expect(value, path).toBe(value.trim());
		}
	});

	it('Chinese strings contain Chinese (except names and axis labels); English ones none', () => {
		for (const { path, value } of strings(zh)) {
			if (/^options\.act\./.test(path) || /^axes\.x[12]$/.test(path)) continue;
			expect(value, path).toMatch(CJK);
		}
		for (const { path, value } of strings(en)) expect(value, path).not.toMatch(CJK);
	});

	it.each(LANGS)('%s: Prose math is balanced and renders; no stray markup is left', (_, t) => {
		let count = 0;
		for (const { path, value } of strings(t)) {
			const text = textOf(value);
			expect(text, `unbalanced $ in ${path}`).not.toContain('$');
			expect(text, `unbalanced * in ${path}`).not.toContain('*');
			expect(text, `unbalanced \` in ${path}`).not.toContain('`');
			expect(value, `stray backslash-backtick in ${path}`).not.toContain('\\`');
			for (const m of mathOf(value)) {
				renders(m.tex, m.display);
				count++;
			}
			if (!isProse(path)) {
				expect(value, `plain-text field ${path} holds markup`).not.toMatch(/[$*`]/);
				expect(parseProse(value).length, path).toBe(1);
			}
		}
		expect(count).toBeGreaterThan(40);
	});

	it('placeholders match between languages and templates have the ones the UI fills', () => {
		const zhByPath = new Map(strings(zh).map((l) => [l.path, l.value]));
		for (const { path, value } of strings(en)) expect(placeholders(zhByPath.get(path) ?? ''), path).toEqual(placeholders(value));
		for (const [, t] of LANGS) {
			expect(placeholders(t.controls.units.label)).toEqual(['i']);
			expect(placeholders(t.layerEditor.addUnit)).toEqual(['i']);
			expect(placeholders(t.layerEditor.units)).toEqual(['n']);
			expect(placeholders(t.step.phases.forward)).toEqual(['count', 'layer']);
			expect(placeholders(t.step.phases.backward)).toEqual(['count', 'layer']);
			expect(placeholders(t.step.progress)).toEqual(['i', 'n']);
			expect(placeholders(t.step.sample)).toEqual(['i', 'x1', 'x2', 'y']);
			expect(placeholders(t.playground.readouts.loss)).toEqual(['loss']);
			expect(placeholders(t.playground.readouts.fullBatch)).toEqual(['n']);
			expect(placeholders(t.playground.readouts.perEpoch)).toEqual(['n']);
			expect(placeholders(t.playground.addedCount)).toEqual(['n']);
		}
	});

	it('trapProse makes one inline Prose string: the myth in bold, then the fact', () => {
		const [block] = parseProse(trapProse(en.interview.traps.reluOutput));
		expect(block.type).toBe('paragraph');
		expect(block.type === 'paragraph' ? block.children[0].type : '').toBe('strong');
	});
});

describe('L01 text: correctness', () => {
	it('gets the syllabus right where it is wrong: no ReLU on the output, backprop computes and the optimizer updates', () => {
		for (const [, t] of LANGS) {
			expect(t.mlp.output).toMatch(/sigmoid/);
			expect(t.mlp.output).toMatch(/softmax/);
			expect(t.interview.traps.reluOutput.fact).toMatch(/sigmoid/);
			expect(t.interview.traps.backpropIsOptimizer.fact).toMatch(/SGD/);
			expect(t.mlp.intro).toMatch(/one or more|一个或多个/);
		}
	});

	it('states the key formulas: delta_L = y_hat - y, the backward recursion, dW = delta a^T', () => {
		for (const [, t] of LANGS) {
			expect(t.backprop.chainRule).toContain(String.raw`\delta^{(L)} = \hat y - y`);
			expect(t.backprop.chainRule).toContain(String.raw`\odot f'\big(z^{(l)}\big)`);
			expect(t.interview.answer).toContain(String.raw`\delta^{(l)} a^{(l-1)\top}`);
		}
	});

	it('the numbers quoted in the text are right', () => {
		expect(Math.log(2)).toBeCloseTo(0.69, 2);
		expect(-Math.log(0.5)).toBeCloseTo(Math.LN2, 12);
		// layer sizes 2, 4, 1: 12 parameters in the first layer, 5 in the second
		expect(2 * 4 + 4).toBe(12);
		expect(4 + 1).toBe(5);
		// the presets' batch of 200 is the full training set of the playground
		expect(schema.batch.max).toBeGreaterThanOrEqual(200);
	});
});
