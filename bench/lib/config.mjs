// The bench's settings, read from environment variables (documented in bench/README.md).

/**
 * The backends a case can ask for: four forced with ?backend=, in the app's default order, and
 * `auto`, the app's own choice measured on the lesson's model at lesson start.
 */
export const ALL_BACKENDS = /** @type {const} */ (['auto', 'webgpu', 'webgl', 'wasm', 'cpu']);

/**
 * @typedef {object} BenchConfig
 * @property {boolean} quick BENCH_QUICK=1: a short smoke run (a few seconds per case)
 * @property {number} runs runs of every case; figures are medians over them
 * @property {string[]} backends backends measured for every lesson
 * @property {string[]} memBackends backends on which the long memory sample is taken
 * @property {string[] | null} lessons lesson ids or slugs to run (null: all)
 * @property {number} warmupS seconds of training before the throughput window
 * @property {number} windowS seconds of the throughput window (steps/s, frames, long tasks)
 * @property {number} memFrom steps at the first memory sample
 * @property {number} memSteps steps at the second memory sample (capped per lesson)
 * @property {number} memTimeoutS most seconds spent waiting for the second memory sample
 * @property {number} presses slider presses per run
 * @property {number} coldTimeoutS most seconds from navigation to the first trained step drawn
 * @property {'auto' | 'always' | 'never'} build rebuild the app: when stale, always, or never
 * @property {number} port port of the preview server
 * @property {string} out where the JSON results go
 */

const QUICK = { runs: 1, warmupS: 1, windowS: 3, memFrom: 20, memSteps: 200, memTimeoutS: 15, presses: 3, coldTimeoutS: 90 };
const FULL = { runs: 3, warmupS: 2, windowS: 10, memFrom: 100, memSteps: 5000, memTimeoutS: 300, presses: 10, coldTimeoutS: 120 };

/**
 * A positive number from the environment, or the fallback when unset or empty.
 * @param {Record<string, string | undefined>} env
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function num(env, name, fallback) {
	const raw = env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const v = Number(raw);
	if (!Number.isFinite(v) || v <= 0) throw new Error(`${name}=${raw}: expected a positive number`);
	return v;
}

/**
 * A comma-separated list from the environment (trimmed, lower case, no empties), or null.
 * @param {string | undefined} raw
 * @returns {string[] | null}
 */
export function list(raw) {
	if (raw === undefined) return null;
	const items = raw
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);
	return items.length ? items : null;
}

/**
 * Backends from a list, checked against ALL_BACKENDS.
 * @param {string} name
 * @param {string[] | null} items
 * @param {string[]} fallback
 * @returns {string[]}
 */
function backends(name, items, fallback) {
	if (!items) return fallback;
	const bad = items.filter((b) => !(/** @type {readonly string[]} */ (ALL_BACKENDS)).includes(b));
	if (bad.length) throw new Error(`${name}: unknown backend ${bad.join(', ')} (use ${ALL_BACKENDS.join(', ')})`);
	return items;
}

/**
 * Reads the bench's settings. BENCH_QUICK=1 changes the defaults; any single variable still overrides.
 * @param {Record<string, string | undefined>} env usually process.env
 * @returns {BenchConfig}
 */
export function readConfig(env) {
	const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
	const d = quick ? QUICK : FULL;
	const build = env.BENCH_BUILD ?? 'auto';
	if (build !== 'auto' && build !== 'always' && build !== 'never') throw new Error(`BENCH_BUILD=${build}: use auto, always or never`);
	const all = backends('BENCH_BACKENDS', list(env.BENCH_BACKENDS), [...ALL_BACKENDS]);
	return {
		quick,
		runs: Math.round(num(env, 'BENCH_RUNS', d.runs)),
		backends: all,
		memBackends: backends('BENCH_MEM_BACKENDS', list(env.BENCH_MEM_BACKENDS), ['webgpu']),
		lessons: list(env.BENCH_LESSONS),
		warmupS: num(env, 'BENCH_WARMUP_S', d.warmupS),
		windowS: num(env, 'BENCH_WINDOW_S', d.windowS),
		memFrom: Math.round(num(env, 'BENCH_MEM_FROM', d.memFrom)),
		memSteps: Math.round(num(env, 'BENCH_MEM_STEPS', d.memSteps)),
		memTimeoutS: num(env, 'BENCH_MEM_TIMEOUT_S', d.memTimeoutS),
		presses: Math.round(num(env, 'BENCH_PRESSES', d.presses)),
		coldTimeoutS: num(env, 'BENCH_COLD_TIMEOUT_S', d.coldTimeoutS),
		build,
		port: Math.round(num(env, 'BENCH_PORT', 4194)),
		out: env.BENCH_OUT || 'bench/results/latest.json'
	};
}
