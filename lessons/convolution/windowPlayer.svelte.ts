/**
 * The sliding-window animation: moves the window position forward at `speed` positions per second
 * on animation frames, stops at the last position, steps one position back or forward, restarts.
 * The position itself lives in the lesson's parameters (it is in the URL); the player only moves it.
 */
export class WindowPlayer {
	/** True while the window moves by itself. */
	playing = $state(false);

	readonly #get: () => { pos: number; count: number; speed: number };
	readonly #set: (pos: number) => void;
	#frame: number | null = null;
	#last = 0;
	#carry = 0;

	constructor(get: () => { pos: number; count: number; speed: number }, set: (pos: number) => void) {
		this.#get = get;
		this.#set = set;
	}

	/** Starts moving; from the start again when the window is at the last position. */
	play(): void {
		if (this.playing || typeof requestAnimationFrame === 'undefined') return;
		const { pos, count } = this.#get();
		if (count <= 1) return;
		if (pos >= count - 1) this.#set(0);
		this.playing = true;
		this.#carry = 0;
		this.#last = performance.now();
		this.#frame = requestAnimationFrame((t) => this.#tick(t));
	}

	/** Stops moving. */
	pause(): void {
		this.playing = false;
		if (this.#frame !== null) cancelAnimationFrame(this.#frame);
		this.#frame = null;
	}

	/** Play or pause. */
	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** Pauses and moves `delta` positions (clamped to the output). */
	step(delta: number): void {
		this.pause();
		const { pos, count } = this.#get();
		this.#set(Math.max(0, Math.min(count - 1, pos + delta)));
	}

	/** Pauses and goes back to the first position. */
	restart(): void {
		this.pause();
		this.#set(0);
	}

	/** Pauses and jumps to position `pos` (a picked output cell). */
	jump(pos: number): void {
		this.pause();
		const { count } = this.#get();
		this.#set(Math.max(0, Math.min(count - 1, pos)));
	}

	/** Stops for good (component teardown). */
	destroy(): void {
		this.pause();
	}

	#tick(now: number): void {
		if (!this.playing) return;
		const { pos, count, speed } = this.#get();
		this.#carry += ((now - this.#last) / 1000) * speed;
		this.#last = now;
		const advance = Math.floor(this.#carry);
		if (advance > 0) {
			this.#carry -= advance;
			const next = Math.min(count - 1, pos + advance);
			this.#set(next);
			if (next >= count - 1) {
				this.pause();
				return;
			}
		}
		this.#frame = requestAnimationFrame((t) => this.#tick(t));
	}
}
