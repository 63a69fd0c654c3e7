/**
 * Shell params written back to the address: bad values leave the link, usable ones are written in
 * their canonical form, lesson params and their order stay as they were.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanShellSearch, parseShellParams, shellSchema } from '$lib/app/shellParams';
import { writeShellUrl } from '$lib/app/shellUrl';

const HOSTILE = [
	'',
	'   ',
	'NaN',
	'-Infinity',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'\u202Eمرحبا😀',
	'1\u0000\n2',
	'x'.repeat(100_000)
];

const clean = (query: string) => cleanShellSearch(new URLSearchParams(query)).toString();

describe('cleanShellSearch', () => {
	it('removes bad values and keeps the other params in order', () => {
		expect(clean('depth=3&lang=%3Cscript%3E&act=relu&present=maybe&backend=gpu3&contrast=NaN&seed=7')).toBe(
			'depth=3&act=relu&seed=7'
		);
	});

	it('writes usable values in canonical form where they stood, repeats dropped', () => {
		expect(clean('lang=zh-CN&depth=3&present=yes&backend=WASM&contrast=off&present=0')).toBe(
			'lang=zh&depth=3&present=1&backend=wasm&contrast=0'
		);
		expect(clean('present&lang=en-GB&contrast=en_GB')).toBe('present=1&lang=en');
	});

	it('a first value that is bad removes the key even when a repeat is good', () => {
		expect(clean('backend=nope&backend=wasm&x=1')).toBe('x=1');
	});

	it.each(HOSTILE.map((v) => [v.slice(0, 30), v]))('every shell key = %j: the cleaned link has no corrections', (_n, raw) => {
		for (const key of Object.keys(shellSchema)) {
			const search = new URLSearchParams([['k', '1'], [key, raw], [key, 'zh']]);
			const out = cleanShellSearch(search);
			expect(parseShellParams(out).corrections, key).toEqual([]);
			expect(out.get('k')).toBe('1');
			// `present=` (bare key) is a valid "on"; everything else here is refused and removed.
			expect(out.getAll(key), key).toEqual(raw === '' && shellSchema[key as keyof typeof shellSchema].kind === 'boolean' ? ['1'] : []);
			expect(cleanShellSearch(out).toString()).toBe(out.toString());
		}
	});

	it('a clean link is unchanged', () => {
		expect(clean('lang=zh&present=1&backend=webgpu&contrast=0&depth=3')).toBe('lang=zh&present=1&backend=webgpu&contrast=0&depth=3');
		expect(clean('')).toBe('');
	});
});

describe('writeShellUrl', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('writes the cleaned address on the next task, read at write time (lesson params written meanwhile kept)', () => {
		let url = new URL('http://localhost/lessons/x?lang=%3Cscript%3E&depth=99');
		const replace = vi.fn((next: URL) => (url = next));
		writeShellUrl({ replace, current: () => url });
		expect(replace).not.toHaveBeenCalled();
		url = new URL('http://localhost/lessons/x?lang=%3Cscript%3E&depth=20&w=0,-1,0#s2');
		vi.runAllTimers();
		expect(replace).toHaveBeenCalledTimes(1);
		expect(url.href).toBe('http://localhost/lessons/x?depth=20&w=0,-1,0#s2');
	});

	it('retries while the router is not ready, then writes', () => {
		let url = new URL('http://localhost/?backend=%22%3E');
		let fails = 3;
		const replace = vi.fn((next: URL) => {
			if (fails-- > 0) throw new Error('router not ready');
			url = next;
		});
		writeShellUrl({ replace, current: () => url, retryMs: 10 });
		vi.runAllTimers();
		expect(replace).toHaveBeenCalledTimes(4);
		expect(url.search).toBe('');
	});

	it('gives up after the allowed tries, and writes nothing for a clean address or once cancelled', () => {
		const url = new URL('http://localhost/?contrast=2');
		const failing = vi.fn(() => {
			throw new Error('never ready');
		});
		writeShellUrl({ replace: failing, current: () => url, tries: 5 });
		vi.runAllTimers();
		expect(failing).toHaveBeenCalledTimes(5);
		const replace = vi.fn();
		writeShellUrl({ replace, current: () => new URL('http://localhost/?lang=zh&w=0,-1') });
		writeShellUrl({ replace, current: () => url })();
		vi.runAllTimers();
		expect(replace).not.toHaveBeenCalled();
	});
});
