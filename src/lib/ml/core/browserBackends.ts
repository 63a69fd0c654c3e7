/**
 * Registers and probes tfjs backends in the browser: WebGPU (our own factory, so we know the
 * adapter and can watch for device loss), WebGL, WASM (single-threaded) and CPU.
 * Framework-free; the app passes in the asset URLs and flags.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no backend. WASM registers itself with the import below, WebGPU is
// registered by installBackends with our own factory, and WebGL and CPU, fallbacks the lesson
// measurement never picks while WebGPU and WASM work, are loaded (and so registered) only when they
// are tried (BACKEND_MODULES). Importing core and the backends instead of the '@tensorflow/tfjs'
// bundle leaves out tfjs-layers, -converter and -data, which no lesson uses. Neither are the
// autodiff gradients registered (no lesson uses tf.grad): a model that does imports
// '@tensorflow/tfjs-core/dist/register_all_gradients'.
import { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { isStarted, prewarmBackend } from './prewarm';
import {
	isSoftwareAdapter,
	selectBackend,
	type AdapterDescription,
	type Attempt,
	type BackendChoice,
	type BackendName,
	type FailureCode
} from './backendSelect';

/** Where the WASM binaries are served from: a folder URL, or file name -> URL. */
export type WasmPaths = string | Record<string, string>;

/** Options for `installBackends`. */
export interface InstallOptions {
	wasmPaths: WasmPaths;
	/** tfjs environment flags to set before any backend starts (e.g. from a test hook). */
	flags?: Record<string, number | boolean>;
	/**
	 * Start the WASM backend (download, compile, instantiate) at once, beside whichever backend is
	 * chosen first, without making it the active one (see `prewarmBackend`).
	 */
	prewarmWasm?: boolean;
}

/** Details of a GPU device loss. */
export interface DeviceLoss {
	reason: string;
	message: string;
}

type MinimalAdapter = {
	features: ReadonlySet<string>;
	limits: Record<string, number>;
	info?: Record<string, unknown>;
	isFallbackAdapter?: boolean;
	requestDevice(desc?: unknown): Promise<MinimalDevice>;
};
type MinimalDevice = {
	lost: Promise<{ reason: string; message: string }>;
	destroy(): void;
	addEventListener?(type: 'uncapturederror', listener: (e: Event) => void): void;
};
type MinimalGpu = { requestAdapter(opts?: unknown): Promise<MinimalAdapter | null> };

class BackendFailure extends Error {
	constructor(
		readonly code: FailureCode,
		detail: string
	) {
		super(detail);
	}
}

let installed = false;
let pendingAdapter: MinimalAdapter | null = null;
let adapterDescription: AdapterDescription | null = null;
let currentDevice: MinimalDevice | null = null;
let lossListener: ((loss: DeviceLoss) => void) | null = null;
let gpuErrorListener: ((message: string) => void) | null = null;
let retiring = new WeakSet<object>();

function gpuApi(): MinimalGpu | null {
	const nav = (globalThis as { navigator?: { gpu?: MinimalGpu } }).navigator;
	return nav?.gpu ?? null;
}

function describeAdapter(adapter: MinimalAdapter): AdapterDescription {
	const info = (adapter.info ?? {}) as Record<string, unknown>;
	const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : '');
	const fallback = (info.isFallbackAdapter as boolean | undefined) ?? adapter.isFallbackAdapter;
	const base = { vendor: str('vendor'), architecture: str('architecture'), device: str('device'), description: str('description') };
	return { ...base, software: isSoftwareAdapter({ ...base, isFallbackAdapter: fallback }) };
}

