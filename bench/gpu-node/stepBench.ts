/**
 * Node benchmark of L02's training step on a real WebGPU device through Dawn (the `webgpu` npm
 * package), with the app's own WebGPU backend factory: checks that the device limits we request are
 * accepted by the adapter, and reports milliseconds per step for the lean hand-written step against
 * tfjs autodiff with tfjs's SGD and Adam, and the same autodiff gradients updated by our lean
 * optimisers (train/optimizers.ts: constants kept as tensors), on WebGPU and on the CPU backend.
 * `leanAdamOverSgd` is issue 5's real-GPU goal (Adam within 1.2x of SGD); `fusedOverPerVariable`
 * compares the fused update with one rule per variable (before it). Prints JSON.
 * Built by bench/gpu-node/build.mjs into one file; `webgpu` stays external (loaded at run time).
 */
import * as tf from '@tensorflow/tfjs';
import { create, globals } from 'webgpu';
import { createDepthExperiment, type DepthConfig } from '$lib/ml/models/depthExperiment';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { makeToy2d } from '$lib/ml/data/toy2d';
import { createOptimizer, type OptimizerKind } from '$lib/ml/train/optimizers';

Object.assign(globalThis, globals);
(globalThis as unknown as { navigator: unknown }).navigator = { gpu: create([]) };

const STEPS = Number(process.env.STEPS ?? 300);
const WARMUP = 30;

type Result = { name: string; backend: string; msPerStep: number; kernelsPerStep?: number };

/** Times `step` (one training step) over STEPS steps after a warm-up; syncs with a read-back. */
async function time(step: () => tf.Tensor | null, sync: () => Promise<void>): Promise<number> {
	for (let i = 0; i < WARMUP; i++) step()?.dispose();
	await sync();
	const t0 = performance.now();
	for (let i = 0; i < STEPS; i++) {
		const s = step();
		s?.dispose();
	}
	await sync();
	return (performance.now() - t0) / STEPS;
}

/** Kernels one step runs, reshapes left out: they move no data (a new view of the same buffer). */
async function kernels(step: () => tf.Tensor | null): Promise<number> {
	const info = await tf.profile(() => step() ?? tf.scalar(0));
	(info.result as tf.Tensor).dispose();
	return info.kernels.filter((k) => k.name !== 'Reshape').length;
}

/** How a step applies autodiff's gradients: a tfjs optimizer, or one of our lean ones. */
type Updater = { apply: (vars: tf.Variable[], grads: tf.NamedTensorMap) => void; dispose: () => void };

const tfjsUpdater = (optimizer: tf.Optimizer): Updater => ({
	apply: (_vars, grads) => optimizer.applyGradients(grads),
	dispose: () => optimizer.dispose()
});

/** `fuse`: the optimiser's own choice (fused where that runs fewer kernels), or forced. */
function leanUpdater(kind: OptimizerKind, lr: number, fuse: 'auto' | boolean = 'auto'): Updater {
	const optimizer = createOptimizer({ kind, lr }, fuse);
	return {
		apply: (vars, grads) => optimizer.apply(vars, vars.map((v) => grads[v.name])),
		dispose: () => optimizer.dispose()
	};
}

/** tfjs autodiff baseline: same network, tf.variableGrads, then `updater`. */
function autodiffStep(config: DepthConfig, updater: Updater) {
	const mlp = createDeepMlp(config);
	const data = makeToy2d(config.data, { n: 256, seed: config.seed });
	const x = tf.tensor2d(data.x, [data.n, 2]);
	const y = tf.tensor2d(data.y, [data.n, 1]);
	const vars = [...mlp.weights, ...mlp.biases] as tf.Variable[];
	const step = () => {
		tf.tidy(() => {
			const { value, grads } = tf.variableGrads(
				() => tf.losses.sigmoidCrossEntropy(y, mlp.forward(x).logit) as tf.Scalar,
				vars
			);
			updater.apply(vars, grads);
			value.dispose();
		});
		return null;
	};
	return { step, sync: async () => void (await mlp.weights[0].data()), dispose: () => (mlp.dispose(), x.dispose(), y.dispose(), updater.dispose()) };
}

