import { describe, expect, it } from 'vitest';
import { defaults } from '$lib/app/urlState';
import { DIGIT_CNN_DEFAULTS, DIGIT_CNN_LIMITS } from '$lib/ml/models/digitCnn';
import { KERNELS, LAYER_IDS, MAP_LAYERS, POOL_SIZES, POOLS, schema } from '$lessons/cnn/meta';
import { describeDigitCnn } from '$lib/ml/models/digitCnn';

describe('L10 schema against the model', () => {
	it("defaults are the model's defaults and ranges are the model's limits", () => {
		const d = defaults(schema);
		expect({ filters1: d.filters1, filters2: d.filters2, kernel: Number(d.kernel), pool: d.pool, poolSize: Number(d.poolSize), lr: d.lr, batch: d.batch, seed: d.seed }).toEqual(DIGIT_CNN_DEFAULTS);
		expect([schema.filters1.min, schema.filters1.max]).toEqual([...DIGIT_CNN_LIMITS.filters1]);
		expect([schema.filters2.min, schema.filters2.max]).toEqual([...DIGIT_CNN_LIMITS.filters2]);
		expect([schema.batch.min, schema.batch.max]).toEqual([...DIGIT_CNN_LIMITS.batch]);
		expect(KERNELS.map(Number)).toEqual([3, 5]);
		expect(POOL_SIZES.map(Number)).toEqual([2, 3]);
		expect([...POOLS]).toEqual(['max', 'avg']);
		expect(schema.lr.min).toBeGreaterThan(0);
	});

	it("names the model's layers in order, the map layers first", () => {
		expect(describeDigitCnn(DIGIT_CNN_DEFAULTS).map((l) => l.id)).toEqual([...LAYER_IDS]);
		expect(LAYER_IDS.slice(0, MAP_LAYERS.length)).toEqual([...MAP_LAYERS]);
		// The widest layer has at most 32 channels: the channel control's range.
		expect(schema.ch.max).toBe(DIGIT_CNN_LIMITS.filters2[1] - 1);
	});
});
