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

export default defineConfig({
	plugins: [mnistSubset(), sveltekit()],
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	server: { fs: { allow: ['lessons'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
