import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * `npm run soak`: the long classroom soak (SOAK_ROUNDS rounds through every lesson, default 20),
 * kept out of `npm test` (whose testDir is tests/e2e). Same browser, flags and server as the e2e.
 */
export default defineConfig({
	...base,
	testDir: '.',
	testMatch: 'soak.spec.ts',
	timeout: 0,
	workers: 1,
	reporter: [['list']],
	// The server runs from the repository root (a config's webServer runs in its own folder).
	webServer: { ...(base.webServer as object), cwd: '../..' } as typeof base.webServer
});
