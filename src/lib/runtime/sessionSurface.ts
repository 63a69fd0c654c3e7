/**
 * The public surface of a training session as lessons use it: TrainingSession (steps on the main
 * thread) has it, and so does any session that trains elsewhere (e.g. L10's worker session), so a
 * lesson can hold either.
 */
import type { SessionStatus } from './session.svelte';

/** What a lesson reads from and calls on its training session. */
export interface SessionSurface {
	/** where the session stands (reactive) */
	readonly status: SessionStatus;
	/** steps taken by the current model (reactive) */
	readonly step: number;
	/** training speed: most steps per animation frame (1..100) */
	stepsPerFrame: number;
	/** why the session stopped with 'error', or null (reactive) */
	readonly error: string | null;
	/** true once a model exists */
	readonly ready: boolean;
	/** Builds the first model once the engine is ready. */
	start(): Promise<void>;
	/** Starts continuous training (queued until the model exists). */
	play(): void;
	/** Pauses continuous training. */
	pause(): void;
	/** Play/pause toggle. */
	toggle(): void;
	/** Runs exactly one step (pausing first). */
	stepOnce(): void;
	/** Throws the model away and builds a fresh one from the current settings; stops training. */
	reset(): void;
	/** Rebuilds with new settings, keeping the session running if it was. */
	rebuild(): void;
	/** Applies settings that need no rebuild (e.g. learning rate). */
	configure(patch: Record<string, number | string | boolean>): void;
	/** Stops everything and frees the model. */
	destroy(): void;
}
