// The production build the bench measures: rebuilt when stale, served by `vite preview`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from: when any of it is newer than the build, the build is stale. */
const SOURCES = ['src', 'lessons', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

/**
 * The newest modification time (ms) of the files under `path` (0 when missing). Skips the
 * generated static/data folder (the build writes it).
 * @param {string} path
 * @returns {number}
 */
export function newestMtime(path) {
	if (!existsSync(path) || path.endsWith(join('static', 'data'))) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Whether the build in `root`/build is missing or older than its sources.
 * @param {string} root repository root
 * @returns {boolean}
 */
export function buildIsStale(root) {
	const marker = join(root, 'build', 'index.html');
	if (!existsSync(marker)) return true;
	const built = statSync(marker).mtimeMs;
	return SOURCES.some((s) => newestMtime(join(root, s)) > built);
}

/**
 * Builds the app unless `mode` and freshness say otherwise.
 * @param {string} root
 * @param {'auto' | 'always' | 'never'} mode
 * @param {(line: string) => void} log
 */
export function ensureBuild(root, mode, log) {
	if (mode === 'never') {
		if (!existsSync(join(root, 'build', 'index.html'))) throw new Error('BENCH_BUILD=never but there is no build/ (run npx vite build)');
		log('• Using the existing build (BENCH_BUILD=never)');
		return;
	}
	if (mode === 'auto' && !buildIsStale(root)) {
		log('• Build is fresh: reusing build/');
		return;
	}
	log('• Building the app (npx vite build)…');
	const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status ?? r.signal})`);
}

/**
 * Starts `vite preview` on `port` and resolves once it answers; `stop()` ends it.
 * @param {string} root
 * @param {number} port
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPreview(root, port) {
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const child = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr?.on('data', (d) => (stderr += String(d)));
	const url = `http://localhost:${port}`;
	const end = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${stderr.trim()}`);
		try {
			const res = await fetch(url);
			if (res.ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > end) {
			child.kill();
			throw new Error(`vite preview did not answer on ${url} within 60 s`);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return { url, stop: () => child.kill() };
}
