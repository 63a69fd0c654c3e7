/**
 * prewarmBackend: a backend started early is the instance tfjs uses when it is first made active
 * (its factory runs once), a failed early start is retried afresh, and nothing happens for a backend
 * that is unknown or already running. Runs on tfjs-core's real engine with a fake backend.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterEach, describe, expect, it } from 'vitest';
import { isStarted, prewarmBackend } from '$lib/ml/core/prewarm';

class FakeBackend extends tf.KernelBackend {
	constructor(readonly id: number) {
		super();
	}
	override dispose(): void {}
}

const NAME = 'prewarm-test';

/** Registers a fake backend whose factory counts its calls and fails the calls listed in `failing`. */
function register(failing: number[] = []) {
	const calls = { n: 0 };
	tf.registerBackend(
		NAME,
		async () => {
			calls.n += 1;
			await new Promise((r) => setTimeout(r, 5));
			if (failing.includes(calls.n)) throw new Error(`start ${calls.n} failed`);
			return new FakeBackend(calls.n);
		},
		-1
	);
	return calls;
}

afterEach(async () => {
	await tf.setBackend('cpu');
	if (tf.findBackendFactory(NAME)) tf.removeBackend(NAME);
});

describe('prewarmBackend', () => {
	it('starts the backend at once and hands that instance over on first use', async () => {
		await tf.setBackend('cpu');
		const calls = register();
		expect(prewarmBackend(NAME, -1)).toBe(true);
		expect(calls.n).toBe(1); // started now, not when made active
		expect(tf.getBackend()).toBe('cpu'); // and the active backend is unchanged
		expect(await tf.setBackend(NAME)).toBe(true);
		expect(calls.n).toBe(1);
		expect((tf.backend() as FakeBackend).id).toBe(1);
	});

	it('keeps the priority it is given', () => {
		register();
		prewarmBackend(NAME, -1);
		expect(tf.engine().registryFactory[NAME].priority).toBe(-1);
	});

	it('retries afresh when the early start failed', async () => {
		const calls = register([1]);
		prewarmBackend(NAME, -1);
		expect(await tf.setBackend(NAME)).toBe(false);
		expect(await tf.setBackend(NAME)).toBe(true);
		expect(calls.n).toBe(2);
		expect((tf.backend() as FakeBackend).id).toBe(2);
	});

	it('does nothing for an unknown backend or one already running', async () => {
		expect(prewarmBackend('no-such-backend', 1)).toBe(false);
		const calls = register();
		await tf.setBackend(NAME);
		expect(prewarmBackend(NAME, -1)).toBe(false);
		expect(calls.n).toBe(1);
	});
});

describe('isStarted', () => {
	it('tells a started backend from a registered one without starting it', async () => {
		const calls = register();
		expect(isStarted(NAME)).toBe(false);
		expect(calls.n).toBe(0); // tf.findBackend would have started it here
		await tf.setBackend(NAME);
		expect(isStarted(NAME)).toBe(true);
		expect(isStarted('no-such-backend')).toBe(false);
	});
});
