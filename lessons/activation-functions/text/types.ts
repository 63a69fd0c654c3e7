/**
 * The shape of all of lesson L02's text ("Activation functions and vanishing gradients"), one object
 * per language (`en.ts`, `zh.ts`, both `satisfies L02Text`), plus two tiny builders for prose.
 *
 * String kinds (by convention; the test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX only has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { ACTIVATIONS, DATASETS, INITS } from '../meta';

/** One of the six activations, as named in meta.ts. */
export type ActivationName = (typeof ACTIVATIONS)[number];
/** One of the weight initialisations, as named in meta.ts. */
export type InitName = (typeof INITS)[number];
/** One of the 2-D datasets, as named in meta.ts. */
export type DatasetName = (typeof DATASETS)[number];

/** Text for the Prose component (see the file comment). */
export type Prose = string;
/** KaTeX source without delimiters. */
export type TeX = string;
/** Plain one-line text with `{name}` placeholders. */
export type Template = string;

/** Label and one-line help of a control. */
export interface ControlText {
	label: string;
	help: string;
}

/** Title and one- or two-sentence plain-text description (figcaption / aria-description) of a chart. */
export interface ChartText {
	title: string;
	description: string;
}

/** Everything shown about one activation function. */
export interface ActivationText {
	/** Short name for selects and legends ("ReLU"); may be Latin in Chinese too. */
	name: string;
	/** Descriptive name ("Rectified linear unit"). */
	fullName: string;
	/** Definition, e.g. `\sigma(x) = ...`. */
	formulaTex: TeX;
	/** Derivative, e.g. `\sigma'(x) = ...`. */
	derivativeTex: TeX;
	/** Output range, e.g. `(0,\ 1)`. */
	rangeTex: TeX;
	/** One-line strengths (Prose, inline only). */
	pros: Prose;
	/** One-line weaknesses (Prose, inline only). */
	cons: Prose;
}

/** Ids of the interview traps, in display order. */
export const TRAP_IDS = [
	'tanhOverfitting',
	'softmaxExploding',
	'reluNoVanishing',
	'sigmoidMulticlass',
	'smoothIsFree',
	'initAgnostic'
] as const;
/** One interview trap id. */
export type TrapId = (typeof TRAP_IDS)[number];

/** A common wrong answer and its correction (`trapProse` makes the `InterviewCard` string). */
export interface Trap {
	/** The wrong claim, stated as people state it (plain text, no quotes). */
	myth: string;
	/** Why it is wrong and what is right (Prose, inline only). */
	fact: Prose;
}

/** Ids of the self-check questions, in display order (the UI may attach a control preset per id). */
export const SELF_CHECK_IDS = [
	'sigmoidDepth',
	'reluHe',
	'normalInit',
	'smallInit',
	'highLr',
	'temperature',
	'overflow'
] as const;
/** One self-check question id. */
export type SelfCheckId = (typeof SELF_CHECK_IDS)[number];

/**
 * A "predict what happens if you ..." question answered with the widgets; fits the `SelfCheck`
 * component's `SelfCheckQuestion` (every string is Prose, inline markup only except `explanation`).
 */
export interface SelfCheckQuestion {
	prompt: Prose;
	/** 3-4 answers. */
	options: readonly Prose[];
	/** Index of the right answer in `options` (the same in every language). */
	correct: number;
	explanation: Prose;
	/** Which controls to set to see it, named as the controls' labels name them. */
	tryIt: Prose;
}

