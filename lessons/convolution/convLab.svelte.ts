import type { Engine } from '$lib/app/engine.svelte';
import type { ParamValues } from '$lib/app/params';
import type { DigitSet } from '$lib/ml/data/mnist';
import { conv2dLoop, dotTerms, windowTaps, type FeatureMap } from '$lib/ml/functions/convLoop';
import { convOutputShape, convPads, type ConvGeometry } from '$lib/ml/functions/convShape';
import { convFeatureMap } from '$lib/ml/functions/convTf';
import { kernelWeights } from '$lib/ml/functions/kernels';
import { digitPixels, scaleImage, shapeImage } from './input';
import { fitKernel } from './kernelState';
import { LatestJob } from './latestJob.svelte';
import { FULL_SIDE, type schema } from './meta';

/** A picture the learner drew or uploaded (never part of a link). */
export interface CustomImage {
	pixels: Float32Array;
	kind: 'drawn' | 'uploaded';
	/** File name of an upload. */
	name: string;
}

/** What the lesson's tensor path computes: one single-channel convolution. */
interface ConvRequest {
	x: FeatureMap;
	w: Float32Array;
	g: ConvGeometry;
}

/** Largest |a_i - b_i| (Infinity when the lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
	if (a.length !== b.length) return Infinity;
	let m = 0;
	for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
	return m;
}

/**
 * The single-channel convolution the main widget shows, derived from the lesson's parameters and
 * the input sources: the input image at W x W, the geometry, the padded grid, the feature map
 * (loops at once, then tf.conv2d on the selected backend, with their largest difference), the
 * window position with its taps and the worked dot product.
 */
export class ConvLab {
	/** The validation digits once loaded. */
	digits = $state.raw<DigitSet | null>(null);
	/** Why the digits could not be loaded (a DigitFileError or another error), if they could not. */
	digitError = $state.raw<unknown>(null);
	/** The learner's drawing or upload. */
	custom = $state.raw<CustomImage | null>(null);
	/** Bumped on every new drawing or upload (part of the tensor request key). */
	customVersion = $state(0);

	readonly tf: LatestJob<ConvRequest, FeatureMap>;
	readonly #values: () => ParamValues<typeof schema>;

	constructor(engine: Engine, values: () => ParamValues<typeof schema>) {
		this.#values = values;
		this.tf = new LatestJob(engine, (q) => convFeatureMap(q.x, q.w, 1, q.g));
	}

	/** The source actually shown: a missing drawing falls back to the digit, missing digits to the shape. */
	readonly source = $derived.by((): 'digit' | 'shape' | 'custom' => {
		const src = this.#values().src;
		if (src === 'custom' && this.custom) return 'custom';
		if (src === 'shape' || !this.digits) return 'shape';
		return 'digit';
	});

	/** The picture at full resolution (FULL_SIDE²), values in [0, 1]. */
	readonly full = $derived.by((): Float32Array => {
		if (this.source === 'custom' && this.custom) return this.custom.pixels;
		if (this.source === 'digit' && this.digits) return digitPixels(this.digits, this.#values().digit);
		return shapeImage(FULL_SIDE);
	});

	/** The input side W. */
	readonly side = $derived.by(() => this.#values().size);
	/** The input, W x W. */
	readonly image = $derived.by(() => scaleImage(this.full, FULL_SIDE, this.side));
	/** Identifies the input for request keys. */
	readonly imageKey = $derived.by(() => `${this.source}:${this.#values().digit}:${this.side}:${this.customVersion}`);

	readonly geometry = $derived.by((): ConvGeometry => {
		const v = this.#values();
		return { kernel: v.k, stride: v.stride, dilation: v.dil, padding: v.pad, pad: v.p };
	});
	readonly pads = $derived.by(() => convPads(this.side, this.side, this.geometry));
	readonly outShape = $derived.by(() => convOutputShape(this.side, this.side, this.geometry));
	/** Number of window positions (output cells). */
	readonly count = $derived.by(() => this.outShape[0] * this.outShape[1]);

	/** The kernel's cells (K² entries) and its float weights. */
	readonly cells = $derived.by(() => fitKernel(this.#values().kern, this.#values().k).cells);
	readonly weights = $derived.by(() => kernelWeights(this.cells, this.#values().kdiv));

	/** The feature map by loops (always available at once). */
	readonly loop = $derived.by(() => conv2dLoop({ data: this.image, shape: [this.side, this.side, 1] }, this.weights, 1, this.geometry));
	/** Identifies the current tensor request. */
	readonly key = $derived.by(() => `${this.imageKey}|${this.cells.join(',')}/${this.#values().kdiv}|${JSON.stringify(this.geometry)}`);
	/** The tensor result when it answers the current request. */
	readonly tfMap = $derived.by(() => this.tf.result?.key === this.key ? this.tf.result.value : null);
	/** The map shown: tf.conv2d's once it arrived, the loops' until then. */
	readonly output = $derived.by(() => this.tfMap ?? this.loop);
	/** Largest difference between the tf.conv2d and the loop result (null while pending). */
	readonly tfDiff = $derived.by(() => this.tfMap ? maxAbsDiff(this.tfMap.data, this.loop.data) : null);

	/** The padded input grid (zeros around the image) and where the image sits in it. */
	readonly padded = $derived.by(() => {
		const p = this.pads;
		const W = this.side;
		const rows = W + p.top + p.bottom;
		const cols = W + p.left + p.right;
		const values = new Float32Array(rows * cols);
		for (let r = 0; r < W; r++) values.set(this.image.subarray(r * W, (r + 1) * W), (r + p.top) * cols + p.left);
		return { values, rows, cols, inner: { top: p.top, left: p.left, rows: W, cols: W } };
	});

	/** The window position (output cell), clamped to the output. */
	readonly position = $derived.by(() => {
		const [oh, ow] = this.outShape;
		if (oh === 0) return null;
		const i = Math.max(0, Math.min(oh * ow - 1, this.#values().pos));
		return { index: i, row: Math.floor(i / ow), col: i % ow };
	});
	readonly taps = $derived.by(() => 
		this.position ? windowTaps(this.position.row, this.position.col, this.side, this.side, this.geometry) : []
	);
	/** The worked dot product at the window, in kernel cells (divide the sum by the divisor). */
	readonly terms = $derived.by(() => 
		this.position
			? dotTerms(this.image, this.side, this.side, this.cells, this.position.row, this.position.col, this.geometry)
			: []
	);

	/** Sends the current request to the tensor path (call from an effect). */
	requestTf(): void {
		if (this.count === 0) return;
		this.tf.request(this.key, {
			x: { data: this.image, shape: [this.side, this.side, 1] },
			w: this.weights,
			g: this.geometry
		});
	}

	/** Stops the tensor path. */
	destroy(): void {
		this.tf.destroy();
	}
}
