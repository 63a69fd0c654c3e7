// Bundles a bench script (argv[3], default stepBench.ts) with tfjs and the app's ml code into one
// node script <outDir>/<name>.mjs (argv[2]), `webgpu` external.
import { build } from 'vite';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = process.argv[3] ?? 'bench/gpu-node/stepBench.ts';
await build({
	root,
	configFile: false,
	logLevel: 'warn',
	resolve: { alias: { $lib: `${root}src/lib`, $lessons: `${root}lessons` } },
	build: {
		ssr: entry,
		outDir: process.argv[2] ?? 'bench/gpu-node/dist',
		emptyOutDir: true,
		target: 'node20',
		rollupOptions: { external: ['webgpu'], output: { format: 'es', entryFileNames: `${basename(entry, '.ts')}.mjs`, chunkFileNames: '[name]-[hash].mjs' } }
	},
	ssr: { noExternal: true, external: ['webgpu'] }
});
