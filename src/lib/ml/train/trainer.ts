import type * as tf from '@tensorflow/tfjs-core';

/**
 * The contract between a model's training code (ml) and the TrainingSession (runtime).
 *
 * A trainer owns its variables and constants (all disposed by `dispose`). `step` runs one
 * optimisation step synchronously: every intermediate tensor lives inside a `tf.tidy`. When asked to
 * `record`, it returns ONE tensor (a flat float32 vector) holding everything the charts need for
 * that step; the caller reads it back asynchronously with `await t.data()`, passes the values to
 * `decode`, and disposes it. Nothing is read back otherwise.
 */
export interface Trainer<Stats extends StepStats = StepStats> {
	/** Runs one training step. Returns a stats tensor (owned by the caller) when `record` is true. */
	step(record: boolean): tf.Tensor | null;
	/** Turns the values of a stats tensor into plain numbers for the UI. */
	decode(values: Float32Array): Stats;
	/** Stats of the current state without a step (same layout as `step(true)`); caller owns it. */
	inspect?(): tf.Tensor;
	/** Updates hyperparameters that can change without rebuilding (e.g. the learning rate). */
	configure?(patch: Record<string, number | string | boolean>): void;
	/** Frees every tensor the trainer owns. Safe to call twice. */
	dispose(): void;
}

/** What every trainer reports: the training loss of the recorded step (NaN/Infinity = diverged). */
export interface StepStats {
	loss: number;
	/** Set when the model's parameters are no longer finite, even if the loss still looks finite. */
	diverged?: boolean;
}
