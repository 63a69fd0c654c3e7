import { defineSchema, SEED_PARAM } from '$lib/app/params';

/** Activation functions offered for the hidden layers, in display order. */
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'leakyRelu', 'elu', 'gelu'] as const;

/** The 2-D datasets, in display order. */
export const DATASETS = ['circle', 'xor', 'moons', 'spiral', 'blobs'] as const;

/** Most hidden layers and most units per hidden layer. */
export const MAX_LAYERS = 4;
export const MAX_UNITS = 8;

/** URL keys of the per-layer widths, layer 1 (next to the input) first. */
export const WIDTH_KEYS = ['h1', 'h2', 'h3', 'h4'] as const;

/** Most points the learner may add by clicking. */
export const MAX_ADDED = 200;

const units = (d: number) => ({ kind: 'number', default: d, min: 1, max: MAX_UNITS, step: 1, integer: true }) as const;

/** L01's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** the dataset */
	data: { kind: 'enum', default: 'circle', options: DATASETS },
	/** Gaussian jitter of the points (std, input units) */
	noise: { kind: 'number', default: 0.05, min: 0, max: 0.5, step: 0.01 },
	/** number of hidden layers (0 = logistic regression) */
	layers: { kind: 'number', default: 1, min: 0, max: MAX_LAYERS, step: 1, integer: true },
	/** units in hidden layers 1-4 (only the first `layers` are used) */
	h1: units(4),
	h2: units(4),
	h3: units(4),
	h4: units(4),
	/** hidden-layer activation */
	act: { kind: 'enum', default: 'tanh', options: ACTIVATIONS },
	/** SGD learning rate */
	lr: { kind: 'number', default: 0.3, min: 0.001, max: 10 },
	/** minibatch size (the training set size or more = full batch) */
	batch: { kind: 'number', default: 20, min: 1, max: 400, step: 1, integer: true },
	/** training steps per animation frame */
	spf: { kind: 'number', default: 5, min: 1, max: 100, step: 1, integer: true },
	/** the data plot also shows the test points */
	test: { kind: 'boolean', default: false },
	/** clicks on the data plot add class-1 points (else class 0; shift-click adds the other class) */
	add1: { kind: 'boolean', default: false },
	/** index of the training sample traced in step mode */
	pick: { kind: 'number', default: 0, min: 0, max: 399, step: 1, integer: true },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L01', slug: 'backpropagation', schema } as const;

/** The hidden sizes the values ask for: the first `layers` of h1..h4. */
export function hiddenOf(values: { layers: number; h1: number; h2: number; h3: number; h4: number }): number[] {
	return WIDTH_KEYS.slice(0, values.layers).map((k) => values[k]);
}
