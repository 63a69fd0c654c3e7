/** Supported interface languages. */
export type Locale = 'en' | 'zh';

/** All supported locales, English first (the fallback). */
export const LOCALES: readonly Locale[] = ['en', 'zh'];

/** BCP 47 tag for each locale, used for `<html lang>`. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Chinese text for every key of an English message table: same keys, no more, no fewer. */
export type Translation<T> = { readonly [K in keyof T]: string };

/**
 * Declares one namespace of UI strings in both languages. The Chinese table must have exactly the
 * English table's keys (checked by the compiler). `{name}` placeholders are filled by `t`.
 */
export function defineMessages<const T extends Record<string, string>>(
	en: T,
	zh: Translation<T>
): { en: T; zh: Translation<T> } {
	return { en, zh };
}

/** Text in both languages, for content that lives with a lesson rather than in the UI tables. */
export type Bilingual<T = string> = { en: T; zh: T };

/** Parses a `lang` value (`en`, `zh`, `zh-CN`, `zh-Hans` ...) into a locale, or null if unknown. */
export function parseLocale(value: string | null | undefined): Locale | null {
	if (!value) return null;
	const v = value.trim().toLowerCase();
	if (v === 'en' || v.startsWith('en-')) return 'en';
	if (v === 'zh' || v.startsWith('zh-') || v.startsWith('zh_')) return 'zh';
	return null;
}

/** Replaces `{name}` placeholders with values; unknown placeholders are left as they are. */
export function format(template: string, vars?: Record<string, string | number>): string {
	if (!vars) return template;
	return template.replace(/\{(\w+)\}/g, (m, name: string) =>
		name in vars ? String(vars[name]) : m
	);
}
