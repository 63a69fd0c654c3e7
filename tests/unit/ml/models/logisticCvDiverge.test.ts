import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createLogisticCv, type LogisticCv, type LogisticCvStats } from '$lib/ml/models/logisticCv';
import { DIVERGENCE_FACTOR } from '$lib/ml/train/divergence';
import { buildExperiment } from '$lessons/metrics/experiment';
import { MAX_AUTO_STEPS } from '$lessons/metrics/meta';
import { autoStopReason } from '$lessons/metrics/metricsRun.svelte';
import { useCpuBackend } from '../helpers';

useCpuBackend();

/** The lesson's model on its data (k = 5, stratified, seed 1) with share `pos` %, spread `noise`. */
function model(lr: number, pos = 20, noise = 0.6): LogisticCv {
	const e = buildExperiment({ pos, noise, k: 5, strat: true, seed: 1 });
	return createLogisticCv({ train: e.train, test: e.test, foldOf: e.foldOf, k: 5, lr });
}

function read(m: LogisticCv, t: tf.Tensor | null): LogisticCvStats {
	const s = m.decode(t!.dataSync() as Float32Array);
	t!.dispose();
	return s;
}

/**
 * Trains as the lesson does (a read-back every `every` steps) until it pauses itself or `steps`;
 * returns the last stats, the reason and the largest loss seen relative to the start.
 */
function train(m: LogisticCv, steps = MAX_AUTO_STEPS, every = 10) {
	const start = read(m, m.inspect());
	let s = start;
	let worst = 1;
	let reason = null;
	for (let step = 1; step <= steps && !reason && !s.diverged; step++) {
		const t = m.step(step % every === 0 || step === steps);
		if (!t) continue;
		s = read(m, t);
		worst = Math.max(worst, s.loss / start.loss, s.testLoss / start.loss);
		reason = autoStopReason(s.gradNorm, step);
	}
	m.dispose();
	return { start, s, reason, worst };
}

describe('L04 logistic regression at learning rate 10', () => {
	it('the reference is the untrained loss (the base rate), measured at step 0', () => {
		const m = model(10);
		const s = read(m, m.inspect());
		expect(s.startLoss).toBeCloseTo(s.loss, 5);
		expect(s.diverged).toBe(false);
		m.dispose();
	});

	it('on the default data it does not diverge: it converges, faster than at the default 2', () => {
		const fast = train(model(10));
		expect(fast.s.diverged).toBe(false);
		expect(fast.reason).toBe('converged');
		const slow = train(model(2));
		expect(slow.reason).toBe('converged');
		expect(fast.s.loss).toBeCloseTo(slow.s.loss, 3);
		expect(fast.worst).toBeLessThanOrEqual(1);
	});

	it('on heavily overlapping data it oscillates without diverging and pauses itself as oscillating', () => {
		// Measured: the cycle is set by step 100 and unchanged at 3,000 (gradient norm 0.31).
		const r = train(model(10, 20, 1.5), 600, 100);
		expect(r.s.diverged).toBe(false);
		expect(r.reason).toBeNull();
		expect(autoStopReason(r.s.gradNorm, MAX_AUTO_STEPS)).toBe('oscillating');
		// The cycle's loss stays above the untrained model's, yet far below the bound.
		expect(r.s.loss).toBeGreaterThan(r.start.loss);
		expect(r.worst).toBeLessThan(DIVERGENCE_FACTOR / 100);
	});

	it('no share of positives or spread comes near the bound at 10 (nor at the old cap 5)', () => {
		for (const lr of [5, 10])
			for (const pos of [1, 50])
				for (const noise of [0.2, 1.5]) {
					const r = train(model(lr, pos, noise), 200, 4);
					expect(r.s.diverged, `lr=${lr} pos=${pos} noise=${noise}`).toBe(false);
					expect(r.worst).toBeLessThan(DIVERGENCE_FACTOR / 100);
				}
	});

	it('decode applies the shared rule: a loss above 1,000 times the start or a zero finite flag is diverged; no tensor leaks', () => {
		const before = tf.memory().numTensors;
		const m = model(10);
		const t = m.step(true)!;
		const values = Float32Array.from(t.dataSync());
		t.dispose();
		expect(m.decode(values).diverged).toBe(false);
		const start = m.decode(values).startLoss;
		const huge = values.slice();
		huge[0] = start * DIVERGENCE_FACTOR * 1.01;
		expect(m.decode(huge).diverged).toBe(true);
		const notFinite = values.slice();
		notFinite[notFinite.length - 1] = 0;
		expect(m.decode(notFinite).diverged).toBe(true);
		for (let i = 0; i < 20; i++) m.step(false);
		m.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});

	it('autoStopReason: converged below 1e-4; at the step limit, maxSteps while creeping, oscillating while bouncing', () => {
		expect(autoStopReason(5e-5, 10)).toBe('converged');
		expect(autoStopReason(0.3, MAX_AUTO_STEPS - 1)).toBeNull();
		expect(autoStopReason(3e-4, MAX_AUTO_STEPS)).toBe('maxSteps');
		expect(autoStopReason(0.3, MAX_AUTO_STEPS)).toBe('oscillating');
	});
});
