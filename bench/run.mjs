// `npm run bench`: builds the app (when stale), serves the production build with `vite preview`,
// and measures every lesson that trains a model on every backend in Chromium (Playwright); writes
// bench/results/latest.json and prints a table of medians. Settings: environment variables, see
// bench/README.md. No figure here is asserted anywhere: the numbers are for reading.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, revision } from '../scripts/ensure.mjs';
import { LESSONS, pickLessons } from './lessons.mjs';
import { readConfig } from './lib/config.mjs';
import { measureCase } from './lib/measure.mjs';
import { ensureBuild, startPreview } from './lib/serve.mjs';
import { fmt, formatTable, summarize, TABLE_HEADERS, tableRows } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((v) => Number(v.toFixed(2)));

const config = readConfig(process.env);
const lessons = pickLessons(LESSONS, config.lessons);
const t0 = Date.now();
const loadStart = load();
log(`DL Explorables bench at ${revision()}${config.quick ? ' (BENCH_QUICK: a short smoke run)' : ''}`);
log(`• ${lessons.map((l) => l.id).join(', ')} x ${config.backends.join(', ')}, ${config.runs} run(s) each; memory on ${config.memBackends.join(', ')}`);
log(`• Load average ${loadStart.join(' ')} on ${cpus().length} cores`);

const chromiumPath = await ensureChromium();
ensureBuild(root, config.build, log);
const server = await startPreview(root, config.port);
// Ctrl+C or a kill ends the preview server too (Playwright closes its browsers on exit).
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		server.stop();
		process.exit(130);
	});
}
log(`• Serving build/ at ${server.url}; Chromium ${chromiumPath}`);

/** @type {{ lesson: string, backend: string, runs: Record<string, unknown>[] }[]} */
const cases = lessons.flatMap((l) => config.backends.map((b) => ({ lesson: l.id, backend: b, runs: [] })));
try {
	// Runs are interleaved (run 1 of every case, then run 2, ...) so slow drifts of the machine's
	// load spread over all cases instead of biasing one.
	for (let run = 1; run <= config.runs; run++) {
		for (const c of cases) {
			if (c.runs.some((r) => r.unavailable)) continue;
			const lesson = lessons.find((l) => l.id === c.lesson);
			if (!lesson) continue;
			const started = Date.now();
			const result = await measureCase({
				lesson,
				backend: c.backend,
				memory: config.memBackends.includes(c.backend),
				config,
				baseUrl: server.url,
				chromiumPath,
				buildDir: join(root, 'build'),
				log
			});
			c.runs.push({ ...result, run, loadAverage: load() });
			const secs = ((Date.now() - started) / 1000).toFixed(0);
			const what = result.ok ? `${fmt(result.stepsPerSecond, 1)} steps/s, cold start ${fmt(result.coldStartMs)} ms` : `${result.error}`;
			log(`  ${c.lesson} ${c.backend.padEnd(6)} run ${run}/${config.runs}: ${what} (${secs} s)`);
		}
	}
} finally {
	server.stop();
}

const summary = summarize(cases);
const loadEnd = load();
const out = resolve(root, config.out);
mkdirSync(dirname(out), { recursive: true });
const firstOk = cases.flatMap((c) => c.runs).find((r) => r.ok);
writeFileSync(
	out,
	`${JSON.stringify(
		{
			date: new Date().toISOString(),
			revision: revision(),
			config,
			machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? null, loadAverageStart: loadStart, loadAverageEnd: loadEnd },
			browser: firstOk?.browser ?? null,
			adapter: cases.flatMap((c) => c.runs).find((r) => r.ok && r.adapter)?.adapter ?? null,
			summary,
			cases
		},
		null,
		'\t'
	)}\n`
);

log('');
log(formatTable(TABLE_HEADERS, tableRows(summary)));
log('');
log(`Medians of ${config.runs} run(s); ratio = steps/s over the lesson's best backend. Memory: @from/@to steps in brackets.`);
log(`Load average ${loadStart.join(' ')} at the start, ${loadEnd.join(' ')} at the end (${cpus().length} cores):`);
log('timings on a loaded machine are noisy; compare ratios, and rerun on a quiet machine for absolute figures.');
for (const s of summary.filter((c) => c.backend === 'auto' && c.status === 'ok')) log(`${s.lesson} auto: ${s.median.tuned ?? '?'}`);
for (const s of summary.filter((c) => c.status !== 'ok')) log(`${s.lesson} ${s.backend}: ${s.status}: ${s.errors[0] ?? ''}`);
log(`Wrote ${config.out} in ${((Date.now() - t0) / 60000).toFixed(1)} min.`);
