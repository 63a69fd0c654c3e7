/**
 * URL search params <-> typed parameter values (TF Playground's `state.ts` idea), pure and DOM-free.
 *
 * Reading rules (every deviation from the schema is clamped or defaulted, and reported):
 * - Numbers: ASCII decimal only, after trimming whitespace: `12`, `-0.5`, `.5`, `1e-3`, `+2`. Everything else
 *   is `not-a-number` and gets the default: empty or blank, `NaN`, `Infinity`/`-Infinity`, hex (`0x10`),
 *   incomplete exponents (`1e`), separators (`1,5`, `1_000`), non-ASCII digits (`١٢`, `５`), markup.
 *   A numeral too large for a double (`'9'.repeat(400)`) is `out-of-range` and clamps like any big number.
 * - Outside [min, max]: clamped, `out-of-range`. A fraction for an integer param: rounded, `not-an-integer`
 *   (range is checked first, so `25.5` on a 2..20 integer is reported as `out-of-range`).
 * - Inside the range but between steps: snapped silently to the nearest step counted from `min` (a slider
 *   could not show the value either; the change is under one step). Without a step, values are rounded to
 *   12 significant digits so float noise never reaches the URL.
 * - Enums: exact option, else a case-insensitive match (silently canonicalised), else `unknown-option`.
 * - Booleans: `1/0/true/false/yes/no/on/off` (any case); a bare key (`?present`, empty value) means true;
 *   anything else (blank spaces included) is `not-a-boolean`.
 * - Lists: comma-separated numbers (`0,-1,0`), each entry read like a number. Any entry that is not a
 *   number gives the default list (`not-a-number`); a count outside [minLength, maxLength] gives the
 *   default (`wrong-length`); entries outside [min, max] are clamped (`out-of-range`); snapping is silent.
 * - A key given more than once: the first value wins and `repeated` is reported (given = the ignored values).
 * - Unknown keys are ignored here (and kept by `writeParams`).
 * `Correction.given` is truncated to {@link GIVEN_MAX} characters with control characters replaced; it is
 * meant to be rendered as text, never as HTML.
 */
import type {
	BooleanParam,
	Correction,
	CorrectionReason,
	EnumParam,
	ListParam,
	NumberParam,
	ParamSchema,
	ParamSpec,
	ParamValues
} from './params';

/** Longest `given` string kept in a correction (characters, ellipsis included). */
export const GIVEN_MAX = 40;

/** Outcome of reading one raw value: the value to use, and why it differs from the raw one (if it does). */
export interface Coerced<V> {
	value: V;
	reason: CorrectionReason | null;
}

/** The result of reading a whole query string against a schema. */
export interface ParsedParams<S extends ParamSchema> {
	values: ParamValues<S>;
	corrections: Correction[];
}

/** Unambiguous on purpose (linear time): `\d+\.?\d*` backtracked quadratically on a long run of digits. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);

/** Any value a spec can hold. */
export type AnyValue = number | string | boolean | number[];

/** The schema's default values (a fresh object; lists are copied). */
export function defaults<S extends ParamSchema>(schema: S): ParamValues<S> {
	const out: Record<string, unknown> = {};
	for (const [key, spec] of Object.entries(schema)) out[key] = spec.kind === 'list' ? [...spec.default] : spec.default;
	return out as ParamValues<S>;
}

/** Decimal places needed to write `x` exactly as typed in a schema (`0.05` -> 2, `1e-7` -> 7, `3` -> 0). */
function decimalsOf(x: number): number {
	const s = String(Math.abs(x)).toLowerCase();
	const [mantissa, exp] = s.split('e');
	const frac = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
	return Math.max(0, frac - (exp ? Number(exp) : 0));
}

/** Turns -0 into 0 so values compare and print cleanly. */
function noNegZero(x: number): number {
	return x === 0 ? 0 : x;
}

/** The effective step of a number spec: `step`, else 1 for integers, else none. */
function stepOf(spec: NumberParam): number | undefined {
	if (spec.step !== undefined && spec.step > 0) return spec.step;
	return spec.integer ? 1 : undefined;
}

