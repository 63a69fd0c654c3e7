import { describe, expect, it } from 'vitest';
import { LatestJob } from '$lessons/convolution/latestJob.svelte';
import { fakeEngine } from '../helpers/fakeEngine';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LatestJob', () => {
	it('does not queue the computation in flight again (the loop that froze L09 on CPU and WASM)', async () => {
		const { engine } = fakeEngine();
		const calls: string[] = [];
		const job = new LatestJob<string, string>(engine, async (q) => {
			calls.push(q);
			return q.toUpperCase();
		});
		await settle();
		job.request('a', 'a');
		// what an effect that reads the result does while the job runs, and again once it landed
		job.request('a', 'a');
		await settle();
		job.request('a', 'a');
		await settle();
		expect(calls).toEqual(['a']);
		expect(job.result).toEqual({ key: 'a', value: 'A' });
		job.destroy();
	});

	it('runs only the latest of the requests made while one is in flight', async () => {
		const { engine } = fakeEngine();
		const calls: string[] = [];
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const job = new LatestJob<string, string>(engine, async (q) => {
			calls.push(q);
			if (q === 'a') await gate;
			return q;
		});
		await settle();
		job.request('a', 'a');
		await settle();
		job.request('b', 'b');
		job.request('c', 'c');
		job.request('a', 'a');
		job.request('c', 'c');
		release();
		await settle();
		await settle();
		expect(calls).toEqual(['a', 'c']);
		expect(job.result?.key).toBe('c');
		job.destroy();
	});
});
