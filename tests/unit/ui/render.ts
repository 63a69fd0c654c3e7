import type { Component } from 'svelte';
import { render } from 'svelte/server';
import type { Locale } from '$lib/app/i18n/define';
import WithLocale from './fixtures/WithLocale.svelte';

/** Server-renders a component in a locale and returns its HTML without Svelte's hydration comments. */
export function html(
	component: Component<any>,
	props: Record<string, unknown>,
	locale: Locale = 'en'
): string {
	const { body } = render(WithLocale, { props: { locale, component, props } });
	return body.replace(/<!--[\s\S]*?-->/g, '');
}

/** Counts occurrences of `needle` in `hay`. */
export function count(hay: string, needle: string | RegExp): number {
	return hay.split(needle).length - 1;
}