/**
 * The canonical form of an in-range number: snapped to the step grid that starts at `min` (never past
 * `max`), rounded to the decimals of `min`/`step` (no float noise), integer for integer specs.
 */
export function snapNumber(spec: NumberParam, x: number): number {
	const clamped = Math.min(spec.max, Math.max(spec.min, x));
	const step = stepOf(spec);
	if (step === undefined) return noNegZero(Number(clamped.toPrecision(12)));
	const digits = Math.min(20, Math.max(decimalsOf(step), decimalsOf(spec.min)));
	const fix = (v: number) => Number(v.toFixed(digits));
	let k = Math.round((clamped - spec.min) / step);
	let v = fix(spec.min + k * step);
	while (v > spec.max && k > 0) v = fix(spec.min + --k * step);
	if (spec.integer) v = Math.round(v);
	return noNegZero(v);
}

/** Reads a number for `spec` from raw text, following the module's rules. */
export function coerceNumber(spec: NumberParam, raw: string): Coerced<number> {
	const text = raw.trim();
	if (!DECIMAL.test(text)) return { value: spec.default, reason: 'not-a-number' };
	const x = Number(text);
	if (Number.isNaN(x)) return { value: spec.default, reason: 'not-a-number' };
	return coerceNumberValue(spec, x);
}

/** Validates a JS number for `spec`: clamps, rounds integers, snaps to the step. */
export function coerceNumberValue(spec: NumberParam, x: number): Coerced<number> {
	if (Number.isNaN(x)) return { value: spec.default, reason: 'not-a-number' };
	if (x < spec.min || x > spec.max) {
		return { value: snapNumber(spec, x < spec.min ? spec.min : spec.max), reason: 'out-of-range' };
	}
	if (spec.integer && !Number.isInteger(x)) {
		return { value: snapNumber(spec, Math.round(x)), reason: 'not-an-integer' };
	}
	return { value: snapNumber(spec, x), reason: null };
}

/** Reads an enum option: exact, else case-insensitive, else the default. */
export function coerceEnum(spec: EnumParam, raw: string): Coerced<string> {
	if (spec.options.includes(raw)) return { value: raw, reason: null };
	const lower = raw.trim().toLowerCase();
	const match = spec.options.find((o) => o.toLowerCase() === lower);
	return match !== undefined
		? { value: match, reason: null }
		: { value: spec.default, reason: 'unknown-option' };
}

/** Reads a boolean: 1/0, true/false, yes/no, on/off (any case), a bare key is true. */
export function coerceBoolean(spec: BooleanParam, raw: string): Coerced<boolean> {
	if (raw === '') return { value: true, reason: null };
	const word = raw.trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return { value: true, reason: null };
	if (FALSE_WORDS.has(word)) return { value: false, reason: null };
	return { value: spec.default, reason: 'not-a-boolean' };
}

/** The number spec every entry of a list follows. */
function entrySpec(spec: ListParam): NumberParam {
	return { kind: 'number', default: 0, min: spec.min, max: spec.max, step: spec.step };
}

/** Validates list entries given as JS numbers: length, then each entry clamped and snapped. */
export function coerceListValue(spec: ListParam, xs: readonly number[]): Coerced<number[]> {
	if (xs.some((x) => typeof x !== 'number' || Number.isNaN(x))) return { value: [...spec.default], reason: 'not-a-number' };
	if (xs.length < spec.minLength || xs.length > spec.maxLength) return { value: [...spec.default], reason: 'wrong-length' };
	const entry = entrySpec(spec);
	let reason: CorrectionReason | null = null;
	const value = xs.map((x) => {
		const c = coerceNumberValue(entry, x);
		reason ??= c.reason;
		return c.value;
	});
	return { value, reason };
}

/** Reads a comma list of numbers (see the module comment). */
export function coerceList(spec: ListParam, raw: string): Coerced<number[]> {
	const text = raw.trim();
	const parts = text === '' ? [] : text.split(',').map((p) => p.trim());
	if (parts.some((p) => !DECIMAL.test(p))) return { value: [...spec.default], reason: 'not-a-number' };
	return coerceListValue(spec, parts.map(Number));
}

