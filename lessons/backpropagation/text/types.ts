/**
 * The shape of all of lesson L01's text ("Forward pass and backpropagation"), one object per
 * language (`en.ts`, `zh.ts`, both `satisfies L01Text`), plus small builders for prose.
 *
 * String kinds (by convention; the test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX only has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { ACTIVATIONS, DATASETS } from '../meta';

/** One of the hidden-layer activations, as named in meta.ts. */
export type ActivationName = (typeof ACTIVATIONS)[number];
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

/** Ids of the interview traps, in display order. */
export const TRAP_IDS = ['backpropIsOptimizer', 'reluOutput', 'finiteDifferences', 'zeroInit', 'backpropCausesVanishing'] as const;
/** One interview trap id. */
export type TrapId = (typeof TRAP_IDS)[number];

/** A common wrong answer and its correction (`trapProse` makes the `InterviewCard` string). */
export interface Trap {
	/** The wrong claim, stated as people state it (plain text, no quotes). */
	myth: string;
	/** Why it is wrong and what is right (Prose, inline only). */
	fact: Prose;
}

/** Ids of the self-check questions, in display order (presets.ts attaches a control preset to each). */
export const SELF_CHECK_IDS = ['xorNoHidden', 'xorHidden', 'reluDelta', 'updateLowersLoss', 'batchNoise'] as const;
/** One self-check question id. */
export type SelfCheckId = (typeof SELF_CHECK_IDS)[number];

/** A "predict what happens if you ..." question answered with the widgets (strings are Prose). */
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

/** The step-mode phases' names, shown as the current phase. */
export interface PhaseNames {
	idle: string;
	/** `{layer}` = 1..L, `{count}` = L */
	forward: Template;
	loss: string;
	/** `{layer}` = L..1, `{count}` = L */
	backward: Template;
	update: string;
}

/** What each phase does, in a sentence or two (Prose). */
export interface PhaseNotes {
	idle: Prose;
	forwardHidden: Prose;
	forwardOutput: Prose;
	loss: Prose;
	backwardOutput: Prose;
	backwardHidden: Prose;
	update: Prose;
}

/** All of lesson L01's text in one language. Section headings live in lessons/catalog.ts. */
export interface L01Text {
	/** Page title. */
	title: string;
	/** Lead paragraph. */
	lead: Prose;
	/** Axis labels shared by the charts. */
	axes: {
		step: string;
		loss: string;
		x1: string;
		x2: string;
	};
	/** Label and help of every control in meta.ts's schema (h1..h4 share `units`, with `{i}`). */
	controls: {
		data: ControlText;
		noise: ControlText;
		layers: ControlText;
		/** `{i}` = hidden layer number, in label and help. */
		units: ControlText;
		act: ControlText;
		lr: ControlText;
		batch: ControlText;
		spf: ControlText;
		pick: ControlText;
		/** The toggle that makes clicks add class-1 points. */
		add1: ControlText;
		/** The toggle that shows the test points in the data plot. */
		test: ControlText;
		seed: ControlText;
	};
	/** Option labels of the enum controls. */
	options: {
		data: Record<DatasetName, string>;
		act: Record<ActivationName, string>;
	};
	/** The +/- editor of the hidden layers. */
	layerEditor: {
		addLayer: string;
		removeLayer: string;
		/** `{i}` = layer number. */
		addUnit: Template;
		/** `{i}` = layer number. */
		removeUnit: Template;
		/** Column heading, `{i}` = layer number. */
		layer: Template;
		/** `{n}` = number of units. */
		units: Template;
		/** Shown when there is no hidden layer. */
		none: string;
	};
	/** Section `mlp` (syllabus Q15): what an MLP computes. */
	mlp: {
		intro: Prose;
		layers: Prose;
		output: Prose;
		nonlinear: Prose;
	};
	/** Section `playground`. */
	playground: {
		intro: Prose;
		howTo: Prose;
		charts: {
			data: ChartText;
			network: ChartText;
			loss: ChartText;
		};
		/** Class names in legends and the add-point toggle (class 0, class 1). */
		classNames: readonly [string, string];
		/** Legend names of the test points of class 0 and class 1. */
		testClassNames: readonly [string, string];
		/** Colour-legend title of the background: the predicted probability of class 1. */
		probability: string;
		legendTrain: string;
		legendTest: string;
		clearAdded: string;
		/** `{n}` = number of added points. */
		addedCount: Template;
		readouts: {
			step: Template;
			loss: Template;
			testLoss: Template;
			accuracy: Template;
			/** Shown beside the batch slider at or above the training set size, `{n}` = its size. */
			fullBatch: Template;
			/** `{n}` = batches per epoch. */
			perEpoch: Template;
		};
		divergedHint: string;
	};
	/** Section `step` (syllabus Q1): step mode. */
	step: {
		intro: Prose;
		next: string;
		prev: string;
		restart: string;
		/** `{i}` of `{n}` phases. */
		progress: Template;
		phases: PhaseNames;
		notes: PhaseNotes;
		/** The picked sample: `{i}` = index, `{x1}`, `{x2}`, `{y}` = its label. */
		sample: Template;
		chart: ChartText;
		/** What the node colours show in each part of the pass. */
		nodeLegend: {
			activation: string;
			delta: string;
		};
		/** The numbers table. */
		table: {
			title: string;
			caption: string;
			kind: string;
			layer: string;
			from: string;
			to: string;
			value: string;
			grad: string;
			weight: string;
			bias: string;
			input: string;
			label: string;
		};
		/** Shown while the model is training continuously. */
		playing: string;
		/** Heading of the update formula for layer `{layer}`. */
		updateLayer: Template;
	};
	/** Section `backprop`: the chain rule, caching, cost, graphs and gradient checks. */
	backprop: {
		chainRule: Prose;
		cache: Prose;
		cost: Prose;
		graph: Prose;
		check: Prose;
	};
	/** Section `xor`: why a hidden layer is needed. */
	xor: {
		intro: Prose;
		why: Prose;
		tryThis: Prose;
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
