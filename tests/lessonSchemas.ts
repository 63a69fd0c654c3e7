/**
 * The URL schema of every built lesson, by slug: the hostile-link tests go through all of them, the
 * parser value by value (tests/unit/app/hostileUrl.test.ts) and the pages (tests/e2e/hostile-input.spec.ts).
 * Relative imports, so both vitest and Playwright load it. A new lesson adds its line here.
 */
import type { ParamSchema } from '../src/lib/app/params';
import { schema as l01 } from '../lessons/backpropagation/meta';
import { schema as l02 } from '../lessons/activation-functions/meta';
import { schema as l03 } from '../lessons/loss-functions/meta';
import { schema as l04 } from '../lessons/metrics/meta';
import { schema as l09 } from '../lessons/convolution/meta';
import { schema as l10 } from '../lessons/cnn/meta';

/** [slug, schema] for every built lesson, in catalog order. */
export const LESSON_SCHEMAS: [string, ParamSchema][] = [
	['backpropagation', l01],
	['activation-functions', l02],
	['loss-functions', l03],
	['metrics', l04],
	['convolution', l09],
	['cnn', l10]
];
