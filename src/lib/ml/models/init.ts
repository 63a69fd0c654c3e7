/** Weight initialisation schemes, computed in JS from a seeded Rng (no tfjs global randomness). */
import type { Rng } from '../core/rng';

/** The initialisations offered (same strings as L02's INITS). */
export const INIT_NAMES = ['xavier', 'he', 'normal', 'small'] as const;

/** One initialisation's name. */
export type InitName = (typeof INIT_NAMES)[number];

/**
 * The spread each scheme uses for a layer with the given fans: xavier = Glorot uniform on
 * [-limit, limit], limit = sqrt(6 / (fanIn + fanOut)); he = normal std sqrt(2 / fanIn);
 * normal = N(0, 1); small = N(0, 0.01^2).
 */
export function initSpread(
	init: InitName,
	fanIn: number,
	fanOut: number
): { kind: 'uniform' | 'normal'; scale: number } {
	switch (init) {
		case 'xavier':
			return { kind: 'uniform', scale: Math.sqrt(6 / (fanIn + fanOut)) };
		case 'he':
			return { kind: 'normal', scale: Math.sqrt(2 / fanIn) };
		case 'normal':
			return { kind: 'normal', scale: 1 };
		case 'small':
			return { kind: 'normal', scale: 0.01 };
	}
}

/** Draws a [fanIn x fanOut] weight matrix, row-major (float32). */
export function initWeights(init: InitName, fanIn: number, fanOut: number, rng: Rng): Float32Array {
	const { kind, scale } = initSpread(init, fanIn, fanOut);
	const w = new Float32Array(fanIn * fanOut);
	for (let i = 0; i < w.length; i++) {
		w[i] = kind === 'uniform' ? rng.uniform(-scale, scale) : rng.normal(0, scale);
	}
	return w;
}
