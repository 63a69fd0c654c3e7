// Pure helpers: medians, percentiles, ratios, the per-case summary and the printed table.

/**
 * The finite numbers of a list (null, undefined and NaN dropped).
 * @param {readonly (number | null | undefined)[]} values
 * @returns {number[]}
 */
function finite(values) {
	return /** @type {number[]} */ (values.filter((v) => typeof v === 'number' && Number.isFinite(v)));
}

/**
 * The median of the finite values, or null when there are none.
 * @param {readonly (number | null | undefined)[]} values
 * @returns {number | null}
 */
export function median(values) {
	return percentile(values, 50);
}

/**
 * The p-th percentile (0-100) of the finite values with linear interpolation between ranks (as
 * numpy's default), or null when there are none.
 * @param {readonly (number | null | undefined)[]} values
 * @param {number} p
 * @returns {number | null}
 */
export function percentile(values, p) {
	const v = finite(values).sort((a, b) => a - b);
	if (v.length === 0) return null;
	const rank = (Math.min(100, Math.max(0, p)) / 100) * (v.length - 1);
	const lo = Math.floor(rank);
	const hi = Math.ceil(rank);
	return v[lo] + (v[hi] - v[lo]) * (rank - lo);
}

/**
 * Each value divided by the largest one (1 for the best); null where a value is missing, and all
 * null when no value is positive.
 * @param {Record<string, number | null>} values
 * @returns {Record<string, number | null>}
 */
export function ratioToBest(values) {
	const best = Math.max(0, ...finite(Object.values(values)));
	/** @type {Record<string, number | null>} */
	const out = {};
	for (const [k, v] of Object.entries(values)) out[k] = best > 0 && typeof v === 'number' && Number.isFinite(v) ? v / best : null;
	return out;
}

/**
 * Element-wise median of records of the same shape: numbers become their median over the
 * records, nested objects recurse, anything else (strings, arrays) is taken from the first record
 * that has it.
 * @param {readonly Record<string, unknown>[]} records
 * @returns {Record<string, unknown>}
 */
export function medianRecord(records) {
	/** @type {Record<string, unknown>} */
	const out = {};
	const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
	for (const key of keys) {
		const vals = records.map((r) => r[key]).filter((v) => v !== undefined);
		if (vals.some((v) => typeof v === 'number')) out[key] = median(/** @type {(number | null)[]} */ (vals));
		else if (vals.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v)))
			out[key] = medianRecord(/** @type {Record<string, unknown>[]} */ (vals.filter((v) => v !== null && typeof v === 'object')));
		else out[key] = vals.find((v) => v !== null) ?? null;
	}
	return out;
}

/**
 * @typedef {object} CaseRuns
 * @property {string} lesson lesson id
 * @property {string} backend the backend asked for
 * @property {Record<string, unknown>[]} runs one result per run (see bench/lib/measure.mjs)
 */

/**
 * @typedef {object} CaseSummary
 * @property {string} lesson
 * @property {string} backend
 * @property {'ok' | 'unavailable' | 'failed'} status ok when at least one run succeeded
 * @property {number} okRuns runs that succeeded
 * @property {string[]} errors the failed runs' messages
 * @property {Record<string, unknown>} median medians over the successful runs
 * @property {number | null} ratio steps/s over the lesson's best backend's steps/s
 */

/**
 * Medians per case and the steps/s ratio to the lesson's best backend.
 * @param {readonly CaseRuns[]} cases
 * @returns {CaseSummary[]}
 */
