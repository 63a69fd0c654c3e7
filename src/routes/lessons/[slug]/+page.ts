import { error } from '@sveltejs/kit';
import { LESSONS, lessonBySlug } from '$lessons/catalog';
import type { EntryGenerator, PageLoad } from './$types';

/** Prerender every built lesson. */
export const entries: EntryGenerator = () => LESSONS.filter((l) => l.built).map((l) => ({ slug: l.slug }));

/** Resolves the lesson; lessons that do not exist or are not built yet are a 404. */
export const load: PageLoad = ({ params }) => {
	const lesson = lessonBySlug(params.slug);
	if (!lesson || !lesson.built) error(404, 'not found');
	return { lesson };
};
