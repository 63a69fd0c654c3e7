import type { Engine } from '$lib/app/engine.svelte';
import { DEFAULT_GRID, type GridSpec } from '$lib/ml/data/grid2d';
import type { Toy2d } from '$lib/ml/data/toy2d';
import { createMlpPlayground, type AddedPoint, type MlpPlayground, type PlaygroundConfig, type PlaygroundStats } from '$lib/ml/models/mlpPlayground';
import { Series } from '$lib/runtime/series.svelte';
import { TrainingSession } from '$lib/runtime/session.svelte';
import { MAX_ADDED } from './meta';

/** The playground's settings without the added points (the run owns those). */
export type RunConfig = Omit<PlaygroundConfig, 'added'>;

/**
 * The playground's live state: the training session, the loss histories, the latest read-back
 * (boundary grid and the picked sample's trace), the data sets and the points the learner added.
 * Besides training steps it can re-read the current weights (`refresh`) and apply one picked
 * sample's gradient (`updateOnSample`, step mode's "update").
 */
export class PlaygroundRun {
	readonly session: TrainingSession<PlaygroundStats>;
	loss = new Series();
	testLoss = new Series();
	/** The most recent stats (a step's, or a refresh's). */
	latest = $state.raw<PlaygroundStats | null>(null);
	/** Training steps taken when `latest` was measured (its weights have had this many updates). */
	latestStep = $state(0);
	/** Bumped whenever a new network is built (settings changed, reset, device recovered). */
	builds = $state(0);
	train = $state.raw<Toy2d | null>(null);
	test = $state.raw<Toy2d | null>(null);
	/** The decision-boundary grid the stats' `grid` values cover. */
	grid = $state.raw<GridSpec>(DEFAULT_GRID);
	/** Points the learner added (appended to the training set). */
	added = $state.raw<AddedPoint[]>([]);

	private trainer: MlpPlayground | null = null;
	/** Step numbers at or below this are older than a refresh already asked for. */
	private refreshedAt = -1;

	constructor(engine: Engine, config: () => RunConfig) {
		this.session = new TrainingSession<PlaygroundStats>({
			engine,
			create: () => {
				const trainer = createMlpPlayground({ ...config(), added: this.added });
				this.trainer = trainer;
				this.train = trainer.train;
				this.test = trainer.test;
				this.grid = trainer.grid;
				return trainer;
			},
			tune: { key: 'L01', create: () => createMlpPlayground({ ...config(), added: this.added }) },
			onReset: () => this.clear(),
			onStats: (stats, step) => this.record(stats, step)
		});
	}

	private clear(): void {
		this.loss.clear();
		this.testLoss.clear();
		this.latest = null;
		this.latestStep = 0;
		this.refreshedAt = -1;
		this.builds += 1;
	}

	private record(stats: PlaygroundStats, step: number): void {
		if (Number.isFinite(stats.loss)) {
			this.loss.push(step, stats.loss);
			this.testLoss.push(step, stats.testLoss);
		}
		// Step stats describe the weights before that step; a later refresh already shows newer ones.
		if (step <= this.refreshedAt) return;
		this.latest = stats;
		this.latestStep = step;
	}

	/** Rebuilds the network from the current settings (keeps running if it was); no-op before start. */
	rebuild(): void {
		if (this.session.ready) this.session.rebuild();
	}

	/** Passes live settings (lr, batch, pick) to the trainer; re-reads the state when paused. */
	configure(patch: Record<string, number>): void {
		this.session.configure(patch);
		if ('pick' in patch && this.session.status !== 'running') void this.refresh();
	}

	/** Reads back the current weights' stats without training (e.g. after picking another sample). */
	async refresh(): Promise<void> {
		const trainer = this.trainer;
		if (!trainer || !this.session.ready) return;
		const step = this.session.step;
		this.refreshedAt = step;
		let t;
		try {
			t = trainer.inspect();
		} catch {
			return;
		}
		try {
			const values = (await t.data()) as Float32Array;
			if (this.trainer !== trainer) return;
			this.latest = trainer.decode(values);
			this.latestStep = step;
		} catch {
			/* the backend was lost or the trainer replaced; the session reports and rebuilds */
		} finally {
			t.dispose();
		}
	}

	/** Step mode's update: one SGD step on training sample `index` alone, then the new weights are read back. */
	updateOnSample(index: number): void {
		const trainer = this.trainer;
		if (!trainer || !this.session.ready) return;
		trainer.configure({ focus: index });
		this.session.stepOnce();
		trainer.configure({ focus: -1 });
		void this.refresh();
	}

	/** Adds a training point (rebuilding the network with the same seed); ignored past MAX_ADDED. */
	addPoint(p: AddedPoint): void {
		if (this.added.length >= MAX_ADDED || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
		this.added = [...this.added, p];
		this.rebuild();
	}

	/** Removes every added point. */
	clearAdded(): void {
		if (this.added.length === 0) return;
		this.added = [];
		this.rebuild();
	}
}
