import type { Engine } from '$lib/app/engine.svelte';
import type { Point } from '$lib/ml/data/line1d';
import { createLineFit, FIT_MODELS, type LineFit, type LineFitConfig, type LineFitStats } from '$lib/ml/models/robustLineFit';
import { Series } from '$lib/runtime/series.svelte';
import { TrainingSession, type SessionOptions } from '$lib/runtime/session.svelte';

/** Steps after an edit before a live refit pauses itself (the fits have settled by then). */
export const SETTLE_STEPS = 300;

/**
 * The outlier experiment's live state: the training session of the three-line fit, the slope of
 * each line over training, and the latest read-back. Edits (new points, δ, learning rate) are
 * applied to the running model (warm start) and start a live refit that pauses itself after
 * SETTLE_STEPS steps; Play runs until paused.
 */
export class FitRun {
	readonly session: TrainingSession<LineFitStats>;
	/** slope of each model over recorded steps, FIT_MODELS order */
	readonly slopes = FIT_MODELS.map(() => new Series());
	latest = $state.raw<LineFitStats | null>(null);
	latestStep = $state(0);
	/** True once a live refit has run its course (cleared by the next edit). */
	settled = $state(false);
	private fit: LineFit | null = null;
	private stopAt: number | null = null;

	/** `options` may replace the session's clock and frame scheduler (tests). */
	constructor(
		engine: Engine,
		config: () => LineFitConfig,
		options: Partial<Pick<SessionOptions<LineFitStats>, 'schedule' | 'cancel' | 'now' | 'budgetMs'>> = {}
	) {
		this.session = new TrainingSession<LineFitStats>({
			...options,
			engine,
			create: () => (this.fit = createLineFit(config())),
			tune: { key: 'L03', create: () => createLineFit(config()) },
			onReset: () => this.clear(),
			onStats: (stats, step) => this.record(stats, step)
		});
	}

	/** Fits new points, starting from the current lines. */
	setPoints(points: readonly Point[]): void {
		if (!this.session.ready || !this.fit || points.length < 1) return;
		this.fit.setPoints(points);
		this.refit();
	}

	/** Applies δ and the learning rate to the running fit and refits. */
	configure(patch: { delta: number; lr: number }): void {
		if (!this.session.ready) return;
		this.session.configure(patch);
		this.refit();
	}

	/** Runs the fit for SETTLE_STEPS more steps, then pauses (unless the learner pressed Play). */
	refit(): void {
		if (!this.session.ready || this.session.status === 'diverged' || this.session.status === 'error') return;
		this.settled = false;
		if (this.session.status === 'running' && this.stopAt === null) return;
		this.stopAt = this.session.step + SETTLE_STEPS;
		this.session.play();
	}

	/** Play pressed: train until paused. */
	play(): void {
		this.stopAt = null;
		this.settled = false;
		this.session.play();
	}

	private clear(): void {
		for (const s of this.slopes) s.clear();
		this.latest = null;
		this.latestStep = 0;
		this.settled = false;
		this.stopAt = null;
	}

	private record(stats: LineFitStats, step: number): void {
		this.latest = stats;
		this.latestStep = step;
		if (!stats.diverged) stats.slopes.forEach((a, m) => this.slopes[m].push(step, a));
		if (this.stopAt !== null && step >= this.stopAt) {
			this.stopAt = null;
			if (this.session.status === 'running') this.session.pause();
			this.settled = true;
		}
	}
}
