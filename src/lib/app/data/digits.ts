import { base } from '$app/paths';
import { decodeDigitFile, DigitFileError, type DigitSet } from '$lib/ml/data/mnist';
import type { MessageKey } from '../i18n/messages';

/** The two shipped splits: 12,000 training digits and 2,000 validation digits. */
export type DigitSplit = 'train' | 'val';

/** The URL of a split's file, under the app's own base path. */
export function digitFileUrl(split: DigitSplit): string {
	return `${base}/data/mnist-${split}.bin`;
}

const cache = new Map<DigitSplit, Promise<DigitSet>>();

/**
 * Loads a split from the app's own origin once per page (later calls share the promise; a failed
 * load is forgotten so that "try again" refetches). Rejects with a DigitFileError.
 */
export function loadDigits(split: DigitSplit, fetchFn: typeof fetch = fetch): Promise<DigitSet> {
	const hit = cache.get(split);
	if (hit) return hit;
	const p = fetchDigits(split, fetchFn);
	cache.set(split, p);
	p.catch(() => cache.delete(split));
	return p;
}

async function fetchDigits(split: DigitSplit, fetchFn: typeof fetch): Promise<DigitSet> {
	let bytes: Uint8Array;
	try {
		const res = await fetchFn(digitFileUrl(split));
		if (!res.ok) throw new DigitFileError('fetch', `HTTP ${res.status}`);
		bytes = new Uint8Array(await res.arrayBuffer());
	} catch (e) {
		if (e instanceof DigitFileError) throw e;
		throw new DigitFileError('fetch', e instanceof Error ? e.message : String(e));
	}
	return decodeDigitFile(bytes);
}

/** Forgets loaded splits (tests; a retry after a failure does not need it). */
export function clearDigitCache(): void {
	cache.clear();
}

/** The message for a failed load, with what was found; any other error gets the generic text. */
export function digitErrorMessage(err: unknown, t: (key: MessageKey, vars?: Record<string, string | number>) => string): string {
	if (err instanceof DigitFileError) return t(`data.digits.error.${err.code}`, { detail: err.detail });
	return t('data.digits.error.fetch', { detail: err instanceof Error ? err.message : String(err) });
}
