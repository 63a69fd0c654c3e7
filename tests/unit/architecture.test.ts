import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

function imports(file: string): string[] {
	const src = readFileSync(file, 'utf8');
	return [...src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Layers and what each may NOT import (ARCHITECTURE.md: routes -> lessons -> charts/ui/runtime -> app -> ml). */
const RULES: [string, RegExp][] = [
	['src/lib/ml', /^\$lib\/(app|ui|charts|runtime)|^\$lessons|^svelte|^\$app\//],
	['src/lib/charts', /^\$lib\/(ml|runtime|ui)|^\$lessons/],
	['src/lib/ui', /^\$lib\/(ml|runtime|charts)|^\$lessons/],
	['src/lib/runtime', /^\$lib\/(ui|charts)|^\$lessons/],
	['src/lib/app', /^\$lib\/(ui|charts|runtime)|^\$lessons/]
];

describe('one-way imports', () => {
	for (const [dir, forbidden] of RULES) {
		it(`${dir} imports nothing above its layer`, () => {
			const bad = files(join(ROOT, dir)).flatMap((f) =>
				imports(f)
					.filter((i) => forbidden.test(i))
					.map((i) => `${relative(ROOT, f)} -> ${i}`)
			);
			expect(bad).toEqual([]);
		});
	}

	it('no lesson imports another lesson', () => {
		const bad = files(join(ROOT, 'lessons')).flatMap((f) => {
			const own = relative(join(ROOT, 'lessons'), f).split('/')[0];
			return imports(f)
				.filter((i) => /^\$lessons\/[^/]+\//.test(i) && !i.startsWith(`$lessons/${own}/`))
				.map((i) => `${relative(ROOT, f)} -> ${i}`);
		});
		expect(bad).toEqual([]);
	});

	it('files stay under 500 lines', () => {
		const big = ['src', 'lessons'].flatMap((d) => files(join(ROOT, d))).filter((f) => readFileSync(f, 'utf8').split('\n').length > 500);
		expect(big.map((f) => relative(ROOT, f))).toEqual([]);
	});
});
