/**
 * Classroom mode: projector scale, high contrast, hidden prose, controls-only / charts-only layouts,
 * fullscreen and keyboard shortcuts that drive the running lesson through a registered transport.
 * The key -> action decision is the pure `shortcutFor`; the class only wires it to the page.
 */
import { getContext, setContext } from 'svelte';

/** Page layouts while presenting: everything, only the controls, or only the charts. */
export const LAYOUTS = ['full', 'controls', 'charts'] as const;

/** One of {@link LAYOUTS}. */
export type ClassroomLayout = (typeof LAYOUTS)[number];

/** What a lesson's training session offers to the keyboard (play/pause, one step, reset). */
export interface Transport {
	toggle(): void;
	step(): void;
	reset(): void;
}

/** What a shortcut does. */
export type ShortcutAction = 'toggle' | 'step' | 'reset' | 'fullscreen' | 'help' | 'close-help';

/**
 * The kind of element a key event comes from: `text` takes typing (inputs, textarea, select,
 * contenteditable), `button` is activated by space natively, `range` uses arrows but not space,
 * `choice` (radios, tabs, options) uses both arrows and space, `other` uses neither.
 */
export type TargetKind = 'text' | 'button' | 'range' | 'choice' | 'other';

/** A key press as `shortcutFor` sees it. */
export interface KeyInput {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
	/** Auto-repeat while the key is held (only stepping repeats). */
	repeat?: boolean;
	target: TargetKind;
	/** Whether the shortcut help overlay is open (then only Escape and `?` act). */
	helpOpen: boolean;
}

/** The shortcuts in display order, for the help overlay: the `KeyboardEvent.key` and the action. */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction }[] = [
	{ key: ' ', action: 'toggle' },
	{ key: 'ArrowRight', action: 'step' },
	{ key: 'r', action: 'reset' },
	{ key: 'f', action: 'fullscreen' },
	{ key: '?', action: 'help' },
	{ key: 'Escape', action: 'close-help' }
];

/** Maps a key press to an action, or null when the key must keep its normal meaning. Pure. */
export function shortcutFor(k: KeyInput): ShortcutAction | null {
	if (k.ctrlKey || k.metaKey || k.altKey) return null;
	if (k.key === 'Escape') return k.helpOpen ? 'close-help' : null;
	if (k.target === 'text') return null;
	if (k.helpOpen) return k.key === '?' && !k.repeat ? 'close-help' : null;
	if (k.key === 'ArrowRight') return k.target === 'range' || k.target === 'choice' ? null : 'step';
	if (k.repeat) return null;
	switch (k.key) {
		case ' ':
		case 'Spacebar':
			return k.target === 'button' || k.target === 'choice' ? null : 'toggle';
		case 'r':
		case 'R':
			return 'reset';
		case 'f':
		case 'F':
			return 'fullscreen';
		case '?':
			return 'help';
		default:
			return null;
	}
}

const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'file', 'color', 'image']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox']);
const RANGE_ROLES = new Set(['slider', 'spinbutton', 'scrollbar']);
const CHOICE_ROLES = new Set(['radio', 'tab', 'option', 'listbox', 'menuitemradio', 'treeitem', 'grid']);
const BUTTON_ROLES = new Set(['button', 'checkbox', 'switch', 'menuitem', 'menuitemcheckbox']);

/** Classifies an event target (duck-typed so it can be tested without a DOM). */
export function targetKind(target: EventTarget | null): TargetKind {
	const el = target as Partial<HTMLElement> | null;
	if (!el || typeof el.tagName !== 'string') return 'other';
	if (el.isContentEditable) return 'text';
	const tag = el.tagName.toLowerCase();
	const role = (el.getAttribute?.('role') ?? '').toLowerCase();
	if (tag === 'textarea' || tag === 'select' || TEXT_ROLES.has(role)) return 'text';
	if (tag === 'input') {
		const type = (el.getAttribute?.('type') ?? 'text').toLowerCase();
		if (type === 'range') return 'range';
		if (type === 'radio') return 'choice';
		return BUTTON_INPUTS.has(type) ? 'button' : 'text';
	}
	if (RANGE_ROLES.has(role)) return 'range';
	if (CHOICE_ROLES.has(role)) return 'choice';
	if (tag === 'button' || tag === 'summary' || BUTTON_ROLES.has(role)) return 'button';
	return 'other';
}

/** The remembered classroom settings. */
export interface ClassroomSettings {
	present: boolean;
	contrast: boolean;
	hideProse: boolean;
	layout: ClassroomLayout;
}

/** Settings when nothing is remembered. */
export const DEFAULT_SETTINGS: ClassroomSettings = {
	present: false,
	contrast: false,
	hideProse: false,
	layout: 'full'
};

/** localStorage key of the remembered settings. */
export const STORAGE_KEY = 'dlx.classroom';

/** Reads remembered settings from stored JSON; anything missing or malformed takes its default. */
export function parseSettings(json: string | null): ClassroomSettings {
	let raw: unknown = null;
	try {
		raw = json ? JSON.parse(json) : null;
	} catch {
		raw = null;
	}
	const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
	return {
		present: bool(o.present, DEFAULT_SETTINGS.present),
		contrast: bool(o.contrast, DEFAULT_SETTINGS.contrast),
		hideProse: bool(o.hideProse, DEFAULT_SETTINGS.hideProse),
		layout: LAYOUTS.includes(o.layout as ClassroomLayout)
			? (o.layout as ClassroomLayout)
			: DEFAULT_SETTINGS.layout
	};
}

