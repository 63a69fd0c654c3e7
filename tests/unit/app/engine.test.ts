/**
 * The engine's per-lesson backend choice, on fake backends (no tfjs): what the choice says after a
 * measured backend fails to start, after a measurement throws, and after the measured lesson is left.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendChoice, BackendName } from '$lib/ml/core/backendSelect';
import type { TuneDecision } from '$lib/ml/core/backendTune';
import type { DeviceLoss } from '$lib/ml/core/browserBackends';
import type { Trainer } from '$lib/ml/train/trainer';

const fake = vi.hoisted(() => ({
	active: null as string | null,
	/** backends that refuse to start */
	broken: new Set<string>(),
	/** what chooseBackend returns next */
	base: null as unknown as BackendChoice,
	/** what the next measurement decides, or an error it throws */
	decision: null as unknown as TuneDecision | Error,
	lost: null as ((loss: DeviceLoss) => void) | null,
	/** the WebGPU adapter the engine sees */
	adapter: null as { software: boolean } | null,
	/** the options of every chooseBackend call */
	chooseOptions: [] as unknown[]
}));

vi.mock('$lib/app/wasmAssets', () => ({ wasmPaths: {} }));
vi.mock('$lib/ml/core/browserBackends', () => ({
	installBackends: () => {},
	onDeviceLost: (l: ((loss: DeviceLoss) => void) | null) => (fake.lost = l),
	onGpuError: () => {},
	chooseBackend: async (_requested: unknown, options: unknown) => {
		fake.chooseOptions.push(options);
		fake.active = fake.base.backend;
		return fake.base;
	},
	activateBackend: async (name: string) => {
		if (fake.broken.has(name)) return false;
		fake.active = name;
		return true;
	},
	activeBackend: () => fake.active,
	currentAdapter: () => fake.adapter,
	resetWebGpu: () => {},
	destroyDeviceForTest: () => false,
	memoryInfo: () => ({ numTensors: 0, numBytes: 0, gpuBytes: null })
}));
vi.mock('$lib/ml/core/backendTune', async (original) => ({
	...(await original<typeof import('$lib/ml/core/backendTune')>()),
	measureBackends: async () => {
		if (fake.decision instanceof Error) throw fake.decision;
		return fake.decision;
	}
}));

const { Engine } = await import('$lib/app/engine.svelte');

const base = (backend: BackendName): BackendChoice => ({
	backend,
	reason: 'preferred',
	requested: null,
	attempts: [{ backend, ok: true, ms: 1 }],
	adapter: null
});
const decide = (backend: BackendName, reason: TuneDecision['reason'] = 'fastest'): TuneDecision => ({
	backend,
	reason,
	measurements: [{ backend, msPerStep: 1, steps: 3, warmupMs: 5 }],
	totalMs: 10
});
const create = () => ({}) as Trainer;

async function started() {
	const engine = new Engine();
	await engine.start(null);
	return engine;
}

/** Loses the GPU device and waits for the engine to be ready again. */
async function loseDevice(engine: InstanceType<typeof Engine>) {
	const generation = engine.generation;
	fake.lost?.({ reason: 'destroyed', message: 'test' } as DeviceLoss);
	await vi.waitFor(() => expect(engine.generation).toBe(generation + 1));
}

beforeEach(() => {
	fake.active = null;
	fake.broken.clear();
	fake.base = base('webgpu');
	fake.decision = decide('wasm');
	fake.adapter = null;
	fake.chooseOptions = [];
});

