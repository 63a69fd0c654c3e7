/**
 * The shape of all of lesson L09's text ("Convolution, stride, padding and feature-map size"), one
 * object per language (`en.ts`, `zh.ts`, both `satisfies L09Text`), plus builders for prose.
 *
 * String kinds (by convention; the text test checks them):
 * - `Prose`: rendered by the Prose component: blocks separated by a blank line; a block is a
 *   paragraph, a `$$display TeX$$` block, or a list whose every line starts with `- `; inside text:
 *   `$inline TeX$`, `**bold**`, `*italic*`, `` `code` ``.
 * - `TeX`: KaTeX source without `$` delimiters; every field holding TeX has a name ending in `Tex`.
 * - `Template`: one line of plain text with `{name}` placeholders, filled by `format` from i18n/define.
 * - plain `string`: one line of plain text (no TeX, no markup): labels, titles, options.
 */
import type { KernelPresetName } from '$lib/ml/functions/kernels';
import type { PaddingMode } from '$lib/ml/functions/convShape';
import type { PoolKind } from '$lib/ml/functions/poolLoop';
import type { EXPLORER_AXES, schema, SOURCES, WEIGHT_MODES } from '../meta';

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

/** Ids of the interview traps, in display order. */
export const TRAP_IDS = ['flipped', 'formulaNoFloor', 'activationInside', 'edgePadding', 'featureMapPerNeuron', 'poolingUses'] as const;
/** One interview trap id. */
export type TrapId = (typeof TRAP_IDS)[number];

/** A common wrong answer and its correction. */
export interface Trap {
	/** The wrong claim, stated as people state it (plain text, no quotes). */
	myth: string;
	/** Why it is wrong and what is right (Prose, inline only). */
	fact: Prose;
}

/** Ids of the self-check questions, in display order (each has a control preset). */
export const SELF_CHECK_IDS = ['sobelSquare', 'stride2', 'dilation', 'sameStride', 'params', 'maxPool'] as const;
/** One self-check question id. */
export type SelfCheckId = (typeof SELF_CHECK_IDS)[number];

/** A "predict what happens" question answered with the widgets (fits `SelfCheckQuestion`). */
export interface SelfCheckQuestion {
	prompt: Prose;
	/** 3-4 answers. */
	options: readonly Prose[];
	/** Index of the right answer (the same in every language). */
	correct: number;
	explanation: Prose;
	/** Which controls to set to see it. */
	tryIt: Prose;
}