/** The `<html>` attributes for some settings (null = absent). Prose and layout apply only while presenting. */
export function htmlAttributes(s: ClassroomSettings): Record<string, string | null> {
	return {
		'data-present': s.present ? '' : null,
		'data-theme': s.contrast ? 'contrast' : null,
		'data-hide-prose': s.present && s.hideProse ? '' : null,
		'data-layout': s.present ? s.layout : null
	};
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** Classroom state and behaviour; one per app, shared by context. */
export class Classroom {
	/** Projector mode (also "classroom mode on"): larger type, the other options become available. */
	present = $state(false);
	/** High-contrast theme. */
	contrast = $state(false);
	/** Hide lesson prose (`.prose`) while presenting. */
	hideProse = $state(false);
	/** Which parts of a lesson show while presenting. */
	layout = $state<ClassroomLayout>('full');
	/** The shortcut help overlay is open. */
	helpOpen = $state(false);
	/** The page is fullscreen. */
	fullscreen = $state(false);
	/** The last fullscreen request was refused or is unsupported. */
	fullscreenError = $state(false);
	#transports = $state.raw<Transport[]>([]);

	/** The settings as a plain object. */
	get settings(): ClassroomSettings {
		return { present: this.present, contrast: this.contrast, hideProse: this.hideProse, layout: this.layout };
	}

	/** Whether a lesson registered a transport (the playback keys do something). */
	get hasTransport(): boolean {
		return this.#transports.length > 0;
	}

	/** Loads the remembered settings (browser; a no-op without storage). */
	restore(): void {
		let json: string | null = null;
		try {
			json = storage()?.getItem(STORAGE_KEY) ?? null;
		} catch {
			json = null;
		}
		Object.assign(this, parseSettings(json));
	}

	/** Applies values given in the URL (`?present=1`, `?contrast=1`) for this visit, without remembering them. */
	override(values: { present?: boolean; contrast?: boolean }): void {
		if (values.present !== undefined) this.present = values.present;
		if (values.contrast !== undefined) this.contrast = values.contrast;
	}

	/** Changes settings on the user's request and remembers all of them. */
	update(changes: Partial<ClassroomSettings>): void {
		Object.assign(this, changes);
		try {
			storage()?.setItem(STORAGE_KEY, JSON.stringify(this.settings));
		} catch {
			/* storage may be full or blocked; the change still applies to this page */
		}
	}

	/** Makes `transport` receive the playback keys (the latest registered wins); returns the unregister function. */
	registerTransport(transport: Transport): () => void {
		this.#transports = [...this.#transports, transport];
		return () => {
			this.#transports = this.#transports.filter((t) => t !== transport);
		};
	}

	/** Runs an action; false when it cannot act (no transport for playback keys). */
	perform(action: ShortcutAction): boolean {
		const transport = this.#transports.at(-1);
		switch (action) {
			case 'toggle':
			case 'step':
			case 'reset':
				if (!transport) return false;
				transport[action]();
				return true;
			case 'fullscreen':
				void this.toggleFullscreen();
				return true;
			case 'help':
				this.helpOpen = !this.helpOpen;
				return true;
			case 'close-help':
				this.helpOpen = false;
				return true;
		}
	}

	/** Keyboard handler for `window` keydown: acts, and prevents the default only when it acted. */
	handleKey = (e: KeyboardEvent): void => {
		if (e.defaultPrevented || e.isComposing) return;
		const action = shortcutFor({
			key: e.key,
			ctrlKey: e.ctrlKey,
			metaKey: e.metaKey,
			altKey: e.altKey,
			repeat: e.repeat,
			target: targetKind(e.target),
			helpOpen: this.helpOpen
		});
		if (action && this.perform(action)) e.preventDefault();
	};

	/** Enters or leaves fullscreen; a refusal (or no API) sets `fullscreenError` instead of throwing. */
	async toggleFullscreen(): Promise<void> {
		if (typeof document === 'undefined') return;
		this.fullscreenError = false;
		try {
			if (document.fullscreenElement) await document.exitFullscreen();
			else if (typeof document.documentElement.requestFullscreen === 'function') {
				await document.documentElement.requestFullscreen();
			} else this.fullscreenError = true;
		} catch {
			this.fullscreenError = true;
		}
	}

	/**
	 * Browser wiring: keeps `<html>` attributes in sync, listens to keys and fullscreen changes.
	 * Call once from the root layout after mount; returns the cleanup.
	 */
	attach(): () => void {
		if (typeof window === 'undefined') return () => {};
		const root = document.documentElement;
		const stopEffect = $effect.root(() => {
			$effect(() => {
				for (const [name, value] of Object.entries(htmlAttributes(this.settings))) {
					if (value === null) root.removeAttribute(name);
					else root.setAttribute(name, value);
				}
			});
		});
		const onFullscreen = () => (this.fullscreen = !!document.fullscreenElement);
		window.addEventListener('keydown', this.handleKey);
		document.addEventListener('fullscreenchange', onFullscreen);
		onFullscreen();
		return () => {
			stopEffect();
			window.removeEventListener('keydown', this.handleKey);
			document.removeEventListener('fullscreenchange', onFullscreen);
		};
	}
}

const KEY = Symbol('classroom');

/** Makes a Classroom available to descendants. */
export function setClassroom(classroom: Classroom): Classroom {
	return setContext(KEY, classroom);
}

/** The app's Classroom (a fresh one outside the app, e.g. in tests). */
export function useClassroom(): Classroom {
	return getContext<Classroom | undefined>(KEY) ?? new Classroom();
}
