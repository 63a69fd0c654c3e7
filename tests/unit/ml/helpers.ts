import * as tf from '@tensorflow/tfjs-core';
import { beforeAll } from 'vitest';

/** Selects the tfjs cpu backend before the file's tests run. */
export function useCpuBackend(): void {
	beforeAll(async () => {
		await tf.setBackend('cpu');
		await tf.ready();
	});
}

/** What ran while `fn` executed: tensors built from JS values (engine.makeTensor) and kernel names. */
export interface EngineTrace<T> {
	result: T;
	uploads: number;
	kernels: string[];
}

/** Runs `fn` with the engine's makeTensor and runKernel wrapped, counting uploads and kernels. */
export function traceEngine<T>(fn: () => T): EngineTrace<T> {
	const engine = tf.engine() as unknown as {
		makeTensor: (...args: unknown[]) => unknown;
		runKernel: (name: string, ...args: unknown[]) => unknown;
	};
	const makeTensor = engine.makeTensor;
	const runKernel = engine.runKernel;
	let uploads = 0;
	const kernels: string[] = [];
	engine.makeTensor = function (...args: unknown[]) {
		uploads++;
		return makeTensor.apply(this, args);
	};
	engine.runKernel = function (name: string, ...args: unknown[]) {
		kernels.push(name);
		return runKernel.call(this, name, ...args);
	};
	try {
		return { result: fn(), uploads, kernels };
	} finally {
		delete (engine as Partial<typeof engine>).makeTensor;
		delete (engine as Partial<typeof engine>).runKernel;
	}
}
