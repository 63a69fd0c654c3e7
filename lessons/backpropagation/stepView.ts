/**
 * What the step-mode network diagram shows in each phase, from a sample trace: per layer edge
 * values (weights forward, gradients backward, new weights after the update), per layer node
 * values (activations forward, errors delta backward) and the layer to emphasise. Plain data.
 */
import type { SampleTrace } from '$lib/ml/probe/sampleTrace';
import type { Phase } from './stepPhases';

/** The diagram's inputs for one phase; null entries are not (yet) computed and drawn neutral. */
export interface StepView {
	/** per transition l -> l+1, row-major [in x out] */
	edges: (Float32Array | null)[];
	/** per node layer 0..L */
	nodes: (Float32Array | null)[];
	/** node layer to emphasise (with the edges feeding it) */
	highlight: number | undefined;
	/** what the node colours mean */
	nodeKind: 'activation' | 'delta';
}

/** Node values of the forward pass: the input, each hidden activation, then the output probability. */
export function activations(t: SampleTrace): Float32Array[] {
	return [t.x, ...t.a];
}

/**
 * The view of `phase` for the round's trace `t`; `after` is the trace with the updated weights
 * (null while it is not read back yet).
 */
export function stepView(phase: Phase, t: SampleTrace, after: SampleTrace | null = null): StepView {
	const L = t.W.length;
	const acts = activations(t);
	switch (phase.kind) {
		case 'idle':
			return { edges: t.W, nodes: acts, highlight: undefined, nodeKind: 'activation' };
		case 'forward':
			return {
				edges: t.W,
				nodes: acts.map((a, l) => (l <= phase.layer ? a : null)),
				highlight: phase.layer,
				nodeKind: 'activation'
			};
		case 'loss':
			return { edges: t.W, nodes: acts, highlight: L, nodeKind: 'activation' };
		case 'backward':
			return {
				edges: t.dW.map((g, e) => (e + 1 >= phase.layer ? g : null)),
				nodes: [null, ...t.delta.map((d, e) => (e + 1 >= phase.layer ? d : null))],
				highlight: phase.layer,
				nodeKind: 'delta'
			};
		case 'update':
			return {
				edges: after ? after.W : t.W.map(() => null),
				nodes: acts.map(() => null),
				highlight: undefined,
				nodeKind: 'activation'
			};
	}
}
