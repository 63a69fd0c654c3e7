import { defineSchema, SEED_PARAM } from '$lib/app/params';

/** The most seeded outliers the "add outlier" button places. */
export const MAX_OUTLIERS = 10;

/** L03's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** Huber's threshold δ (error units), shared by the curves and the outlier fit */
	delta: { kind: 'number', default: 1, min: 0.1, max: 10, step: 0.05 },
	/** focal-loss focusing parameter γ */
	gamma: { kind: 'number', default: 2, min: 0, max: 5, step: 0.5 },
	/** number of classes K of the cross-entropy curve */
	k: { kind: 'number', default: 10, min: 2, max: 100, step: 1, integer: true },
	/** the sigmoid unit's logit z in the saturation widget */
	z: { kind: 'number', default: -4, min: -10, max: 10, step: 0.1 },
	/** seeded outliers added to the regression points */
	out: { kind: 'number', default: 0, min: 0, max: MAX_OUTLIERS, step: 1, integer: true },
	/** standard deviation of the noise on the clean points (y units) */
	noise: { kind: 'number', default: 0.5, min: 0, max: 2, step: 0.1 },
	/** initial learning rate η₀ of the three fits (above 2 the MSE fit diverges; 10 shows it) */
	lr: { kind: 'number', default: 0.5, min: 0.01, max: 10 },
	/** training steps per animation frame */
	spf: { kind: 'number', default: 20, min: 1, max: 100, step: 1, integer: true },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L03', slug: 'loss-functions', schema } as const;
