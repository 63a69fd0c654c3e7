/**
 * Starting a tfjs backend ahead of its use, beside the one in use.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Starts backend `name`'s initialisation now (for WASM: its binary's download, compile and
 * instantiation) without making it the active backend, and registers a factory that hands that
 * instance over on first use; a later start (after the first failed) begins afresh. The backend
 * must be registered, with `priority`, and not yet started; otherwise nothing happens. Returns
 * whether it was started.
 *
 * Why: measuring backends always tries WASM first, and it used to start only after the first
 * choice (WebGPU's device and self-test) was done. Started side by side, WASM is ready when the
 * lesson asks for it: about 0.2 s off L02's first trained step on a 2-core machine without a GPU.
 */
export function prewarmBackend(name: string, priority: number): boolean {
	const factory = tf.findBackendFactory(name);
	if (!factory || isStarted(name)) return false;
	let early: ReturnType<typeof factory> | null;
	try {
		early = factory();
	} catch {
		return false;
	}
	// A failure surfaces when the backend is tried (the engine then moves on), not here.
	void Promise.resolve(early).catch(() => undefined);
	tf.removeBackend(name);
	tf.registerBackend(
		name,
		() => {
			const first = early;
			early = null;
			return first ?? factory();
		},
		priority
	);
	return true;
}

/**
 * Whether backend `name` has a live instance. Unlike `tf.findBackend`, which starts a registered
 * backend as a side effect (and, for an asynchronous one such as WASM, answers null while a second
 * start is then begun by `tf.setBackend`: the binary was fetched and compiled twice).
 */
export function isStarted(name: string): boolean {
	return Object.hasOwn(tf.engine().registry, name);
}
