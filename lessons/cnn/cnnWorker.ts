/**
 * L10's training worker (a dedicated module worker the lesson starts on the WASM and CPU backends,
 * where a training step is a long synchronous task): tfjs on the backend the page chose, WASM
 * single-threaded from the page's own asset URLs; everything else is in cnnHost.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
// Importing a backend registers it (a classic worker bundle cannot load code later, so both are in).
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CnnHost } from './cnnHost';
import type { WorkerBackend } from './cnnProtocol';

/** The parts of the worker's global scope used here (the project's TS lib is DOM, not WebWorker). */
const scope = self as unknown as {
	postMessage(msg: unknown, transfer: Transferable[]): void;
	onmessage: ((e: MessageEvent) => void) | null;
};

async function initBackend(backend: WorkerBackend, wasmPaths?: Record<string, string>): Promise<void> {
	if (backend === 'wasm') {
		if (!wasmPaths) throw new Error('init: the WASM backend needs wasmPaths');
		setWasmPaths(wasmPaths);
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	}
	if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
	await tf.ready();
}

const host = new CnnHost({ post: (msg, transfer) => scope.postMessage(msg, transfer), initBackend });
scope.onmessage = (e: MessageEvent) => void host.handle(e.data);
