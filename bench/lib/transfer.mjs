// What a page load transferred: responses recorded through the Chrome DevTools Protocol, grouped
// by kind, with the gzip size of each body computed here (zlib, default level) so the figure does
// not depend on whether or how the server compresses.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Kinds of transferred files, as the results group them. */
export const KINDS = /** @type {const} */ (['js', 'wasm', 'data', 'css', 'html', 'font', 'image']);

/**
 * The kind of a response by its path's extension (and the DevTools resource type as a fallback):
 * scripts are 'js', WebAssembly 'wasm', stylesheets 'css', documents 'html', fonts and images
 * their own kinds, and everything else (JSON, binary data sets such as /data/*.bin) 'data'.
 * @param {string} url
 * @param {string} [resourceType] DevTools Network.ResourceType, e.g. 'Script', 'Document'
 * @returns {typeof KINDS[number]}
 */
export function kindOf(url, resourceType = '') {
	const path = new URL(url, 'http://localhost/').pathname.toLowerCase();
	const ext = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1) : '';
	if (ext === 'js' || ext === 'mjs') return 'js';
	if (ext === 'wasm') return 'wasm';
	if (ext === 'css') return 'css';
	if (ext === 'html' || resourceType === 'Document') return 'html';
	if (['woff2', 'woff', 'ttf', 'otf'].includes(ext)) return 'font';
	if (['png', 'jpg', 'jpeg', 'gif', 'svg', 'ico', 'webp', 'avif'].includes(ext)) return 'image';
	if (resourceType === 'Script') return 'js';
	if (resourceType === 'Stylesheet') return 'css';
	if (resourceType === 'Font') return 'font';
	return 'data';
}

/**
 * The built file a URL of the preview server serves, or null (SvelteKit's prerendered pages are
 * `<path>.html`, the root is index.html).
 * @param {string} buildDir
 * @param {string} url
 * @returns {string | null}
 */
export function fileFor(buildDir, url) {
	const path = decodeURIComponent(new URL(url).pathname);
	const candidates = path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
	for (const c of candidates) {
		const file = join(buildDir, c);
		if (file.startsWith(buildDir) && existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

/**
 * @typedef {object} KindTotals
 * @property {number} count responses
 * @property {number} raw bytes of the bodies
 * @property {number} gzip bytes of the bodies gzipped here
 * @property {number} wire bytes on the wire as DevTools counts them (headers included, as served)
 */

/**
 * Sums raw and gzip sizes per kind.
 * @param {readonly { kind: string, body: Buffer | null, wire: number }[]} responses
 * @returns {Record<string, KindTotals>}
 */
export function totals(responses) {
	/** @type {Record<string, KindTotals>} */
	const out = {};
	for (const k of KINDS) out[k] = { count: 0, raw: 0, gzip: 0, wire: 0 };
	for (const r of responses) {
		const t = (out[r.kind] ??= { count: 0, raw: 0, gzip: 0, wire: 0 });
		t.count += 1;
		t.wire += r.wire;
		if (r.body) {
			t.raw += r.body.length;
			t.gzip += gzipSync(r.body).length;
		}
	}
	return out;
}

/**
 * Records the responses of a page through a CDP session (Network domain). Call before navigating;
 * `snapshot()` reads the bodies (from the build folder, else from DevTools) and sums them.
 * @param {import('@playwright/test').CDPSession} cdp
 * @param {string} buildDir absolute path of the served build
 */
export async function recordTransfers(cdp, buildDir) {
	/** @type {Map<string, { url: string, type: string }>} */
	const seen = new Map();
	/** @type {{ id: string, url: string, type: string, wire: number }[]} */
	const finished = [];
	/** @type {string[]} */
	const external = [];
	cdp.on('Network.responseReceived', (e) => seen.set(e.requestId, { url: e.response.url, type: e.type ?? '' }));
	cdp.on('Network.loadingFinished', (e) => {
		const r = seen.get(e.requestId);
		if (r) finished.push({ id: e.requestId, ...r, wire: e.encodedDataLength });
	});
	cdp.on('Network.requestWillBeSent', (e) => {
		const u = new URL(e.request.url);
		if (/^https?:$/.test(u.protocol) && !['localhost', '127.0.0.1'].includes(u.hostname)) external.push(u.href);
	});
	await cdp.send('Network.enable');
	return {
		/** Responses finished so far, grouped by kind, and any request that left localhost. */
		async snapshot() {
			const responses = [];
			for (const r of [...finished]) {
				if (!/^https?:/.test(r.url)) continue;
				const file = fileFor(buildDir, r.url);
				/** @type {Buffer | null} */
				let body = file ? readFileSync(file) : null;
				if (!body) {
					try {
						const res = await cdp.send('Network.getResponseBody', { requestId: r.id });
						body = Buffer.from(res.body, res.base64Encoded ? 'base64' : 'utf8');
					} catch {
						body = null;
					}
				}
				responses.push({ kind: kindOf(r.url, r.type), body, wire: r.wire, url: r.url });
			}
			return { byKind: totals(responses), files: responses.map((r) => ({ url: r.url, kind: r.kind, raw: r.body?.length ?? null })), external: [...external] };
		}
	};
}
