/**
 * Browser side of the L10 backend bench (bench/l10-backends.mjs builds this page and drives it):
 * switches tfjs to one backend with the app's own backend code, loads the real MNIST training
 * subset from the page's origin, and times L10's training step (createDigitCnn) as the lesson runs
 * it: W warm-up steps, then M timed steps ending in a read-back of the last step's stats.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmPaths } from '$lib/app/wasmAssets';
import type { BackendName } from '$lib/ml/core/backendSelect';
import { installBackends, tryBackend } from '$lib/ml/core/browserBackends';
import { decodeDigitFile, type DigitSet } from '$lib/ml/data/mnist';
import { createDigitCnn, DIGIT_CNN_DEFAULTS, type DigitCnnConfig, type FilterGradMode, type PoolGradMode } from '$lib/ml/models/digitCnn';
import { usesFilterGradKernel, usesPoolGradKernel } from '$lib/ml/models/digitCnnKernels';

/** One measurement the driver asks for. */
interface BenchCase {
	filterGrad: FilterGradMode;
	poolGrad: PoolGradMode;
	config?: Partial<DigitCnnConfig>;
	warmup: number;
	/** timed steps: enough for about targetMs, within [minSteps, maxSteps] */
	targetMs: number;
	minSteps: number;
	maxSteps: number;
}

/** What one case measured. */
interface BenchCaseResult extends BenchCase {
	backend: string;
	filterGradPath: 'kernel' | 'conv';
	poolGradPath: 'kernel' | 'upsample';
	steps: number;
	msPerStep: number;
	stepsPerSecond: number;
	imagesPerSecond: number;
	kernelsPerStep: number;
	/** stats of the last timed step (a sanity check that it trains and stays finite) */
	last: { step: number; loss: number; accuracy: number; finite: boolean };
}

/** What the page reports for one backend. */
interface BenchReport {
	backend: BackendName;
	ok: boolean;
	error?: string;
	adapter?: string;
	cases: BenchCaseResult[];
}

const digits: Partial<Record<'train' | 'val', DigitSet>> = {};

async function loadDigits(split: 'train' | 'val'): Promise<DigitSet> {
	const cached = digits[split];
	if (cached) return cached;
	const res = await fetch(`./data/mnist-${split}.bin`);
	if (!res.ok) throw new Error(`mnist-${split}.bin: HTTP ${res.status}`);
	const set = await decodeDigitFile(new Uint8Array(await res.arrayBuffer()));
	digits[split] = set;
	return set;
}

async function runCase(c: BenchCase, train: DigitSet): Promise<BenchCaseResult> {
	const config = { ...DIGIT_CNN_DEFAULTS, ...c.config };
	const model = createDigitCnn(config, train, { filterGrad: c.filterGrad, poolGrad: c.poolGrad });
	try {
		const sync = async () => {
			const s = model.inspect();
			await s.data();
			s.dispose();
		};
		const profile = await tf.profile(() => model.step(true) ?? tf.scalar(0));
		(profile.result as tf.Tensor).dispose();
		const t0 = performance.now();
		for (let i = 0; i < c.warmup; i++) model.step(false);
		await sync();
		const estimate = (performance.now() - t0) / Math.max(1, c.warmup);
		const steps = Math.max(c.minSteps, Math.min(c.maxSteps, Math.round(c.targetMs / Math.max(estimate, 1e-3))));
		const t1 = performance.now();
		for (let i = 1; i < steps; i++) model.step(false);
		const stats = model.step(true) as tf.Tensor;
		const values = (await stats.data()) as Float32Array;
		const ms = (performance.now() - t1) / steps;
		stats.dispose();
		const last = model.decode(values);
		return {
			...c,
			backend: tf.getBackend(),
			filterGradPath: usesFilterGradKernel(c.filterGrad) ? 'kernel' : 'conv',
			poolGradPath: usesPoolGradKernel(c.poolGrad) ? 'kernel' : 'upsample',
			steps,
			msPerStep: ms,
			stepsPerSecond: 1000 / ms,
			imagesPerSecond: (1000 / ms) * config.batch,
			kernelsPerStep: profile.kernels.length,
			last: { step: last.step, loss: last.loss, accuracy: last.accuracy, finite: last.finite }
		};
	} finally {
		model.dispose();
	}
}

/** Runs every case on `backend`; never rejects. */
async function runBench(backend: BackendName, cases: BenchCase[]): Promise<BenchReport> {
	installBackends({ wasmPaths });
	const attempt = await tryBackend(backend);
	if (!attempt.ok) return { backend, ok: false, error: `${attempt.code}: ${attempt.detail}`, cases: [] };
	const report: BenchReport = { backend, ok: true, cases: [] };
	try {
		const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string; description?: string } } | null> } }).gpu;
		if (backend === 'webgpu' && gpu) {
			const info = (await gpu.requestAdapter())?.info;
			report.adapter = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' / ');
		}
		const train = await loadDigits('train');
		for (const c of cases) report.cases.push(await runCase(c, train));
	} catch (e) {
		report.ok = false;
		report.error = e instanceof Error ? e.message : String(e);
	}
	return report;
}

/** One point of a learning curve: validation accuracy after `step` steps. */
interface CurvePoint {
	step: number;
	accuracy: number;
	loss: number;
	/** training time so far (evaluations excluded) */
	trainMs: number;
}

/**
 * Trains `config` on `backend` for up to maxSteps, evaluating on the validation subset every
 * `every` steps; stops once accuracy >= target. Never rejects.
 */
async function runCurve(backend: BackendName, config: Partial<DigitCnnConfig>, maxSteps: number, every: number, target: number): Promise<{ ok: boolean; error?: string; backend: string; points: CurvePoint[] }> {
	installBackends({ wasmPaths });
	const attempt = await tryBackend(backend);
	if (!attempt.ok) return { ok: false, backend, error: `${attempt.code}: ${attempt.detail}`, points: [] };
	const points: CurvePoint[] = [];
	try {
		const model = createDigitCnn({ ...DIGIT_CNN_DEFAULTS, ...config }, await loadDigits('train'));
		const val = await loadDigits('val');
		let trainMs = 0;
		try {
			for (let step = every; step <= maxSteps; step += every) {
				const t0 = performance.now();
				for (let i = 1; i < every; i++) model.step(false);
				const stats = model.step(true) as tf.Tensor;
				await stats.data();
				stats.dispose();
				trainMs += performance.now() - t0;
				const e = await model.evaluate(val);
				points.push({ step, accuracy: e.accuracy, loss: e.loss, trainMs });
				if (e.accuracy >= target) break;
			}
		} finally {
			model.dispose();
		}
		return { ok: true, backend: tf.getBackend(), points };
	} catch (e) {
		return { ok: false, backend, error: e instanceof Error ? e.message : String(e), points };
	}
}

Object.assign(globalThis, { runL10Bench: runBench, runL10Curve: runCurve });
