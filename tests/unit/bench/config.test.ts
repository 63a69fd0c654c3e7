import { describe, expect, it } from 'vitest';
import { list, readConfig } from '../../../bench/lib/config.mjs';

describe('bench settings from the environment', () => {
	it('defaults: 3 runs of every backend, memory on WebGPU from 100 to 5,000 steps', () => {
		const c = readConfig({});
		expect(c.quick).toBe(false);
		expect(c.runs).toBe(3);
		expect(c.backends).toEqual(['auto', 'webgpu', 'webgl', 'wasm', 'cpu']);
		expect(c.memBackends).toEqual(['webgpu']);
		expect([c.memFrom, c.memSteps]).toEqual([100, 5000]);
		expect(c.lessons).toBeNull();
		expect(c.port).toBe(4194);
		expect(c.out).toBe('bench/results/latest.json');
		expect(c.build).toBe('auto');
	});

	it('BENCH_QUICK shortens everything, and single variables still override it', () => {
		const q = readConfig({ BENCH_QUICK: '1' });
		expect(q.quick).toBe(true);
		expect(q.runs).toBe(1);
		expect(q.windowS).toBeLessThanOrEqual(5);
		expect(q.memSteps).toBeLessThan(1000);
		const o = readConfig({ BENCH_QUICK: '1', BENCH_RUNS: '2', BENCH_WINDOW_S: '7.5', BENCH_BACKENDS: ' WASM, cpu ', BENCH_LESSONS: 'l02,metrics' });
		expect([o.runs, o.windowS, o.backends, o.lessons]).toEqual([2, 7.5, ['wasm', 'cpu'], ['l02', 'metrics']]);
	});

	it('rejects bad values instead of guessing', () => {
		expect(() => readConfig({ BENCH_RUNS: 'three' })).toThrow(/BENCH_RUNS/);
		expect(() => readConfig({ BENCH_RUNS: '0' })).toThrow(/BENCH_RUNS/);
		expect(() => readConfig({ BENCH_BACKENDS: 'webgpu,metal' })).toThrow(/metal/);
		expect(() => readConfig({ BENCH_BUILD: 'maybe' })).toThrow(/BENCH_BUILD/);
	});

	it('list() splits, trims and lower-cases; empty means unset', () => {
		expect(list('a, B ,,c')).toEqual(['a', 'b', 'c']);
		expect(list(' , ')).toBeNull();
		expect(list(undefined)).toBeNull();
	});
});
