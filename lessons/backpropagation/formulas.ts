/**
 * The formulas of each step-mode phase as KaTeX source with the sample's numbers filled in
 * (column-vector convention: W^{(l)} has one row per unit of layer l). Plain strings, no DOM.
 */
import { activationDerivative } from '$lib/ml/functions/activations';
import type { SampleTrace } from '$lib/ml/probe/sampleTrace';
import type { ActivationName } from './text/types';
import type { Phase } from './stepPhases';

/** TeX name of each hidden activation. */
export const ACT_TEX: Record<ActivationName, string> = {
	tanh: String.raw`\tanh`,
	relu: String.raw`\operatorname{ReLU}`,
	sigmoid: String.raw`\sigma`,
	leakyRelu: String.raw`\operatorname{LReLU}`,
	elu: String.raw`\operatorname{ELU}`,
	gelu: String.raw`\operatorname{GELU}`
};

/** A number for TeX: 3 significant digits, scientific notation outside [0.001, 1000). */
export function texNumber(v: number): string {
	if (Number.isNaN(v)) return String.raw`\text{NaN}`;
	if (!Number.isFinite(v)) return v > 0 ? String.raw`\infty` : String.raw`-\infty`;
	if (v === 0) return '0';
	const a = Math.abs(v);
	if (a >= 1e-3 && a < 1e3) return v.toPrecision(3);
	const [m, e] = v.toExponential(2).split('e');
	return String.raw`${m}\times10^{${Number(e)}}`;
}

/** A column vector. */
export function texVector(v: ArrayLike<number>): string {
	return String.raw`\begin{bmatrix}${Array.from(v, texNumber).join(String.raw` \\ `)}\end{bmatrix}`;
}

/** A row vector. */
export function texRow(v: ArrayLike<number>): string {
	return String.raw`\begin{bmatrix}${Array.from(v, texNumber).join(' & ')}\end{bmatrix}`;
}

/**
 * A weight matrix stored row-major [in x out] (unit i -> unit j at i * out + j), shown as W
 * (out rows, in columns) or, with `transposed`, as W^T (in rows, out columns).
 */
export function texMatrix(w: ArrayLike<number>, inn: number, out: number, transposed = false): string {
	const rows: string[] = [];
	const [nr, nc] = transposed ? [inn, out] : [out, inn];
	for (let r = 0; r < nr; r++) {
		const cells: string[] = [];
		for (let c = 0; c < nc; c++) cells.push(texNumber(transposed ? w[r * out + c] : w[c * out + r]));
		rows.push(cells.join(' & '));
	}
	return String.raw`\begin{bmatrix}${rows.join(String.raw` \\ `)}\end{bmatrix}`;
}

const sup = (l: number, transposed = false) => `^{(${l})${transposed ? String.raw`\top` : ''}}`;
const dLd = (what: string) => String.raw`\frac{\partial \mathcal{L}}{\partial ${what}}`;

/** The formulas (display TeX, one per line) of one phase for the round's trace. */
export function phaseFormulas(phase: Phase, t: SampleTrace, act: ActivationName, lr: number, after: SampleTrace | null = null): string[] {
	const L = t.W.length;
	const size = (l: number) => t.layerSizes[l];
	const inputSym = (l: number, transposed = false) => (l === 1 ? (transposed ? String.raw`x^{\top}` : 'x') : `a${sup(l - 1, transposed)}`);
	const inputVal = (l: number) => (l === 1 ? t.x : t.a[l - 2]);
	switch (phase.kind) {
		case 'idle':
			return [String.raw`x = ${texVector(t.x)}, \qquad y = ${t.y}`];
		case 'forward': {
			const l = phase.layer;
			const e = l - 1;
			const z = String.raw`z${sup(l)} = W${sup(l)} ${inputSym(l)} + b${sup(l)} = ${texMatrix(t.W[e], size(e), size(l))} ${texVector(inputVal(l))} + ${texVector(t.b[e])} = ${texVector(t.z[e])}`;
			if (l < L) return [z, String.raw`a${sup(l)} = ${ACT_TEX[act]}\big(z${sup(l)}\big) = ${texVector(t.a[e])}`];
			return [z, String.raw`\hat y = \sigma\big(z${sup(l)}\big) = \frac{1}{1 + e^{-z${sup(l)}}} = ${texNumber(t.p)}`];
		}
		case 'loss':
			return [
				String.raw`\mathcal{L} = -\big[\,y \ln \hat y + (1 - y) \ln (1 - \hat y)\,\big] = -\big[\,${t.y} \cdot \ln ${texNumber(t.p)} + ${1 - t.y} \cdot \ln ${texNumber(1 - t.p)}\,\big] = ${texNumber(t.loss)}`
			];
		case 'backward': {
			const l = phase.layer;
			const e = l - 1;
			const delta =
				l === L
					? String.raw`\delta${sup(l)} = \hat y - y = ${texNumber(t.p)} - ${t.y} = ${texVector(t.delta[e])}`
					: String.raw`\delta${sup(l)} = \big(W${sup(l + 1, true)} \delta${sup(l + 1)}\big) \odot ${ACT_TEX[act]}'\big(z${sup(l)}\big) = \Big(${texMatrix(t.W[e + 1], size(l), size(l + 1), true)} ${texVector(t.delta[e + 1])}\Big) \odot ${texVector(Array.from(t.z[e], (z) => activationDerivative(act, z)))} = ${texVector(t.delta[e])}`;
			return [
				delta,
				String.raw`${dLd(`W${sup(l)}`)} = \delta${sup(l)} ${inputSym(l, true)} = ${texVector(t.delta[e])} ${texRow(inputVal(l))} = ${texMatrix(t.dW[e], size(e), size(l))}`,
				String.raw`${dLd(`b${sup(l)}`)} = \delta${sup(l)} = ${texVector(t.db[e])}`
			];
		}
		case 'update': {
			const eta = texNumber(lr);
			const lines: string[] = [];
			for (let l = 1; l <= L; l++) {
				const e = l - 1;
				const newW = after ? ` = ${texMatrix(after.W[e], size(e), size(l))}` : '';
				const newB = after ? ` = ${texVector(after.b[e])}` : '';
				lines.push(
					String.raw`W${sup(l)} \leftarrow W${sup(l)} - \eta\, ${dLd(`W${sup(l)}`)} = ${texMatrix(t.W[e], size(e), size(l))} - ${eta}\, ${texMatrix(t.dW[e], size(e), size(l))}${newW}`,
					String.raw`b${sup(l)} \leftarrow b${sup(l)} - \eta\, ${dLd(`b${sup(l)}`)} = ${texVector(t.b[e])} - ${eta}\, ${texVector(t.db[e])}${newB}`
				);
			}
			return lines;
		}
	}
}
