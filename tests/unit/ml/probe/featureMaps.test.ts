import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDigitCnn } from '$lib/ml/models/digitCnn';
import { PROBED_LAYERS, probeFeatureMaps, probeFilters } from '$lib/ml/probe/featureMaps';
import { useCpuBackend } from '../helpers';
import { SMALL, syntheticDigits } from '../models/digitFixtures';

useCpuBackend();

const TRAIN = syntheticDigits(64, 2);
const image = (i: number) => Float32Array.from(TRAIN.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255);

/** Counts tensor read-backs (data / dataSync / array) while `fn` runs. */
async function countReads<T>(fn: () => Promise<T>): Promise<{ result: T; reads: number }> {
	const proto = tf.Tensor.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
	const spies = ['data', 'dataSync', 'array', 'arraySync'].map((k) => vi.spyOn(proto, k));
	try {
		const result = await fn();
		return { result, reads: spies.reduce((s, sp) => s + sp.mock.calls.length, 0) };
	} finally {
		spies.forEach((s) => s.mockRestore());
	}
}

afterEach(() => vi.restoreAllMocks());

describe('probeFeatureMaps', () => {
	it('returns every layer with the model’s shapes, the values of a direct forward pass, in one read-back', async () => {
		for (const cfg of [SMALL, { ...SMALL, pool: 'avg' as const, poolSize: 3 as const, kernel: 5 as const }]) {
			const m = createDigitCnn(cfg, TRAIN);
			for (let i = 0; i < 3; i++) m.step(false);
			const { result: maps, reads } = await countReads(() => probeFeatureMaps(m, image(5)));
			expect(reads).toBe(1);
			expect(maps.map((l) => l.id)).toEqual([...PROBED_LAYERS]);
			for (const l of maps) {
				expect(l.shape).toEqual(m.layers.find((x) => x.id === l.id)?.shape);
				expect(l.data.length).toBe(l.shape.reduce((a, b) => a * b, 1));
			}
			const ref = tf.tidy(() => {
				const f = m.forwardAll(tf.tensor4d(image(5), [1, 28, 28, 1]));
				return [f.conv1, f.relu1, f.pool1, f.conv2, f.relu2, f.pool2, f.logits, tf.softmax(f.logits)].map((t) => t.dataSync());
			});
			maps.forEach((l, i) => l.data.forEach((v, j) => expect(Math.abs(v - ref[i][j])).toBeLessThan(1e-5)));
			const byId = Object.fromEntries(maps.map((l) => [l.id, l]));
			byId.relu1.data.forEach((v, j) => expect(v).toBe(Math.max(0, byId.conv1.data[j])));
			expect(byId.softmax.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
			// pool1 at (0, 0, channel 0) from relu1 by a loop (HWC row-major)
			const [, w, c] = byId.relu1.shape;
			const p = cfg.poolSize;
			const window: number[] = [];
			for (let r = 0; r < p; r++) for (let q = 0; q < p; q++) window.push(byId.relu1.data[(r * w + q) * c]);
			const expected = cfg.pool === 'max' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / window.length;
			expect(byId.pool1.data[0]).toBeCloseTo(expected, 5);
			m.dispose();
		}
	});

	it('rejects an image that is not 784 values', async () => {
		const m = createDigitCnn(SMALL, TRAIN);
		await expect(probeFeatureMaps(m, new Float32Array(100))).rejects.toThrow(/784/);
		m.dispose();
	});
});

describe('probeFilters', () => {
	it('returns conv1 [K,K,1,F1] and conv2 [K,K,F1,F2] as the variables hold them, in one read-back', async () => {
		const m = createDigitCnn({ ...SMALL, kernel: 5, filters1: 3, filters2: 6 }, TRAIN);
		m.step(false);
		const { result: f, reads } = await countReads(() => probeFilters(m));
		expect(reads).toBe(1);
		expect(f.conv1.shape).toEqual([5, 5, 1, 3]);
		expect(f.conv2.shape).toEqual([5, 5, 3, 6]);
		expect(Array.from(f.conv1.data)).toEqual(Array.from(m.params.w1.dataSync()));
		expect(Array.from(f.conv2.data)).toEqual(Array.from(m.params.w2.dataSync()));
		m.dispose();
	});
});

describe('no tensor leak', () => {
	it('50 training steps with probes, inspect and evaluate on leave the tensor count unchanged (counted after step one)', async () => {
		const before = tf.memory().numTensors;
		const m = createDigitCnn({ ...SMALL, batch: 16 }, TRAIN);
		const val = syntheticDigits(20, 3);
		const round = async (i: number) => {
			const stats = m.step(i % 2 === 0);
			if (stats) {
				m.decode((await stats.data()) as Float32Array);
				stats.dispose();
			}
			await probeFeatureMaps(m, image(i % 64));
			await probeFilters(m);
			if (i % 10 === 0) {
				const t = m.inspect();
				t.dispose();
				await m.evaluate(val);
			}
		};
		await round(0);
		const steady = tf.memory().numTensors;
		for (let i = 1; i <= 50; i++) await round(i);
		expect(m.steps).toBe(51);
		expect(tf.memory().numTensors).toBe(steady);
		m.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});
