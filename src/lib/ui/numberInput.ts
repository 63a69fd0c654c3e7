/**
 * Pure helpers for numeric controls: parsing typed text, validating it against a range, snapping to
 * a step, formatting for display, and mapping values to and from a (possibly logarithmic) slider.
 *
 * Parsing policy (documented here because the UI relies on it):
 * - Text is normalised with NFKC, so full-width digits and signs typed with a Chinese IME
 *   ('１２', '－３．５') are accepted as '12' and '-3.5'. The Unicode minus '−' (U+2212, which number
 *   formatters print) is accepted as '-'. Surrounding whitespace is ignored.
 * - Only plain decimal notation with an optional exponent is a number: '1', '-0.5', '.5', '2.',
 *   '1e-3'. Everything else ('', 'abc', '0x10', '1,5', 'NaN', 'Infinity', '<script>') is not.
 * - A well-formed number that overflows ('1e999') is rejected as not finite; it is never clamped.
 * - Rejected text never changes the value: the control keeps its current value and says why.
 */
import { UNSAFE_DISPLAY_CHARS } from '$lib/app/urlState';

/** The range a numeric control accepts (the shape of a `NumberParam` without its default). */
export interface NumberRange {
	min: number;
	max: number;
	/** Grid spacing measured from `min`; values are snapped to it when given. */
	step?: number;
	/** Round to whole numbers. */
	integer?: boolean;
}

/** Why typed text was not used exactly as typed. */
export type NumberIssue =
	| 'empty'
	| 'not-a-number'
	| 'not-finite'
	| 'above-max'
	| 'below-min'
	| 'not-an-integer';

/** Outcome of parsing typed text. */
export type ParseResult =
	| { ok: true; value: number }
	| { ok: false; reason: 'empty' | 'not-a-number' | 'not-finite' };

/** Outcome of committing typed text: the value to use and, when it differs from the text, why. */
export interface CommitResult {
	/** The value the control should hold (the current value when the text was rejected). */
	value: number;
	/** Null when the text was used as typed (step snapping is silent). */
	issue: NumberIssue | null;
	/** The typed text, trimmed and shortened for display as plain text. */
	given: string;
}

/** Longest typed text echoed back in a message (characters). */
export const MAX_ECHO = 24;

/** Number of discrete positions of a logarithmic slider's range input. */
export const LOG_STEPS = 1000;

/** Unambiguous on purpose (linear time): `\d+\.?\d*` backtracked quadratically on a long run of digits. */
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Normalises typed text: NFKC (full-width forms), Unicode minus to '-', trimmed. */
export function normaliseNumberText(raw: string): string {
	return raw.normalize('NFKC').replace(/[\u2212\u2012\u2013\uFE63]/g, '-').trim();
}

