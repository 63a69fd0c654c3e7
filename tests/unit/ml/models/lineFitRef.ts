/**
 * Float64 reference fits of a line y = a x + b for the tests: least squares in closed form,
 * least absolute deviations by trying every line through two points (an L1-optimal line passes
 * through at least two of them), and Huber by iteratively reweighted least squares.
 */
import type { Point } from '$lib/ml/data/line1d';
import { meanRegressionLoss, type RegressionLossName } from '$lib/ml/functions/losses';

/** A line. */
export interface Line {
	a: number;
	b: number;
}

function weightedLeastSquares(points: readonly Point[], w: readonly number[]): Line {
	let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
	points.forEach((p, i) => {
		sw += w[i];
		sx += w[i] * p.x;
		sy += w[i] * p.y;
		sxx += w[i] * p.x * p.x;
		sxy += w[i] * p.x * p.y;
	});
	const a = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
	return { a, b: (sy - a * sx) / sw };
}

/** Mean loss of a line over the points. */
export function lineLoss(name: RegressionLossName, line: Line, points: readonly Point[], delta: number): number {
	return meanRegressionLoss(name, points.map((p) => line.a * p.x + line.b), points.map((p) => p.y), delta);
}

/** The line minimising the mean loss (float64). */
export function referenceFit(name: RegressionLossName, points: readonly Point[], delta = 1): Line {
	if (name === 'mse') return weightedLeastSquares(points, points.map(() => 1));
	if (name === 'mae') {
		let best: Line = { a: 0, b: 0 };
		let bestLoss = Infinity;
		for (let i = 0; i < points.length; i++)
			for (let j = i + 1; j < points.length; j++) {
				const [p, q] = [points[i], points[j]];
				if (p.x === q.x) continue;
				const a = (q.y - p.y) / (q.x - p.x);
				const line = { a, b: p.y - a * p.x };
				const loss = lineLoss('mae', line, points, delta);
				if (loss < bestLoss) [best, bestLoss] = [line, loss];
			}
		return best;
	}
	let line = weightedLeastSquares(points, points.map(() => 1));
	for (let it = 0; it < 500; it++) {
		const w = points.map((p) => Math.min(1, delta / Math.max(1e-12, Math.abs(line.a * p.x + line.b - p.y))));
		line = weightedLeastSquares(points, w);
	}
	return line;
}
