import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileFor, kindOf, totals } from '../../../bench/lib/transfer.mjs';

describe('bench transfer accounting', () => {
	it('groups responses by kind: scripts, wasm, data sets, styles, pages, fonts, images', () => {
		const u = (p: string) => `http://localhost:4194${p}`;
		expect(kindOf(u('/_app/immutable/chunks/abc.js'))).toBe('js');
		expect(kindOf(u('/_app/immutable/tfjs-backend-wasm-simd.wasm'))).toBe('wasm');
		expect(kindOf(u('/data/mnist-train.bin'))).toBe('data');
		expect(kindOf(u('/data/set.json?v=1'))).toBe('data');
		expect(kindOf(u('/_app/immutable/assets/0.css'))).toBe('css');
		expect(kindOf(u('/lessons/metrics'), 'Document')).toBe('html');
		expect(kindOf(u('/_app/immutable/assets/KaTeX_Main.woff2'))).toBe('font');
		expect(kindOf(u('/favicon.svg'))).toBe('image');
		expect(kindOf(u('/_app/env'), 'Script')).toBe('js');
	});

	it('maps URLs to built files, prerendered pages included, and never outside the build', () => {
		const dir = mkdtempSync(join(tmpdir(), 'bench-'));
		mkdirSync(join(dir, 'lessons'));
		writeFileSync(join(dir, 'index.html'), 'home');
		writeFileSync(join(dir, 'lessons', 'metrics.html'), 'page');
		writeFileSync(join(dir, 'a.js'), 'js');
		expect(fileFor(dir, 'http://localhost/')).toBe(join(dir, 'index.html'));
		expect(fileFor(dir, 'http://localhost/lessons/metrics?spf=100')).toBe(join(dir, 'lessons', 'metrics.html'));
		expect(fileFor(dir, 'http://localhost/a.js')).toBe(join(dir, 'a.js'));
		expect(fileFor(dir, 'http://localhost/missing.js')).toBeNull();
		expect(fileFor(dir, 'http://localhost/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
	});

	it('sums raw, gzip and wire bytes per kind', () => {
		const body = Buffer.from('x'.repeat(10_000));
		const t = totals([
			{ kind: 'js', body, wire: 300 },
			{ kind: 'js', body, wire: 300 },
			{ kind: 'data', body: null, wire: 50 }
		]);
		expect(t.js).toEqual({ count: 2, raw: 20_000, gzip: 2 * gzipSync(body).length, wire: 600 });
		expect(t.js.gzip).toBeLessThan(1000);
		expect(t.data).toEqual({ count: 1, raw: 0, gzip: 0, wire: 50 });
		expect(t.wasm.count).toBe(0);
	});
});
