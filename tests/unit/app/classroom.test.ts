import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	Classroom,
	DEFAULT_SETTINGS,
	htmlAttributes,
	parseSettings,
	shortcutFor,
	STORAGE_KEY,
	targetKind,
	type KeyInput,
	type TargetKind
} from '$lib/app/classroom.svelte';

function key(k: string, target: TargetKind = 'other', extra: Partial<KeyInput> = {}): KeyInput {
	return { key: k, target, helpOpen: false, ...extra };
}

/** A stand-in for a DOM element: just what targetKind reads. */
function el(tagName: string, attrs: Record<string, string> = {}, isContentEditable = false) {
	return { tagName, isContentEditable, getAttribute: (n: string) => attrs[n] ?? null } as unknown as EventTarget;
}

describe('shortcutFor', () => {
	it('maps the shortcut keys on the page body', () => {
		expect(shortcutFor(key(' '))).toBe('toggle');
		expect(shortcutFor(key('ArrowRight'))).toBe('step');
		expect(shortcutFor(key('r'))).toBe('reset');
		expect(shortcutFor(key('R'))).toBe('reset');
		expect(shortcutFor(key('f'))).toBe('fullscreen');
		expect(shortcutFor(key('F'))).toBe('fullscreen');
		expect(shortcutFor(key('?'))).toBe('help');
		expect(shortcutFor(key('x'))).toBeNull();
		expect(shortcutFor(key('Enter'))).toBeNull();
		expect(shortcutFor(key('ArrowLeft'))).toBeNull();
	});

	it('ignores keys with Ctrl, Meta or Alt', () => {
		for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) {
			for (const k of [' ', 'ArrowRight', 'r', 'f', '?', 'Escape']) {
				expect(shortcutFor(key(k, 'other', { [mod]: true, helpOpen: k === 'Escape' }))).toBeNull();
			}
		}
	});

	it('ignores everything while typing', () => {
		for (const k of [' ', 'ArrowRight', 'r', 'f', '?']) expect(shortcutFor(key(k, 'text'))).toBeNull();
	});

	it('leaves space to focused buttons and choices (no double trigger), but acts on a focused range', () => {
		expect(shortcutFor(key(' ', 'button'))).toBeNull();
		expect(shortcutFor(key(' ', 'choice'))).toBeNull();
		expect(shortcutFor(key(' ', 'range'))).toBe('toggle');
		expect(shortcutFor(key('r', 'button'))).toBe('reset');
	});

	it('leaves arrows to ranges and choices', () => {
		expect(shortcutFor(key('ArrowRight', 'range'))).toBeNull();
		expect(shortcutFor(key('ArrowRight', 'choice'))).toBeNull();
		expect(shortcutFor(key('ArrowRight', 'button'))).toBe('step');
	});

	it('repeats only stepping while a key is held', () => {
		expect(shortcutFor(key('ArrowRight', 'other', { repeat: true }))).toBe('step');
		for (const k of [' ', 'r', 'f', '?']) expect(shortcutFor(key(k, 'other', { repeat: true }))).toBeNull();
	});

	it('while help is open, only Escape and ? act (both close it)', () => {
		const open = { helpOpen: true };
		expect(shortcutFor(key('Escape', 'other', open))).toBe('close-help');
		expect(shortcutFor(key('Escape', 'text', open))).toBe('close-help');
		expect(shortcutFor(key('?', 'button', open))).toBe('close-help');
		for (const k of [' ', 'ArrowRight', 'r', 'f']) expect(shortcutFor(key(k, 'other', open))).toBeNull();
		expect(shortcutFor(key('Escape'))).toBeNull();
	});
});

describe('targetKind', () => {
	it('classifies form fields and widgets', () => {
		expect(targetKind(null)).toBe('other');
		expect(targetKind({} as EventTarget)).toBe('other');
		expect(targetKind(el('INPUT'))).toBe('text');
		expect(targetKind(el('INPUT', { type: 'number' }))).toBe('text');
		expect(targetKind(el('INPUT', { type: 'range' }))).toBe('range');
		expect(targetKind(el('INPUT', { type: 'checkbox' }))).toBe('button');
		expect(targetKind(el('INPUT', { type: 'radio' }))).toBe('choice');
		expect(targetKind(el('TEXTAREA'))).toBe('text');
		expect(targetKind(el('SELECT'))).toBe('text');
		expect(targetKind(el('DIV', {}, true))).toBe('text');
		expect(targetKind(el('DIV', { role: 'textbox' }))).toBe('text');
		expect(targetKind(el('BUTTON'))).toBe('button');
		expect(targetKind(el('SUMMARY'))).toBe('button');
		expect(targetKind(el('DIV', { role: 'button' }))).toBe('button');
		expect(targetKind(el('DIV', { role: 'slider' }))).toBe('range');
		expect(targetKind(el('BUTTON', { role: 'tab' }))).toBe('choice');
		expect(targetKind(el('A', { href: '/x' }))).toBe('other');
		expect(targetKind(el('BODY'))).toBe('other');
	});
});