/** The WebGPU backend factory: uses the adapter found by the probe and watches the device. */
async function webgpuFactory(): Promise<WebGPUBackend> {
	const adapter = pendingAdapter ?? (await gpuApi()?.requestAdapter({ powerPreference: 'high-performance' }));
	pendingAdapter = null;
	if (!adapter) throw new BackendFailure('no-adapter', 'requestAdapter() returned null');
	const features = ['timestamp-query', 'bgra8unorm-storage'].filter((f) => adapter.features.has(f));
	const l = adapter.limits;
	const device = await adapter.requestDevice({
		requiredFeatures: features,
		requiredLimits: {
			maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
			maxComputeWorkgroupsPerDimension: l.maxComputeWorkgroupsPerDimension,
			maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
			maxBufferSize: l.maxBufferSize,
			maxComputeWorkgroupSizeX: l.maxComputeWorkgroupSizeX,
			maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
			// More inputs per kernel where the adapter allows (the default guarantee is 8).
			maxStorageBuffersPerShaderStage: l.maxStorageBuffersPerShaderStage
		}
	});
	// Validation and out-of-memory errors would otherwise only reach the console as warnings, and a
	// failed kernel silently drops its whole command buffer: report them as errors.
	device.addEventListener?.('uncapturederror', (e) => {
		const err = (e as unknown as { error?: { message?: string } }).error;
		gpuErrorListener?.(err?.message ?? 'unknown WebGPU error');
	});
	currentDevice = device;
	adapterDescription = describeAdapter(adapter);
	device.lost.then((info) => {
		// Only the device in use holds our tensors: one we retired, or one already replaced, is not
		// news (reporting it again brought a dismissed notice back after a recovery).
		if (retiring.has(device) || currentDevice !== device) return;
		currentDevice = null;
		lossListener?.({ reason: info.reason, message: info.message });
	});
	// The adapter info type differs between tfjs and the browser typings; tfjs only reads fields.
	return new WebGPUBackend(device as never, adapter.info as never);
}

/**
 * Registers the backends once: our WebGPU factory replaces the package's, WASM is pointed at the
 * bundled binaries and kept single-threaded (threaded WASM hangs in a minified build).
 */
export function installBackends(options: InstallOptions): void {
	if (installed) return;
	installed = true;
	setWasmPaths(options.wasmPaths);
	const env = tf.env();
	env.set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	for (const [k, v] of Object.entries(options.flags ?? {})) env.set(k, v);
	if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
	tf.registerBackend('webgpu', webgpuFactory, 3);
	// tfjs-backend-wasm registers itself with priority 2.
	if (options.prewarmWasm && typeof WebAssembly !== 'undefined') prewarmBackend('wasm', 2);
}

/** Calls `listener` whenever the GPU device in use is lost (not when we retire it ourselves). */
export function onDeviceLost(listener: ((loss: DeviceLoss) => void) | null): void {
	lossListener = listener;
}

/** Calls `listener` with the message of every uncaptured WebGPU error (validation, out of memory). */
export function onGpuError(listener: ((message: string) => void) | null): void {
	gpuErrorListener = listener;
}

function webglAvailable(): boolean {
	const doc = (globalThis as { document?: Document }).document;
	if (!doc) return false;
	const canvas = doc.createElement('canvas');
	const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
	if (!gl) return false;
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return true;
}

/** Backends whose code is fetched on first use; importing the module registers the backend. */
const BACKEND_MODULES: Partial<Record<BackendName, () => Promise<unknown>>> = {
	webgl: () => import('@tensorflow/tfjs-backend-webgl'),
	cpu: () => import('@tensorflow/tfjs-backend-cpu')
};

async function precheck(name: BackendName): Promise<void> {
	if (name === 'webgpu') {
		const gpu = gpuApi();
		if (!gpu) throw new BackendFailure('no-webgpu-api', 'navigator.gpu is not available');
		const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
		if (!adapter) throw new BackendFailure('no-adapter', 'navigator.gpu.requestAdapter() returned null');
		pendingAdapter = adapter;
	} else if (name === 'webgl') {
		if (!webglAvailable()) throw new BackendFailure('no-webgl', 'no WebGL context could be created');
	} else if (name === 'wasm') {
		if (typeof WebAssembly === 'undefined') throw new BackendFailure('no-wasm', 'WebAssembly is not available');
	}
}

async function selfTest(): Promise<boolean> {
	const t = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])));
	const v = await t.data();
	t.dispose();
	return v[0] === 19 && v[1] === 22 && v[2] === 43 && v[3] === 50;
}

