import type { Engine } from '$lib/app/engine.svelte';
import type { ParamValues } from '$lib/app/params';
import { conv2dLoop, type FeatureMap } from '$lib/ml/functions/convLoop';
import { convParams, type ConvGeometry } from '$lib/ml/functions/convShape';
import { convFeatureMap } from '$lib/ml/functions/convTf';
import { channelSlice, channelWeights, colourChannels, kernelSlice } from './channels';
import type { ConvLab } from './convLab.svelte';
import { maxAbsDiff } from './convLab.svelte';
import { LatestJob } from './latestJob.svelte';
import type { schema } from './meta';

/**
 * The multi-channel view: the input as C_in channels, C_out x C_in kernels of K x K (the main
 * widget's K and geometry), the C_out feature maps (loops at once, tf.conv2d once it answers) and
 * the parameter counts.
 */
export class ChannelsLab {
	readonly tf: LatestJob<{ x: FeatureMap; w: Float32Array; cout: number; g: ConvGeometry }, FeatureMap>;
	readonly #lab: ConvLab;
	readonly #values: () => ParamValues<typeof schema>;

	constructor(engine: Engine, lab: ConvLab, values: () => ParamValues<typeof schema>) {
		this.#lab = lab;
		this.#values = values;
		this.tf = new LatestJob(engine, (q) => convFeatureMap(q.x, q.w, q.cout, q.g));
	}

	readonly cin = $derived.by(() => this.#values().cin);
	readonly cout = $derived.by(() => this.#values().cout);
	readonly k = $derived.by(() => this.#values().k);
	readonly input = $derived.by(() => colourChannels(this.#lab.image, this.#lab.side, this.#lab.side, this.cin));
	readonly weights = $derived.by(() => channelWeights(this.k, this.cin, this.cout, this.#values().wts, this.#values().seed));
	readonly loop = $derived.by(() => conv2dLoop(this.input, this.weights, this.cout, this.#lab.geometry));
	readonly key = $derived.by(() => 
		`${this.#lab.imageKey}|${this.cin}x${this.cout}|${this.#values().wts}:${this.#values().seed}|${JSON.stringify(this.#lab.geometry)}`
	);
	readonly tfMap = $derived.by(() => this.tf.result?.key === this.key ? this.tf.result.value : null);
	readonly output = $derived.by(() => this.tfMap ?? this.loop);
	readonly tfDiff = $derived.by(() => this.tfMap ? maxAbsDiff(this.tfMap.data, this.loop.data) : null);

	/** Input channels, kernels (row-major over output x input channel) and output maps as plain arrays. */
	readonly inputMaps = $derived.by(() => Array.from({ length: this.cin }, (_, i) => channelSlice(this.input, i)));
	readonly kernels = $derived.by(() => 
		Array.from({ length: this.cout * this.cin }, (_, j) =>
			kernelSlice(this.weights, this.k, this.cin, this.cout, j % this.cin, Math.floor(j / this.cin))
		)
	);
	readonly outputMaps = $derived.by(() => Array.from({ length: this.cout }, (_, o) => channelSlice(this.output, o)));

	/** Parameter counts: weights only, and with one bias per output channel. */
	readonly weightCount = $derived.by(() => convParams(this.k, this.cin, this.cout, false));
	readonly totalCount = $derived.by(() => convParams(this.k, this.cin, this.cout, true));
	/** Weights of a dense layer from the whole input to the whole output, for comparison. */
	readonly denseCount = $derived.by(() => 
		this.#lab.side * this.#lab.side * this.cin * this.#lab.outShape[0] * this.#lab.outShape[1] * this.cout
	);

	/** Sends the current request to the tensor path (call from an effect). */
	requestTf(): void {
		if (this.#lab.count === 0) return;
		this.tf.request(this.key, { x: this.input, w: this.weights, cout: this.cout, g: this.#lab.geometry });
	}

	destroy(): void {
		this.tf.destroy();
	}
}
