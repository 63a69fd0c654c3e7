import * as tf from '@tensorflow/tfjs-core';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeepMlp } from '$lib/ml/models/deepMlp';
import { traceSampleSync, type SampleTrace } from '$lib/ml/probe/sampleTrace';
import { ACT_TEX, phaseFormulas, texMatrix, texNumber, texVector } from '$lessons/backpropagation/formulas';
import { ACTIVATIONS, hiddenOf, schema } from '$lessons/backpropagation/meta';
import { PRESETS } from '$lessons/backpropagation/presets';
import { nextPhase, phaseIndex, phaseList, prevPhase, type Phase } from '$lessons/backpropagation/stepPhases';
import { activations, stepView } from '$lessons/backpropagation/stepView';
import { SELF_CHECK_IDS } from '$lessons/backpropagation/text/types';
import { coerceValue } from '$lib/app/urlState';

const renders = (tex: string) => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' });

describe('step phases', () => {
	it('a round is idle, forward 1..L, loss, backward L..1, update; then forward 1 again', () => {
		const kinds = (L: number) => phaseList(L).map((p) => ('layer' in p ? `${p.kind}${p.layer}` : p.kind));
		expect(kinds(1)).toEqual(['idle', 'forward1', 'loss', 'backward1', 'update']);
		expect(kinds(3)).toEqual(['idle', 'forward1', 'forward2', 'forward3', 'loss', 'backward3', 'backward2', 'backward1', 'update']);
		for (const L of [1, 2, 5]) {
			const list = phaseList(L);
			list.forEach((p, i) => {
				expect(phaseIndex(p, L)).toBe(i);
				if (i + 1 < list.length) expect(nextPhase(p, L)).toEqual(list[i + 1]);
				if (i > 0) expect(prevPhase(p, L)).toEqual(list[i - 1]);
			});
			expect(nextPhase({ kind: 'update' }, L)).toEqual({ kind: 'forward', layer: 1 });
			expect(prevPhase({ kind: 'idle' }, L)).toEqual({ kind: 'idle' });
		}
		expect(phaseIndex({ kind: 'forward', layer: 9 }, 2)).toBe(0);
	});
});

describe('step view and formulas', () => {
	const L = 3;
	const traceOf = (seed: number) => {
		const mlp = createDeepMlp({ hidden: [3, 2], act: 'tanh', init: 'xavier', seed });
		const trace = traceSampleSync(mlp, [0.4, -0.3], 1);
		mlp.dispose();
		return trace;
	};
	let t: SampleTrace;
	let after: SampleTrace;
	beforeAll(async () => {
		await tf.setBackend('cpu');
		t = traceOf(2);
		after = traceOf(3);
	});

	it('forward shows weights and the activations computed so far; backward shows gradients and deltas from the output down', () => {
		const f2 = stepView({ kind: 'forward', layer: 2 }, t);
		expect(f2.edges).toEqual(t.W);
		expect(f2.nodes.map((n) => n !== null)).toEqual([true, true, true, false]);
		expect(f2.highlight).toBe(2);
		expect(activations(t)[3][0]).toBeCloseTo(t.p, 6);
		const b2 = stepView({ kind: 'backward', layer: 2 }, t);
		expect(b2.edges).toEqual([null, t.dW[1], t.dW[2]]);
		expect(b2.nodes).toEqual([null, null, t.delta[1], t.delta[2]]);
		expect(b2.nodeKind).toBe('delta');
		const up = stepView({ kind: 'update' }, t, after);
		expect(up.edges).toEqual(after.W);
		expect(stepView({ kind: 'update' }, t).edges).toEqual([null, null, null]);
		expect(stepView({ kind: 'idle' }, t).nodes.every((n) => n !== null)).toBe(true);
	});

	it('every phase formula renders in KaTeX and carries the traced numbers', () => {
		for (const act of ACTIVATIONS) {
			for (const p of phaseList(L) as Phase[]) {
				const lines = phaseFormulas(p, t, act, 0.3, after);
				expect(lines.length).toBeGreaterThan(0);
				for (const tex of lines) expect(() => renders(tex), tex).not.toThrow();
			}
		}
		const fwd1 = phaseFormulas({ kind: 'forward', layer: 1 }, t, 'tanh', 0.3).join(' ');
		expect(fwd1).toContain(texNumber(t.z[0][0]));
		expect(fwd1).toContain(texNumber(t.a[0][2]));
		expect(phaseFormulas({ kind: 'loss' }, t, 'tanh', 0.3)[0]).toContain(texNumber(t.loss));
		const back = phaseFormulas({ kind: 'backward', layer: 1 }, t, 'tanh', 0.3).join(' ');
		expect(back).toContain(texNumber(t.dW[0][5]));
		expect(back).toContain(ACT_TEX.tanh + "'");
		const upd = phaseFormulas({ kind: 'update' }, t, 'tanh', 0.3, after).join(' ');
		expect(upd).toContain(texMatrix(after.W[1], 3, 2));
		expect(upd).toContain('0.300');
	});

	it('formats numbers with 3 significant digits and matrices as W (out x in)', () => {
		expect(texNumber(0.5)).toBe('0.500');
		expect(texNumber(-12.345)).toBe('-12.3');
		expect(texNumber(0.000123)).toBe(String.raw`1.23\times10^{-4}`);
		expect(texNumber(0)).toBe('0');
		expect(texNumber(NaN)).toContain('NaN');
		// stored [in=2 x out=3] row-major: w[i*3+j] is unit i -> unit j; shown with row j, column i
		expect(texMatrix([1, 2, 3, 4, 5, 6], 2, 3)).toBe(String.raw`\begin{bmatrix}1.00 & 4.00 \\ 2.00 & 5.00 \\ 3.00 & 6.00\end{bmatrix}`);
		expect(texMatrix([1, 2, 3, 4, 5, 6], 2, 3, true)).toBe(String.raw`\begin{bmatrix}1.00 & 2.00 & 3.00 \\ 4.00 & 5.00 & 6.00\end{bmatrix}`);
		expect(texVector([1, -2])).toBe(String.raw`\begin{bmatrix}1.00 \\ -2.00\end{bmatrix}`);
	});
});

describe('meta and presets', () => {
	it('hidden sizes follow the layer count and per-layer widths; 0 layers is allowed', () => {
		expect(hiddenOf({ layers: 0, h1: 4, h2: 4, h3: 4, h4: 4 })).toEqual([]);
		expect(hiddenOf({ layers: 3, h1: 1, h2: 8, h3: 5, h4: 2 })).toEqual([1, 8, 5]);
		expect(schema.layers.min).toBe(0);
		expect(schema.layers.max).toBe(4);
		for (const k of ['h1', 'h2', 'h3', 'h4'] as const) expect([schema[k].min, schema[k].max]).toEqual([1, 8]);
	});

	it('every self-check question has a preset whose values are valid for the schema', () => {
		expect(Object.keys(PRESETS)).toEqual([...SELF_CHECK_IDS]);
		for (const { values } of Object.values(PRESETS)) {
			for (const [k, v] of Object.entries(values)) {
				const spec = schema[k as keyof typeof schema];
				expect(spec, k).toBeDefined();
				expect(coerceValue(spec, v).reason, `${k}=${v}`).toBeFalsy();
			}
		}
		expect(PRESETS.xorNoHidden.values).toMatchObject({ data: 'xor', layers: 0 });
		expect(PRESETS.xorHidden.values).toMatchObject({ data: 'xor', layers: 1, h1: 4, act: 'tanh' });
	});
});
