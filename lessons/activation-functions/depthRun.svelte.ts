import type { Engine } from '$lib/app/engine.svelte';
import { createDepthExperiment, type DepthConfig, type DepthStats } from '$lib/ml/models/depthExperiment';
import { LayerHistory } from '$lib/runtime/layerHistory.svelte';
import { Series } from '$lib/runtime/series.svelte';
import { TrainingSession } from '$lib/runtime/session.svelte';

/**
 * The depth experiment's live state: the training session and the histories its charts draw
 * (loss, accuracy, dead share, per-layer gradient norms over time), plus the stats at
 * initialisation and the latest ones.
 */
export class DepthRun {
	readonly session: TrainingSession<DepthStats>;
	loss = new Series();
	accuracy = new Series();
	dead = new Series();
	gradHistory = $state.raw(new LayerHistory(1));
	/** Stats of the freshly initialised network (step 0). */
	initial = $state.raw<DepthStats | null>(null);
	/** The most recent read-back. */
	latest = $state.raw<DepthStats | null>(null);
	latestStep = $state(0);

	constructor(engine: Engine, config: () => DepthConfig) {
		this.session = new TrainingSession<DepthStats>({
			engine,
			create: () => createDepthExperiment(config()),
			tune: { key: 'L02', create: () => createDepthExperiment(config()) },
			onReset: () => this.clear(config().depth + 1),
			onStats: (stats, step) => this.record(stats, step)
		});
	}

	private clear(rows: number): void {
		this.loss.clear();
		this.accuracy.clear();
		this.dead.clear();
		this.gradHistory = new LayerHistory(rows);
		this.initial = null;
		this.latest = null;
		this.latestStep = 0;
	}

	private record(stats: DepthStats, step: number): void {
		if (step === 0) this.initial = stats;
		this.latest = stats;
		this.latestStep = step;
		if (!Number.isFinite(stats.loss)) return;
		this.loss.push(step, stats.loss);
		this.accuracy.push(step, stats.accuracy);
		this.dead.push(step, stats.deadShare);
		this.gradHistory.push(step, stats.gradNorms);
	}
}
