/**
 * Backend selection order and fallback, as pure logic: the browser-specific probing is injected,
 * so node tests can simulate WebGPU being absent or failing.
 */
import type { TuneDecision } from './backendTune';

/** The tfjs backends the app uses, fastest-first by default. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Default order: WebGPU, then WebGL, then WASM, then CPU. */
export const FALLBACK_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Why a backend could not be used (translated by the UI). */
export type FailureCode =
	| 'no-webgpu-api' // navigator.gpu missing (browser without WebGPU, or not a secure context)
	| 'no-adapter' // navigator.gpu.requestAdapter() returned null (blocked, flag off, no driver)
	| 'no-webgl' // no WebGL context could be created
	| 'no-wasm' // WebAssembly missing
	| 'init-failed' // tf.setBackend threw or returned false
	| 'self-test-failed' // the backend ran but computed a wrong result
	| 'device-lost' // the GPU device was lost
	| 'software-adapter'; // WebGPU's adapter emulates the GPU on the CPU: not started (see 'software-gpu')

/** The outcome of trying one backend. */
export interface Attempt {
	backend: BackendName;
	ok: boolean;
	code?: FailureCode;
	/** The underlying error message, for the curious (shown as text). */
	detail?: string;
	/** Milliseconds spent on the attempt. */
	ms: number;
}

/** The GPU adapter, when the chosen backend is WebGPU. */
export interface AdapterDescription {
	vendor: string;
	architecture: string;
	device: string;
	description: string;
	/** True for a software (fallback) adapter such as SwiftShader. */
	software: boolean;
}

/**
 * Why the chosen backend is in use. 'software-gpu': backends were to be measured and WebGPU's
 * adapter is a software one, so WASM was started instead of WebGPU (see chooseBackend).
 */
export type ChoiceReason = 'preferred' | 'forced' | 'fallback' | 'forced-failed' | 'measured' | 'software-gpu';

/** The result of backend selection. */
export interface BackendChoice {
	backend: BackendName;
	reason: ChoiceReason;
	/** What was asked for with `?backend=`, if anything. */
	requested: BackendName | null;
	/** Every attempt in order, failures included. */
	attempts: Attempt[];
	adapter: AdapterDescription | null;
	/** Set when reason is 'measured': the lesson the backend was measured on and the figures. */
	tuned?: TunedChoice;
}

/** A backend chosen by measuring a lesson's model (see backendTune.ts). */
export interface TunedChoice {
	/** the lesson (or model) the measurement belongs to */
	key: string;
	decision: TuneDecision;
	/** true when the decision came from this browser session's cache instead of a new measurement */
	cached: boolean;
	/** true once the measured lesson was left: the backend stays, but the page in view was not measured */
	kept?: boolean;
}

/** Tries one backend; resolves (never rejects) with the outcome. */
export type TryBackend = (name: BackendName) => Promise<Attempt>;

/**
 * Tries backends in order until one works. A forced backend is tried first; if it fails, the rest
 * of the default order follows (reason 'forced-failed'). CPU is the last resort and is assumed to
 * work; if even it fails, selection throws.
 */
export async function selectBackend(
	tryBackend: TryBackend,
	requested: BackendName | null = null,
	order: readonly BackendName[] = FALLBACK_ORDER
): Promise<Omit<BackendChoice, 'adapter'>> {
	const queue = requested ? [requested, ...order.filter((b) => b !== requested)] : [...order];
	const attempts: Attempt[] = [];
	for (const name of queue) {
		const attempt = await tryBackend(name);
		attempts.push(attempt);
		if (!attempt.ok) continue;
		let reason: ChoiceReason;
		if (requested) reason = name === requested ? 'forced' : 'forced-failed';
		else reason = attempts.length === 1 ? 'preferred' : 'fallback';
		return { backend: name, reason, requested, attempts };
	}
	throw new Error(`no backend works: ${attempts.map((a) => `${a.backend}: ${a.code}`).join(', ')}`);
}

/** Parses a `?backend=` value; 'auto', empty or unknown give null (no preference). */
export function parseBackend(value: string | null | undefined): BackendName | null {
	const v = (value ?? '').trim().toLowerCase();
	return (FALLBACK_ORDER as readonly string[]).includes(v) ? (v as BackendName) : null;
}

/** Decides whether a WebGPU adapter is a software one from what the browser reports. */
export function isSoftwareAdapter(info: {
	isFallbackAdapter?: boolean;
	vendor?: string;
	architecture?: string;
	description?: string;
}): boolean {
	if (info.isFallbackAdapter) return true;
	const text = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`.toLowerCase();
	return /swiftshader|llvmpipe|lavapipe|software|warp|microsoft basic render/.test(text);
}
