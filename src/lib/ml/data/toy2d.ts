/**
 * Seeded 2-D binary classification sets (TF-Playground style) with inputs roughly in [-1, 1]^2 and
 * exactly balanced labels (floor(n/2) of class 0, the rest class 1), rows shuffled.
 */
import { createRng, deriveSeed, type Rng } from '../core/rng';

/** The toy data sets. */
export const TOY2D_NAMES = ['moons', 'circle', 'xor', 'spiral', 'blobs'] as const;

/** One toy data set's name. */
export type Toy2dName = (typeof TOY2D_NAMES)[number];

/** A data set: x is row-major [n x 2] (float32), y holds labels 0/1 [n]. */
export interface Toy2d {
	x: Float32Array;
	y: Float32Array;
	n: number;
}

/** Options: n points (default 256), noise = std of Gaussian jitter in input units, seed. */
export interface Toy2dOptions {
	n?: number;
	noise?: number;
	seed?: number;
}

/** Noise used when none is given: enough to look real, little enough to stay separable. */
export const DEFAULT_NOISE: Readonly<Record<Toy2dName, number>> = {
	moons: 0.08,
	circle: 0.05,
	xor: 0.05,
	spiral: 0.03,
	blobs: 0.1
};

type Sampler = (label: 0 | 1, rng: Rng) => [number, number];

const SAMPLERS: Record<Toy2dName, Sampler> = {
	moons(label, rng) {
		const t = rng.uniform(0, Math.PI);
		const [mx, my] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
		return [(mx - 0.5) / 1.5, (my - 0.25) / 0.75];
	},
	circle(label, rng) {
		const r = label === 1 ? 0.45 * Math.sqrt(rng.next()) : rng.uniform(0.65, 0.95);
		const a = rng.uniform(0, 2 * Math.PI);
		return [r * Math.cos(a), r * Math.sin(a)];
	},
	xor(label, rng) {
		const sx = rng.next() < 0.5 ? -1 : 1;
		const sy = label === 1 ? sx : -sx;
		return [sx * rng.uniform(0.05, 0.95), sy * rng.uniform(0.05, 0.95)];
	},
	spiral(label, rng) {
		const u = rng.next();
		const r = 0.05 + 0.9 * u;
		const a = 1.75 * 2 * Math.PI * u + label * Math.PI;
		return [r * Math.cos(a), r * Math.sin(a)];
	},
	blobs(label, rng) {
		const c = label === 1 ? 0.5 : -0.5;
		return [rng.normal(c, 0.2), rng.normal(c, 0.2)];
	}
};

/** Generates a data set; same name, options and seed give the same arrays. */
export function makeToy2d(name: Toy2dName, options: Toy2dOptions = {}): Toy2d {
	const n = Math.max(0, Math.floor(options.n ?? 256));
	const noise = Math.max(0, options.noise ?? DEFAULT_NOISE[name]);
	const seed = options.seed ?? 1;
	const rng = createRng(deriveSeed(seed, `toy2d:${name}`));
	const sample = SAMPLERS[name];
	const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
	const n0 = Math.floor(n / 2);
	const x = new Float32Array(n * 2);
	const y = new Float32Array(n);
	for (let i = 0; i < n; i++) {
		const label: 0 | 1 = i < n0 ? 0 : 1;
		const [px, py] = sample(label, rng);
		const row = order[i];
		x[2 * row] = px + rng.normal(0, noise);
		x[2 * row + 1] = py + rng.normal(0, noise);
		y[row] = label;
	}
	return { x, y, n };
}
