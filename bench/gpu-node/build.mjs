// Bundles stepBench.ts (with tfjs and the app's ml code) into one node script, `webgpu` external.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
	root,
	configFile: false,
	logLevel: 'warn',
	resolve: { alias: { $lib: `${root}src/lib`, $lessons: `${root}lessons` } },
	build: {
		ssr: 'bench/gpu-node/stepBench.ts',
		outDir: process.argv[2] ?? 'bench/gpu-node/dist',
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: { external: ['webgpu'], output: { format: 'es', entryFileNames: 'stepBench.mjs', chunkFileNames: '[name]-[hash].mjs' } }
	},
	ssr: { noExternal: true, external: ['webgpu'] }
});
