/**
 * L10's digit CNN as plain facts (no tensors): its configuration, the allowed ranges, and the layers
 * with their output shapes and parameter counts. Layout: input 28x28x1 -> conv(K, 'same') -> ReLU ->
 * pool(P, stride P, 'valid') -> conv(K, 'same') -> ReLU -> pool -> flatten -> dense(10) -> softmax.
 */

/** Pooling kind of both pooling layers. */
export type PoolKind = 'max' | 'avg';

/** What defines the digit CNN and its training. */
export interface DigitCnnConfig {
	/** conv1 output channels, 2..16 (default 8) */
	filters1: number;
	/** conv2 output channels, 4..32 (default 16) */
	filters2: number;
	/** kernel side of both convs ('same' zero padding, stride 1) (default 5) */
	kernel: 3 | 5;
	/** both pooling layers (default 'max') */
	pool: PoolKind;
	/** pooling window = stride (default 2): 28 -> 14 -> 7 with 2, 28 -> 9 -> 3 with 3 (floor) */
	poolSize: 2 | 3;
	/** Adam learning rate (default 0.003), changeable via configure({lr}) */
	lr: number;
	/** minibatch size 16..256 (default 64), changeable via configure({batch}) */
	batch: number;
	/** seeds the weights and the batch order */
	seed: number;
}

/** The layer ids, input side first. */
export const LAYER_IDS = ['input', 'conv1', 'relu1', 'pool1', 'conv2', 'relu2', 'pool2', 'flatten', 'dense', 'softmax'] as const;

/** One layer of the CNN. */
export interface LayerInfo {
	id: (typeof LAYER_IDS)[number];
	/** output of one example, no batch axis: [28,28,1], [28,28,8], ..., [10] (HWC for maps) */
	shape: number[];
	/** learnable parameters of this layer (weights + biases), 0 for relu/pool/flatten/softmax */
	params: number;
	/** e.g. [5,5,1,8] for conv1 (HWIO), [784,10] for dense */
	weightShape?: number[];
}

/** The defaults a learner starts from (reaches >= 95% validation accuracy in a few hundred steps). */
export const DIGIT_CNN_DEFAULTS: DigitCnnConfig = {
	filters1: 8,
	filters2: 16,
	kernel: 5,
	pool: 'max',
	poolSize: 2,
	lr: 0.003,
	batch: 64,
	seed: 1
};

/** Allowed ranges (inclusive) of the integer settings. */
export const DIGIT_CNN_LIMITS = {
	filters1: [2, 16],
	filters2: [4, 32],
	batch: [16, 256]
} as const;

/** Side of the input images (MNIST). */
export const DIGIT_SIDE = 28;
/** Number of classes (digits 0-9). */
export const DIGIT_CLASSES = 10;

const isIntIn = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;

/** Throws an Error naming the first setting outside its range. */
export function checkDigitCnnConfig(c: DigitCnnConfig): void {
	const bad = (what: string, v: unknown) => {
		throw new Error(`digitCnn: bad ${what} ${String(v)}`);
	};
	if (!isIntIn(c.filters1, DIGIT_CNN_LIMITS.filters1)) bad('filters1', c.filters1);
	if (!isIntIn(c.filters2, DIGIT_CNN_LIMITS.filters2)) bad('filters2', c.filters2);
	if (c.kernel !== 3 && c.kernel !== 5) bad('kernel', c.kernel);
	if (c.pool !== 'max' && c.pool !== 'avg') bad('pool', c.pool);
	if (c.poolSize !== 2 && c.poolSize !== 3) bad('poolSize', c.poolSize);
	if (!(Number.isFinite(c.lr) && c.lr > 0)) bad('lr', c.lr);
	if (!isIntIn(c.batch, DIGIT_CNN_LIMITS.batch)) bad('batch', c.batch);
	if (!Number.isFinite(c.seed)) bad('seed', c.seed);
}

/** Output side of a 'valid' pooling layer with window = stride = p: floor((n - p) / p) + 1. */
export function pooledSide(n: number, p: number): number {
	return Math.floor((n - p) / p) + 1;
}

/** Pure (no tensors): the layers of a config with shapes and parameter counts (validates it). */
export function describeDigitCnn(c: DigitCnnConfig): LayerInfo[] {
	checkDigitCnnConfig(c);
	const { filters1: f1, filters2: f2, kernel: k, poolSize: p } = c;
	const s0 = DIGIT_SIDE;
	const s1 = pooledSide(s0, p);
	const s2 = pooledSide(s1, p);
	const flat = s2 * s2 * f2;
	return [
		{ id: 'input', shape: [s0, s0, 1], params: 0 },
		{ id: 'conv1', shape: [s0, s0, f1], params: k * k * f1 + f1, weightShape: [k, k, 1, f1] },
		{ id: 'relu1', shape: [s0, s0, f1], params: 0 },
		{ id: 'pool1', shape: [s1, s1, f1], params: 0 },
		{ id: 'conv2', shape: [s1, s1, f2], params: k * k * f1 * f2 + f2, weightShape: [k, k, f1, f2] },
		{ id: 'relu2', shape: [s1, s1, f2], params: 0 },
		{ id: 'pool2', shape: [s2, s2, f2], params: 0 },
		{ id: 'flatten', shape: [flat], params: 0 },
		{ id: 'dense', shape: [DIGIT_CLASSES], params: flat * DIGIT_CLASSES + DIGIT_CLASSES, weightShape: [flat, DIGIT_CLASSES] },
		{ id: 'softmax', shape: [DIGIT_CLASSES], params: 0 }
	];
}

/** Total learnable parameters of a config. */
export function digitCnnParamCount(c: DigitCnnConfig): number {
	return describeDigitCnn(c).reduce((s, l) => s + l.params, 0);
}
