import { readFileSync } from 'node:fs';
import { expect, open, test } from './fixtures';

/** chunk file -> lesson folders it holds code from (written by the build; see chunkLessons in vite.config.ts). */
const chunkLessons = JSON.parse(readFileSync('.svelte-kit/output/chunk-lessons.json', 'utf8')) as Record<string, string[]>;
const lessons = [...new Set(Object.values(chunkLessons).flat())].sort();

test('each lesson page loads its own lesson code and no other lesson’s', async ({ page }) => {
	expect(lessons).toEqual(expect.arrayContaining(['activation-functions', 'backpropagation', 'cnn', 'convolution', 'loss-functions', 'metrics']));
	for (const slug of lessons) {
		const loaded = new Set<string>();
		const onResponse = (r: { url(): string }) => {
			const path = new URL(r.url()).pathname.replace(/^\//, '');
			if (path.endsWith('.js')) loaded.add(path);
		};
		page.on('response', onResponse);
		await open(page, `/lessons/${slug}?backend=wasm`);
		await expect(page.getByTestId('status-backend').locator('[data-backend]')).toBeVisible({ timeout: 60_000 });
		page.off('response', onResponse);
		const from = new Set([...loaded].flatMap((f) => chunkLessons[f] ?? []));
		expect([...from], `lesson code loaded by /lessons/${slug}`).toEqual([slug]);
	}
});