/** All of lesson L02's text in one language. Section headings live in lessons/catalog.ts. */
export interface L02Text {
	/** Page title. */
	title: string;
	/** Lead paragraph: why activations matter. */
	lead: Prose;
	/** Axis labels shared by the charts. */
	axes: {
		/** x axis of the activation curves. */
		input: string;
		/** y axis of the activation curves. */
		output: string;
		/** x axis of the softmax bars. */
		class: string;
		/** y axis of the softmax bars. */
		probability: string;
		/** x axis of loss, heatmap and dead-share charts. */
		step: string;
		/** layer axis (layer 1 = nearest the input). */
		layer: string;
		/** y axis of the per-layer gradient chart. */
		gradNorm: string;
		/** y axis of the loss chart. */
		loss: string;
		/** y axis of the dead-share chart. */
		deadShare: string;
	};
	/** Label and help of every control in meta.ts's schema (z1..z5 share `logit`, with `{i}`). */
	controls: {
		act: ControlText;
		alpha: ControlText;
		temp: ControlText;
		/** `{i}` = 1..5 in both label and help. */
		logit: ControlText;
		depth: ControlText;
		width: ControlText;
		init: ControlText;
		lr: ControlText;
		data: ControlText;
		spf: ControlText;
		seed: ControlText;
	};
	/** Option labels of the enum controls (activation names: `curves.activations[name].name`). */
	options: {
		init: Record<InitName, string>;
		/** One-line help per initialisation (plain text). */
		initHelp: Record<InitName, string>;
		data: Record<DatasetName, string>;
	};
	/** Section `curves`. */
	curves: {
		intro: Prose;
		activations: Record<ActivationName, ActivationText>;
		chart: ChartText;
		/** The chart of all six derivatives. */
		derivChart: ChartText;
		/** Legend entry of the function curve. */
		legendF: string;
		/** Legend entry of the derivative curve. */
		legendDf: string;
		/** Read-out of the highlighted activation's largest slope, `{value}`. */
		maxSlope: Template;
		/** Note next to the alpha slider. */
		alphaNote: Prose;
		/** Column headers of a comparison table. */
		table: {
			name: string;
			formula: string;
			derivative: string;
			range: string;
			pros: string;
			cons: string;
		};
	};
	/** Section `softmax`. */
	softmax: {
		intro: Prose;
		/** Softmax with temperature. */
		formulaTex: TeX;
		temperature: Prose;
		versusSigmoid: Prose;
		overflow: Prose;
		/** Softmax with the max subtracted. */
		stableFormulaTex: TeX;
		logSumExp: Prose;
		/** The log-sum-exp identity. */
		logSumExpTex: TeX;
		crossEntropy: Prose;
		/** Cross-entropy gradient w.r.t. the logits. */
		gradientTex: TeX;
		chart: ChartText;
		/** The editable logits bar chart. */
		logitsChart: ChartText;
		/** Entropy read-out, `{value}` in bits. */
		entropyLabel: Template;
		/** Bar label, `{i}` = 1..5. */
		classLabel: Template;
		/** Label of the naive result. */
		naiveLabel: string;
		/** Label of the stable (max-subtracted) result. */
		stableLabel: string;
		/** Read-out of the sum of the probabilities, `{sum}`. */
		sumLabel: Template;
		/** Shown when the largest exponent z/T overflows, `{value}` = that exponent. */
		overflowWarning: Template;
		/** Shown when every exponent underflows to 0, `{value}` = the largest exponent. */
		underflowWarning: Template;
		/** Hint under the logit inputs. */
		editHint: string;
		/** Button that restores the default logits. */
		resetLogits: string;
	};
	/** Section `depth`. */
	depth: {
		intro: Prose;
		backprop: Prose;
		vanishing: Prose;
		exploding: Prose;
		fixes: Prose;
		/** Suggested experiments. */
		tryThis: Prose;
		charts: {
			/** Per-layer gradient norm at the current step, log scale. */
			gradNorm: ChartText;
			/** Gradient norm, layer x training step. */
			heatmap: ChartText;
			loss: ChartText;
			/** Network diagram coloured by gradient magnitude. */
			network: ChartText;
			legendSmallGrad: string;
			legendLargeGrad: string;
			legendDead: string;
		};
		/** Tick label of the per-layer gradient chart, `{i}` = layer number (1 = nearest the input). */
		layerLabel: Template;
		/** Tick label of the output layer in the per-layer gradient chart. */
		outputLabel: string;
		readouts: {
			step: Template;
			loss: Template;
			accuracy: Template;
			/** `{n}` = last layer's number, `{ratio}` = formatted ratio. */
			ratio: Template;
			/** What the ratio means. */
			ratioHelp: string;
			/** Lesson-specific advice shown next to the shared "diverged" status. */
			divergedHint: string;
		};
	};
	/** Section `dead-relu`. */
	deadRelu: {
		intro: Prose;
		causes: Prose;
		/** What the dead-share chart shows. */
		chartNote: Prose;
		fixes: Prose;
		chart: ChartText;
		/** `{share}` = formatted percentage. */
		deadShare: Template;
		/** Short read-out when the activation is not ReLU. */
		notApplicable: string;
		/** Why, in one sentence. */
		notApplicableNote: string;
	};
	/** Section `interview` (card labels come from the shared `ui.interview.*` messages). */
	interview: {
		question: Prose;
		answer: Prose;
		traps: Record<TrapId, Trap>;
	};
	/** Section `self-check` (question labels come from the shared `ui.check.*` messages). */
	selfCheck: {
		intro: Prose;
		/** Label of an optional button that sets a question's controls for the learner. */
		setControls: string;
		questions: Record<SelfCheckId, SelfCheckQuestion>;
	};
}

/** Joins prose blocks (paragraphs, `$$...$$` blocks, lists) with blank lines. */
export function blocks(...parts: string[]): Prose {
	return parts.join('\n\n');
}

/** A `- ` bullet list, one item a line. */
export function bullets(...items: string[]): Prose {
	return items.map((item) => `- ${item}`).join('\n');
}

/** One trap as a single inline Prose string for `InterviewCard`: the quoted myth in bold, then the fact. */
export function trapProse(trap: Trap): Prose {
	return `**“${trap.myth}”** ${trap.fact}`;
}
