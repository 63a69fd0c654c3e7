import type { Engine } from '$lib/app/engine.svelte';
import { createLogisticCv, type LogisticCvStats } from '$lib/ml/models/logisticCv';
import { Series } from '$lib/runtime/series.svelte';
import { TrainingSession } from '$lib/runtime/session.svelte';
import { buildExperiment, type Experiment, type ExperimentConfig } from './experiment';
import { CONVERGED_GRAD, MAX_AUTO_STEPS, OSCILLATING_GRAD } from './meta';

/**
 * Why training paused itself, if it did: converged, or MAX_AUTO_STEPS reached while still creeping
 * towards the optimum ('maxSteps') or while bouncing around it with a too-large step ('oscillating').
 */
export type AutoStop = 'converged' | 'maxSteps' | 'oscillating' | null;

/** Why a run at `step` with this gradient norm pauses itself now, or null: see AutoStop. */
export function autoStopReason(gradNorm: number, step: number): AutoStop {
	if (gradNorm < CONVERGED_GRAD) return 'converged';
	if (step < MAX_AUTO_STEPS) return null;
	return gradNorm < OSCILLATING_GRAD ? 'maxSteps' : 'oscillating';
}

/** Settings of a run: data and folds, plus the learning rate. */
export interface RunConfig extends ExperimentConfig {
	lr: number;
}

/**
 * L04's live state: the training session of the k + 1 logistic regressions, the data and folds
 * they were built from, the latest read-back (test scores and out-of-fold scores) and the loss
 * curves. Training pauses itself once, when it has converged or after MAX_AUTO_STEPS steps;
 * Play then trains on for as long as the learner wants.
 */
export class MetricsRun {
	readonly session: TrainingSession<LogisticCvStats>;
	/** The data and folds of the current model. */
	experiment = $state.raw<Experiment | null>(null);
	/** The most recent read-back. */
	latest = $state.raw<LogisticCvStats | null>(null);
	latestStep = $state(0);
	autoStop = $state<AutoStop>(null);
	trainLoss = new Series();
	testLoss = new Series();
	private stopped = false;

	constructor(engine: Engine, config: () => RunConfig) {
		this.session = new TrainingSession<LogisticCvStats>({
			engine,
			create: () => {
				const c = config();
				const experiment = buildExperiment(c);
				this.experiment = experiment;
				return createLogisticCv({ train: experiment.train, test: experiment.test, foldOf: experiment.foldOf, k: c.k, lr: c.lr });
			},
			tune: {
				key: 'L04',
				create: () => {
					const c = config();
					const e = buildExperiment(c);
					return createLogisticCv({ train: e.train, test: e.test, foldOf: e.foldOf, k: c.k, lr: c.lr });
				}
			},
			onReset: () => this.clear(),
			onStats: (stats, step) => this.record(stats, step)
		});
	}

	private clear(): void {
		this.latest = null;
		this.latestStep = 0;
		this.autoStop = null;
		this.stopped = false;
		this.trainLoss.clear();
		this.testLoss.clear();
	}

	private record(stats: LogisticCvStats, step: number): void {
		this.latest = stats;
		this.latestStep = step;
		if (Number.isFinite(stats.loss)) {
			this.trainLoss.push(step, stats.loss);
			this.testLoss.push(step, stats.testLoss);
		}
		if (this.stopped || step === 0 || this.session.status !== 'running') return;
		const reason = autoStopReason(stats.gradNorm, step);
		if (!reason) return;
		this.stopped = true;
		this.autoStop = reason;
		this.session.pause();
	}
}
