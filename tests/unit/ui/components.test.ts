import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import ControlPanel from '$lib/ui/ControlPanel.svelte';
import InterviewCard from '$lib/ui/InterviewCard.svelte';
import MathBlock, { renderTex } from '$lib/ui/MathBlock.svelte';
import NumberField from '$lib/ui/NumberField.svelte';
import PlayBar from '$lib/ui/PlayBar.svelte';
import Prose from '$lib/ui/Prose.svelte';
import Select from '$lib/ui/Select.svelte';
import SelfCheck from '$lib/ui/SelfCheck.svelte';
import Slider from '$lib/ui/Slider.svelte';
import Toggle from '$lib/ui/Toggle.svelte';
import { count, html } from './render';

const noop = () => {};
const transport = { step: 1234, onplay: noop, onpause: noop, onstep: noop, onreset: noop };

describe('Prose', () => {
	it('renders markup-looking text as text, math through KaTeX', () => {
		const out = html(Prose, { text: 'a **b $x$** <script>alert(1)</script> `<b>`' });
		expect(out).not.toContain('<script>');
		expect(out).toContain('&lt;script>alert(1)&lt;/script>');
		expect(out).toContain('<code class="svelte-');
		expect(out).toMatch(/<strong[^>]*>b <span class="math/);
		expect(out).toContain('class="katex"');
	});

	it('keeps whitespace between inline pieces exactly', () => {
		const out = html(Prose, { text: 'one *two* three' }).replace(/ class="[^"]*"/g, '');
		expect(out).toContain('<p>one <em>two</em> three</p>');
	});

	it('wraps in .prose unless not hideable; inline mode has no paragraphs', () => {
		expect(html(Prose, { text: 'x' })).toMatch(/<div class="prose\b/);
		expect(html(Prose, { text: 'x', hideable: false })).toMatch(/<div class="prose-keep\b/);
		const inline = html(Prose, { text: 'x\ny', inline: true });
		expect(inline).toMatch(/^<span class="prose\b/);
		expect(inline).not.toContain('<p');
		expect(inline).toContain('x y');
	});

	it('renders bullet lists and display-math blocks', () => {
		const out = html(Prose, { text: '- a\n- b\n\n$$\\frac{1}{2}$$' });
		expect(count(out, '<li')).toBe(2);
		expect(out).toContain('katex-display');
	});
});

describe('MathBlock', () => {
	it('renders display and inline math with MathML', () => {
		expect(html(MathBlock, { tex: 'e^x', display: true })).toContain('katex-display');
		expect(html(MathBlock, { tex: 'e^x' })).not.toContain('katex-display');
		expect(renderTex('x^2', false)).toContain('<math');
	});

	it('does not throw on bad TeX and does not trust links or raw HTML commands', () => {
		expect(() => renderTex('\\frac{1}{', false)).not.toThrow();
		expect(renderTex('\\frac{1}{', false)).toContain('katex-error');
		expect(renderTex('\\undefinedmacro', false)).toContain('#cc0000');
		const link = renderTex('\\href{javascript:alert(1)}{x}', false);
		expect(link).not.toMatch(/<a[\s>]/);
		expect(link).not.toContain('href="javascript');
		expect(renderTex('\\htmlClass{x}{y}', false)).not.toContain('class="x"');
	});
});

describe('Slider', () => {
	it('labels the range input and the box, with unique ids', () => {
		const out = html(Slider, { label: 'Learning rate', value: 0.1, min: 0.0001, max: 10, log: true });
		const id = out.match(/<label for="([^"]+)"[^>]*>Learning rate<\/label>/)?.[1];
		expect(id).toBeTruthy();
		expect(out).toMatch(new RegExp(`<input id="${id}" type="range" min="0" max="1000" step="1"`));
		expect(out).toContain('aria-valuetext="0.1"');
		expect(out).toContain('value="600"');
		expect(out).toContain('Learning rate (exact value)');
		expect(out).toContain('Logarithmic scale.');
	});

	it('uses the real range on a linear slider and the step for display', () => {
		const out = html(Slider, { label: 'α', value: 0.1, min: 0.01, max: 0.5, step: 0.01, 'data-testid': 'alpha' });
		expect(out).toMatch(/type="range" min="0.01" max="0.5" step="0.01"/);
		expect(out).toContain('value="0.10"');
		expect(out).toContain('data-testid="alpha-range"');
		expect(out).toContain('data-testid="alpha-box-input"');
	});

	it('shows the help text and no alert by default', () => {
		const out = html(Slider, { label: 'x', value: 1, min: 0, max: 2, help: 'Helpful' });
		expect(out).toContain('Helpful');
		expect(out).not.toContain('role="alert"');
	});
});

describe('NumberField, Select, Toggle', () => {
	it('renders a labelled text box with the formatted value', () => {
		const out = html(NumberField, { label: 'Seed', value: 42, min: 0, max: 2147483647, integer: true });
		expect(out).toMatch(/<label for="([^"]+)"[^>]*>Seed<\/label>\s*<input id="\1"/);
		expect(out).toContain('inputmode="numeric"');
		expect(out).toContain('value="42"');
	});

	it('renders the select with the chosen option', () => {
		const out = html(Select, {
			label: 'Activation',
			value: 'tanh',
			options: [
				{ value: 'sigmoid', label: 'Sigmoid' },
				{ value: 'tanh', label: 'tanh' }
			]
		});
		expect(out).toMatch(/<option value="tanh" selected/);
		expect(count(out, '<option')).toBe(2);
	});

	it('renders a switch with its label', () => {
		const out = html(Toggle, { label: 'Show derivative', checked: true });
		expect(out).toContain('role="switch"');
		expect(out).toContain(' checked');
		expect(out).toContain('Show derivative');
	});
});

describe('PlayBar', () => {
	it('offers Play, Step and Reset when idle, with the step count', () => {
		const out = html(PlayBar, { ...transport, status: 'idle' });
		expect(out).toMatch(/>\s*Play\s*<\/button>/);
		expect(out).toMatch(/>\s*Step\s*<\/button>/);
		expect(count(out, /data-testid="playbar-reset"/)).toBe(1);
		expect(out).toContain('Steps: 1,234');
		expect(out).not.toContain('role="alert"');
	});

	it('turns Play into Pause while running and disables Step', () => {
		const out = html(PlayBar, { ...transport, status: 'running' });
		expect(out).toMatch(/>\s*Pause\s*<\/button>/);
		expect(out).toMatch(/<button type="button" disabled[^>]*data-testid="playbar-step"/);
	});

	it('shows the divergence alert with a single Reset button, in both languages', () => {
		const en = html(PlayBar, { ...transport, status: 'diverged' });
		expect(en).toContain('role="alert"');
		expect(en).toContain(
			'Training diverged: the loss or the weights blew up (far past anything a healthy run reaches, or to NaN or infinity). Lower the learning rate and reset.'
		);
		expect(count(en, /data-testid="playbar-reset"/)).toBe(1);
		expect(en).toMatch(/role="alert"[\s\S]*data-testid="playbar-reset"/);
		const zh = html(PlayBar, { ...transport, status: 'diverged' }, 'zh');
		expect(zh).toContain('训练发散了');
		expect(zh).toMatch(/>\s*重置\s*<\/button>/);
	});

	it("shows a lesson's own divergence message instead of the generic one, as text", () => {
		const out = html(PlayBar, { ...transport, status: 'diverged', divergedMessage: 'The MSE fit diverged <b>now</b>' });
		expect(out).toContain('The MSE fit diverged &lt;b>now&lt;/b>');
		expect(out).not.toContain('Training diverged:');
		expect(html(PlayBar, { ...transport, status: 'running', divergedMessage: 'x' })).not.toContain('role="alert"');
	});

	it('has the seed box and the dice button, named', () => {
		const out = html(PlayBar, { ...transport, status: 'paused', seed: 7 });
		expect(out).toContain('aria-label="New random seed"');
		expect(out).toMatch(/>Seed<\/label>/);
		expect(out).toContain('value="7"');
	});
});

describe('cards, sections and panels', () => {
	it('InterviewCard shows fixed labels and can start collapsed', () => {
		const props = { question: 'Why $\\sigma$?', answer: 'Because.', traps: ['Trap *one*'] };
		const open = html(InterviewCard, props);
		expect(open).toContain('Interview question');
		expect(open).toContain('Common traps');
		expect(open).not.toMatch(/class="answer[^"]*" hidden/);
		const closed = html(InterviewCard, { ...props, collapsed: true }, 'zh');
		expect(closed).toContain('面试题');
		expect(closed).toContain('aria-expanded="false"');
		expect(closed).toMatch(/<div id="[^"]+" class="answer[^"]*" hidden/);
	});

	it('SelfCheck renders a radio group per question', () => {
		const out = html(SelfCheck, {
			questions: [
				{ prompt: 'P1', options: ['a', 'b', 'c'], correct: 1, explanation: 'E', tryIt: 'T' },
				{ prompt: 'P2', options: ['x', 'y'], correct: 0, explanation: 'F' }
			]
		});
		expect(count(out, '<fieldset')).toBe(2);
		expect(count(out, 'type="radio"')).toBe(5);
		expect(out).toContain('Try it:');
		expect(out).not.toContain('>E<');
		const names = [...out.matchAll(/name="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(names).size).toBe(2);
	});

	it('ControlPanel is marked for the classroom layout', () => {
		const children = createRawSnippet(() => ({ render: () => '<p>kid</p>' }));
		const out = html(ControlPanel, { title: 'Controls', children });
		expect(out).toContain('data-role="controls"');
		expect(out).toMatch(/aria-labelledby="([^"]+)"[\s\S]*<h3 id="\1"[^>]*>Controls<\/h3>/);
		expect(out).toContain('<p>kid</p>');
	});
});
