// Shared set-up for `npm start` and `npm test`: installs dependencies on a fresh clone and
// finds (or installs) a Chromium for the browser tests. Node built-ins only.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs a command, streaming its output; exits the process if it fails. */
export function run(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (r.status !== 0) {
		console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
		process.exit(r.status ?? 1);
	}
}

/** Installs npm dependencies when node_modules is missing or stale. */
export function ensureDeps() {
	if (existsSync('node_modules/.package-lock.json') && existsSync('node_modules/@sveltejs/kit')) return;
	console.log('• Installing npm dependencies (npm ci)…');
	run('npm', ['ci', '--no-audit', '--no-fund']);
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Returns the path of a Chromium to test with, installing one when none is found. */
export async function ensureChromium() {
	const preset = process.env.CHROMIUM_PATH;
	if (preset && existsSync(preset)) return preset;
	const found = CANDIDATES.find((p) => existsSync(p));
	if (found) return found;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot) {
		console.log("• No Chromium found: installing Debian's chromium package (apt-get, as root)…");
		run('apt-get', ['update', '-qq']);
		run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		const now = CANDIDATES.find((p) => existsSync(p));
		if (now) return now;
	}
	console.log("• No Chromium found and not root: installing Playwright's Chromium (npx playwright install chromium)…");
	run('npx', ['playwright', 'install', 'chromium']);
	const { chromium } = await import('@playwright/test');
	return chromium.executablePath();
}

/** The git revision, for the log. */
export function revision() {
	try {
		return execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
	} catch {
		return 'unknown';
	}
}
