// L10 backend speed: steps per second of the digit CNN's training step (createDigitCnn, the lesson's
// default net) on WebGPU, WebGL, WASM and CPU in one run.
//
// 1. Bundles the bench page bench/l10/ (tfjs, the app's backend code, our ml code) with Vite into
//    bench/.build/l10 (gitignored); 2. serves it and the real MNIST subset (static/data) from a
//    local static server on a free port; 3. opens it in Debian's Chromium through Playwright with
//    the flags of playwright.config.ts (WebGPU on; SwiftShader where there is no GPU), one fresh
//    page per backend; 4. prints a table and writes bench/results/l10-backends.json.
//
// Usage: node bench/l10-backends.mjs            (env: BACKENDS=webgpu,webgl,wasm,cpu  BATCH=64
//        TARGET_MS=8000  CHROMIUM_PATH=/usr/bin/chromium  SLOW=1 adds the cpu kernel path
//        CURVE=wasm adds a learning curve of the default net to 95% validation accuracy)
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { ensureMnistSubset } from '../scripts/mnistSubset.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'bench/.build/l10');
const dataDir = join(root, 'static/data');
const resultFile = join(root, 'bench/results/l10-backends.json');
const backends = (process.env.BACKENDS ?? 'webgpu,webgl,wasm,cpu').split(',').map((s) => s.trim());
const batch = Number(process.env.BATCH ?? 64);
const targetMs = Number(process.env.TARGET_MS ?? 8000);
const slow = process.env.SLOW === '1';
// CURVE=wasm (any backend) also trains the default net until 95% validation accuracy (CURVE_MAX steps, eval every CURVE_EVERY).
const curveBackend = process.env.CURVE ?? '';
const curveMax = Number(process.env.CURVE_MAX ?? 600);
const curveEvery = Number(process.env.CURVE_EVERY ?? 50);
let curve = null;
// The same flags as playwright.config.ts (BASE_ARGS + WebGPU); a .mjs cannot import that .ts file.
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', '--enable-unsafe-webgpu'];

/** The cases run on each backend: the forms 'auto' picks, plus the conv forms (or, with SLOW=1 on cpu, the kernels) to compare. */
function casesFor(backend) {
	const base = { config: { batch }, warmup: 3, targetMs, minSteps: 5, maxSteps: 400 };
	const cases = [{ ...base, filterGrad: 'auto', poolGrad: 'auto' }];
	if (backend !== 'cpu') cases.push({ ...base, filterGrad: 'conv', poolGrad: 'upsample' });
	if (backend === 'cpu' && slow) cases.push({ ...base, filterGrad: 'kernel', poolGrad: 'kernel', warmup: 1, minSteps: 2, maxSteps: 2 });
	return cases;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.css': 'text/css' };

/** Serves bench/.build/l10 at / and static/data at /data/ (GET only, no directory listing). */
function serve() {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (path === '/favicon.ico') {
			res.writeHead(204).end();
			return;
		}
		const [base, rel] = path.startsWith('/data/') ? [dataDir, path.slice(6)] : [outDir, path === '/' ? 'index.html' : path.slice(1)];
		const file = resolve(base, normalize(rel));
		if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function bundle() {
	await build({
		root: join(root, 'bench/l10'),
		base: './',
		configFile: false,
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000, reportCompressedSize: false }
	});
}

function table(reports) {
	const rows = reports.flatMap((r) => (r.ok ? r.cases.map((c) => ({ backend: r.backend, ...c })) : [{ backend: r.backend, error: r.error }]));
	const best = Math.max(...rows.filter((r) => !r.error).map((r) => r.stepsPerSecond));
	const lines = ['backend  grads (filter/pool)    steps  ms/step  steps/s  images/s  x best  kernels  last loss  finite'];
	for (const r of rows) {
		if (r.error) {
			lines.push(`${r.backend.padEnd(8)} failed: ${r.error}`);
			continue;
		}
		r.ratioToBest = r.stepsPerSecond / best;
		lines.push(
			[
				r.backend.padEnd(8),
				`${r.filterGradPath}/${r.poolGradPath}${r.filterGrad === 'auto' ? ' (auto)' : ''}`.padEnd(22),
				String(r.steps).padStart(6),
				r.msPerStep.toFixed(1).padStart(8),
				r.stepsPerSecond.toFixed(2).padStart(8),
				r.imagesPerSecond.toFixed(0).padStart(9),
				r.ratioToBest.toFixed(3).padStart(7),
				String(r.kernelsPerStep).padStart(8),
				r.last.loss.toFixed(3).padStart(10),
				String(r.last.finite).padStart(7)
			].join(' ')
		);
	}
	return { lines, rows };
}

ensureMnistSubset({ log: (l) => console.log(l) });
console.log('bundling bench/l10 ...');
await bundle();
const server = await serve();
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });
const chromiumVersion = browser.version();
const reports = [];
try {
	for (const backend of backends) {
		const page = await browser.newPage();
		page.on('console', (m) => m.type() === 'error' && console.log(`  [${backend} console] ${m.text()}`));
		page.on('pageerror', (e) => console.log(`  [${backend} page error] ${e.message}`));
		await page.goto(url);
		await page.waitForFunction(() => 'runL10Bench' in globalThis);
		console.log(`running ${backend} ...`);
		const t0 = Date.now();
		const report = await page.evaluate(([b, cases]) => globalThis.runL10Bench(b, cases), [backend, casesFor(backend)]);
		console.log(`  ${backend}: ${report.ok ? 'ok' : report.error} (${((Date.now() - t0) / 1000).toFixed(0)} s)${report.adapter ? `, adapter ${report.adapter}` : ''}`);
		reports.push(report);
		await page.close();
	}
	if (curveBackend) {
		const page = await browser.newPage();
		page.on('pageerror', (e) => console.log(`  [curve page error] ${e.message}`));
		await page.goto(url);
		await page.waitForFunction(() => 'runL10Curve' in globalThis);
		console.log(`learning curve on ${curveBackend} (default net, batch ${batch}) ...`);
		curve = await page.evaluate(([b, cfg, max, every]) => globalThis.runL10Curve(b, cfg, max, every, 0.95), [curveBackend, { batch }, curveMax, curveEvery]);
		for (const p of curve.points) console.log(`  step ${String(p.step).padStart(4)}: val accuracy ${(100 * p.accuracy).toFixed(2)}%, val loss ${p.loss.toFixed(3)}, ${(p.trainMs / 1000).toFixed(1)} s of training`);
		if (!curve.ok) console.log(`  failed: ${curve.error}`);
		await page.close();
	}
} finally {
	await browser.close();
	server.close();
}
const { lines, rows } = table(reports);
console.log(`\nL10 training step, default net, batch ${batch}, Chromium ${chromiumVersion}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'})\n`);
console.log(lines.join('\n'));
mkdirSync(join(root, 'bench/results'), { recursive: true });
const result = { date: new Date().toISOString(), batch, targetMs, chromium: chromiumVersion, cpus: cpus().length, cpuModel: cpus()[0]?.model, reports, rows, curve };
writeFileSync(resultFile, JSON.stringify(result, null, 2));
console.log(`\nwritten: ${resultFile}`);
