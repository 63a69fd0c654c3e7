import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeEngine } from '../helpers/fakeEngine';
import { PlaygroundRun, type RunConfig } from '$lessons/backpropagation/playgroundRun.svelte';
import { Stepper } from '$lessons/backpropagation/stepper.svelte';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const { engine } = fakeEngine();

/** Lets pending read-backs (promises) settle. */
async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
}

const CONFIG: RunConfig = { data: 'moons', noise: 0.05, hidden: [3], act: 'tanh', lr: 0.5, batch: 20, seed: 2, pick: 4 };

describe('PlaygroundRun and Stepper', () => {
	it('step mode: a round shows one trace, the update applies lr x grad of the picked sample, the next round starts from the new weights', async () => {
		const before = tf.memory().numTensors;
		let pick = 4;
		const run = new PlaygroundRun(engine, () => ({ ...CONFIG, pick }));
		const stepper = new Stepper(run, () => pick);
		await run.session.start();
		await settle();
		expect(run.latest?.pick).toBe(4);
		expect(run.loss.length).toBe(1);
		expect(stepper.phase.kind).toBe('idle');
		expect(stepper.progress).toEqual({ index: 0, count: 7 });

		stepper.next();
		expect(stepper.phase).toEqual({ kind: 'forward', layer: 1 });
		const round = stepper.round!;
		for (const kind of ['forward', 'loss', 'backward', 'backward']) {
			stepper.next();
			expect(stepper.phase.kind).toBe(kind);
			expect(stepper.trace).toBe(round);
		}
		expect(run.session.step).toBe(0);
		stepper.next();
		expect(stepper.phase.kind).toBe('update');
		expect(run.session.step).toBe(1);
		stepper.next();
		expect(stepper.phase.kind).toBe('update');
		await settle();
		const after = stepper.after!;
		expect(after).not.toBeNull();
		after.W.forEach((w, l) => w.forEach((v, k) => expect(v).toBeCloseTo(round.W[l][k] - 0.5 * round.dW[l][k], 5)));
		after.b.forEach((b, l) => b.forEach((v, k) => expect(v).toBeCloseTo(round.b[l][k] - 0.5 * round.db[l][k], 5)));
		expect(after.loss).toBeLessThan(round.loss);
		// Back and forth does not apply the update twice.
		stepper.back();
		stepper.next();
		expect(run.session.step).toBe(1);
		stepper.next();
		expect(stepper.phase).toEqual({ kind: 'forward', layer: 1 });
		expect(stepper.round).toBe(after);

		// Another sample: re-read without a step.
		pick = 9;
		stepper.restart();
		run.configure({ pick: 9 });
		await settle();
		expect(run.latest?.pick).toBe(9);
		expect(run.session.step).toBe(1);

		// An added point rebuilds the network on 201 points.
		const builds = run.builds;
		run.addPoint({ x: 0.3, y: 0.2, cls: 1 });
		await settle();
		expect(run.train?.n).toBe(201);
		expect(run.builds).toBe(builds + 1);
		expect(run.session.step).toBe(0);
		run.clearAdded();
		await settle();
		expect(run.train?.n).toBe(200);
		run.addPoint({ x: NaN, y: 0, cls: 0 });
		expect(run.added.length).toBe(0);

		run.session.destroy();
		await settle();
		expect(tf.memory().numTensors).toBe(before);
	});
});
