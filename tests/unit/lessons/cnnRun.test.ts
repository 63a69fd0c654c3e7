import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDigitFixture, SMALL_CNN } from '../helpers/digits';
import { fakeEngine } from '../helpers/fakeEngine';
import { digitPixels, type DigitSet } from '$lib/ml/data/mnist';
import { describeDigitCnn } from '$lib/ml/models/digitCnn';
import { CnnRun, type FrameClock } from '$lessons/cnn/cnnRun.svelte';

const { engine } = fakeEngine();

/** A frame clock driven by the test: `frame()` runs what was scheduled. */
function manualClock(): FrameClock & { frame: () => void } {
	let queue: (() => void)[] = [];
	let t = 0;
	return {
		schedule: (cb) => queue.push(cb),
		cancel: () => {},
		now: () => (t += 1000),
		frame: () => {
			const run = queue;
			queue = [];
			run.forEach((cb) => cb());
		}
	};
}

/** Lets pending read-backs (promises) settle. */
async function settle(): Promise<void> {
	for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

let train: DigitSet;
let val: DigitSet;
beforeAll(async () => {
	await tf.setBackend('cpu');
	({ train, val } = await loadDigitFixture(2000, 200));
});

const CONFIG = SMALL_CNN;

describe('CnnRun', () => {
	it('probes the feature maps of the input once per frame, follows training, evaluates, and frees everything', async () => {
		const before = tf.memory().numTensors;
		const clock = manualClock();
		let config = CONFIG;
		const run = new CnnRun(engine, () => config, clock);
		run.train = train;
		run.val = val;
		await run.session.start();
		run.setInput(digitPixels(val, 0));
		clock.frame();
		await settle();
		const want = describeDigitCnn(CONFIG);
		const maps = run.maps!;
		expect(maps.map((m) => m.id)).toEqual(['conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'dense', 'softmax']);
		for (const m of maps) {
			const shape = want.find((l) => l.id === m.id)!.shape;
			expect(m.data.length, m.id).toBe(shape.reduce((a, b) => a * b, 1));
		}
		const probs = maps.find((m) => m.id === 'softmax')!.data;
		expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
		expect(run.filters?.conv1.shape).toEqual([3, 3, 1, 4]);
		expect(run.filters?.conv2.shape).toEqual([3, 3, 4, 8]);

		// A recorded step: new curves, and the maps and filters are read again on the next frame.
		const conv1Before = maps[0].data;
		const filtersBefore = run.filters!.conv1.data;
		run.session.stepOnce();
		await settle();
		expect(run.trainLoss.length).toBe(2);
		expect(run.trainAccuracy.length).toBe(2);
		clock.frame();
		await settle();
		expect(run.maps![0].data).not.toEqual(conv1Before);
		expect(run.filters!.conv1.data).not.toEqual(filtersBefore);

		// Validation pass: 200 digits in the confusion matrix, one point on the validation curves.
		run.evaluate();
		await settle();
		await expect.poll(() => run.evaluation).not.toBeNull();
		const ev = run.evaluation!;
		expect(ev.step).toBe(1);
		expect(ev.confusion.flat().reduce((a, b) => a + b, 0)).toBe(200);
		expect(ev.predicted.length).toBe(200);
		expect(run.valAccuracy.length).toBe(1);

		// No input: no maps. A rebuild (new structure) clears the curves and the evaluation.
		run.setInput(null);
		expect(run.maps).toBeNull();
		config = { ...CONFIG, poolSize: 3 };
		run.session.rebuild();
		await settle();
		expect(run.evaluation).toBeNull();
		expect(run.valAccuracy.length).toBe(0);
		run.setInput(digitPixels(val, 1));
		clock.frame();
		await settle();
		expect(run.maps!.find((m) => m.id === 'pool2')!.data.length).toBe(3 * 3 * 8);

		for (let i = 0; i < 5; i++) {
			run.session.stepOnce();
			clock.frame();
			await settle();
		}
		run.destroy();
		await settle();
		expect(tf.memory().numTensors).toBe(before);
	});
});
