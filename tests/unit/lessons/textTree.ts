/** Helpers shared by the lesson-text tests: walk a typed bilingual text tree. */

/** One string or number of a text tree, with its dotted path. */
export interface Leaf {
	path: string;
	value: string | number;
}

/** Every string/number in `v`, with its dotted path (array items by index). */
export function leaves(v: unknown, path = ''): Leaf[] {
	if (typeof v === 'string' || typeof v === 'number') return [{ path, value: v }];
	if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}.${i}`));
	if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
	throw new Error(`unexpected value at ${path}: ${String(v)}`);
}

/** The structure of `v`: strings become 'string', numbers stay (self-check answers must agree). */
export function shape(v: unknown): unknown {
	if (typeof v === 'string') return 'string';
	if (typeof v === 'number') return v;
	if (Array.isArray(v)) return v.map(shape);
	return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, shape(x)]));
}
