import type { Engine } from '$lib/app/engine.svelte';
import type { ParamValues } from '$lib/app/params';
import type { FeatureMap } from '$lib/ml/functions/convLoop';
import { convOutputShape } from '$lib/ml/functions/convShape';
import { poolFeatureMap } from '$lib/ml/functions/convTf';
import { pool2dLoop, poolGeometry, type PoolKind } from '$lib/ml/functions/poolLoop';
import type { ConvLab } from './convLab.svelte';
import { maxAbsDiff } from './convLab.svelte';
import { LatestJob } from './latestJob.svelte';
import type { schema } from './meta';

/** Pooling of the main widget's feature map: loops at once, tf.maxPool / tf.avgPool once they answer. */
export class PoolLab {
	readonly tf: LatestJob<{ x: FeatureMap; kind: PoolKind; size: number; stride: number }, FeatureMap>;
	readonly #lab: ConvLab;
	readonly #values: () => ParamValues<typeof schema>;

	constructor(engine: Engine, lab: ConvLab, values: () => ParamValues<typeof schema>) {
		this.#lab = lab;
		this.#values = values;
		this.tf = new LatestJob(engine, (q) => poolFeatureMap(q.x, q.kind, q.size, q.stride));
	}

	readonly kind = $derived.by(() => this.#values().pool);
	readonly size = $derived.by(() => this.#values().psize);
	readonly stride = $derived.by(() => this.#values().pstride);
	/** The map pooled: the feature map of the main widget. */
	readonly source = $derived.by(() => this.#lab.output);
	readonly outShape = $derived.by(() => 
		convOutputShape(this.source.shape[0], this.source.shape[1], poolGeometry(this.size, this.stride, 'valid'))
	);
	readonly loop = $derived.by(() => pool2dLoop(this.source, this.kind, this.size, this.stride));
	readonly key = $derived.by(() => `${this.#lab.key}|${this.kind}:${this.size}:${this.stride}`);
	readonly tfMap = $derived.by(() => this.tf.result?.key === this.key ? this.tf.result.value : null);
	readonly output = $derived.by(() => this.tfMap ?? this.loop);
	readonly tfDiff = $derived.by(() => this.tfMap ? maxAbsDiff(this.tfMap.data, this.loop.data) : null);

	/** Sends the current request to the tensor path (call from an effect). */
	requestTf(): void {
		if (this.outShape[0] === 0) return;
		this.tf.request(this.key, { x: this.source, kind: this.kind, size: this.size, stride: this.stride });
	}

	destroy(): void {
		this.tf.destroy();
	}
}
