import { describe, expect, it } from 'vitest';
import {
	isSoftwareAdapter,
	parseBackend,
	selectBackend,
	type Attempt,
	type BackendName,
	type FailureCode
} from '$lib/ml/core/backendSelect';

/** A fake prober: backends listed in `failures` fail with that code, the rest work. */
function prober(failures: Partial<Record<BackendName, FailureCode>>) {
	const tried: BackendName[] = [];
	const tryBackend = async (name: BackendName): Promise<Attempt> => {
		tried.push(name);
		const code = failures[name];
		return code ? { backend: name, ok: false, code, ms: 1 } : { backend: name, ok: true, ms: 1 };
	};
	return { tried, tryBackend };
}

describe('backend fallback order', () => {
	it('prefers WebGPU when it works', async () => {
		const p = prober({});
		const c = await selectBackend(p.tryBackend);
		expect(c.backend).toBe('webgpu');
		expect(c.reason).toBe('preferred');
		expect(p.tried).toEqual(['webgpu']);
	});

	it('falls back to WebGL when WebGPU is absent, keeping the reason', async () => {
		const p = prober({ webgpu: 'no-webgpu-api' });
		const c = await selectBackend(p.tryBackend);
		expect(c.backend).toBe('webgl');
		expect(c.reason).toBe('fallback');
		expect(c.attempts[0]).toMatchObject({ backend: 'webgpu', ok: false, code: 'no-webgpu-api' });
	});

	it('falls back to WebGL when the WebGPU adapter is missing or init fails', async () => {
		for (const code of ['no-adapter', 'init-failed', 'self-test-failed'] as const) {
			const c = await selectBackend(prober({ webgpu: code }).tryBackend);
			expect(c.backend).toBe('webgl');
			expect(c.attempts[0].code).toBe(code);
		}
	});

	it('goes WebGPU -> WebGL -> WASM -> CPU in that order', async () => {
		const p = prober({ webgpu: 'no-adapter', webgl: 'no-webgl', wasm: 'no-wasm' });
		const c = await selectBackend(p.tryBackend);
		expect(p.tried).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
		expect(c.backend).toBe('cpu');
		expect(c.attempts.map((a) => a.ok)).toEqual([false, false, false, true]);
	});

	it('tries a forced backend first', async () => {
		const p = prober({});
		const c = await selectBackend(p.tryBackend, 'wasm');
		expect(c.backend).toBe('wasm');
		expect(c.reason).toBe('forced');
		expect(p.tried).toEqual(['wasm']);
	});

	it('falls back in the usual order when the forced backend fails', async () => {
		const p = prober({ webgl: 'no-webgl', webgpu: 'no-adapter' });
		const c = await selectBackend(p.tryBackend, 'webgl');
		expect(p.tried).toEqual(['webgl', 'webgpu', 'wasm']);
		expect(c.backend).toBe('wasm');
		expect(c.reason).toBe('forced-failed');
		expect(c.requested).toBe('webgl');
	});

	it('throws a clear error when nothing works', async () => {
		const p = prober({ webgpu: 'no-adapter', webgl: 'no-webgl', wasm: 'no-wasm', cpu: 'init-failed' });
		await expect(selectBackend(p.tryBackend)).rejects.toThrow(/no backend works/);
	});
});

describe('parseBackend', () => {
	it('accepts the four names in any case and rejects everything else', () => {
		expect(parseBackend('WebGPU')).toBe('webgpu');
		expect(parseBackend(' cpu ')).toBe('cpu');
		for (const bad of ['', 'auto', 'cuda', '<script>', null, undefined]) expect(parseBackend(bad)).toBeNull();
	});
});

describe('isSoftwareAdapter', () => {
	it('recognises fallback and software adapters', () => {
		expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
		expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
		expect(isSoftwareAdapter({ description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
		expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper' })).toBe(false);
	});
});
