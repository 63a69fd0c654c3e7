/**
 * The output-size formula with the current numbers filled in, as TeX (for MathBlock), one axis:
 * O = floor((W + P_before + P_after - D(K - 1) - 1) / S) + 1, step by step.
 */
import { outputSize } from '$lib/ml/functions/convShape';

/** The numbers of one axis. */
export interface AxisNumbers {
	w: number;
	k: number;
	s: number;
	d: number;
	before: number;
	after: number;
}

/** TeX of the padding term: `2 \cdot P` when both sides are equal, else `P_before + P_after`. */
function padTex(before: number, after: number): string {
	return before === after ? String.raw`2 \cdot ${before}` : `${before} + ${after}`;
}

/**
 * The formula filled in and evaluated, e.g.
 * `O = \left\lfloor \frac{28 + 2 \cdot 0 - 1 \cdot (3 - 1) - 1}{1} \right\rfloor + 1 = \lfloor 25 / 1 \rfloor + 1 = 26`.
 * When the kernel does not fit, the result reads "0 (no output)" with `noOutput` as the words.
 */
export function filledFormulaTex(n: AxisNumbers, noOutput: string): string {
	const num = n.w + n.before + n.after - n.d * (n.k - 1) - 1;
	const o = outputSize(n.w, n.k, n.s, n.before, n.d, n.after);
	const frac = String.raw`\left\lfloor \frac{${n.w} + ${padTex(n.before, n.after)} - ${n.d} \cdot (${n.k} - 1) - 1}{${n.s}} \right\rfloor + 1`;
	const floor = Math.floor(num / n.s);
	const steps = n.s === 1 ? `${num} + 1` : String.raw`\lfloor ${num} / ${n.s} \rfloor + 1 = ${floor} + 1`;
	if (o === 0) return String.raw`O = ${frac} = ${steps} \le 0 \;\Rightarrow\; \text{${noOutput}}`;
	return String.raw`O = ${frac} = ${steps} = ${o}`;
}
