/**
 * Seeded pseudo-random numbers for data sets and weight initialisation (mulberry32: 32-bit state,
 * period 2^32, fast and plenty for teaching-sized problems). Same seed, same sequence, everywhere.
 */

/** A deterministic random source. */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform in [lo, hi). */
	uniform(lo?: number, hi?: number): number;
	/** Gaussian with the given mean and standard deviation (Box-Muller, pairs cached). */
	normal(mean?: number, std?: number): number;
	/** Integer uniform in [lo, hi) (hi exclusive). */
	int(lo: number, hi: number): number;
	/** Shuffles `items` in place (Fisher-Yates) and returns it. */
	shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T;
}

/** Mixes a 32-bit integer (murmur3 finaliser): neighbouring seeds give unrelated streams. */
function mix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Derives an independent seed from a base seed and a label, e.g. deriveSeed(seed, 'weights'). */
export function deriveSeed(seed: number, label: string): number {
	let h = mix32((seed >>> 0) ^ 0x9e3779b9);
	for (let i = 0; i < label.length; i++) h = mix32(h ^ Math.imul(label.charCodeAt(i), 0x01000193));
	return h;
}

/** Creates a seeded generator (mulberry32); `seed` is taken as an unsigned 32-bit integer. */
export function createRng(seed: number): Rng {
	let state = mix32(seed >>> 0);
	let spare: number | null = null;

	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};

	const standardNormal = (): number => {
		if (spare !== null) {
			const z = spare;
			spare = null;
			return z;
		}
		const u1 = 1 - next();
		const u2 = next();
		const r = Math.sqrt(-2 * Math.log(u1));
		spare = r * Math.sin(2 * Math.PI * u2);
		return r * Math.cos(2 * Math.PI * u2);
	};

	return {
		next,
		uniform: (lo = 0, hi = 1) => lo + (hi - lo) * next(),
		normal: (mean = 0, std = 1) => mean + std * standardNormal(),
		int: (lo, hi) => lo + Math.floor(next() * (hi - lo)),
		shuffle(items) {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				const tmp = items[i];
				items[i] = items[j];
				items[j] = tmp;
			}
			return items;
		}
	};
}
