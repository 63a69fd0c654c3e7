import { describe, expect, it } from 'vitest';
import { formatTable, medianRecord, median, percentile, ratioToBest, summarize, TABLE_HEADERS, tableRows } from '../../../bench/lib/stats.mjs';

describe('bench statistics', () => {
	it('median and percentiles ignore missing values and interpolate between ranks', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([null, 5, NaN, undefined, 7])).toBe(6);
		expect(median([])).toBeNull();
		expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
		expect(percentile([10, 20, 30, 40, 50], 0)).toBe(10);
		expect(percentile([10, 20, 30, 40, 50], 100)).toBe(50);
		expect(percentile([7], 95)).toBe(7);
	});

	it('ratio to best: the fastest is 1, missing stays missing, nothing positive gives no ratios', () => {
		expect(ratioToBest({ webgpu: 50, webgl: 100, cpu: 25, wasm: null })).toEqual({ webgpu: 0.5, webgl: 1, cpu: 0.25, wasm: null });
		expect(ratioToBest({ webgpu: 0, cpu: null })).toEqual({ webgpu: null, cpu: null });
	});

	it('medianRecord takes element-wise medians through nested objects and keeps text', () => {
		const m = medianRecord([
			{ backend: 'wasm', sps: 10, memory: { from: { tensors: 9 } }, adapter: null },
			{ backend: 'wasm', sps: 30, memory: { from: { tensors: 11 } }, adapter: 'x' },
			{ backend: 'wasm', sps: 20, memory: null, adapter: null }
		]);
		expect(m).toEqual({ backend: 'wasm', sps: 20, memory: { from: { tensors: 10 } }, adapter: 'x' });
	});

	it('summarize: medians of successful runs, ratios per lesson, unavailable and failed cases', () => {
		const s = summarize([
			{ lesson: 'L01', backend: 'webgpu', runs: [{ ok: true, stepsPerSecond: 90 }, { ok: true, stepsPerSecond: 110 }, { ok: false, error: 'boom' }] },
			{ lesson: 'L01', backend: 'cpu', runs: [{ ok: true, stepsPerSecond: 25 }] },
			{ lesson: 'L01', backend: 'webgl', runs: [{ ok: false, unavailable: true, error: 'webgl unavailable' }] },
			{ lesson: 'L02', backend: 'cpu', runs: [{ ok: true, stepsPerSecond: 4 }] },
			{ lesson: 'L02', backend: 'wasm', runs: [{ ok: false, error: 'timed out' }] }
		]);
		expect(s.map((c) => [c.lesson, c.backend, c.status, c.ratio])).toEqual([
			['L01', 'webgpu', 'ok', 1],
			['L01', 'cpu', 'ok', 0.25],
			['L01', 'webgl', 'unavailable', null],
			['L02', 'cpu', 'ok', 1],
			['L02', 'wasm', 'failed', null]
		]);
		expect(s[0].median.stepsPerSecond).toBe(100);
		expect(s[0].okRuns).toBe(2);
		expect(s[0].errors).toEqual(['boom']);
	});

	it('table rows show the figures, memory as from→to with step counts, and status for missing cases', () => {
		const [ok, missing] = tableRows([
			{
				lesson: 'L03',
				backend: 'webgl',
				status: 'ok',
				okRuns: 3,
				errors: [],
				ratio: 0.5,
				median: {
					stepsPerSecond: 123.45,
					frameP95Ms: 16.71,
					longTaskMaxMs: 80.4,
					sliderRedrawMs: 21.06,
					coldStartMs: 2345.6,
					transfer: { js: { gzip: 512 * 1024 }, data: { gzip: 0 } },
					memory: { from: { steps: 100, tensors: 12, heapMB: 10.04 }, to: { steps: 5000, tensors: 12, heapMB: 11.5 } }
				}
			},
			{ lesson: 'L03', backend: 'cpu', status: 'unavailable', okRuns: 0, errors: ['x'], ratio: null, median: {} }
		]);
		expect(ok).toEqual(['L03', 'webgl', '123.5', '0.50', '16.7', '80', '21.1', '2346', '512', '0', '12→12 (100/5000)', '10.0→11.5 (100/5000)']);
		expect(ok).toHaveLength(TABLE_HEADERS.length);
		expect(missing.slice(0, 3)).toEqual(['L03', 'cpu', 'unavailable']);
		expect(missing).toHaveLength(TABLE_HEADERS.length);
		const [auto] = tableRows([{ lesson: 'L01', backend: 'auto', status: 'ok', okRuns: 1, errors: [], ratio: 1, median: { backend: 'wasm' } }]);
		expect(auto.slice(0, 2)).toEqual(['L01', 'auto→wasm']);
	});

	it('formatTable aligns columns: text left, figures right', () => {
		const text = formatTable(['lesson', 'steps/s'], [['L01', '5.0'], ['L10', '123.4']], 1);
		expect(text.split('\n')).toEqual(['lesson  steps/s', '------  -------', 'L01         5.0', 'L10       123.4']);
	});
});
