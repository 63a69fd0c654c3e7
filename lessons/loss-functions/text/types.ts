/**
 * The shape of all of lesson L03's text ("Loss functions"), one object per language (`en.ts`,
 * `zh.ts`, both `satisfies L03Text`), plus tiny builders for prose.
 *
 * String kinds (by convention; the test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX only has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { MarginLossName, RegressionLossName } from '$lib/ml/functions/losses';

export type { MarginLossName, RegressionLossName };

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

/** One regression loss in the reference table. */
export interface RegressionLossText {
	/** Descriptive name ("Mean squared error"). */
	fullName: string;
	/** Per-point loss of the error e = ŷ − y. */
	formulaTex: TeX;
	/** Its derivative with respect to ŷ. */
	gradientTex: TeX;
	/** What the best constant prediction under it is (mean, median, in between). */
	minimiser: Prose;
	/** One-line behaviour with outliers (Prose, inline only). */
	outliers: Prose;
}

/** One row of the "how to choose" table (every cell Prose, inline only). */
export interface ChoiceRow {
	task: Prose;
	output: Prose;
	loss: Prose;
	why: Prose;
}

/** Ids of the rows of the "how to choose" table, in display order. */
export const CHOICE_IDS = ['regression', 'robust', 'binary', 'multiclass', 'multilabel', 'imbalanced', 'margin', 'distributions'] as const;
/** One choice row id. */
export type ChoiceId = (typeof CHOICE_IDS)[number];

/** Ids of the interview traps, in display order. */
export const TRAP_IDS = ['huberSensitive', 'mseClassification', 'maeAlwaysBetter', 'probabilitiesIn', 'accuracyLoss', 'imbalance'] as const;
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
export const SELF_CHECK_IDS = ['outliers', 'bigDelta', 'smallDelta', 'saturation', 'uniform', 'focal'] as const;
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

/** All of lesson L03's text in one language. Section headings live in lessons/catalog.ts. */
export interface L03Text {
	/** Page title. */
	title: string;
	/** Lead paragraph: what a loss is and why its shape matters. */
	lead: Prose;
	/** Axis labels shared by the charts. */
	axes: {
		/** x axis of the regression curves: the error ŷ − y. */
		error: string;
		loss: string;
		/** y axis of gradient charts: dL/dŷ (regression). */
		gradient: string;
		/** x axis of the BCE curves. */
		probability: string;
		/** y axis of the BCE gradient chart: dL/dp. */
		gradientProb: string;
		/** x axis of the cross-entropy and saturation charts: a logit. */
		logit: string;
		/** y axis of logit-gradient charts: dL/dz. */
		gradientLogit: string;
		/** x axis of the margin chart. */
		margin: string;
		/** y axis of the margin gradient chart. */
		gradientMargin: string;
		step: string;
		slope: string;
		x: string;
		y: string;
	};
	/** Label and help of every control in meta.ts's schema. */
	controls: Record<'delta' | 'gamma' | 'k' | 'z' | 'out' | 'noise' | 'lr' | 'spf' | 'seed', ControlText>;
	/** Short names of the regression losses (legends, read-outs; Latin in Chinese too). */
	models: Record<RegressionLossName, string>;
	/** Section `regression`. */
	regression: {
		intro: Prose;
		losses: Record<RegressionLossName, RegressionLossText>;
		chart: ChartText;
		gradChart: ChartText;
		/** What δ does. */
		deltaNote: Prose;
		/** Why the gradient's shape decides robustness. */
		robustness: Prose;
		/** TensorFlow.js / PyTorch conventions: no ½ in MSE, huberLoss's delta, reductions. */
		frameworks: Prose;
		/** Column headers of the reference table. */
		table: { name: string; formula: string; gradient: string; minimiser: string; outliers: string };
	};
	/** Section `classification`. */
	classification: {
		intro: Prose;
		bceTex: TeX;
		bce: Prose;
		bceChart: ChartText;
		bceGradChart: ChartText;
		/** Legend of the y = 1 curve. */
		legendPositive: string;
		/** Legend of the y = 0 curve. */
		legendNegative: string;
		/** Legend of the focal curve, `{gamma}`. */
		legendFocal: Template;
		focal: Prose;
		focalTex: TeX;
		crossEntropy: Prose;
		crossEntropyTex: TeX;
		ceChart: ChartText;
		ceGradChart: ChartText;
		/** Legend of the K-class curve, `{k}`. */
		legendClasses: Template;
		/** Read-out: loss at z = 0 for K classes, `{k}` and `{value}`. */
		uniformReadout: Template;
		margin: Prose;
		marginTex: TeX;
		marginNames: Record<MarginLossName, string>;
		marginChart: ChartText;
		marginGradChart: ChartText;
		kl: Prose;
		klTex: TeX;
	};
	/** Section `outliers`. */
	outliers: {
		intro: Prose;
		/** How the three lines are fitted (GD on one [3, 2] tensor). */
		method: Prose;
		chart: ChartText;
		slopeChart: ChartText;
		/** Legend of the dashed true line y = 0.6x + 2. */
		trueLine: string;
		/** Class name of the points on the line (and points added by a plain click). */
		classPoint: string;
		/** Class name of the outliers (seeded, or added with Shift+click). */
		classOutlier: string;
		addOutlier: string;
		resetPoints: string;
		/** How to edit the points with the mouse or keyboard. */
		editHint: string;
		/** Read-out table headers. */
		table: { model: string; slope: string; intercept: string; loss: string };
		/** Status while the fits move. */
		fitting: string;
		/** Status once the fits have settled. */
		settled: string;
		/** `{n}` points, `{out}` of them seeded outliers. */
		pointCount: Template;
		/** Why the run stopped as diverged, naming the diverged fit(s) `{fits}` (e.g. "MSE"). */
		diverged: Template;
		/** Why MSE moves and Huber/MAE do not. */
		why: Prose;
		/** Limits: leverage points, breakdown. */
		limits: Prose;
	};
	/** Section `saturation`. */
	saturation: {
		intro: Prose;
		mseGradTex: TeX;
		bceGradTex: TeX;
		gradChart: ChartText;
		lossChart: ChartText;
		legendMse: string;
		legendBce: string;
		/** `{z}`, `{p}`, `{mse}`, `{bce}`. */
		readout: Template;
		/** `{ratio}`: BCE gradient / MSE gradient. */
		ratio: Template;
		explanation: Prose;
	};
	/** Section `choosing`. */
	choosing: {
		intro: Prose;
		table: { task: string; output: string; loss: string; why: string };
		rows: Record<ChoiceId, ChoiceRow>;
		imbalance: Prose;
		weightedTex: TeX;
		beyond: Prose;
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
