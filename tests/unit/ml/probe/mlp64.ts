/**
 * An independent float64 MLP for reference values in tests: plain JS loops, no tfjs. Weights are
 * row-major [in x out] per layer as DeepMlp stores them; the output is one logit.
 */
import { activation, type ActivationName } from '$lib/ml/functions/activations';

/** A network as plain float64 arrays. */
export interface Mlp64 {
	sizes: number[];
	W: Float64Array[];
	b: Float64Array[];
	act: ActivationName;
	alpha?: number;
}

/** Pre-activations of every layer (the last is the logit) for input x. */
export function forward64(net: Mlp64, x: ArrayLike<number>): Float64Array[] {
	const zs: Float64Array[] = [];
	let h = Float64Array.from(x);
	const L = net.sizes.length - 1;
	for (let l = 0; l < L; l++) {
		const inn = net.sizes[l];
		const out = net.sizes[l + 1];
		const z = new Float64Array(out);
		for (let j = 0; j < out; j++) {
			let s = net.b[l][j];
			for (let i = 0; i < inn; i++) s += h[i] * net.W[l][i * out + j];
			z[j] = s;
		}
		zs.push(z);
		h = l < L - 1 ? z.map((v) => activation(net.act, v, { alpha: net.alpha })) : z;
	}
	return zs;
}

/** Binary cross-entropy (nats) of one sample with label y, in the stable log1p form. */
export function loss64(net: Mlp64, x: ArrayLike<number>, y: number): number {
	const zs = forward64(net, x);
	const z = zs[zs.length - 1][0];
	return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Central finite difference of loss64 w.r.t. one parameter (kind W or b, layer, flat index). */
export function finiteDiff64(net: Mlp64, x: ArrayLike<number>, y: number, kind: 'W' | 'b', layer: number, index: number, h = 1e-6): number {
	const arr = kind === 'W' ? net.W[layer] : net.b[layer];
	const keep = arr[index];
	arr[index] = keep + h;
	const up = loss64(net, x, y);
	arr[index] = keep - h;
	const down = loss64(net, x, y);
	arr[index] = keep;
	return (up - down) / (2 * h);
}
