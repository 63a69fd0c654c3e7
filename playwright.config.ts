import { defineConfig } from '@playwright/test';

/** Port of the preview server; set E2E_PORT to run several checkouts' tests side by side. */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags every test browser gets (WebGPU on, no background traffic). */
export const BASE_ARGS = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-dev-shm-usage'
];

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	timeout: 120_000,
	expect: { timeout: 20_000 },
	// Two workers cut the wall time by about 30% on CI's 2 cores (much of a test waits for SwiftShader).
	fullyParallel: true,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		acceptDownloads: true,
		viewport: { width: 1280, height: 900 },
		launchOptions: {
			executablePath: chromiumPath,
			args: [...BASE_ARGS, '--enable-unsafe-webgpu']
		}
	},
	webServer: {
		command: `npx vite preview --port ${PORT} --strictPort`,
		url: `http://localhost:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
