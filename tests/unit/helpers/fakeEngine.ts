import type { Engine, EngineEvent } from '$lib/app/engine.svelte';

/**
 * A fake engine for session and lesson-run tests: always ready, never loses its device, does not
 * measure backends (`tune` resolves at once and records its keys); `emit` sends engine events and
 * `frames` collects the steps reported per frame.
 */
export function fakeEngine() {
	const listeners = new Set<(e: EngineEvent) => void>();
	const frames: number[] = [];
	const tuned: string[] = [];
	const engine = {
		ready: () => Promise.resolve(),
		tune: (key: string) => {
			tuned.push(key);
			return Promise.resolve();
		},
		subscribe: (l: (e: EngineEvent) => void) => {
			listeners.add(l);
			return () => listeners.delete(l);
		},
		reportFrame: (steps: number) => frames.push(steps)
	};
	const emit = (e: EngineEvent) => listeners.forEach((l) => l(e));
	return { engine: engine as unknown as Engine, emit, frames, tuned };
}