export function summarize(cases) {
	/** @type {CaseSummary[]} */
	const out = cases.map((c) => {
		const ok = c.runs.filter((r) => r.ok);
		const unavailable = ok.length === 0 && c.runs.some((r) => r.unavailable);
		return {
			lesson: c.lesson,
			backend: c.backend,
			status: ok.length ? 'ok' : unavailable ? 'unavailable' : 'failed',
			okRuns: ok.length,
			errors: c.runs.filter((r) => !r.ok).map((r) => String(r.error ?? 'failed')),
			median: ok.length ? medianRecord(ok) : {},
			ratio: null
		};
	});
	for (const lesson of new Set(out.map((c) => c.lesson))) {
		const mine = out.filter((c) => c.lesson === lesson);
		/** @type {Record<string, number | null>} */
		const sps = {};
		for (const c of mine) sps[c.backend] = typeof c.median.stepsPerSecond === 'number' ? c.median.stepsPerSecond : null;
		const r = ratioToBest(sps);
		for (const c of mine) c.ratio = r[c.backend] ?? null;
	}
	return out;
}

/**
 * A number with `digits` decimals, or '–' when missing.
 * @param {unknown} v
 * @param {number} [digits]
 * @returns {string}
 */
export function fmt(v, digits = 0) {
	return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/**
 * A nested value by dotted path, e.g. get(o, 'memory.to.tensors').
 * @param {unknown} o
 * @param {string} path
 * @returns {unknown}
 */
export function get(o, path) {
	let cur = o;
	for (const k of path.split('.')) cur = cur !== null && typeof cur === 'object' ? /** @type {Record<string, unknown>} */ (cur)[k] : undefined;
	return cur;
}

/** Columns of the printed table. */
export const TABLE_HEADERS = [
	'lesson',
	'backend',
	'steps/s',
	'ratio',
	'p95 frame ms',
	'longest task ms',
	'slider→redraw ms',
	'cold start ms',
	'JS kB gz',
	'data kB gz',
	'tensors @from→@to',
	'heap MB @from→@to'
];

/**
 * A "from→to (steps)" cell of a memory figure, or '–' without a memory sample.
 * @param {Record<string, unknown>} m a case's medians
 * @param {string} field 'tensors' or 'heapMB'
 * @param {number} digits
 * @returns {string}
 */
function memCell(m, field, digits) {
	const from = get(m, `memory.from.${field}`);
	const to = get(m, `memory.to.${field}`);
	if (typeof from !== 'number' && typeof to !== 'number') return '–';
	const steps = `${fmt(get(m, 'memory.from.steps'))}/${fmt(get(m, 'memory.to.steps'))}`;
	return `${fmt(from, digits)}→${fmt(to, digits)} (${steps})`;
}

/**
 * One table row per case.
 * @param {readonly CaseSummary[]} summary
 * @returns {string[][]}
 */
export function tableRows(summary) {
	return summary.map((c) => {
		if (c.status !== 'ok') return [c.lesson, c.backend, c.status, ...TABLE_HEADERS.slice(3).map(() => '')];
		const m = c.median;
		const kb = (/** @type {string} */ path) => {
			const v = get(m, path);
			return typeof v === 'number' ? fmt(v / 1024, 0) : '–';
		};
		return [
			c.lesson,
			c.backend === 'auto' && typeof m.backend === 'string' ? `auto→${m.backend}` : c.backend,
			fmt(m.stepsPerSecond, 1),
			fmt(c.ratio, 2),
			fmt(m.frameP95Ms, 1),
			fmt(m.longTaskMaxMs, 0),
			fmt(m.sliderRedrawMs, 1),
			fmt(m.coldStartMs, 0),
			kb('transfer.js.gzip'),
			kb('transfer.data.gzip'),
			memCell(m, 'tensors', 0),
			memCell(m, 'heapMB', 1)
		];
	});
}

/**
 * Aligned plain-text table: text columns left-aligned, the rest right-aligned.
 * @param {readonly string[]} headers
 * @param {readonly string[][]} rows
 * @param {number} [leftColumns] how many leading columns are left-aligned
 * @returns {string}
 */
export function formatTable(headers, rows, leftColumns = 2) {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (/** @type {readonly string[]} */ cells) =>
		cells.map((c, i) => (i < leftColumns ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ').trimEnd();
	return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
