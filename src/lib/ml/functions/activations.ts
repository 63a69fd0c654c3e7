/**
 * Activation functions and their exact derivatives on plain float64 numbers, for curves, formulas
 * and reference computations. The tensor versions used by models live in `activationsTf.ts`.
 */
import { normalCdf, normalPdf } from './erf';

/** The activations the library offers (same strings as L02's ACTIVATIONS). */
export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu'] as const;

/** One activation's name. */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Activation parameters: `alpha` is the leaky-ReLU negative slope (default 0.1; ELU uses alpha = 1). */
export interface ActivationParams {
	alpha?: number;
}

/** The leaky-ReLU slope used when none is given. */
export const DEFAULT_LEAKY_ALPHA = 0.1;

/** Numerically stable logistic sigmoid 1 / (1 + e^{-x}). */
export function sigmoid(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}

/** f(x) for the named activation. ELU uses alpha = 1; GELU is the exact x * Phi(x). */
export function activation(name: ActivationName, x: number, params: ActivationParams = {}): number {
	switch (name) {
		case 'sigmoid':
			return sigmoid(x);
		case 'tanh':
			return Math.tanh(x);
		case 'relu':
			return x > 0 ? x : 0;
		case 'leakyRelu':
			return x > 0 ? x : (params.alpha ?? DEFAULT_LEAKY_ALPHA) * x;
		case 'elu':
			return x > 0 ? x : Math.expm1(x);
		case 'gelu':
			return x * normalCdf(x);
	}
}

/**
 * f'(x) for the named activation. At the kink x = 0 the value of the right-closed side is used
 * where the function is not differentiable: relu'(0) = 0, leakyRelu'(0) = alpha (a unit whose
 * pre-activation is <= 0 passes no gradient through ReLU).
 */
export function activationDerivative(
	name: ActivationName,
	x: number,
	params: ActivationParams = {}
): number {
	switch (name) {
		case 'sigmoid': {
			const s = sigmoid(x);
			return s * (1 - s);
		}
		case 'tanh': {
			const t = Math.tanh(x);
			return 1 - t * t;
		}
		case 'relu':
			return x > 0 ? 1 : 0;
		case 'leakyRelu':
			return x > 0 ? 1 : (params.alpha ?? DEFAULT_LEAKY_ALPHA);
		case 'elu':
			return x > 0 ? 1 : Math.exp(x);
		case 'gelu':
			return normalCdf(x) + x * normalPdf(x);
	}
}

/**
 * Whether a unit with this activation can die: f'(x) = 0 for every x <= 0 (only ReLU). Dead-unit
 * counts are meaningful for these; for the others a negative pre-activation still passes gradient.
 */
export function canDie(name: ActivationName): boolean {
	return name === 'relu';
}

/** A sampled activation curve: n points with f and f' (float64). */
export interface ActivationCurve {
	x: Float64Array;
	y: Float64Array;
	dy: Float64Array;
}

/** Samples f and f' at n evenly spaced points from xmin to xmax inclusive (n >= 2). */
export function sampleCurve(
	name: ActivationName,
	params: ActivationParams,
	xmin: number,
	xmax: number,
	n: number
): ActivationCurve {
	const count = Math.max(2, Math.floor(n));
	const x = new Float64Array(count);
	const y = new Float64Array(count);
	const dy = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const xi = xmin + ((xmax - xmin) * i) / (count - 1);
		x[i] = xi;
		y[i] = activation(name, xi, params);
		dy[i] = activationDerivative(name, xi, params);
	}
	return { x, y, dy };
}
