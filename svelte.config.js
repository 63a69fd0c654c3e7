import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		alias: { $lessons: 'lessons' },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push('../lessons/**/*.ts', '../lessons/**/*.svelte', '../playwright.config.ts');
			}
		},
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		/**
		 * Content-Security-Policy, written as a <meta http-equiv> into every prerendered page. 'hash' mode:
		 * SvelteKit's own inline bootstrap script gets a sha256 hash, so no inline script of any other
		 * origin runs and nothing may eval. Why each looser source is there:
		 * - script-src 'wasm-unsafe-eval': compiling WebAssembly (tfjs WASM backend; long.js, used by
		 *   tfjs-core, also compiles a tiny module). It allows WebAssembly compilation only, not eval.
		 * - style-src 'unsafe-inline': style attributes in markup are blocked without it, and we have
		 *   them in prerendered HTML (app.html, Svelte style: directives rendered on the server) and in
		 *   KaTeX output inserted with {@html} (its layout is all inline style attributes). Styles cannot
		 *   run script; the <style> elements themselves all come from our own bundle.
		 * - img-src data: blob: the PNG export rasterises the chart SVG through an <img>, uploaded
		 *   pictures are read through object URLs, exported SVGs embed canvas layers as data: PNGs.
		 * - font-src data: Vite inlines small font files (KaTeX) as data: URLs.
		 * frame-ancestors cannot be set from a <meta> (a host's response header must set it).
		 */
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
