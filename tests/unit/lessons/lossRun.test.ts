import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeEngine } from '../helpers/fakeEngine';
import { LINE_WINDOW } from '$lib/ml/data/line1d';
import { FitRun, SETTLE_STEPS } from '$lessons/loss-functions/fitRun.svelte';
import { CLEAN_POINTS, PointSet } from '$lessons/loss-functions/pointSet.svelte';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

describe('PointSet', () => {
	it('holds the seeded points and outliers, then hand edits on top; reset forgets the edits', () => {
		const source = { seed: 3, noise: 0.5, out: 2 };
		const set = new PointSet(() => source);
		expect(set.points).toHaveLength(CLEAN_POINTS + 2);
		expect(set.classes).toEqual([...Array(CLEAN_POINTS).fill(0), 1, 1]);
		expect(set.edited).toBe(false);
		set.add({ x: 2, y: 3 });
		set.add({ x: 50, y: -4 }, true);
		expect(set.points.at(-1)).toEqual({ x: LINE_WINDOW.xMax, y: LINE_WINDOW.yMin });
		expect(set.classes.slice(-2)).toEqual([0, 1]);
		set.move(0, { x: 1, y: 9 });
		set.move(CLEAN_POINTS + 2, { x: 4, y: 4 });
		set.move(999, { x: 1, y: 1 });
		set.move(1.5, { x: 1, y: 1 });
		expect(set.points[0]).toEqual({ x: 1, y: 9 });
		expect(set.points[CLEAN_POINTS + 2]).toEqual({ x: 4, y: 4 });
		expect(set.points).toHaveLength(CLEAN_POINTS + 4);
		expect(set.edited).toBe(true);
		set.reset();
		expect(set.points).toHaveLength(CLEAN_POINTS + 2);
		expect(set.edited).toBe(false);
	});
});

/** A fake engine that is always ready, a manual frame queue and a clock that never runs out. */
function rig() {
	let queue: (() => void)[] = [];
	const { engine } = fakeEngine();
	const frames = async (n: number) => {
		for (let i = 0; i < n; i++) {
			const q = queue;
			queue = [];
			q.forEach((cb) => cb());
			await new Promise((r) => setTimeout(r, 0));
		}
	};
	const options = { schedule: (cb: () => void) => queue.push(cb), cancel: () => (queue = []), now: () => 0 };
	return { engine, frames, options };
}

describe('FitRun', () => {
	it('refits live after an edit, pauses itself once settled, and frees its tensors', async () => {
		const { engine, frames, options } = rig();
		const points = new PointSet(() => ({ seed: 1, noise: 0.5, out: 0 }));
		const before = tf.memory().numTensors;
		const run = new FitRun(engine, () => ({ points: points.points, delta: 1, lr: 0.5 }), options);
		run.session.stepsPerFrame = 50;
		await run.session.start();
		run.refit();
		expect(run.session.status).toBe('running');
		await frames(Math.ceil(SETTLE_STEPS / 50) + 3);
		expect(run.session.status).toBe('paused');
		expect(run.settled).toBe(true);
		const clean = run.latest!.slopes[0];
		expect(Math.abs(clean - 0.6)).toBeLessThan(0.1);
		expect(run.slopes[0].length).toBeGreaterThan(3);

		// Three outliers: a live refit that moves the MSE line a lot.
		const withOutliers = new PointSet(() => ({ seed: 1, noise: 0.5, out: 3 }));
		run.setPoints(withOutliers.points);
		expect(run.settled).toBe(false);
		expect(run.session.status).toBe('running');
		await frames(Math.ceil(SETTLE_STEPS / 50) + 3);
		expect(run.settled).toBe(true);
		expect(clean - run.latest!.slopes[0]).toBeGreaterThan(0.15);

		// δ changes refit too; Play runs past the settling budget until paused.
		run.configure({ delta: 10, lr: 0.5 });
		expect(run.session.status).toBe('running');
		run.play();
		await frames(Math.ceil(SETTLE_STEPS / 50) + 5);
		expect(run.session.status).toBe('running');
		expect(run.settled).toBe(false);
		run.session.pause();
		run.session.destroy();
		expect(tf.memory().numTensors).toBe(before);
		run.setPoints(points.points);
		run.refit();
	});
});
