/**
 * The app-wide URL params (`lang`, `present`, `backend`, `contrast`), read by the same code as lesson
 * params so that bad values there are clamped and reported too. Pure; no DOM.
 */
import { parseLocale, type Locale } from './i18n/define';
import { defineSchema, type Correction, type ParamValues } from './params';
import { formatValue, parseParams } from './urlState';

/** Backends a user may ask for with `?backend=`; `auto` lets the app choose. */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** A backend choice from the URL. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Schema of the shell params. Defaults apply only when the caller gives no fallback. */
export const shellSchema = defineSchema({
	/** interface language */
	lang: { kind: 'enum', default: 'en', options: ['en', 'zh'] },
	/** classroom (projector) mode */
	present: { kind: 'boolean', default: false },
	/** tensor backend wanted by the user */
	backend: { kind: 'enum', default: 'auto', options: BACKEND_CHOICES },
	/** high-contrast theme */
	contrast: { kind: 'boolean', default: false }
});

/** Values of the shell params. */
export type ShellValues = ParamValues<typeof shellSchema>;

/** Shell params read from a URL. */
export interface ParsedShell {
	/** The values to use: from the URL when valid, else the fallback, else the schema default. */
	values: ShellValues & { lang: Locale };
	/** Which keys the URL gave with a usable value (those override remembered settings). */
	given: { [K in keyof ShellValues]: boolean };
	/** Values that could not be used as given. */
	corrections: Correction[];
}

/**
 * Reads the shell params. `fallback` replaces the schema defaults (e.g. the detected language and the
 * remembered classroom settings), so a correction's `used` is what the app really uses. `lang` accepts
 * locale tags as `parseLocale` does (`zh-CN`, `en-GB`).
 */
export function parseShellParams(
	search: URLSearchParams,
	fallback: Partial<ShellValues> = {}
): ParsedShell {
	const schema = {
		lang: { ...shellSchema.lang, default: fallback.lang ?? shellSchema.lang.default },
		present: { ...shellSchema.present, default: fallback.present ?? shellSchema.present.default },
		backend: { ...shellSchema.backend, default: fallback.backend ?? shellSchema.backend.default },
		contrast: { ...shellSchema.contrast, default: fallback.contrast ?? shellSchema.contrast.default }
	};
	const normalised = new URLSearchParams(search);
	const langs = search.getAll('lang');
	const locale = langs.length > 0 ? parseLocale(langs[0]) : null;
	if (locale) {
		normalised.delete('lang');
		normalised.append('lang', locale);
		for (const rest of langs.slice(1)) normalised.append('lang', rest);
	}
	const { values, corrections } = parseParams(schema, normalised);
	const bad = new Set(corrections.filter((c) => c.reason !== 'repeated').map((c) => c.param));
	const given = {
		lang: search.has('lang') && !bad.has('lang'),
		present: search.has('present') && !bad.has('present'),
		backend: search.has('backend') && !bad.has('backend'),
		contrast: search.has('contrast') && !bad.has('contrast')
	};
	return { values: values as ParsedShell['values'], given, corrections };
}

/**
 * The query string a shared link should carry after reading the shell params from `search`: each
 * shell key given with a usable value is written once in its canonical form (`lang=zh-CN` -> `zh`,
 * `present=yes` -> `1`, repeats dropped) where it stood; a key whose value could not be used is
 * removed, because the page then ran on the fallback (detected language, remembered classroom
 * settings, automatic backend), which is what a link without that key gives. Other params are kept
 * in order. Idempotent.
 */
export function cleanShellSearch(search: URLSearchParams): URLSearchParams {
	const { values, given } = parseShellParams(search);
	const out = new URLSearchParams(search);
	for (const key of Object.keys(shellSchema) as (keyof ShellValues)[]) {
		if (!out.has(key)) continue;
		if (given[key]) out.set(key, formatValue(shellSchema[key], values[key]));
		else out.delete(key);
	}
	return out;
}