/** Reads one raw URL value for any spec. */
export function coerceRaw(spec: ParamSpec, raw: string): Coerced<AnyValue> {
	switch (spec.kind) {
		case 'number':
			return coerceNumber(spec, raw);
		case 'enum':
			return coerceEnum(spec, raw);
		case 'boolean':
			return coerceBoolean(spec, raw);
		case 'list':
			return coerceList(spec, raw);
	}
}

/**
 * Validates a value set from code (a control): numbers as `coerceNumberValue`, strings and booleans as
 * they would be read from a URL; any other type gets the default with the reason for its kind.
 */
export function coerceValue(spec: ParamSpec, value: unknown): Coerced<AnyValue> {
	if (spec.kind === 'number' && typeof value === 'number') return coerceNumberValue(spec, value);
	if (spec.kind === 'boolean' && typeof value === 'boolean') return { value, reason: null };
	if (spec.kind === 'list' && Array.isArray(value)) return coerceListValue(spec, value);
	if (typeof value === 'string') return coerceRaw(spec, value);
	if (spec.kind === 'list') return { value: [...spec.default], reason: 'not-a-number' };
	const reason: CorrectionReason =
		spec.kind === 'number' ? 'not-a-number' : spec.kind === 'enum' ? 'unknown-option' : 'not-a-boolean';
	return { value: spec.default, reason };
}

/** The canonical URL text of a value: numbers without float noise, booleans as `1`/`0`, lists comma-separated. */
export function formatValue(spec: ParamSpec, value: AnyValue): string {
	if (spec.kind === 'boolean') return value ? '1' : '0';
	if (spec.kind === 'enum') return String(value);
	if (spec.kind === 'list') {
		const entry = entrySpec(spec);
		return (Array.isArray(value) ? value : []).map((x) => String(snapNumber(entry, Number(x)))).join(',');
	}
	return String(snapNumber(spec, Number(value)));
}

/**
 * Control characters and bidirectional overrides/isolates/marks: replaced before a raw value is echoed,
 * so a URL cannot reorder the notice's text around it (an RLO in `?k=` would flip the rest of the line).
 */
export const UNSAFE_DISPLAY_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes a raw value safe and short for display: control and bidi characters replaced, at most GIVEN_MAX chars. */
export function truncateGiven(raw: string): string {
	const chars = Array.from(raw.replace(UNSAFE_DISPLAY_CHARS, '\uFFFD'));
	return chars.length <= GIVEN_MAX ? chars.join('') : chars.slice(0, GIVEN_MAX - 1).join('') + '…';
}

/** Reads every schema key from `search`; returns the values to use and what had to be corrected. */
export function parseParams<S extends ParamSchema>(
	schema: S,
	search: URLSearchParams
): ParsedParams<S> {
	const values: Record<string, unknown> = defaults(schema);
	const corrections: Correction[] = [];
	for (const [key, spec] of Object.entries(schema)) {
		const all = search.getAll(key);
		if (all.length === 0) continue;
		const { value, reason } = coerceRaw(spec, all[0]);
		values[key] = value;
		const used = formatValue(spec, value);
		if (reason) corrections.push({ param: key, given: truncateGiven(all[0]), used, reason });
		if (all.length > 1) {
			corrections.push({
				param: key,
				given: truncateGiven(all.slice(1).join(', ')),
				used,
				reason: 'repeated'
			});
		}
	}
	return { values: values as ParamValues<S>, corrections };
}

/**
 * Writes every schema value (canonical text) into a copy of `base`, keeping its other params
 * (lang, present, backend ...) in their order; schema keys come after them, in schema order.
 */
export function writeParams<S extends ParamSchema>(
	schema: S,
	values: ParamValues<S>,
	base?: URLSearchParams
): URLSearchParams {
	const out = new URLSearchParams(base);
	for (const [key, spec] of Object.entries(schema)) {
		out.delete(key);
		const v = (values as Record<string, unknown>)[key];
		const { value } = coerceValue(spec, v);
		out.set(key, formatValue(spec, value));
	}
	return out;
}
