/**
 * Typed parameter schemas: each lesson declares its controls (and the seed) here-style, and the URL
 * state module turns them into search params and back. Types only; see `urlState.ts` for parsing.
 */

/** A numeric control: clamped to [min, max], snapped to `step` when given, integer when `integer`. */
export interface NumberParam {
	kind: 'number';
	default: number;
	min: number;
	max: number;
	step?: number;
	integer?: boolean;
}

/** A choice among fixed string options. */
export interface EnumParam<O extends string = string> {
	kind: 'enum';
	default: O;
	options: readonly O[];
}

/** An on/off switch (`1`/`0`, `true`/`false` in the URL). */
export interface BooleanParam {
	kind: 'boolean';
	default: boolean;
}

/**
 * A short list of numbers (e.g. a kernel's cells), written as a comma list in the URL. Each entry is
 * clamped to [min, max] and snapped to `step`; the number of entries must lie in [minLength, maxLength].
 */
export interface ListParam {
	kind: 'list';
	default: readonly number[];
	min: number;
	max: number;
	step?: number;
	minLength: number;
	maxLength: number;
}

/** Any parameter. */
export type ParamSpec = NumberParam | EnumParam | BooleanParam | ListParam;

/** A lesson's schema: URL key -> spec. Keys are short, lower camelCase, URL-safe. */
export type ParamSchema = Record<string, ParamSpec>;

/** The value type of one spec. */
export type ParamValue<P extends ParamSpec> = P extends NumberParam
	? number
	: P extends BooleanParam
		? boolean
		: P extends ListParam
			? number[]
			: P extends EnumParam<infer O>
				? O
				: never;

/** The values of a whole schema. */
export type ParamValues<S extends ParamSchema> = { -readonly [K in keyof S]: ParamValue<S[K]> };

/** Why a URL value was not used as given. */
export type CorrectionReason =
	| 'out-of-range'
	| 'not-a-number'
	| 'not-an-integer'
	| 'unknown-option'
	| 'not-a-boolean'
	| 'wrong-length'
	| 'repeated';

/** One value that was changed while reading the URL: reported to the user in a notice. */
export interface Correction {
	param: string;
	/** The raw value from the URL, truncated to a safe length for display (shown as text only). */
	given: string;
	/** The value used instead, as it will be written back to the URL. */
	used: string;
	reason: CorrectionReason;
}

/** The usual seed parameter every lesson includes. */
export const SEED_PARAM: NumberParam = {
	kind: 'number',
	default: 1,
	min: 0,
	max: 2_147_483_647,
	integer: true
};

/** Builds a schema with literal enum types preserved. */
export function defineSchema<const S extends ParamSchema>(schema: S): S {
	return schema;
}
