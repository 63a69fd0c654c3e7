import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activation, activationDerivative } from '$lib/ml/functions/activations';
import { activate, activateGrad, createActivationKit } from '$lib/ml/functions/activationsTf';
import { traceEngine, useCpuBackend } from '../helpers';

useCpuBackend();

const XS = Array.from({ length: 161 }, (_, i) => -8 + i * 0.1).concat([-20, -1e-3, 0, 1e-3, 20]);

describe('tensor activations', () => {
	it('match the float64 versions (value and derivative) for every activation', () => {
		const alpha = 0.15;
		const kit = createActivationKit(alpha);
		for (const name of ACTIVATION_NAMES) {
			const [y, dy] = tf.tidy(() => {
				const z = tf.tensor1d(XS);
				const h = activate(z, name, kit);
				return [h.dataSync(), activateGrad(z, h, name, kit).dataSync()];
			});
			XS.forEach((x, i) => {
				const xf = Math.fround(x);
				const f = activation(name, xf, { alpha });
				const df = activationDerivative(name, xf, { alpha });
				expect(Math.abs(y[i] - f), `${name}(${x})`).toBeLessThan(2e-6 * Math.max(1, Math.abs(f)));
				expect(Math.abs(dy[i] - df), `${name}'(${x})`).toBeLessThan(2e-6 * Math.max(1, Math.abs(df)));
			});
		}
		kit.dispose();
	});

	it('take no JS numbers: no tensor is built from a JS value inside activate/activateGrad', () => {
		const kit = createActivationKit(0.1);
		const z = tf.tensor2d([-1, 0.5, 2, -3], [2, 2]);
		for (const name of ACTIVATION_NAMES) {
			const { uploads } = traceEngine(() =>
				tf.tidy(() => {
					activateGrad(z, activate(z, name, kit), name, kit);
				})
			);
			expect(uploads, name).toBe(0);
		}
		z.dispose();
		kit.dispose();
	});

	it('kit owns its constants and frees them once', () => {
		const before = tf.memory().numTensors;
		const kit = createActivationKit(0.3);
		expect(tf.memory().numTensors).toBeGreaterThan(before);
		expect(kit.alpha.dataSync()[0]).toBeCloseTo(0.3, 7);
		expect(kit.oneMinusAlpha.dataSync()[0]).toBeCloseTo(0.7, 7);
		kit.dispose();
		kit.dispose();
		expect(tf.memory().numTensors).toBe(before);
	});
});