/** Parses typed text strictly (see the module comment for what counts as a number). */
export function parseNumber(raw: string): ParseResult {
	const text = normaliseNumberText(raw);
	if (text === '') return { ok: false, reason: 'empty' };
	if (!NUMBER_RE.test(text)) return { ok: false, reason: 'not-a-number' };
	const value = Number(text);
	if (!Number.isFinite(value)) return { ok: false, reason: 'not-finite' };
	return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Number of decimal places needed to write `x` exactly (0.25 -> 2, 1e-4 -> 4, 3 -> 0). */
export function decimalsOf(x: number): number {
	if (!Number.isFinite(x)) return 0;
	const s = Math.abs(x).toString();
	const exp = s.match(/e-(\d+)$/);
	if (exp) {
		const mantissa = s.slice(0, s.indexOf('e'));
		const dot = mantissa.indexOf('.');
		return Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
	}
	const dot = s.indexOf('.');
	return dot < 0 ? 0 : s.length - dot - 1;
}

/** Rounds away binary noise (0.1 + 0.2 -> 0.3) to `decimals` places. */
export function roundTo(value: number, decimals: number): number {
	if (decimals > 15) return value;
	const r = Number(value.toFixed(decimals));
	return Object.is(r, -0) ? 0 : r;
}

/** Clamps into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

/** Snaps to the nearest point of the grid `min + k * step` (no clamping; `step` <= 0 is ignored). */
export function snapToStep(value: number, step: number | undefined, min: number): number {
	if (!step || !(step > 0) || !Number.isFinite(step)) return value;
	const k = Math.round((value - min) / step);
	return roundTo(min + k * step, Math.max(decimalsOf(step), decimalsOf(min)));
}

/**
 * Brings any finite number into range: rounds to an integer when asked, snaps to the step, then
 * clamps (snapping can step past `max`, so clamping comes last). Non-finite input gives `min`.
 */
export function conform(value: number, range: NumberRange): number {
	if (!Number.isFinite(value)) return range.min;
	let v = range.integer ? Math.round(value) : value;
	v = snapToStep(v, range.step, range.min);
	v = clamp(v, range.min, range.max);
	return Object.is(v, -0) ? 0 : v;
}

/**
 * Cuts typed text down for echoing it in a message (rendered as text, never as HTML): by code point
 * (an emoji is never split into a lone surrogate), control and bidi-override characters replaced.
 */
export function echo(raw: string): string {
	const chars = Array.from(raw.trim().replace(UNSAFE_DISPLAY_CHARS, '\uFFFD'));
	return chars.length > MAX_ECHO ? `${chars.slice(0, MAX_ECHO - 1).join('')}…` : chars.join('');
}

/**
 * Decides what typed text commits: a parsed, in-range value is conformed (integer, step);
 * out-of-range is clamped; unparsable keeps `current`. `issue` says what to tell the user.
 */
export function commitNumber(raw: string, range: NumberRange, current: number): CommitResult {
	const given = echo(raw);
	const parsed = parseNumber(raw);
	if (!parsed.ok) return { value: current, issue: parsed.reason, given };
	const v = parsed.value;
	if (v > range.max) return { value: range.max, issue: 'above-max', given };
	if (v < range.min) return { value: range.min, issue: 'below-min', given };
	const value = conform(v, range);
	const issue = range.integer && !Number.isInteger(v) ? 'not-an-integer' : null;
	return { value, issue, given };
}

/** True when a log scale makes sense for this range (both ends strictly positive, min < max). */
export function canUseLog(min: number, max: number): boolean {
	return min > 0 && max > min && Number.isFinite(min) && Number.isFinite(max);
}

/** Rounds to `digits` significant digits. */
export function roundSignificant(value: number, digits: number): number {
	if (value === 0 || !Number.isFinite(value)) return value;
	return Number(value.toPrecision(Math.max(1, Math.min(17, digits))));
}

/** Position in [0, LOG_STEPS] (unrounded) of `value` on a log slider over [min, max]. */
export function logPosition(value: number, min: number, max: number): number {
	const v = clamp(value, min, max);
	return ((Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))) * LOG_STEPS;
}

/**
 * The value at integer position `pos` of a log slider over [min, max]: the ends map to exactly
 * `min` and `max`; in between, the value is rounded to the fewest significant digits that still map
 * back to the same position, so the thumb never sticks and the numbers stay short.
 */
export function valueAtLogPosition(pos: number, min: number, max: number): number {
	const p = Math.round(clamp(pos, 0, LOG_STEPS));
	if (p === 0) return min;
	if (p === LOG_STEPS) return max;
	const lmin = Math.log10(min);
	const raw = 10 ** (lmin + (p / LOG_STEPS) * (Math.log10(max) - lmin));
	for (let digits = 1; digits <= 15; digits++) {
		const r = roundSignificant(raw, digits);
		if (r > min && r < max && Math.round(logPosition(r, min, max)) === p) return r;
	}
	return raw;
}

/** Options for `formatNumber`. */
export interface FormatOptions {
	step?: number;
	integer?: boolean;
	/** Log-scale controls show significant digits rather than the step's decimals. */
	log?: boolean;
}

/** A value written out for a message: up to 10 significant digits, no trailing zeros. */
export function formatPlain(value: number): string {
	return String(roundSignificant(value, 10));
}

/**
 * Display text for a value: integers plainly, stepped values with the step's decimals, others with
 * up to 4 significant digits; ASCII '-' so the text can be typed back in unchanged.
 */
export function formatNumber(value: number, opts: FormatOptions = {}): string {
	if (!Number.isFinite(value)) return String(value);
	if (opts.integer) return String(Math.round(value));
	if (opts.step && !opts.log) {
		const d = Math.min(decimalsOf(opts.step), 10);
		return roundTo(value, d).toFixed(d);
	}
	return String(roundSignificant(value, 4));
}

/**
 * The value a log slider takes when its thumb moves from the current value to position `pos`:
 * integers are rounded, and if rounding would leave the value where it was (the thumb would jump
 * back), it moves one unit in the thumb's direction instead, so keyboard steps never stick.
 */
export function valueFromLogSlider(pos: number, range: NumberRange, current: number): number {
	const { min, max } = range;
	let v = valueAtLogPosition(pos, min, max);
	if (range.integer) v = Math.round(v);
	const from = logPosition(current, min, max);
	if (v === current && Math.round(pos) !== Math.round(from)) {
		v = current + (pos > from ? 1 : -1) * (range.integer ? 1 : Math.abs(current) * 0.01);
	}
	return clamp(v, min, max);
}
