import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS as CATALOG } from '$lessons/catalog';
import { caseUrl, LESSONS, pickLessons } from '../../../bench/lessons.mjs';

const ROOT = join(__dirname, '..', '..', '..');

/** All source text of a lesson folder (Svelte and TS, text files included). */
function lessonSource(slug: string): string {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
			e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|svelte)$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : []
		);
	return walk(join(ROOT, 'lessons', slug)).join('\n');
}

describe('bench lesson table', () => {
	it('every entry is a built lesson whose slider, chart and URL params exist', () => {
		for (const l of LESSONS) {
			const info = CATALOG.find((c) => c.id === l.id);
			expect(info?.slug, l.id).toBe(l.slug);
			expect(info?.built, l.id).toBe(true);
			const src = lessonSource(l.slug);
			expect(l.slider, l.id).toMatch(/-range$/);
			expect(src, `${l.id} slider`).toContain(`data-testid="${l.slider.replace(/-range$/, '')}"`);
			expect(src, `${l.id} chart`).toContain(`'${l.chart}'`);
			const meta = readFileSync(join(ROOT, 'lessons', l.slug, 'meta.ts'), 'utf8');
			for (const key of Object.keys(l.params)) expect(meta, `${l.id} param ${key}`).toMatch(new RegExp(`\\b${key}:`));
			expect(l.memStepCap).toBeGreaterThanOrEqual(100);
		}
	});

	it('picks lessons by id or slug, in table order, and rejects unknown names', () => {
		expect(pickLessons(LESSONS, null).map((l) => l.id)).toEqual(LESSONS.map((l) => l.id));
		expect(pickLessons(LESSONS, ['metrics', 'l01']).map((l) => l.id)).toEqual(['L01', 'L04']);
		expect(() => pickLessons(LESSONS, ['l99'])).toThrow(/l99/);
	});

	it('case URLs carry the lesson params and the forced backend', () => {
		const url = caseUrl({ id: 'L00', slug: 'x', params: { spf: 100, act: 'relu' }, slider: 's-range', chart: 'c', memStepCap: 100 }, 'wasm');
		expect(url).toBe('/lessons/x?spf=100&act=relu&backend=wasm');
		const auto = caseUrl({ id: 'L00', slug: 'x', params: { spf: 100 }, slider: 's-range', chart: 'c', memStepCap: 100 }, 'auto');
		expect(auto).toBe('/lessons/x?spf=100');
	});
});
