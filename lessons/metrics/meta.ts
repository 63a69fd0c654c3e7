import { defineSchema, SEED_PARAM } from '$lib/app/params';

/** Metrics the cross-validation view can score each fold with, in display order. */
export const CV_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'auc', 'ap'] as const;

/** How the score histogram counts: points per bin, or the share of each class per bin. */
export const HIST_MODES = ['count', 'share'] as const;

/** Training points (cross-validated) and held-out test points (the charts' data). */
export const N_TRAIN = 1000;
export const N_TEST = 2000;

/** Training pauses itself once every model's gradient norm is below this (converged)... */
export const CONVERGED_GRAD = 1e-4;
/** ...or after this many steps (nearly separable data only converges slowly). */
export const MAX_AUTO_STEPS = 3000;
/**
 * A gradient norm still above this at MAX_AUTO_STEPS means the run oscillates (a too-large step
 * overshoots into a cycle) rather than converging slowly. Measured (cpu, lesson data): cycles keep
 * 0.26-0.45, slow convergence on nearly separable data is below 3e-4 by then.
 */
export const OSCILLATING_GRAD = 1e-2;

/** L04's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** share of positives in the data, percent (50 = balanced, 5 = 95:5) */
	pos: { kind: 'number', default: 20, min: 1, max: 50, step: 1, integer: true },
	/** standard deviation of each class around its centre (more = more overlap) */
	noise: { kind: 'number', default: 0.6, min: 0.2, max: 1.5, step: 0.05 },
	/** gradient-descent learning rate (up to 10: logistic regression cannot diverge, see logisticCv.ts) */
	lr: { kind: 'number', default: 2, min: 0.01, max: 10 },
	/** decision threshold: predicted positive when the score >= t */
	t: { kind: 'number', default: 0.5, min: 0, max: 1, step: 0.01 },
	/** replace the classifier by one that always predicts the majority class */
	majority: { kind: 'boolean', default: false },
	/** number of cross-validation folds */
	k: { kind: 'number', default: 5, min: 2, max: 10, step: 1, integer: true },
	/** stratified folds (same class balance in every fold) */
	strat: { kind: 'boolean', default: true },
	/** the metric each fold is scored with */
	cvm: { kind: 'enum', default: 'accuracy', options: CV_METRICS },
	/** score histogram: counts or per-class shares */
	hist: { kind: 'enum', default: 'count', options: HIST_MODES },
	/** training steps per animation frame */
	spf: { kind: 'number', default: 20, min: 1, max: 100, step: 1, integer: true },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L04', slug: 'metrics', schema } as const;
