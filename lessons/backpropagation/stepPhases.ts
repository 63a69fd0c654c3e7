/**
 * Step mode's phases for a network with L weight layers (L - 1 hidden layers): ready, forward
 * through layers 1..L, the loss, backward through layers L..1, the update; then the next round.
 */

/** One phase of step mode; `layer` counts weight layers from 1 (next to the input) to L (output). */
export type Phase =
	| { kind: 'idle' }
	| { kind: 'forward'; layer: number }
	| { kind: 'loss' }
	| { kind: 'backward'; layer: number }
	| { kind: 'update' };

/** Every phase of one round in order: idle, forward 1..L, loss, backward L..1, update (2L + 3 phases). */
export function phaseList(L: number): Phase[] {
	const out: Phase[] = [{ kind: 'idle' }];
	for (let l = 1; l <= L; l++) out.push({ kind: 'forward', layer: l });
	out.push({ kind: 'loss' });
	for (let l = L; l >= 1; l--) out.push({ kind: 'backward', layer: l });
	out.push({ kind: 'update' });
	return out;
}

/** Position of a phase in phaseList(L) (0 = idle); a layer outside 1..L counts as idle. */
export function phaseIndex(p: Phase, L: number): number {
	switch (p.kind) {
		case 'idle':
			return 0;
		case 'forward':
			return p.layer >= 1 && p.layer <= L ? p.layer : 0;
		case 'loss':
			return L + 1;
		case 'backward':
			return p.layer >= 1 && p.layer <= L ? 2 * L + 2 - p.layer : 0;
		case 'update':
			return 2 * L + 2;
	}
}

/** The phase after `p`; after the update a new round starts at forward layer 1. */
export function nextPhase(p: Phase, L: number): Phase {
	const list = phaseList(L);
	const i = phaseIndex(p, L);
	return i + 1 < list.length ? list[i + 1] : list[1];
}

/** The phase before `p` (idle stays idle). */
export function prevPhase(p: Phase, L: number): Phase {
	const i = phaseIndex(p, L);
	return phaseList(L)[Math.max(0, i - 1)];
}