describe('settings and html attributes', () => {
	it('parses remembered settings defensively', () => {
		expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
		expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
		expect(parseSettings('"string"')).toEqual(DEFAULT_SETTINGS);
		expect(parseSettings('{"present":true,"contrast":"yes","layout":"charts","hideProse":1}')).toEqual({
			...DEFAULT_SETTINGS,
			present: true,
			layout: 'charts'
		});
		expect(parseSettings('{"layout":"<b>"}').layout).toBe('full');
	});

	it('applies prose hiding and layout only while presenting; contrast always', () => {
		expect(htmlAttributes({ present: false, contrast: true, hideProse: true, layout: 'charts' })).toEqual({
			'data-present': null,
			'data-theme': 'contrast',
			'data-hide-prose': null,
			'data-layout': null
		});
		expect(htmlAttributes({ present: true, contrast: false, hideProse: true, layout: 'controls' })).toEqual({
			'data-present': '',
			'data-theme': null,
			'data-hide-prose': '',
			'data-layout': 'controls'
		});
	});
});

function fakeEvent(k: string, target: EventTarget | null = null, extra: Partial<KeyboardEvent> = {}) {
	const e = {
		key: k,
		target,
		ctrlKey: false,
		metaKey: false,
		altKey: false,
		repeat: false,
		isComposing: false,
		defaultPrevented: false,
		preventDefault: vi.fn(() => {
			e.defaultPrevented = true;
		}),
		...extra
	};
	return e;
}

describe('Classroom', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('does nothing (and lets space scroll) without a transport', () => {
		const c = new Classroom();
		const e = fakeEvent(' ');
		c.handleKey(e as unknown as KeyboardEvent);
		expect(e.preventDefault).not.toHaveBeenCalled();
		expect(c.hasTransport).toBe(false);
	});

	it('sends keys to the latest registered transport and stops after unregistering', () => {
		const c = new Classroom();
		const first = { toggle: vi.fn(), step: vi.fn(), reset: vi.fn() };
		const second = { toggle: vi.fn(), step: vi.fn(), reset: vi.fn() };
		const offFirst = c.registerTransport(first);
		const offSecond = c.registerTransport(second);
		const space = fakeEvent(' ');
		c.handleKey(space as unknown as KeyboardEvent);
		c.handleKey(fakeEvent('ArrowRight') as unknown as KeyboardEvent);
		c.handleKey(fakeEvent('r') as unknown as KeyboardEvent);
		expect(space.preventDefault).toHaveBeenCalledOnce();
		expect(second.toggle).toHaveBeenCalledOnce();
		expect(second.step).toHaveBeenCalledOnce();
		expect(second.reset).toHaveBeenCalledOnce();
		expect(first.toggle).not.toHaveBeenCalled();
		offSecond();
		c.handleKey(fakeEvent(' ') as unknown as KeyboardEvent);
		expect(first.toggle).toHaveBeenCalledOnce();
		offFirst();
		expect(c.hasTransport).toBe(false);
	});

	it('does not act on a focused button, while typing, or on an event already handled', () => {
		const c = new Classroom();
		const t = { toggle: vi.fn(), step: vi.fn(), reset: vi.fn() };
		c.registerTransport(t);
		const onButton = fakeEvent(' ', el('BUTTON'));
		c.handleKey(onButton as unknown as KeyboardEvent);
		c.handleKey(fakeEvent('r', el('INPUT')) as unknown as KeyboardEvent);
		c.handleKey(fakeEvent(' ', null, { defaultPrevented: true }) as unknown as KeyboardEvent);
		c.handleKey(fakeEvent(' ', null, { ctrlKey: true }) as unknown as KeyboardEvent);
		expect(onButton.preventDefault).not.toHaveBeenCalled();
		expect(t.toggle).not.toHaveBeenCalled();
		expect(t.reset).not.toHaveBeenCalled();
	});

	it('opens and closes the help overlay with ? and Escape', () => {
		const c = new Classroom();
		c.handleKey(fakeEvent('?') as unknown as KeyboardEvent);
		expect(c.helpOpen).toBe(true);
		const esc = fakeEvent('Escape');
		c.handleKey(esc as unknown as KeyboardEvent);
		expect(c.helpOpen).toBe(false);
		expect(esc.preventDefault).toHaveBeenCalled();
	});

	it('remembers user changes, restores them, and lets the URL override without saving', () => {
		const store = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v)
		});
		const c = new Classroom();
		c.update({ present: true, layout: 'charts', hideProse: true });
		expect(JSON.parse(store.get(STORAGE_KEY) ?? '{}')).toEqual({
			present: true,
			contrast: false,
			hideProse: true,
			layout: 'charts'
		});
		const d = new Classroom();
		d.restore();
		expect(d.settings).toEqual({ present: true, contrast: false, hideProse: true, layout: 'charts' });
		d.override({ present: false, contrast: true });
		expect(d.present).toBe(false);
		expect(d.contrast).toBe(true);
		expect(JSON.parse(store.get(STORAGE_KEY) ?? '{}').present).toBe(true);
	});

	it('survives storage that throws', () => {
		vi.stubGlobal('localStorage', {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('quota');
			}
		});
		const c = new Classroom();
		expect(() => c.restore()).not.toThrow();
		expect(() => c.update({ contrast: true })).not.toThrow();
		expect(c.contrast).toBe(true);
	});

	it('reports a refused fullscreen request instead of throwing', async () => {
		vi.stubGlobal('document', {
			fullscreenElement: null,
			documentElement: { requestFullscreen: () => Promise.reject(new Error('not allowed')) }
		});
		const c = new Classroom();
		await c.toggleFullscreen();
		expect(c.fullscreenError).toBe(true);
		vi.stubGlobal('document', { fullscreenElement: null, documentElement: {} });
		await c.toggleFullscreen();
		expect(c.fullscreenError).toBe(true);
	});
});
