import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { deadUnitFlags, deadUnitStats } from '$lib/ml/probe/deadUnits';
import { useCpuBackend } from '../helpers';

useCpuBackend();

describe('dead units', () => {
	it('flags a unit whose pre-activation is <= 0 for every sample (exact 0 counts as dead)', () => {
		const flags = tf.tidy(() => {
			const pre = tf.tensor2d(
				[
					[-1, 0.5, 0, -2],
					[-3, -0.1, 0, 1e-6],
					[-0.5, -4, -1, -1]
				],
				[3, 4]
			);
			return deadUnitFlags(pre, tf.scalar(0)).dataSync();
		});
		expect(Array.from(flags)).toEqual([1, 0, 1, 0]);
	});

	it('reports flags, per-layer shares and the overall share', () => {
		const out = tf.tidy(() => {
			const zero = tf.scalar(0);
			const l1 = tf.tensor2d([-1, 2, -1, -1], [2, 2]);
			const l2 = tf.tensor2d([-1, -1, -1, 1, -1, -1], [2, 3]);
			const s = deadUnitStats([l1, l2], zero);
			return { flags: s.flags.dataSync(), byLayer: s.shareByLayer.dataSync(), share: s.share.dataSync()[0] };
		});
		expect(Array.from(out.flags)).toEqual([1, 0, 0, 1, 1]);
		expect(out.byLayer[0]).toBeCloseTo(0.5, 7);
		expect(out.byLayer[1]).toBeCloseTo(2 / 3, 7);
		expect(out.share).toBeCloseTo(3 / 5, 7);
	});
});
