import type { ArchLayer, ColorMode } from '$lib/charts';

/** One layer's output as the feature-map grid shows it. */
export interface LayerView {
	/** [H, W, C]: maps as they are, vectors as one [rows, cols, 1] tile. */
	shape: number[];
	data: Float32Array;
	color: ColorMode;
	/** Fixed colour range (input and probabilities: [0, 1]); else the data's. */
	domain?: [number, number];
	/** Tile size in chart text units. */
	tileSize: number;
}

/** A layer's read-out: its id, shape and values (HWC row-major, or a vector). */
interface Maps {
	id: string;
	shape: number[];
	data: Float32Array;
}

/** Signed layers (before an activation) are drawn with a diverging colour, the rest sequential. */
const SIGNED = new Set(['conv1', 'conv2', 'dense']);

/** A vector of `n` values wrapped into a near-square grid [rows, cols, 1], padded with NaN. */
export function wrapVector(data: Float32Array): { shape: number[]; data: Float32Array } {
	const cols = Math.max(1, Math.ceil(Math.sqrt(data.length)));
	const rows = Math.max(1, Math.ceil(data.length / cols));
	const out = new Float32Array(rows * cols).fill(NaN);
	out.set(data);
	return { shape: [rows, cols, 1], data: out };
}

/**
 * What the feature-map grid shows for layer `id`: the input image, a map layer's channels, the
 * flattened vector (pool 2's values in flatten order, wrapped into a square), or the 10 logits /
 * probabilities as a strip. Null when the layer's values are not there (yet), or when the
 * read-out does not match the layer's current shape (a rebuilt network).
 */
export function layerView(id: string, layers: readonly ArchLayer[], maps: readonly Maps[] | null, input: Float32Array | null): LayerView | null {
	const info = layers.find((l) => l.id === id);
	if (!info) return null;
	const size = info.shape.reduce((a, b) => a * b, 1);
	if (id === 'input') return input && input.length === size ? { shape: [...info.shape], data: input, color: 'sequential', domain: [0, 1], tileSize: 12 } : null;
	const source = maps?.find((m) => m.id === (id === 'flatten' ? 'pool2' : id));
	if (!source || source.data.length !== size) return null;
	if (id === 'flatten') return { ...wrapVector(source.data), color: 'sequential', tileSize: 12 };
	if (info.shape.length === 1) {
		return {
			shape: [1, size, 1],
			data: source.data,
			color: SIGNED.has(id) ? 'diverging' : 'sequential',
			domain: id === 'softmax' ? [0, 1] : undefined,
			tileSize: 24
		};
	}
	return { shape: [...info.shape], data: source.data, color: SIGNED.has(id) ? 'diverging' : 'sequential', tileSize: info.shape[0] > 14 ? 6 : 5 };
}
