import { defineSchema, SEED_PARAM } from '$lib/app/params';

/** Pooling kinds, as the URL and the model name them. */
export const POOLS = ['max', 'avg'] as const;

/** Kernel sizes of both convolutions (URL values; the model takes the number). */
export const KERNELS = ['3', '5'] as const;

/** Pooling window sizes (window = stride). */
export const POOL_SIZES = ['2', '3'] as const;

/** The layers of the CNN in order, as the model's LayerInfo ids name them. */
export const LAYER_IDS = ['input', 'conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'flatten', 'dense', 'softmax'] as const;

/** The layers whose outputs are feature maps ([H, W, C]) and can be shown as tiles. */
export const MAP_LAYERS = ['input', 'conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2'] as const;

/** Where the feature maps' input comes from: a validation digit or the learner's drawing. */
export const SOURCES = ['digit', 'drawing'] as const;

/** Colour range of the feature-map tiles: one for the whole layer, or one per channel. */
export const MAP_SCALES = ['shared', 'channel'] as const;

/** Validation digits in the shipped subset (200 per class). */
export const N_VAL = 2000;
/** Training digits in the shipped subset (1,200 per class). */
export const N_TRAIN = 12000;

/** Validation accuracy is measured every this many training steps while training runs. */
export const EVAL_EVERY = 200;

/** L10's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** conv1 output channels (filters) */
	filters1: { kind: 'number', default: 8, min: 2, max: 16, step: 1, integer: true },
	/** conv2 output channels (filters) */
	filters2: { kind: 'number', default: 16, min: 4, max: 32, step: 1, integer: true },
	/** kernel size of both convolutions ('same' zero padding, stride 1) */
	kernel: { kind: 'enum', default: '5', options: KERNELS },
	/** pooling kind of both pooling layers */
	pool: { kind: 'enum', default: 'max', options: POOLS },
	/** pooling window and stride */
	poolSize: { kind: 'enum', default: '2', options: POOL_SIZES },
	/** Adam learning rate (10 shows a run diverging: the first steps make the loss explode) */
	lr: { kind: 'number', default: 0.003, min: 0.0001, max: 10 },
	/** minibatch size */
	batch: { kind: 'number', default: 64, min: 16, max: 256, step: 1, integer: true },
	/** training steps per animation frame */
	spf: { kind: 'number', default: 4, min: 1, max: 100, step: 1, integer: true },
	/** index of the validation digit whose feature maps are shown */
	digit: { kind: 'number', default: 0, min: 0, max: N_VAL - 1, step: 1, integer: true },
	/** feature maps of the chosen validation digit or of the drawing */
	src: { kind: 'enum', default: 'digit', options: SOURCES },
	/** the layer shown large (and in the architecture diagram) */
	layer: { kind: 'enum', default: 'conv1', options: LAYER_IDS },
	/** selected channel of the shown layer (its filter is shown for conv layers) */
	ch: { kind: 'number', default: 0, min: 0, max: 31, step: 1, integer: true },
	/** colour range of the feature-map tiles */
	fscale: { kind: 'enum', default: 'shared', options: MAP_SCALES },
	/** selected confusion-matrix cell, truth * 10 + prediction (-1: none) */
	cell: { kind: 'number', default: -1, min: -1, max: 99, step: 1, integer: true },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L10', slug: 'cnn', schema } as const;