/** All of lesson L09's text in one language. Section headings live in lessons/catalog.ts. */
export interface L09Text {
	title: string;
	lead: Prose;
	/** Label and help of every control in meta.ts's schema, and of the preset picker. */
	controls: Record<keyof typeof schema | 'preset', ControlText>;
	options: {
		src: Record<(typeof SOURCES)[number], string>;
		pad: Record<PaddingMode, string>;
		preset: Record<KernelPresetName | 'custom', string>;
		wts: Record<(typeof WEIGHT_MODES)[number], string>;
		pool: Record<PoolKind, string>;
		xaxis: Record<(typeof EXPLORER_AXES)[number], string>;
	};
	/** The input picker. */
	input: {
		/** Label of the row of digit thumbnails. */
		gallery: string;
		/** A thumbnail's name, `{label}` = the digit's class, `{index}` = its number in the set. */
		thumb: Template;
		loading: string;
		/** Shown when the source is "your image" but there is none (it never travels in a link). */
		customMissing: string;
		drawTitle: string;
		drawHint: string;
		uploadTitle: string;
		uploadHint: string;
		/** Read-out of the image in use, `{name}` and `{size}`. */
		using: Template;
		/** Names of the image in use: `{label}` / `{index}` for a digit. */
		digitName: Template;
		shapeName: string;
		drawnName: string;
		/** `{name}` = the file name. */
		uploadedName: Template;
	};
	/** Section `convolution`. */
	conv: {
		intro: Prose;
		/** The cross-correlation sum (one channel). */
		sumTex: TeX;
		crossCorrelation: Prose;
		/** True convolution with the flipped kernel. */
		flipTex: TeX;
		featureMap: Prose;
		presets: Prose;
		inputChart: ChartText;
		outputChart: ChartText;
		inputLegend: string;
		outputLegend: string;
		/** Read-out of the output size, `{rows}` x `{cols}`. */
		outputSize: Template;
		/** `{span}` = effective kernel, `{size}` = padded input side. */
		noFit: Template;
		/** `{backend}`, `{diff}`: the live tf.conv2d result against the loops. */
		tfCheck: Template;
		tfPending: string;
		/** `{error}`. */
		tfError: Template;
		kernelTitle: string;
		geometryTitle: string;
	};
	kernel: {
		gridLabel: string;
		/** `{row}`, `{col}` (1-based). */
		cellLabel: Template;
		editHint: string;
		rotate: string;
	};
	/** The sliding-window transport and the worked dot product. */
	window: {
		intro: Prose;
		play: string;
		pause: string;
		back: string;
		forward: string;
		restart: string;
		/** `{i}`, `{n}`, `{row}`, `{col}`. */
		position: Template;
		groupLabel: string;
		/** Caption of the worked dot product, `{row}`, `{col}`. */
		dotTitle: Template;
		columns: { tap: string; input: string; weight: string; product: string };
		/** Marks a tap that reads the zero padding. */
		padTag: string;
		/** `{sum}`. */
		sum: Template;
		/** `{sum}`, `{div}`, `{value}`. */
		divided: Template;
		/** `{value}` = the output cell's value. */
		output: Template;
	};
	/** Section `output-size`. */
	size: {
		intro: Prose;
		/** The general formula with floor and dilation. */
		formulaTex: TeX;
		/** The formula with separate padding before and after. */
		asymTex: TeX;
		symbols: Prose;
		padding: Prose;
		same: Prose;
		dilation: Prose;
		stride: Prose;
		/** Heading of the filled-in formula. */
		liveTitle: string;
		/** The zeros before and after on each axis, `{pt}`, `{pb}`. */
		padsNote: Template;
		/** Words after the formula when the kernel does not fit (inside TeX \text{}). */
		noOutput: string;
		explorer: ChartText;
		/** y axis. */
		outputAxis: string;
		/** Series names: `{p}` for custom. */
		seriesValid: string;
		seriesSame: string;
		seriesCustom: Template;
		/** Marker of the current setting. */
		current: string;
	};
	/** Section `channels`. */
	channels: {
		intro: Prose;
		controlsTitle: string;
		sumTex: TeX;
		paramsTex: TeX;
		sharing: Prose;
		inputsChart: ChartText;
		weightsChart: ChartText;
		outputsChart: ChartText;
		/** `{i}` (1-based). */
		inLabel: Template;
		/** `{o}` (1-based). */
		outLabel: Template;
		/** `{i}`, `{o}`. */
		kernelLabel: Template;
		/** `{k}`, `{cin}`, `{cout}`, `{weights}`. */
		weightsCount: Template;
		/** `{cout}`, `{total}`. */
		withBias: Template;
		/** `{dense}` = weights of a dense layer between the same input and output, `{ratio}`. */
		dense: Template;
	};
	/** Section `pooling`. */
	pooling: {
		intro: Prose;
		maxVsAvg: Prose;
		noParams: Prose;
		modern: Prose;
		beforeChart: ChartText;
		afterChart: ChartText;
		/** `{rows}`, `{cols}`, `{orows}`, `{ocols}`. */
		shape: Template;
		controlsTitle: string;
		/** `{backend}`, `{diff}`: tf.maxPool / tf.avgPool against the loops. */
		tfCheck: Template;
		noFit: string;
	};
	interview: {
		question: Prose;
		answer: Prose;
		traps: Record<TrapId, Trap>;
	};
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
