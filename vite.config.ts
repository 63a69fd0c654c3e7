import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { ensureMnistSubset } from './scripts/mnistSubset.mjs';

/** Writes the MNIST subset into static/data before dev or build (only when it is missing or stale). */
function mnistSubset(): Plugin {
	return {
		name: 'dlx-mnist-subset',
		config() {
			ensureMnistSubset({ log: (line: string) => console.info(line) });
		}
	};
}

/** Where `chunkLessons` writes its map (read by tests/e2e/lesson-chunks.spec.ts). */
const CHUNK_LESSONS_FILE = '.svelte-kit/output/chunk-lessons.json';

/**
 * After a client build, writes which lesson folders each JavaScript chunk holds code from
 * ({ "_app/immutable/chunks/x.js": ["cnn"] }), so a test can check that a lesson's page loads no
 * other lesson's code.
 */
function chunkLessons(): Plugin {
	return {
		name: 'dlx-chunk-lessons',
		apply: 'build',
		generateBundle(_options, bundle) {
			if (this.environment?.name !== 'client') return;
			const map: Record<string, string[]> = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk') continue;
				const lessons = new Set<string>();
				for (const id of chunk.moduleIds) {
					const m = /^lessons\/([^/]+)\//.exec(relative(process.cwd(), id.split('?')[0]).replaceAll('\\', '/'));
					if (m) lessons.add(m[1]);
				}
				map[chunk.fileName] = [...lessons].sort();
			}
			mkdirSync(dirname(CHUNK_LESSONS_FILE), { recursive: true });
			writeFileSync(CHUNK_LESSONS_FILE, `${JSON.stringify(map, null, '\t')}\n`);
		}
	};
}

export default defineConfig({
	plugins: [mnistSubset(), sveltekit(), chunkLessons()],
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	server: { fs: { allow: ['lessons'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		setupFiles: ['tests/unit/setup.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