describe('Engine: a software WebGPU adapter', () => {
	it('takes WASM at once, without measuring (the measurement here would throw)', async () => {
		fake.adapter = { software: true };
		fake.decision = new Error('must not measure');
		const engine = await started();
		const made: number[] = [];
		await engine.tune('L01', () => (made.push(1), {}) as Trainer);
		expect(made).toEqual([]);
		expect(fake.active).toBe('wasm');
		expect(engine.choice?.tuned?.decision).toEqual({ backend: 'wasm', reason: 'software-gpu', measurements: [], totalMs: 0 });
		engine.destroy();
	});

	it('asks for WebGPU not to be started on a software adapter only when it will measure and nothing is forced', async () => {
		for (const [requested, tune, skip] of [
			[null, true, true],
			[null, 'all', false],
			[null, false, false],
			['webgpu', true, false]
		] as const) {
			fake.chooseOptions = [];
			const engine = new Engine();
			await engine.start(requested, { tune });
			expect(fake.chooseOptions, `${requested} ${tune}`).toEqual([{ skipSoftwareGpu: skip }]);
			engine.destroy();
		}
	});

	it('takes WASM without measuring when WebGPU was never started on its software adapter', async () => {
		fake.base = {
			backend: 'wasm',
			reason: 'software-gpu',
			requested: null,
			attempts: [
				{ backend: 'webgpu', ok: false, code: 'software-adapter', ms: 2 },
				{ backend: 'wasm', ok: true, ms: 40 }
			],
			adapter: { vendor: 'google', architecture: 'swiftshader', device: '', description: '', software: true }
		};
		fake.decision = new Error('must not measure');
		const engine = await started();
		expect(engine.choice?.reason).toBe('software-gpu');
		await engine.tune('L02', create);
		expect(fake.active).toBe('wasm');
		expect(engine.choice).toMatchObject({ backend: 'wasm', reason: 'measured', tuned: { decision: { backend: 'wasm', reason: 'software-gpu', measurements: [] } } });
		engine.destroy();
	});

	it("measures as usual on a hardware adapter, and on a software one when told to ('all')", async () => {
		fake.adapter = { software: false };
		let engine = await started();
		await engine.tune('L01', create);
		expect(engine.choice?.tuned?.decision.reason).toBe('fastest');
		engine.destroy();
		fake.adapter = { software: true };
		engine = new Engine();
		await engine.start(null, { tune: 'all' });
		await engine.tune('L01', create);
		expect(engine.choice?.tuned?.decision.reason).toBe('fastest');
		engine.destroy();
	});
});

describe('Engine: a lesson whose measured backend cannot be used', () => {
	it('falls back to the default backend and says so (not the previous lesson’s measurement)', async () => {
		const engine = await started();
		await engine.tune('L10', create);
		expect(engine.choice).toMatchObject({ backend: 'wasm', reason: 'measured', tuned: { key: 'L10' } });
		fake.decision = decide('webgl');
		fake.broken.add('webgl');
		await engine.tune('L02', create);
		expect(fake.active).toBe('webgpu');
		expect(engine.choice).toEqual(base('webgpu'));
		// The old lesson's choice is not re-applied when the device is lost and the backend restarts.
		await loseDevice(engine);
		expect(fake.active).toBe('webgpu');
		expect(engine.choice).toEqual(base('webgpu'));
		engine.destroy();
	});

	it('a measurement that throws does the same', async () => {
		const engine = await started();
		await engine.tune('L10', create);
		fake.decision = new Error('probe failed');
		await engine.tune('L03', create);
		expect(fake.active).toBe('webgpu');
		expect(engine.choice).toEqual(base('webgpu'));
		await loseDevice(engine);
		expect(engine.choice?.reason).toBe('preferred');
		engine.destroy();
	});
});

describe('Engine: leaving a measured lesson', () => {
	it('keeps the backend, and the choice says it was kept from an earlier lesson until one measures again', async () => {
		const engine = await started();
		await engine.tune('L10', create);
		engine.leavePage();
		expect(engine.choice).toMatchObject({ backend: 'wasm', reason: 'measured', tuned: { key: 'L10', kept: true } });
		expect(fake.active).toBe('wasm');
		engine.leavePage();
		expect(engine.choice?.tuned?.kept).toBe(true);
		await engine.tune('L10', create);
		expect(engine.choice?.tuned?.kept).toBeUndefined();
		engine.destroy();
	});

	it('a default choice is left as it is', async () => {
		const engine = await started();
		const before = engine.choice;
		engine.leavePage();
		expect(engine.choice).toBe(before);
		engine.destroy();
	});

	it('a kept choice stays kept when a device loss re-applies it', async () => {
		const engine = await started();
		fake.decision = decide('webgpu', 'kept-gpu');
		await engine.tune('L01', create);
		engine.leavePage();
		fake.base = base('webgl');
		await loseDevice(engine);
		expect(fake.active).toBe('webgpu');
		expect(engine.choice).toMatchObject({ backend: 'webgpu', reason: 'measured', tuned: { key: 'L01', kept: true, cached: true } });
		engine.destroy();
	});
});
