// `npm test`: every test, in order: type check, unit tests (vitest, node), production build,
// browser tests (Playwright in Chromium with WebGPU against the built app).
import { ensureChromium, ensureDeps, revision, run } from './ensure.mjs';

const t0 = Date.now();
const step = (name) => console.log(`\n━━ ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s) ━━`);

console.log(`DL Explorables test run at ${revision()}`);
ensureDeps();
const chromium = await ensureChromium();
console.log(`• Browser tests use ${chromium}`);

step('Type check (svelte-check)');
run('npx', ['svelte-kit', 'sync']);
run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']);

step('Unit tests (vitest, tfjs cpu backend)');
run('npx', ['vitest', 'run']);

step('Production build');
run('npx', ['vite', 'build']);

step('Browser tests (Playwright, Chromium, WebGPU)');
run('npx', ['playwright', 'test', ...process.argv.slice(2)], { env: { ...process.env, CHROMIUM_PATH: chromium } });

console.log(`\n✓ All tests passed in ${((Date.now() - t0) / 60000).toFixed(1)} min`);
