import { app } from './app';
import { charts } from './charts';
import { cnnCharts } from './cnnCharts';
import { data } from './data';
import { shell } from './shell';
import { status } from './status';
import { ui } from './ui';

/**
 * Every namespace of UI strings. Add a namespace file beside this one and list it here; keys must
 * be unique across namespaces (a unit test checks it).
 */
export const namespaces = { app, shell, status, ui, charts, data, cnnCharts } as const;

type Ns = typeof namespaces;
type EnOf<K extends keyof Ns> = Ns[K]['en'];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
	x: infer I
) => void
	? I
	: never;

/** The merged English table: the source of every message key. */
export type EnMessages = UnionToIntersection<{ [K in keyof Ns]: EnOf<K> }[keyof Ns]>;

/** Any UI message key. */
export type MessageKey = keyof EnMessages & string;

function merge(locale: 'en' | 'zh'): Record<MessageKey, string> {
	const out: Record<string, string> = {};
	for (const ns of Object.values(namespaces)) Object.assign(out, ns[locale]);
	return out as Record<MessageKey, string>;
}

/** The merged tables for each locale. */
export const tables = { en: merge('en'), zh: merge('zh') };
