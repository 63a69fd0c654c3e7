/**
 * A lesson's parameters as reactive state, read from and written back to the URL (shallow routing).
 * Safe during prerender: nothing touches `window` until `init`/`startSync` run in the browser.
 */
import { replaceState } from '$app/navigation';
import type { Correction, ParamSchema, ParamValues } from './params';
import { coerceValue, defaults, formatValue, parseParams, truncateGiven, writeParams } from './urlState';

/** Minimum time between two URL writes, in milliseconds. */
export const URL_SYNC_MS = 200;

/** Consecutive failed URL writes (router not ready) before a pending write is dropped. */
const MAX_RETRIES = 25;

/** Options for {@link UrlParams}; tests inject `replace` instead of SvelteKit's `replaceState`. */
export interface UrlParamsOptions {
	/** Writes the URL (default: SvelteKit `replaceState(url, {})`). May throw before the router is ready. */
	replace?: (url: URL) => void;
	/** The current URL at write time (default: `location.href`). */
	current?: () => URL;
	/** Throttle interval in ms (default {@link URL_SYNC_MS}). */
	throttleMs?: number;
}

/** Reactive, validated parameter values of one lesson, synced to the URL. */
export class UrlParams<S extends ParamSchema> {
	/** The current values (reactive; change them through `set` so they are validated). */
	values = $state() as ParamValues<S>;
	/** What was corrected while reading the URL (shown by CorrectionsNotice). */
	corrections = $state<Correction[]>([]);

	readonly #schema: S;
	readonly #replace: (url: URL) => void;
	readonly #current: () => URL | null;
	readonly #throttleMs: number;
	#url: URL | null = null;
	#syncing = false;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#pending = false;
	#failures = 0;

	constructor(schema: S, options: UrlParamsOptions = {}) {
		this.#schema = schema;
		this.values = defaults(schema);
		this.#replace = options.replace ?? ((url) => replaceState(url, {}));
		this.#current =
			options.current ?? (() => (typeof location === 'undefined' ? null : new URL(location.href)));
		this.#throttleMs = options.throttleMs ?? URL_SYNC_MS;
	}

	/** The schema these values follow. */
	get schema(): S {
		return this.#schema;
	}

	/** Reads `url` (values and corrections). Call in the browser; during prerender the defaults stay. */
	init(url: URL): void {
		this.#url = new URL(url);
		const { values, corrections } = parseParams(this.#schema, url.searchParams);
		this.values = values;
		this.corrections = corrections;
	}

	/**
	 * Sets one value, validated like a URL value (clamped, snapped, defaulted). Returns the correction
	 * when the value had to change beyond silent snapping, else null. Schedules a URL write.
	 */
	set<K extends keyof S & string>(key: K, value: unknown): Correction | null {
		const spec = this.#schema[key];
		if (!spec) return null;
		const { value: used, reason } = coerceValue(spec, value);
		(this.values as Record<string, unknown>)[key] = used;
		this.#schedule();
		if (!reason) return null;
		return { param: key, given: truncateGiven(String(value)), used: formatValue(spec, used), reason };
	}

	/** Restores every default; the seed (key `seed`) is kept unless `keepSeed` is false. */
	reset({ keepSeed = true }: { keepSeed?: boolean } = {}): void {
		const next = defaults(this.#schema) as Record<string, unknown>;
		const current = this.values as Record<string, unknown>;
		if (keepSeed && 'seed' in next) next.seed = current.seed;
		this.values = next as ParamValues<S>;
		this.#schedule();
	}

	/** Hides the corrections (the notice was dismissed). */
	clearCorrections(): void {
		this.corrections = [];
	}

	/**
	 * The query string of the current values, unrelated params of `base` kept (no leading `?`). Commas
	 * stay literal (list values read `0,-1,0`); they mean the same in a query either way.
	 */
	search(base?: URLSearchParams): string {
		return writeParams(this.#schema, $state.snapshot(this.values) as ParamValues<S>, base)
			.toString()
			.replace(/%2C/gi, ',');
	}

	/** A shareable link (path + query + hash) for the current values, relative to the page's origin. */
	href(): string {
		const url = this.#current() ?? this.#url;
		if (!url) return `?${this.search()}`;
		return `${url.pathname}?${this.search(url.searchParams)}${url.hash}`;
	}

	/**
	 * Starts writing the URL whenever values change (throttled; the first write normalises the URL).
	 * Call from a component after mount (`onMount(() => params.startSync())`); returns the stop function.
	 */
	startSync(): () => void {
		if (typeof window === 'undefined') return () => {};
		this.#syncing = true;
		const stopEffect = $effect.root(() => {
			$effect(() => {
				this.search();
				this.#schedule();
			});
		});
		return () => {
			stopEffect();
			this.#syncing = false;
			this.#pending = false;
			if (this.#timer !== null) clearTimeout(this.#timer);
			this.#timer = null;
		};
	}

	/** Throttle: the first change waits one tick (the router may not be started yet), later ones <= 1 per interval. */
	#schedule(): void {
		if (!this.#syncing) return;
		this.#pending = true;
		if (this.#timer !== null) return;
		this.#timer = setTimeout(() => this.#flush(), 0);
	}

	#flush(): void {
		this.#timer = null;
		if (!this.#syncing || !this.#pending) return;
		const ok = this.#write();
		this.#failures = ok ? 0 : this.#failures + 1;
		this.#pending = !ok && this.#failures < MAX_RETRIES;
		this.#timer = setTimeout(() => this.#flush(), this.#throttleMs);
	}

	/** Writes the URL now; false if it must be retried (the router was not ready). */
	#write(): boolean {
		const now = this.#current();
		if (!now) return true;
		if (this.#url && now.pathname !== this.#url.pathname) return true;
		const search = this.search(now.searchParams);
		if (now.search === (search ? `?${search}` : '')) return true;
		const next = new URL(now);
		next.search = search;
		try {
			this.#replace(next);
			return true;
		} catch {
			return false;
		}
	}
}
