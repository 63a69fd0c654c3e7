import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDigitCache, digitErrorMessage, digitFileUrl, loadDigits } from '$lib/app/data/digits';
import { I18n } from '$lib/app/i18n/i18n.svelte';
import { DigitFileError } from '$lib/ml/data/mnist';

function fetchReturning(body: Uint8Array | null, status = 200): typeof fetch & { calls: string[] } {
	const calls: string[] = [];
	const f = (async (url: string) => {
		calls.push(url);
		if (!body) throw new TypeError('Failed to fetch');
		return new Response(body as BodyInit, { status });
	}) as unknown as typeof fetch & { calls: string[] };
	f.calls = calls;
	return f;
}

describe('loadDigits', () => {
	beforeEach(() => clearDigitCache());

	it('fetches the split once from the app’s own path and decodes it', async () => {
		const f = fetchReturning(new Uint8Array(readFileSync('static/data/mnist-val.bin')));
		const [a, b] = await Promise.all([loadDigits('val', f), loadDigits('val', f)]);
		expect(a).toBe(b);
		expect(a.count).toBe(2000);
		expect(f.calls).toEqual([digitFileUrl('val')]);
		expect(digitFileUrl('val')).toMatch(/\/data\/mnist-val\.bin$/);
	});

	it('turns HTTP errors, network errors and wrong files into DigitFileErrors, and retries after one', async () => {
		await expect(loadDigits('train', fetchReturning(new Uint8Array(0), 404))).rejects.toMatchObject({ code: 'fetch', detail: 'HTTP 404' });
		await expect(loadDigits('train', fetchReturning(null))).rejects.toMatchObject({ code: 'fetch' });
		await expect(loadDigits('train', fetchReturning(new TextEncoder().encode('<!doctype html>')))).rejects.toMatchObject({ code: 'magic' });
		const ok = await loadDigits('train', fetchReturning(new Uint8Array(readFileSync('static/data/mnist-train.bin'))));
		expect(ok.count).toBe(12000);
	});

	it('gives a message in both languages that says what was wrong', () => {
		const i18n = new I18n('en');
		const err = new DigitFileError('truncated', '100 bytes, expected 200');
		expect(digitErrorMessage(err, i18n.t.bind(i18n))).toContain('100 bytes, expected 200');
		i18n.set('zh');
		expect(digitErrorMessage(err, i18n.t.bind(i18n))).toContain('不完整');
		expect(digitErrorMessage(new Error('boom'), i18n.t.bind(i18n))).toContain('boom');
	});
});
