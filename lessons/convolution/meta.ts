import { defineSchema, SEED_PARAM } from '$lib/app/params';
import { PADDING_MODES } from '$lib/ml/functions/convShape';
import { kernelPreset } from '$lib/ml/functions/kernels';
import { POOL_KINDS } from '$lib/ml/functions/poolLoop';

/** Where the input image comes from: a real MNIST digit, the built-in shape, or your drawing/upload. */
export const SOURCES = ['digit', 'shape', 'custom'] as const;

/** How the multi-channel view fills its weights. */
export const WEIGHT_MODES = ['structured', 'random'] as const;

/** What the output-size explorer puts on its x axis. */
export const EXPLORER_AXES = ['input', 'kernel', 'stride', 'dilation'] as const;

/** Largest kernel size; the kernel list holds at most MAX_K² cells. */
export const MAX_K = 7;

/** Side of the full-resolution input (MNIST digits are 28 x 28). */
export const FULL_SIDE = 28;

/** Digits in the validation split the digit picker draws from. */
export const DIGIT_COUNT = 2000;

const DEFAULT_KERNEL = kernelPreset('sobelX', 3);

/** L09's URL/parameter schema: every control of the lesson and the seed. */
export const schema = defineSchema({
	/** input image source */
	src: { kind: 'enum', default: 'digit', options: SOURCES },
	/** index of the digit in the validation split */
	digit: { kind: 'number', default: 0, min: 0, max: DIGIT_COUNT - 1, step: 1, integer: true },
	/** input side W in pixels (the image is downscaled to W x W) */
	size: { kind: 'number', default: FULL_SIDE, min: 5, max: FULL_SIDE, step: 1, integer: true },
	/** kernel size K */
	k: { kind: 'number', default: 3, min: 1, max: MAX_K, step: 1, integer: true },
	/** kernel cells, K x K row-major (weights = cells / kdiv) */
	kern: { kind: 'list', default: DEFAULT_KERNEL.cells, min: -1000, max: 1000, step: 0.01, minLength: 1, maxLength: MAX_K * MAX_K },
	/** divisor of the kernel cells */
	kdiv: { kind: 'number', default: DEFAULT_KERNEL.divisor, min: 1, max: 9999, step: 1, integer: true },
	/** stride S */
	stride: { kind: 'number', default: 1, min: 1, max: 4, step: 1, integer: true },
	/** padding mode */
	pad: { kind: 'enum', default: 'valid', options: PADDING_MODES },
	/** zeros on every side when the padding is custom */
	p: { kind: 'number', default: 1, min: 0, max: 4, step: 1, integer: true },
	/** dilation D */
	dil: { kind: 'number', default: 1, min: 1, max: 3, step: 1, integer: true },
	/** sliding-window position (output cell index, row-major; the default sits on the stroke of the default digit); clamped to the output size */
	pos: { kind: 'number', default: 329, min: 0, max: FULL_SIDE * FULL_SIDE - 1, step: 1, integer: true },
	/** animation speed, window positions per second */
	speed: { kind: 'number', default: 8, min: 1, max: 60, step: 1, integer: true },
	/** input channels of the multi-channel view */
	cin: { kind: 'number', default: 3, min: 1, max: 3, step: 1, integer: true },
	/** output channels of the multi-channel view */
	cout: { kind: 'number', default: 4, min: 1, max: 8, step: 1, integer: true },
	/** weights of the multi-channel view */
	wts: { kind: 'enum', default: 'structured', options: WEIGHT_MODES },
	/** pooling kind */
	pool: { kind: 'enum', default: 'max', options: POOL_KINDS },
	/** pooling window size */
	psize: { kind: 'number', default: 2, min: 2, max: 4, step: 1, integer: true },
	/** pooling stride */
	pstride: { kind: 'number', default: 2, min: 1, max: 4, step: 1, integer: true },
	/** x axis of the output-size explorer */
	xaxis: { kind: 'enum', default: 'input', options: EXPLORER_AXES },
	seed: SEED_PARAM
});

/** The lesson's id and slug (see lessons/catalog.ts). */
export const meta = { id: 'L09', slug: 'convolution', schema } as const;
