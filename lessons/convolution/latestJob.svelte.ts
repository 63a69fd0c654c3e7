import type { Engine } from '$lib/app/engine.svelte';

/**
 * Every LatestJob's computations run one after another, so at most one read-back is in flight
 * (ARCHITECTURE.md convention 4). It matters: on WebGPU (tfjs 4.22), read-backs of several jobs in
 * flight at once left one tensor registered after quick edits; serialised, none (e2e leak test).
 */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it. */
function serial<T>(task: () => Promise<T>): Promise<T> {
	const run = queue.then(task);
	queue = run.catch(() => undefined);
	return run;
}

/** A finished computation and the key of the request it answers. */
export interface JobResult<R> {
	key: string;
	value: R;
}

/**
 * Runs an asynchronous tensor computation (upload, ops in tf.tidy, one read-back) for the latest
 * request only: at most one is in flight; requests made meanwhile replace each other and the last
 * one runs next. Waits for the engine's backend; a result from before a GPU device loss is dropped
 * and the last request runs again on the new backend. `result.key` tells which request it answers,
 * so the page can fall back to the loop result while the tensor result is stale.
 */
export class LatestJob<Q, R> {
	/** The newest result (reactive). */
	result = $state.raw<JobResult<R> | null>(null);
	/** Why the last computation failed, if it did. */
	error = $state<string | null>(null);

	readonly #compute: (request: Q) => Promise<R>;
	#next: { key: string; request: Q } | null = null;
	#last: { key: string; request: Q } | null = null;
	#busy = false;
	/** The key of the computation in flight, if any. */
	#running: string | null = null;
	#ready = false;
	#generation = 0;
	#destroyed = false;
	readonly #unsubscribe: () => void;

	constructor(engine: Engine, compute: (request: Q) => Promise<R>) {
		this.#compute = compute;
		this.#unsubscribe = engine.subscribe((e) => {
			if (e.type === 'lost') {
				this.#ready = false;
				this.#generation++;
				return;
			}
			this.#ready = true;
			if (!this.#next && this.#last && this.result?.key !== this.#last.key) this.#next = this.#last;
			void this.#pump();
		});
		void engine.ready().then(() => {
			this.#ready = true;
			void this.#pump();
		});
	}

	/** Asks for the computation of `request`, identified by `key` (nothing happens if it is the latest result). */
	request(key: string, request: Q): void {
		if (this.#destroyed) return;
		this.#last = { key, request };
		// Already answered, or being answered: an effect that re-runs when a result lands must not
		// queue the same computation again (on CPU and WASM that loop never yielded to the page).
		if (key === this.#running || (this.result?.key === key && !this.#busy)) {
			this.#next = null;
			return;
		}
		this.#next = this.#last;
		void this.#pump();
	}

	/** Stops: no more computations, results are ignored. */
	destroy(): void {
		this.#destroyed = true;
		this.#next = null;
		this.#unsubscribe();
	}

	async #pump(): Promise<void> {
		if (this.#busy || !this.#ready || this.#destroyed || !this.#next) return;
		const job = this.#next;
		this.#next = null;
		this.#busy = true;
		this.#running = job.key;
		const generation = this.#generation;
		try {
			const value = await serial(() => this.#compute(job.request));
			if (!this.#destroyed && generation === this.#generation) {
				this.result = { key: job.key, value };
				this.error = null;
			}
		} catch (e) {
			if (!this.#destroyed && generation === this.#generation) this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.#busy = false;
			this.#running = null;
			if (generation !== this.#generation && !this.#next) this.#next = job;
			void this.#pump();
		}
	}
}
