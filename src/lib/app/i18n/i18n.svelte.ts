import { getContext, setContext } from 'svelte';
import { format, LOCALE_TAGS, parseLocale, type Bilingual, type Locale } from './define';
import { tables, type MessageKey } from './messages';

const KEY = Symbol('i18n');
const STORAGE_KEY = 'dlx.lang';

/** The interface language and its lookups; one instance per app, shared through context. */
export class I18n {
	/** The current locale. */
	locale = $state<Locale>('en');

	constructor(initial: Locale = 'en') {
		this.locale = initial;
	}

	/** The message for `key` in the current locale, `{placeholders}` filled from `vars`. */
	t = (key: MessageKey, vars?: Record<string, string | number>): string =>
		format(tables[this.locale][key] ?? tables.en[key] ?? key, vars);

	/** Picks the current locale's variant of bilingual content. */
	pick = <T>(value: Bilingual<T>): T => value[this.locale];

	/** The BCP 47 tag of the current locale. */
	get tag(): string {
		return LOCALE_TAGS[this.locale];
	}

	/** Switches language, remembers it and updates `<html lang>` (browser only). */
	set(locale: Locale): void {
		this.locale = locale;
		if (typeof document === 'undefined') return;
		document.documentElement.lang = LOCALE_TAGS[locale];
		try {
			localStorage.setItem(STORAGE_KEY, locale);
		} catch {
			/* storage may be unavailable (private mode); the choice still applies to this page */
		}
	}

	/** Locale from `?lang=`, else the remembered choice, else the browser's language, else English. */
	static detect(search: URLSearchParams): Locale {
		const fromUrl = parseLocale(search.get('lang'));
		if (fromUrl) return fromUrl;
		try {
			const saved = parseLocale(localStorage.getItem(STORAGE_KEY));
			if (saved) return saved;
		} catch {
			/* ignore unavailable storage */
		}
		return parseLocale(navigator.language) ?? 'en';
	}
}

/** Makes an I18n instance available to descendants. */
export function setI18n(i18n: I18n): I18n {
	return setContext(KEY, i18n);
}

/** The app's I18n instance (falls back to a fresh English one outside the app, e.g. in tests). */
export function useI18n(): I18n {
	return getContext<I18n | undefined>(KEY) ?? new I18n('en');
}
