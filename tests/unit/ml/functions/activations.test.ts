import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '$lessons/activation-functions/meta';
import {
	ACTIVATION_NAMES,
	activation,
	canDie,
	activationDerivative,
	sampleCurve,
	type ActivationName
} from '$lib/ml/functions/activations';

const ALPHA = 0.2;
const P = { alpha: ALPHA };

/** Closed forms written independently of the implementation (GELU via tabulated Phi below). */
const CLOSED: Record<Exclude<ActivationName, 'gelu'>, { f: (x: number) => number; df: (x: number) => number }> = {
	sigmoid: { f: (x) => 1 / (1 + Math.exp(-x)), df: (x) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2 },
	tanh: { f: (x) => (Math.exp(2 * x) - 1) / (Math.exp(2 * x) + 1), df: (x) => 1 / Math.cosh(x) ** 2 },
	relu: { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0) },
	leakyRelu: { f: (x) => (x > 0 ? x : ALPHA * x), df: (x) => (x > 0 ? 1 : ALPHA) },
	elu: { f: (x) => (x > 0 ? x : Math.exp(x) - 1), df: (x) => (x > 0 ? 1 : Math.exp(x)) }
};

// Points near 0 (but not on the kink), moderate, and large |x|.
const POINTS = [-30, -12, -6, -3.3, -2, -1.1, -0.5, -0.1, -1e-3, 1e-3, 0.1, 0.5, 1.1, 2, 3.3, 6, 12, 30];
const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('activation functions (float64)', () => {
	it('offers the same names as the lesson schema', () => {
		expect([...ACTIVATION_NAMES]).toEqual([...ACTIVATIONS]);
	});

	it('equal their closed forms, values and derivatives', () => {
		for (const [name, { f, df }] of Object.entries(CLOSED) as [keyof typeof CLOSED, (typeof CLOSED)['relu']][]) {
			for (const x of [...POINTS, 0]) {
				expect(close(activation(name, x, P), f(x), 1e-12)).toBe(true);
				expect(close(activationDerivative(name, x, P), df(x), 1e-12)).toBe(true);
			}
		}
	});

	it('GELU is x Phi(x) with derivative Phi(x) + x phi(x), checked against tabulated Phi', () => {
		// Phi(1) = 0.8413447460685429, Phi(-1) = 0.15865525393145707, Phi(2) = 0.9772498680518208
		expect(activation('gelu', 1)).toBeCloseTo(0.8413447460685429, 14);
		expect(activation('gelu', -1)).toBeCloseTo(-0.15865525393145707, 14);
		expect(activation('gelu', 2)).toBeCloseTo(2 * 0.9772498680518208, 14);
		const phi1 = Math.exp(-0.5) / Math.sqrt(2 * Math.PI);
		expect(activationDerivative('gelu', 1)).toBeCloseTo(0.8413447460685429 + phi1, 14);
		expect(activationDerivative('gelu', -1)).toBeCloseTo(0.15865525393145707 - phi1, 14);
		expect(activation('gelu', 0)).toBe(0);
		expect(activationDerivative('gelu', 0)).toBe(0.5);
		expect(activation('gelu', 30)).toBeCloseTo(30, 12);
		expect(Math.abs(activation('gelu', -30))).toBeLessThan(1e-150);
	});

	it('derivatives equal central finite differences of f', () => {
		const h = 1e-5;
		for (const name of ACTIVATION_NAMES) {
			for (const x of POINTS) {
				const fd = (activation(name, x + h, P) - activation(name, x - h, P)) / (2 * h);
				const d = activationDerivative(name, x, P);
				expect(Math.abs(d - fd), `${name}'(${x})`).toBeLessThan(1e-6 * Math.max(1, Math.abs(d)));
			}
		}
	});

	it('use the kink convention f(0) = 0 and relu\'(0) = 0, leakyRelu\'(0) = alpha, default alpha 0.1', () => {
		for (const name of ACTIVATION_NAMES) if (name !== 'sigmoid') expect(activation(name, 0, P)).toBe(0);
		expect(activationDerivative('relu', 0)).toBe(0);
		expect(activationDerivative('leakyRelu', 0, P)).toBe(ALPHA);
		expect(activationDerivative('leakyRelu', -5)).toBe(0.1);
		expect(activationDerivative('elu', 0)).toBe(1);
	});

	it('only ReLU has a zero derivative on all of x <= 0 (can die)', () => {
		for (const name of ACTIVATION_NAMES) {
			const flat = [-5, -1, -0.01, 0].every((x) => activationDerivative(name, x, P) === 0);
			expect(canDie(name), name).toBe(flat);
		}
	});

	it('sigmoid is stable for large |x|', () => {
		expect(activation('sigmoid', 800)).toBe(1);
		expect(activation('sigmoid', -800)).toBe(0);
		expect(activationDerivative('sigmoid', -800)).toBe(0);
		expect(activation('sigmoid', -40)).toBeCloseTo(Math.exp(-40), 30);
	});
});

describe('sampleCurve', () => {
	it('samples n evenly spaced points with f and f\'', () => {
		const c = sampleCurve('tanh', {}, -4, 4, 81);
		expect(c.x.length).toBe(81);
		expect(c.y.length).toBe(81);
		expect(c.dy.length).toBe(81);
		expect(c.x[0]).toBe(-4);
		expect(c.x[80]).toBe(4);
		expect(c.x[40]).toBeCloseTo(0, 15);
		expect(c.x[41] - c.x[40]).toBeCloseTo(0.1, 12);
		for (let i = 0; i < 81; i++) {
			expect(c.y[i]).toBe(Math.tanh(c.x[i]));
			expect(c.dy[i]).toBeCloseTo(1 - Math.tanh(c.x[i]) ** 2, 15);
		}
		const leaky = sampleCurve('leakyRelu', { alpha: 0.3 }, -1, 1, 3);
		expect(Array.from(leaky.y)).toEqual([-0.3, 0, 1]);
	});
});