async function suite(backend: string, act: DepthConfig['act']): Promise<Result[]> {
	const config: DepthConfig = { act, alpha: 0.1, depth: 10, width: 16, init: act === 'relu' ? 'he' : 'xavier', lr: 0.05, data: 'moons', seed: 1 };
	const out: Result[] = [];
	const lean = createDepthExperiment(config);
	const leanSync = async () => {
		const t = lean.step(true)!;
		await t.data();
		t.dispose();
	};
	out.push({ name: `lean SGD step (${act})`, backend, msPerStep: await time(() => lean.step(false), leanSync), kernelsPerStep: await kernels(() => lean.step(false)) });
	out.push({ name: `lean SGD step + stats read-back every step (${act})`, backend, msPerStep: await time(() => lean.step(true), leanSync) });
	lean.dispose();
	for (const [label, make] of [
		['tfjs autodiff + tf.train.sgd', () => tfjsUpdater(tf.train.sgd(0.05))],
		['tfjs autodiff + tf.train.adam', () => tfjsUpdater(tf.train.adam(0.01))],
		['tfjs autodiff + lean sgd', () => leanUpdater('sgd', 0.05)],
		['tfjs autodiff + lean momentum', () => leanUpdater('momentum', 0.05)],
		['tfjs autodiff + lean rmsprop', () => leanUpdater('rmsprop', 0.01)],
		['tfjs autodiff + lean adagrad', () => leanUpdater('adagrad', 0.05)],
		['tfjs autodiff + lean adam', () => leanUpdater('adam', 0.01)],
		// Before the fused update: one rule per variable.
		['tfjs autodiff + per-variable lean sgd', () => leanUpdater('sgd', 0.05, false)],
		['tfjs autodiff + per-variable lean adam', () => leanUpdater('adam', 0.01, false)]
	] as const) {
		const b = autodiffStep(config, make());
		out.push({ name: `${label} (${act})`, backend, msPerStep: await time(b.step, b.sync), kernelsPerStep: await kernels(b.step) });
		b.dispose();
	}
	// The issue's own reference model: a 2-16-16-1 MLP (its tfjs Adam ran 30 ms against SGD's 8.7 ms on an H200).
	const small: DepthConfig = { ...config, depth: 2, width: 16 };
	for (const kind of ['sgd', 'adam'] as const) {
		for (const fuse of ['auto', false] as const) {
			const b = autodiffStep(small, leanUpdater(kind, kind === 'adam' ? 0.01 : 0.05, fuse));
			const name = `tfjs autodiff + ${fuse ? '' : 'per-variable '}lean ${kind} (${act}, 2-16-16-1)`;
			out.push({ name, backend, msPerStep: await time(b.step, b.sync), kernelsPerStep: await kernels(b.step) });
			b.dispose();
		}
	}
	return out;
}

const report: Record<string, unknown> = { steps: STEPS };
const backends = await import('$lib/ml/core/browserBackends');
backends.installBackends({ wasmPaths: 'file:///nonexistent/' });
backends.onGpuError((m) => ((report.gpuErrors ??= []) as string[]).push(m));
const choice = await backends.chooseBackend('webgpu');
report.choice = choice;
const gpu = (globalThis as unknown as { navigator: { gpu: { requestAdapter(): Promise<{ limits: Record<string, number> } | null> } } }).navigator.gpu;
const adapter = await gpu.requestAdapter();
report.adapterLimits = adapter && {
	maxStorageBuffersPerShaderStage: adapter.limits.maxStorageBuffersPerShaderStage,
	maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
	maxBufferSize: adapter.limits.maxBufferSize
};
const results: Result[] = [];
if (choice.backend === 'webgpu') {
	tf.env().set('WEBGPU_CPU_FORWARD', false);
	for (const act of ['relu', 'sigmoid'] as const) results.push(...(await suite('webgpu', act)));
}
await tf.setBackend('cpu');
for (const act of ['relu'] as const) results.push(...(await suite('cpu', act)));
report.results = results;
// Issue 5's real-GPU goal: the lean Adam step within 1.2x of the lean SGD step (same gradients).
report.leanAdamOverSgd = Object.fromEntries(
	results
		.filter((r) => r.name.startsWith('tfjs autodiff + lean adam'))
		.map((r) => {
			const sgd = results.find((q) => q.backend === r.backend && q.name === r.name.replace('lean adam', 'lean sgd'));
			return [`${r.backend} ${r.name.slice(r.name.indexOf('('))}`, sgd ? Number((r.msPerStep / sgd.msPerStep).toFixed(2)) : null];
		})
);
// The fused update against one rule per variable (before it), per optimiser and model.
report.fusedOverPerVariable = Object.fromEntries(
	results
		.filter((r) => r.name.startsWith('tfjs autodiff + per-variable'))
		.map((r) => {
			const fused = results.find((q) => q.backend === r.backend && q.name === r.name.replace('per-variable ', ''));
			return [`${r.backend} ${r.name.slice('tfjs autodiff + per-variable '.length)}`, fused ? Number((fused.msPerStep / r.msPerStep).toFixed(2)) : null];
		})
);
console.log(JSON.stringify(report, null, 1));
process.exit(0);
