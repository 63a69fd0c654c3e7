import { defineSchema, SEED_PARAM } from '$lib/app/params';

/** Activation functions the lesson offers, in display order. */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu'] as const;

/** Weight initialisations the depth experiment offers. */
export const INITS = ['xavier', 'he', 'normal', 'small'] as const;

/** 2-D datasets the depth experiment trains on. */
export const DATASETS = ['moons', 'circle', 'xor', 'spiral'] as const;

/** L02's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** activation used by the curves highlight and by the depth experiment */
	act: { kind: 'enum', default: 'sigmoid', options: ACTIVATIONS },
	/** leaky-ReLU negative slope */
	alpha: { kind: 'number', default: 0.1, min: 0.01, max: 0.5, step: 0.01 },
	/** softmax temperature */
	temp: { kind: 'number', default: 1, min: 0.05, max: 10, step: 0.05 },
	/** softmax logits z1..z5 */
	z1: { kind: 'number', default: 2, min: -1000, max: 1000, step: 0.1 },
	z2: { kind: 'number', default: 1, min: -1000, max: 1000, step: 0.1 },
	z3: { kind: 'number', default: 0.5, min: -1000, max: 1000, step: 0.1 },
	z4: { kind: 'number', default: -1, min: -1000, max: 1000, step: 0.1 },
	z5: { kind: 'number', default: -2, min: -1000, max: 1000, step: 0.1 },
	/** number of hidden layers of the depth experiment */
	depth: { kind: 'number', default: 10, min: 2, max: 20, step: 1, integer: true },
	/** units per hidden layer */
	width: { kind: 'number', default: 16, min: 2, max: 16, step: 1, integer: true },
	/** weight initialisation */
	init: { kind: 'enum', default: 'xavier', options: INITS },
	/** SGD learning rate */
	lr: { kind: 'number', default: 0.1, min: 0.0001, max: 10 },
	/** training set */
	data: { kind: 'enum', default: 'moons', options: DATASETS },
	/** training steps per animation frame */
	spf: { kind: 'number', default: 2, min: 1, max: 100, step: 1, integer: true },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L02', slug: 'activation-functions', schema } as const;
