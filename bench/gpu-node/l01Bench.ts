/**
 * Node benchmark and check of L01's MLP playground on a real WebGPU device through Dawn (the
 * `webgpu` npm package), with the app's own WebGPU backend factory. Reports ms per step (full
 * batch, minibatch, recorded with the boundary grid and sample trace), kernels per step,
 * the XOR runs of the lesson (no hidden layer; one hidden layer of 4), and checks that the GPU's
 * numbers agree with the CPU backend's (loss after training, one sample's traced gradients).
 * Prints JSON. Built by `node bench/gpu-node/build.mjs <out> bench/gpu-node/l01Bench.ts`.
 */
import * as tf from '@tensorflow/tfjs';
import { create, globals } from 'webgpu';
import { createMlpPlayground, type PlaygroundConfig } from '$lib/ml/models/mlpPlayground';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { traceSampleSync } from '$lib/ml/probe/sampleTrace';

Object.assign(globalThis, globals);
(globalThis as unknown as { navigator: unknown }).navigator = { gpu: create([]) };

const STEPS = Number(process.env.STEPS ?? 200);
const WARMUP = 20;

/** ms per call of `fn` over STEPS calls after a warm-up, synced by reading back `sync`. */
async function time(fn: () => tf.Tensor | null, sync: () => Promise<void>, steps = STEPS): Promise<number> {
	for (let i = 0; i < WARMUP; i++) fn()?.dispose();
	await sync();
	const t0 = performance.now();
	for (let i = 0; i < steps; i++) fn()?.dispose();
	await sync();
	return (performance.now() - t0) / steps;
}

async function kernels(fn: () => tf.Tensor | null): Promise<number> {
	const info = await tf.profile(() => fn() ?? tf.scalar(0));
	(info.result as tf.Tensor).dispose();
	return info.kernels.length;
}

const BASE: PlaygroundConfig = { data: 'spiral', noise: 0.05, hidden: [8, 8, 8, 8], act: 'tanh', lr: 0.1, batch: 200, seed: 1 };

async function speed(backend: string): Promise<Record<string, number>[]> {
	const out: Record<string, number>[] = [];
	for (const hidden of [[4], [8, 8, 8, 8]]) {
		for (const batch of [200, 20]) {
			const p = createMlpPlayground({ ...BASE, hidden, batch });
			const sync = async () => void (await p.mlp.weights[0].data());
			const row: Record<string, number> = { layers: hidden.length, width: hidden[0], batch };
			row.stepMs = await time(() => p.step(false), sync);
			row.stepKernels = await kernels(() => p.step(false));
			row.recordedStepMs = await time(
				() => p.step(true),
				async () => {
					const t = p.step(true) as tf.Tensor;
					await t.data();
					t.dispose();
				},
				Math.max(10, STEPS / 10)
			);
			const t0 = performance.now();
			for (let i = 0; i < 10; i++) {
				const t = p.step(true) as tf.Tensor;
				await t.data();
				t.dispose();
			}
			row.recordedStepReadEachMs = (performance.now() - t0) / 10;
			row.recordedKernels = await kernels(() => p.step(true));
			row.statsFloats = p.statsLength;
			p.dispose();
			out.push(row);
		}
	}
	return out;
}

async function lossAfter(config: PlaygroundConfig, steps: number): Promise<{ loss: number; accuracy: number; ms: number }> {
	const p = createMlpPlayground(config);
	const t0 = performance.now();
	for (let i = 0; i < steps; i++) p.step(false);
	const t = p.inspect();
	const s = p.decode((await t.data()) as Float32Array);
	const ms = performance.now() - t0;
	t.dispose();
	p.dispose();
	return { loss: s.loss, accuracy: s.accuracy, ms };
}

/** Steps until the recorded training loss is below `target` (checked every `every` steps). */
async function stepsTo(config: PlaygroundConfig, target: number, every: number, max: number): Promise<{ steps: number; ms: number; loss: number }> {
	const p = createMlpPlayground(config);
	const t0 = performance.now();
	let loss = NaN;
	let steps = 0;
	while (steps < max) {
		for (let i = 0; i < every - 1; i++, steps++) p.step(false);
		const t = p.step(true) as tf.Tensor;
		steps++;
		loss = p.decode((await t.data()) as Float32Array).loss;
		t.dispose();
		if (loss < target) break;
	}
	const ms = performance.now() - t0;
	p.dispose();
	return { steps, ms, loss };
}

function traceOf(): ReturnType<typeof traceSampleSync> {
	const mlp = createDeepMlp({ hidden: [8, 5, 3], act: 'gelu', init: 'xavier', seed: 3 });
	const t = traceSampleSync(mlp, [0.37, -0.81], 1);
	mlp.dispose();
	return t;
}

const report: Record<string, unknown> = { steps: STEPS };
const backends = await import('$lib/ml/core/browserBackends');
backends.installBackends({ wasmPaths: 'file:///nonexistent/' });
backends.onGpuError((m) => ((report.gpuErrors ??= []) as string[]).push(m));
const choice = await backends.chooseBackend('webgpu');
report.choice = choice;
const xorNone: PlaygroundConfig = { data: 'xor', noise: 0.05, hidden: [], act: 'tanh', lr: 1, batch: 200, seed: 1 };
const xor4: PlaygroundConfig = { ...xorNone, hidden: [4] };
const check: Record<string, unknown> = {};
for (const backend of choice.backend === 'webgpu' ? ['webgpu', 'cpu'] : ['cpu']) {
	await tf.setBackend(backend);
	if (backend === 'webgpu') tf.env().set('WEBGPU_CPU_FORWARD', false);
	report[backend] = {
		speed: await speed(backend),
		xorNoHidden2000: await lossAfter(xorNone, 2000),
		xor4StepsToBelow0p1: await stepsTo(xor4, 0.1, 10, 3000),
		moons500: await lossAfter({ ...BASE, data: 'moons', hidden: [8, 8], batch: 20, lr: 0.3 }, 500)
	};
	check[backend] = traceOf();
}
if (check.webgpu) {
	const g = check.webgpu as ReturnType<typeof traceOf>;
	const c = check.cpu as ReturnType<typeof traceOf>;
	let maxRel = 0;
	g.dW.forEach((w, l) => w.forEach((v, i) => (maxRel = Math.max(maxRel, Math.abs(v - c.dW[l][i]) / (Math.abs(c.dW[l][i]) + 1e-6)))));
	report.traceGpuVsCpuMaxRelGradDiff = maxRel;
	report.traceLoss = { webgpu: g.loss, cpu: c.loss };
}
report.tensorsLeft = tf.memory().numTensors;
console.log(JSON.stringify(report, null, 1));
process.exit(0);
