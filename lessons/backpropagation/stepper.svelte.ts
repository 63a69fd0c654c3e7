import type { SampleTrace } from '$lib/ml/probe/sampleTrace';
import type { PlaygroundRun } from './playgroundRun.svelte';
import { nextPhase, phaseIndex, phaseList, prevPhase, type Phase } from './stepPhases';

/**
 * Step mode's state machine (main thread): the current phase, the trace the round is about (read
 * when the round's forward pass starts, so its numbers stay put while the learner steps), and
 * after the update the trace with the new weights. Entering "update" applies the picked sample's
 * gradient once per round.
 */
export class Stepper {
	phase = $state<Phase>({ kind: 'idle' });
	/** The trace the current round shows (null while idle: the live trace is shown then). */
	round = $state.raw<SampleTrace | null>(null);
	/** Training steps taken when the update was applied (the new weights are newer than this). */
	private updatedAt = $state(-1);

	constructor(
		private readonly run: PlaygroundRun,
		private readonly pick: () => number
	) {}

	/** The trace to show: the round's, or the live one while idle. */
	get trace(): SampleTrace | null {
		return this.round ?? this.run.latest?.trace ?? null;
	}

	/** The trace read back after this round's update, once it has arrived. */
	get after(): SampleTrace | null {
		if (this.phase.kind !== 'update' || this.updatedAt < 0) return null;
		return this.run.latestStep >= this.updatedAt ? (this.run.latest?.trace ?? null) : null;
	}

	/** Weight layers of the traced network. */
	get layers(): number {
		return this.trace?.W.length ?? 1;
	}

	/** 0-based position in the round and the number of phases. */
	get progress(): { index: number; count: number } {
		return { index: phaseIndex(this.phase, this.layers), count: phaseList(this.layers).length };
	}

	/** Advances one phase (pausing training); entering "update" applies the gradient once. */
	next(): void {
		const live = this.run.latest?.trace;
		if (!live || !this.run.session.ready) return;
		this.run.session.pause();
		const from = this.phase;
		if (from.kind === 'idle' || from.kind === 'update') {
			// After an update, wait until the new weights have been read back.
			if (from.kind === 'update' && !this.after) return;
			this.round = live;
			this.updatedAt = -1;
			this.phase = { kind: 'forward', layer: 1 };
			return;
		}
		this.phase = nextPhase(from, this.layers);
		if (this.phase.kind === 'update' && this.updatedAt < 0) {
			this.run.updateOnSample(this.pick());
			this.updatedAt = this.run.session.step;
		}
	}

	/** Goes back one phase (an applied update is not undone; stepping forward again does not repeat it). */
	back(): void {
		this.phase = prevPhase(this.phase, this.layers);
		if (this.phase.kind === 'idle') this.round = null;
	}

	/** Back to "ready" with the live trace (new sample, new network, training resumed). */
	restart(): void {
		this.phase = { kind: 'idle' };
		this.round = null;
		this.updatedAt = -1;
	}
}
