// The lessons `npm run bench` measures: one entry per lesson that trains a model. Adding a lesson
// is adding one entry here (see bench/README.md, "Adding a lesson").

/**
 * @typedef {object} BenchLesson
 * @property {string} id catalog id, e.g. 'L02'
 * @property {string} slug route slug: the page is /lessons/<slug>
 * @property {Record<string, string | number | boolean>} params URL params for a fast, representative
 *   run at full speed (steps per frame at its maximum, the lesson's default model otherwise)
 * @property {string} slider test id of the range input the bench drives with the keyboard
 *   (a Slider with data-testid="x" renders its range as "x-range")
 * @property {string} chart title of the chart that slider redraws (the figure's accessible name, English)
 * @property {[string, string]} [keys] the two keys pressed in turn on the slider (default ArrowRight, ArrowLeft,
 *   so the value moves back and forth and never sticks at an end)
 * @property {string} [playbar] CSS selector of the PlayBar of the training run (default the first
 *   [data-testid=playbar]); its play button and status are looked up inside it
 * @property {boolean} [autoplay] the lesson starts training by itself (the bench does not press Play
 *   for the cold start, which would race with the lesson's own start and could pause it; it presses
 *   Play only when the run has paused itself later)
 * @property {number} memStepCap most steps the long memory sample waits for on this lesson (the
 *   run's BENCH_MEM_STEPS is capped to it), so 5,000 steps stay affordable on slow lessons
 */

/** @type {BenchLesson[]} */
export const LESSONS = [
	{
		id: 'L01',
		slug: 'backpropagation',
		params: { spf: 100 },
		slider: 'pg-noise-range',
		chart: 'Data and decision boundary',
		memStepCap: 5000
	},
	{
		id: 'L02',
		slug: 'activation-functions',
		params: { spf: 100 },
		slider: 'softmax-temp-range',
		chart: 'Softmax probabilities',
		memStepCap: 2000
	},
	{
		id: 'L03',
		slug: 'loss-functions',
		params: { spf: 100 },
		slider: 'regression-delta-range',
		chart: 'Regression losses',
		// The outlier fit refits its points by itself on load (and pauses after 300 steps).
		autoplay: true,
		memStepCap: 5000
	},
	{
		id: 'L04',
		slug: 'metrics',
		params: { spf: 100 },
		slider: 'classifier-threshold-range',
		chart: 'Test points and the decision boundary',
		// Trains by itself on load (and pauses once converged or after 3,000 steps).
		autoplay: true,
		memStepCap: 5000
	},
	{
		id: 'L10',
		slug: 'cnn',
		// Small batches keep SwiftShader's conv steps affordable; a real GPU runs the default 64.
		params: { spf: 4, batch: 16 },
		// The filter count redraws the architecture diagram (and rebuilds the model).
		slider: 'blocks-filters1-range',
		chart: 'The network, layer by layer',
		memStepCap: 300
	}
];

/**
 * The lessons named in `filter` (ids or slugs, case-insensitive), in table order; all when the
 * filter is empty. Throws on a name that matches no lesson.
 * @param {readonly BenchLesson[]} lessons
 * @param {readonly string[] | null} filter
 * @returns {BenchLesson[]}
 */
export function pickLessons(lessons, filter) {
	if (!filter || filter.length === 0) return [...lessons];
	const wanted = filter.map((f) => f.toLowerCase());
	for (const w of wanted) {
		if (!lessons.some((l) => l.id.toLowerCase() === w || l.slug === w)) throw new Error(`BENCH_LESSONS: no lesson "${w}"`);
	}
	return lessons.filter((l) => wanted.includes(l.id.toLowerCase()) || wanted.includes(l.slug));
}

/**
 * The page URL of one bench case: the lesson's params plus the forced backend.
 * @param {BenchLesson} lesson
 * @param {string} backend
 * @returns {string} path and query, e.g. /lessons/metrics?spf=100&backend=wasm
 */
export function caseUrl(lesson, backend) {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(lesson.params)) q.set(k, String(v));
	if (backend !== 'auto') q.set('backend', backend);
	return `/lessons/${lesson.slug}?${q}`;
}
