import type { MessageKey } from '$lib/app/i18n/messages';
import { formatCompact } from './format';

/** The i18n lookup (I18n.t). */
type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Which interactions a scatter plot offers, and its first two class names (null: one class). */
export interface HintOptions {
	move: boolean;
	add: boolean;
	pick: boolean;
	classes: [string, string] | null;
}

/** The keyboard and pointer hint of a scatter plot, in words, for what it offers. */
export function scatterHint(t: T, o: HintOptions): string {
	const parts = [t(o.move || o.add ? 'chart.scatter.hint.page' : 'chart.scatter.hint.step')];
	if (o.move) parts.push(t('chart.scatter.hint.move'));
	if (o.add) {
		parts.push(t(o.move ? 'chart.scatter.hint.escape' : 'chart.scatter.hint.cross'));
		parts.push(o.classes ? t('chart.scatter.hint.addClasses', { c0: o.classes[0], c1: o.classes[1] }) : t('chart.scatter.hint.add'));
	}
	if (o.pick) parts.push(t('chart.scatter.hint.pick'));
	return parts.join(' ');
}

/** What the read-out says about a cursor. */
export interface ReadoutOptions {
	/** Data position of the cursor. */
	x: number;
	y: number;
	xLabel?: string;
	yLabel?: string;
	/** The point under the cursor (index, count, class name), or null for a cross-hair. */
	point: { i: number; n: number; cls: string } | null;
	/** The background's value there and its name (NaN: none). */
	value: number;
	valueLabel: string;
}

/** The read-out in words: "Point 3 of 20: x = 0.5, y = 1, class A; P(class 1): 0.73". */
export function scatterReadout(t: T, o: ReadoutOptions): string {
	const x = `${o.xLabel ?? 'x'} = ${formatCompact(o.x)}`;
	const y = `${o.yLabel ?? 'y'} = ${formatCompact(o.y)}`;
	const p = o.point;
	const head = p
		? t('chart.scatter.point', { i: p.i + 1, n: p.n, x, y, cls: p.cls })
		: t('chart.scatter.cross', { x, y });
	if (!Number.isFinite(o.value)) return head;
	return t('chart.scatter.withValue', { head, name: o.valueLabel, value: formatCompact(o.value) });
}
