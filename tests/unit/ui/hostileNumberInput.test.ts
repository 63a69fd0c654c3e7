/**
 * Hostile text typed or pasted into a NumberField (numberInput.ts): the committed value is always in
 * range, unusable text keeps the current value and is reported, and the echoed text is short and safe.
 */
import { describe, expect, it } from 'vitest';
import { commitNumber, echo, MAX_ECHO, type NumberRange } from '$lib/ui/numberInput';

const RANGE: NumberRange = { min: 2, max: 20, step: 1, integer: true };

const TYPED: [string, string, string | null][] = [
	['', 'empty', null],
	['1e308', 'above-max', null],
	['9999999999', 'above-max', null],
	['-5', 'below-min', null],
	['NaN', 'not-a-number', null],
	['Infinity', 'not-a-number', null],
	['-Infinity', 'not-a-number', null],
	['1e999', 'not-finite', null],
	['abc', 'not-a-number', null],
	['مرحبا', 'not-a-number', null],
	['😀', 'not-a-number', null],
	['<script>alert(1)</script>', 'not-a-number', null],
	['"><img src=x onerror=alert(1)>', 'not-a-number', null],
	['a'.repeat(100_000), 'not-a-number', null],
	['9'.repeat(100_000), 'not-finite', null],
	['9'.repeat(100_000) + 'x', 'not-a-number', null]
];

describe('commitNumber with hostile text', () => {
	it.each(TYPED)('%#: %s', (raw, issue) => {
		const r = commitNumber(raw, RANGE, 7);
		expect(r.issue).toBe(issue);
		expect(r.value).toBeGreaterThanOrEqual(RANGE.min);
		expect(r.value).toBeLessThanOrEqual(RANGE.max);
		expect(Number.isInteger(r.value)).toBe(true);
		if (issue === 'empty' || issue?.startsWith('not-')) expect(r.value).toBe(7);
		expect(Array.from(r.given).length).toBeLessThanOrEqual(MAX_ECHO);
	}, 5_000);
});

describe('echo', () => {
	it('never splits an emoji into a lone surrogate', () => {
		const out = echo('😀'.repeat(40));
		expect(Array.from(out)).toHaveLength(MAX_ECHO);
		expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
	});

	it('replaces control and bidi-override characters', () => {
		expect(echo('\u202E12\u0000')).toBe('\uFFFD12\uFFFD');
	});
});