/** Tries to make `name` the active tfjs backend; never rejects. */
export async function tryBackend(name: BackendName): Promise<Attempt> {
	const t0 = performance.now();
	const done = (ok: boolean, code?: FailureCode, detail?: string): Attempt => ({
		backend: name,
		ok,
		code,
		detail,
		ms: Math.round(performance.now() - t0)
	});
	try {
		await precheck(name);
		await BACKEND_MODULES[name]?.();
		const ok = await tf.setBackend(name);
		if (!ok) return done(false, 'init-failed', `tf.setBackend('${name}') returned false`);
		await tf.ready();
		if (!(await selfTest())) return done(false, 'self-test-failed', 'a 2x2 matMul gave a wrong result');
		return done(true);
	} catch (e) {
		if (e instanceof BackendFailure) return done(false, e.code, e.message);
		return done(false, 'init-failed', e instanceof Error ? e.message : String(e));
	}
}

/** Options for `chooseBackend`. */
export interface ChooseOptions {
	/**
	 * When nothing is requested and WebGPU's adapter turns out to be a software one, start WASM
	 * instead of WebGPU (reason 'software-gpu'). For an engine that measures backends per lesson
	 * and would take WASM at once on such an adapter anyway (tuneCandidates): starting WebGPU there
	 * only costs its device and a self-test whose shader SwiftShader compiles on the CPU, about
	 * 0.2 s of every lesson's cold start on a 2-core machine.
	 */
	skipSoftwareGpu?: boolean;
}

/** Selects and activates a backend: the requested one first, else WebGPU, WebGL, WASM, CPU. */
export async function chooseBackend(requested: BackendName | null, options: ChooseOptions = {}): Promise<BackendChoice> {
	if (!requested && options.skipSoftwareGpu) {
		const t0 = performance.now();
		const adapter = await gpuApi()
			?.requestAdapter({ powerPreference: 'high-performance' })
			.catch(() => null);
		const described = adapter ? describeAdapter(adapter) : null;
		if (described?.software) {
			const skipped: Attempt = {
				backend: 'webgpu',
				ok: false,
				code: 'software-adapter',
				detail: 'a software adapter: not started',
				ms: Math.round(performance.now() - t0)
			};
			const wasm = await tryBackend('wasm');
			if (wasm.ok) return { backend: 'wasm', reason: 'software-gpu', requested: null, attempts: [skipped, wasm], adapter: described };
		}
		// A hardware adapter (or none, or WASM failing) takes the usual order.
	}
	const choice = await selectBackend(tryBackend, requested);
	return { ...choice, adapter: choice.backend === 'webgpu' ? adapterDescription : null };
}

/**
 * Drops the WebGPU backend after its device was lost (its tensors are gone) and registers a
 * fresh factory, so the next `chooseBackend` starts from a new device.
 */
export function resetWebGpu(): void {
	if (currentDevice) retiring.add(currentDevice as object);
	currentDevice = null;
	if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
	tf.registerBackend('webgpu', webgpuFactory, 3);
}

/** Test hook: destroys the current GPU device, as a driver reset would. Returns false if none. */
export function destroyDeviceForTest(): boolean {
	if (!currentDevice) return false;
	currentDevice.destroy();
	return true;
}

/** Live tensor count and memory in use by tfjs (GPU bytes when the backend reports them). */
export function memoryInfo(): { numTensors: number; numBytes: number; gpuBytes: number | null } {
	const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
	return { numTensors: m.numTensors, numBytes: m.numBytes, gpuBytes: m.numBytesInGPU ?? null };
}

/** Forgets retirement bookkeeping (used between tests). */
export function resetBookkeepingForTest(): void {
	retiring = new WeakSet<object>();
}

/**
 * Makes `name` the active backend: a switch when it is already running, else a full try (probe,
 * start, self-test). Resolves false when it cannot be used; never rejects.
 */
export async function activateBackend(name: BackendName): Promise<boolean> {
	if (tf.getBackend() === name) return true;
	try {
		if (isStarted(name)) return await tf.setBackend(name);
	} catch {
		return false;
	}
	return (await tryBackend(name)).ok;
}

/** The active backend's name (null before any is set). */
export function activeBackend(): string | null {
	return tf.getBackend() ?? null;
}

/** The WebGPU adapter in use or last used (null when WebGPU never started). */
export function currentAdapter(): AdapterDescription | null {
	return adapterDescription;
}
