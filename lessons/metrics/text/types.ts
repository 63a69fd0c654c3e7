/**
 * The shape of all of lesson L04's text ("Evaluation metrics and cross-validation"), one object per
 * language (`en.ts`, `zh.ts`, both `satisfies L04Text`), plus small builders for prose.
 *
 * String kinds (by convention; the test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX only has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { CV_METRICS, HIST_MODES } from '../meta';

/** One metric a fold can be scored with, as named in meta.ts. */
export type CvMetricName = (typeof CV_METRICS)[number];
/** One histogram mode, as named in meta.ts. */
export type HistModeName = (typeof HIST_MODES)[number];

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

/** Ids of the interview traps, in display order. */
export const TRAP_IDS = ['rocAxes', 'accuracyImbalance', 'aucVsAp', 'cvLeakage', 'stratified', 'fixedThreshold'] as const;
/** One interview trap id. */
export type TrapId = (typeof TRAP_IDS)[number];

/** A common wrong answer and its correction (`trapProse` makes the `InterviewCard` string). */
export interface Trap {
	/** The wrong claim, stated as people state it (plain text, no quotes). */
	myth: string;
	/** Why it is wrong and what is right (Prose, inline only). */
	fact: Prose;
}

/** Ids of the self-check questions, in display order (each has a control preset). */
export const SELF_CHECK_IDS = ['majority', 'thresholdZero', 'thresholdUp', 'aucVsAp', 'stratified'] as const;
/** One self-check question id. */
export type SelfCheckId = (typeof SELF_CHECK_IDS)[number];

/** A "predict what happens if you ..." question answered with the widgets (fits `SelfCheckQuestion`). */
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

/** Names of the five threshold metrics (bar labels). */
export interface MetricNames {
	accuracy: string;
	precision: string;
	recall: string;
	f1: string;
	specificity: string;
}

/** All of lesson L04's text in one language. Section headings live in lessons/catalog.ts. */
export interface L04Text {
	/** Page title. */
	title: string;
	/** Lead paragraph. */
	lead: Prose;
	/** Axis and legend labels shared by the charts. */
	axes: {
		score: string;
		/** y axis of the histogram in count mode. */
		count: string;
		/** y axis of the histogram in share mode. */
		share: string;
		step: string;
		loss: string;
		fpr: string;
		tpr: string;
		precision: string;
		recall: string;
		value: string;
		negatives: string;
		positives: string;
		trainLoss: string;
		testLoss: string;
		/** axes of the data plot (the two input features) */
		x1: string;
		x2: string;
		/** colour legend of the data plot's background, the model's probability */
		pPositive: string;
		/** confusion matrix axes */
		actual: string;
		predicted: string;
		/** class names in the confusion matrix */
		classNegative: string;
		classPositive: string;
	};
	/** Label and help of every control in meta.ts's schema. */
	controls: {
		pos: ControlText;
		noise: ControlText;
		lr: ControlText;
		t: ControlText;
		majority: ControlText;
		k: ControlText;
		strat: ControlText;
		cvm: ControlText;
		hist: ControlText;
		spf: ControlText;
		seed: ControlText;
	};
	/** Option labels of the enum controls. */
	options: {
		cvm: Record<CvMetricName, string>;
		hist: Record<HistModeName, string>;
	};
	/** Short metric names (bars, read-outs). */
	metrics: MetricNames;
	/** Read-outs shared by several sections. */
	readouts: {
		/** `{pos}`:`{neg}` class balance, e.g. "80:20 (negatives : positives)". */
		balance: Template;
		step: Template;
		loss: Template;
		/** `{value}` formatted threshold. */
		threshold: Template;
		/** Shown when training paused itself, `{step}`. */
		converged: Template;
		maxSteps: Template;
		/** Paused at the step limit while a too-large step keeps the weights bouncing, `{step}`. */
		oscillating: Template;
		/** Shown while the majority-class baseline replaces the classifier. */
		majorityOn: string;
		/** Value of a metric that is not defined (e.g. AUC with one class). */
		undefined: string;
	};
	/** Section `classifier`. */
	classifier: {
		intro: Prose;
		modelTex: TeX;
		lossTex: TeX;
		training: Prose;
		histogramNote: Prose;
		histogram: ChartText;
		lossChart: ChartText;
		/** The data plot: test points, P(positive) as background, the decision line. */
		boundary: ChartText;
		/** Legend of the decision line, `{value}` = threshold. */
		lineName: Template;
		/** Shown when no decision line crosses the plot (w = 0, t = 0 or 1, or the line lies outside). */
		noLine: string;
		/** Below the data plot: what the background and the line show. */
		boundaryNote: Prose;
	};
	/** Section `confusion`. */
	confusion: {
		intro: Prose;
		formulasTex: TeX;
		f1Tex: TeX;
		threshold: Prose;
		paradox: Prose;
		choosing: Prose;
		matrix: ChartText;
		bars: ChartText;
		/** Cell notes of the matrix, row-major: TN, FP, FN, TP. */
		cells: { tn: string; fp: string; fn: string; tp: string };
	};
	/** Section `roc`. */
	roc: {
		intro: Prose;
		ratesTex: TeX;
		correction: Prose;
		auc: Prose;
		aucTex: TeX;
		imbalance: Prose;
		implementation: Prose;
		chart: ChartText;
		curveName: string;
		chanceName: string;
		/** `{value}` = threshold, legend of the current point. */
		pointName: Template;
		/** `{auc}`. */
		aucReadout: Template;
		/** `{fpr}`, `{tpr}`. */
		pointReadout: Template;
	};
	/** Section `pr`. */
	pr: {
		intro: Prose;
		apTex: TeX;
		ap: Prose;
		imbalance: Prose;
		chart: ChartText;
		curveName: string;
		/** legend of the prevalence line, `{value}` */
		baselineName: Template;
		/** `{ap}`, `{prevalence}`. */
		apReadout: Template;
		/** `{auc}`, `{ap}` side by side. */
		compare: Template;
		/** `{precision}`, `{recall}`. */
		pointReadout: Template;
	};
	/** Section `cross-validation`. */
	cv: {
		intro: Prose;
		meanTex: TeX;
		batched: Prose;
		stratified: Prose;
		leakage: Prose;
		choosingK: Prose;
		chart: ChartText;
		/** Row label, `{i}` = 1..k. */
		foldLabel: Template;
		trainLabel: string;
		validationLabel: string;
		/** `{metric}`, `{mean}`, `{std}`, `{k}`. */
		summary: Template;
		/** Shown when some folds have an undefined score, `{n}` of `{k}`. */
		undefinedFolds: Template;
		/** The held-out test score of the model trained on all training data, `{metric}`, `{value}`. */
		testScore: Template;
		/** Data-table column headings. */
		columns: { fold: string; size: string; positives: string; score: string };
		/** Text inside a validation block, `{n}` positives. */
		positivesIn: Template;
		meanLabel: string;
	};
	/** Section `interview`. */
	interview: {
		question: Prose;
		answer: Prose;
		traps: Record<TrapId, Trap>;
	};
	/** Section `self-check`. */
	selfCheck: {
		intro: Prose;
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
