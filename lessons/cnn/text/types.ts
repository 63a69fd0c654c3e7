/**
 * The shape of all of lesson L10's text ("CNN architecture and pooling"), one object per language
 * (`en.ts`, `zh.ts`, both `satisfies L10Text`), plus small builders for prose.
 *
 * String kinds (by convention; the test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX only has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { LAYER_IDS, MAP_SCALES, POOLS, SOURCES } from '../meta';

/** One layer id, as the model names it. */
export type LayerId = (typeof LAYER_IDS)[number];
/** One pooling kind. */
export type PoolName = (typeof POOLS)[number];
/** One feature-map input source. */
export type SourceName = (typeof SOURCES)[number];
/** One feature-map colour scale. */
export type MapScaleName = (typeof MAP_SCALES)[number];

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

/** Title and one- or two-sentence plain-text description of a chart. */
export interface ChartText {
	title: string;
	description: string;
}

/** Ids of the interview traps of each card, in display order. */
export const TRAP_IDS = {
	q7: ['flip', 'poolParams', 'denseRequired', 'convParamsSize'],
	q9: ['detectDenoise', 'fullInvariance', 'channels', 'alwaysPool']
} as const;
/** The two interview cards: syllabus questions 7 (building blocks) and 9 (pooling). */
export const CARD_IDS = ['q7', 'q9'] as const;
/** One interview card id. */
export type CardId = (typeof CARD_IDS)[number];

/** A common wrong answer and its correction (`trapProse` makes the `InterviewCard` string). */
export interface Trap {
	/** The wrong claim, stated as people state it (plain text, no quotes). */
	myth: string;
	/** Why it is wrong and what is right (Prose, inline only). */
	fact: Prose;
}

/** One interview card: question, answer and its traps. */
export interface Card<Id extends string> {
	question: Prose;
	answer: Prose;
	traps: Record<Id, Trap>;
}

/** Ids of the self-check questions, in display order (each has a control preset). */
export const SELF_CHECK_IDS = ['poolParams', 'poolSize', 'kernel', 'filters1', 'avgPool'] as const;
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

/** All of lesson L10's text in one language. Section headings live in lessons/catalog.ts. */
export interface L10Text {
	title: string;
	lead: Prose;
	/** Display names of the layers (diagram, selects, chart titles). */
	layers: Record<LayerId, string>;
	/** Axis, legend and column labels shared by the charts. */
	axes: {
		step: string;
		loss: string;
		accuracy: string;
		trainLoss: string;
		valLoss: string;
		trainAccuracy: string;
		valAccuracy: string;
		digit: string;
		probability: string;
		actual: string;
		predicted: string;
		activation: string;
		weight: string;
	};
	/** Label and help of every control in meta.ts's schema. */
	controls: {
		filters1: ControlText;
		filters2: ControlText;
		kernel: ControlText;
		pool: ControlText;
		poolSize: ControlText;
		lr: ControlText;
		batch: ControlText;
		spf: ControlText;
		digit: ControlText;
		src: ControlText;
		layer: ControlText;
		ch: ControlText;
		fscale: ControlText;
		cell: ControlText;
		seed: ControlText;
	};
	/** Option labels of the enum controls. */
	options: {
		pool: Record<PoolName, string>;
		src: Record<SourceName, string>;
		fscale: Record<MapScaleName, string>;
	};
	/** Read-outs and status lines. */
	readouts: {
		step: Template;
		/** `{loss}`, `{accuracy}` of the last training batch. */
		batch: Template;
		/** `{accuracy}` and `{step}` of the last validation pass. */
		validation: Template;
		/** Before the first validation pass. */
		noValidation: string;
		/** `{digit}` the predicted class, `{p}` its probability in percent. */
		prediction: Template;
		/** `{label}` the true class of the chosen validation digit. */
		truth: Template;
		/** Shown while the drawing pad is empty. */
		drawFirst: string;
		/** `{from}` and `{to}` shapes of one pooling step, `{k}` the window. */
		poolShapes: Template;
		evaluate: string;
		evaluating: string;
	};
	/** Where training runs (a line by the play bar); `{backend}` the tfjs backend's name (WASM, CPU, WebGPU, WebGL). */
	trainer: {
		/** The model trains in a background thread (a Web Worker). */
		worker: Template;
		/** The model trains on the page's main thread. */
		page: Template;
		/** `{reason}` why the background thread could not start (training then runs on the page). */
		fallback: Template;
	};
	/** Section `building-blocks`. */
	blocks: {
		intro: Prose;
		why: Prose;
		components: Prose;
		diagram: ChartText;
		diagramNote: Prose;
		params: Prose;
		convParamsTex: TeX;
		denseParamsTex: TeX;
		/** `{dense}` weights a fully connected layer with conv1's output would need, `{conv}` conv1's. */
		sharing: Template;
	};
	/** Section `training`. */
	training: {
		intro: Prose;
		curves: Prose;
		lossChart: ChartText;
		accuracyChart: ChartText;
	};
	/** Section `feature-maps`. */
	maps: {
		intro: Prose;
		picker: ChartText;
		drawLabel: string;
		probabilities: ChartText;
		/** Title of the selected layer's maps, `{layer}`, `{shape}`. */
		mapsTitle: Template;
		mapsDescription: string;
		reading: Prose;
		filters1: ChartText;
		/** Title of conv2's filters of output channel `{channel}`. */
		filters2Title: Template;
		filters2Description: string;
		filtersNote: Prose;
		/** Tile label: input channel `{i}`. */
		fromChannel: Template;
		/** Tile label: filter / channel `{i}`. */
		channel: Template;
	};
	/** Section `pooling`. */
	pooling: {
		intro: Prose;
		sizeTex: TeX;
		maxAvg: Prose;
		invariance: Prose;
		noParams: Prose;
		modern: Prose;
		/** The selected ReLU 1 channel before pooling and after, `{channel}`. */
		beforeTitle: Template;
		afterTitle: Template;
		pairDescription: string;
	};
	/** Section `confusion`. */
	confusion: {
		intro: Prose;
		matrix: ChartText;
		gallery: ChartText;
		/** Short caption of a misclassified digit: `{label}` → `{pred}`. */
		caption: Template;
		/** Accessible name: `{id}`, `{label}`, `{pred}`. */
		name: Template;
		/** Shown before a cell is chosen. */
		pickCell: string;
		/** Shown when the chosen cell holds no digits, `{label}`, `{pred}`. */
		emptyCell: Template;
		/** `{count}` digits of class `{label}` predicted as `{pred}`. */
		cellSummary: Template;
		note: Prose;
	};
	/** Section `interview`: one card per syllabus question. */
	interview: {
		q7: Card<(typeof TRAP_IDS)['q7'][number]>;
		q9: Card<(typeof TRAP_IDS)['q9'][number]>;
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
