/**
 * The messages between L10's page and its training worker (cnnWorker.ts, handled by cnnHost.ts).
 * Plain data only; large typed arrays are transferred. Every request that can race a rebuild
 * carries the `epoch` of the model it is meant for (the page counts builds); the worker ignores
 * requests for another epoch and the page drops answers of an older one.
 */
import type { LayerMaps } from '$lib/ml/probe/featureMaps';
import type { DigitCnnConfig, DigitCnnEvaluation, DigitCnnStats } from '$lib/ml/models/digitCnn';

/** The backends the worker runs (the synchronous ones). */
export type WorkerBackend = 'wasm' | 'cpu';

/** A DigitSet as sent: labels and images are transferred (the sender keeps its own copies). */
export interface WireDigits {
	count: number;
	rows: number;
	cols: number;
	labels: Uint8Array;
	images: Uint8Array;
}

/** Page to worker. */
export type ToWorker =
	/** Once: start tfjs on `backend` (WASM from `wasmPaths`, absolute URLs) and keep the digits. */
	| { type: 'init'; backend: WorkerBackend; wasmPaths?: Record<string, string>; train: WireDigits; val: WireDigits }
	/** Throws the model away and builds a fresh one; answered by step-0 stats or an error. */
	| { type: 'build'; epoch: number; config: DigitCnnConfig }
	/** Trains back to back until paused, rebuilt or diverged. */
	| { type: 'play'; epoch: number }
	/** Stops after the step in progress; answered by the last step's stats. */
	| { type: 'pause'; epoch: number }
	/** Pauses and runs exactly one step; answered by its stats. */
	| { type: 'step'; epoch: number }
	/** Live settings: `lr`, `batch` (the model's configure) and `spf` (most steps per 1/60 s). */
	| { type: 'configure'; epoch: number; patch: Record<string, number | string | boolean> }
	/** Feature maps of `image` (784 floats in [0, 1], or null for none) and, if asked, the filters. */
	| { type: 'probe'; epoch: number; id: number; image: Float32Array | null; filters: boolean }
	/** A validation pass over the validation digits. */
	| { type: 'evaluate'; epoch: number; id: number }
	/** Frees the model (the page terminates the worker after). */
	| { type: 'dispose' };

/** Worker to page. */
export type FromWorker =
	/** Init done: tfjs runs on `backend`. */
	| { type: 'ready'; backend: string }
	/**
	 * Training stats of the latest step (`step` steps taken; 0 = the fresh model). `played` counts
	 * the steps of continuous training since the previous stats; `running` says whether the loop
	 * still runs; `tensors` is the worker's live tensor count.
	 */
	| { type: 'stats'; epoch: number; step: number; stats: DigitCnnStats; played: number; running: boolean; tensors: number }
	| { type: 'probe'; epoch: number; id: number; maps: LayerMaps[] | null; filters: { conv1: LayerMaps; conv2: LayerMaps } | null }
	/** A validation pass of the model after `step` steps (`tensors`: the worker's live count after it). */
	| { type: 'evaluation'; epoch: number; id: number; step: number; result: DigitCnnEvaluation; tensors: number }
	/** A request failed (`id` when it had one; `epoch` when it concerned a model). */
	| { type: 'error'; message: string; epoch?: number; id?: number; request?: string }
	| { type: 'disposed'; tensors: number };

/** The buffers of a message that can be transferred. */
export function transferables(msg: ToWorker | FromWorker): ArrayBuffer[] {
	const out: ArrayBuffer[] = [];
	const add = (a: ArrayBufferView | null | undefined) => {
		if (a && a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
	};
	switch (msg.type) {
		case 'init':
			for (const d of [msg.train, msg.val]) (add(d.labels), add(d.images));
			break;
		case 'probe':
			if ('image' in msg) add(msg.image);
			else {
				for (const m of msg.maps ?? []) add(m.data);
				if (msg.filters) (add(msg.filters.conv1.data), add(msg.filters.conv2.data));
			}
			break;
		case 'evaluation':
			add(msg.result.predicted);
			break;
	}
	return out;
}
