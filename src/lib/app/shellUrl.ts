/**
 * Writes the cleaned shell params (see `cleanShellSearch`) back into the address once the page has
 * read them, so a copied link never carries a value the app refused. The writer is injected (the
 * root layout passes SvelteKit's `replaceState`), which keeps this file free of `$app` imports.
 */
import { cleanShellSearch, shellSchema } from './shellParams';

const SHELL_KEYS = Object.keys(shellSchema);

/** Whether two lists of raw values are equal. */
const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Options for {@link writeShellUrl}. */
export interface ShellUrlOptions {
	/** Writes the URL; may throw while the router is not ready (then the write is retried). */
	replace: (url: URL) => void;
	/** The address at write time (default: `location.href`). */
	current?: () => URL;
	/** Wait between tries, ms (default 50). */
	retryMs?: number;
	/** Tries before giving up (default 25). */
	tries?: number;
}

/**
 * Schedules the write (first try on the next task, after the router has started); reads the address
 * at write time, so lesson params written meanwhile are kept. Writes nothing when the shell params in
 * the address are already clean. Returns a function that cancels a pending try.
 */
export function writeShellUrl(options: ShellUrlOptions): () => void {
	const current = options.current ?? (() => new URL(location.href));
	const retryMs = options.retryMs ?? 50;
	let left = options.tries ?? 25;
	let timer: ReturnType<typeof setTimeout> | null = null;
	const attempt = () => {
		timer = null;
		const now = current();
		const clean = cleanShellSearch(now.searchParams);
		if (SHELL_KEYS.every((k) => same(clean.getAll(k), now.searchParams.getAll(k)))) return;
		const next = new URL(now);
		// Commas stay literal, as lesson params write them (`UrlParams.search`).
		next.search = clean.toString().replace(/%2C/gi, ',');
		try {
			options.replace(next);
		} catch {
			if (--left > 0) timer = setTimeout(attempt, retryMs);
		}
	};
	timer = setTimeout(attempt, 0);
	return () => {
		if (timer !== null) clearTimeout(timer);
		timer = null;
	};
}
