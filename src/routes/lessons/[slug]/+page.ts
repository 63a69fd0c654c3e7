import { error } from '@sveltejs/kit';
import type { Component } from 'svelte';
import { LESSONS, lessonBySlug } from '$lessons/catalog';
import type { EntryGenerator, PageLoad } from './$types';

/** Prerender every built lesson. */
export const entries: EntryGenerator = () => LESSONS.filter((l) => l.built).map((l) => ({ slug: l.slug }));

/** One chunk per lesson: only the visited lesson's code is loaded. */
const modules = import.meta.glob<{ default: Component }>('/lessons/*/Lesson.svelte');

/** Resolves the lesson and loads its component; unknown or unbuilt lessons are a 404. */
export const load: PageLoad = async ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	const loader = lesson?.built ? modules[`/lessons/${lesson.slug}/Lesson.svelte`] : undefined;
	if (!lesson || !loader) error(404, 'not found');
	const mod = await loader();
	return { lesson, component: mod.default };
};
