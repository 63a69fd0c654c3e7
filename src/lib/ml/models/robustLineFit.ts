/**
 * L03's outlier experiment: three straight lines y = a·x + b fitted to the same points at once,
 * under MSE, MAE and Huber, by full-batch gradient descent with hand-written gradients.
 *
 * The three models share one parameter tensor P [3, 2] (row m = (α_m, β_m) for loss m) on a
 * leading model axis, so one step runs the three fits in the same few kernels:
 *   X = [u; 1] [2, N] with u = (x − μ)/σ (x standardised: the fit is well conditioned whatever the
 *   points), pred = P X [3, N], r = pred − y, ψ = clip(k r, −c, c) [3, N] (lossesTf.ts),
 *   ∇P = ψ Xᵀ / N [3, 2], P ← P − η_t ⊙ s ⊙ ∇P,  η_t = η₀ / (1 + t/τ) per model [3, 1].
 * s (stepScales) undoes MSE's factor 2 (so η₀ = 1 would be its Newton step) and Huber's small
 * gradient when δ < 1; the decaying η_t (DECAY_STEPS) lets MAE's sign gradient settle instead of
 * rattling around the optimum. Raw slope and intercept are
 * a = α/σ, b = β − a·μ. Every constant is a kept tensor; new points are uploaded by `setPoints`,
 * between steps, which keeps the current lines (warm start) and restarts the decay.
 *
 * Divergence: with u standardised, ½·mean(r²) has the identity as its Hessian in (α, β), so every
 * MSE step multiplies the line's error by (1 − η₀): the MSE fit converges for η₀ < 2 (in one step at
 * η₀ = 1) and diverges for η₀ > 2, its loss growing (1 − η₀)² times per step (81 times at η₀ = 10).
 * MAE's and Huber's gradients are bounded (by 1 and δ) and their steps decay, so their lines can only
 * overshoot and settle; they cannot run away. A fit has diverged by the shared rule
 * (train/divergence.ts) on the reference loss LINE_REFERENCE_LOSS, or when its line leaves
 * DIVERGED_LINE; MSE's divergence only grows, so read-backs test it (no latch).
 */
import * as tf from '@tensorflow/tfjs-core';
import { LINE_WINDOW, type Point } from '../data/line1d';
import { REGRESSION_LOSSES, type RegressionLossName } from '../functions/losses';
import { createRobustKit, robustGradTf, robustLossTf } from '../functions/lossesTf';
import { packStats, statsLayout } from '../probe/pack';
import { divergenceBound, isDivergedReadBack } from '../train/divergence';
import type { StepStats, Trainer } from '../train/trainer';

/** The fitted models, one per row of P, in this order. */
export const FIT_MODELS: readonly RegressionLossName[] = REGRESSION_LOSSES;

/**
 * |slope| or |intercept| beyond which a fit counts as diverged (the points live in [0, 10]²). MSE's
 * gradient is capped at MSE_CAP, so a too-high learning rate makes the lines run away linearly
 * rather than overflow; this bound catches that.
 */
export const DIVERGED_LINE = 1e9;

/**
 * Reference loss of the divergence rule: the squared height of the data window, 100, which is the
 * MSE of a line that misses every point by the whole window. Every point lies in the window, so a
 * healthy fit (which starts flat at the points' mean and goes down) stays far below 1,000 times it.
 */
export const LINE_REFERENCE_LOSS = (LINE_WINDOW.yMax - LINE_WINDOW.yMin) ** 2;

/** Loss (any of the three, data units²) above which a fit has diverged. */
export const DIVERGED_LINE_LOSS = divergenceBound(LINE_REFERENCE_LOSS);

/**
 * Decay time τ of each model's step size, in steps. MSE's loss is quadratic, so a fixed step
 * converges (no decay); MAE's gradient keeps its size up to the optimum, so its step must shrink
 * (fast); Huber is quadratic near the optimum but MAE-like when δ is small (slow decay).
 */
export const DECAY_STEPS: Readonly<Record<RegressionLossName, number>> = { mse: Infinity, mae: 20, huber: 50 };

/**
 * Step-size factor s of each model for Huber's δ: ½ for MSE (its gradient is 2r), 1 for MAE, and
 * 1/min(1, δ) for Huber, whose gradient is at most δ: a small δ would otherwise make it crawl.
 */
export function stepScales(delta: number): number[] {
	return FIT_MODELS.map((n) => (n === 'mse' ? 0.5 : n === 'mae' ? 1 : 1 / Math.min(1, delta)));
}

/** Settings of the fit. */
export interface LineFitConfig {
	points: readonly Point[];
	/** Huber's δ, in y units (> 0) */
	delta: number;
	/** initial learning rate η₀ (> 0; MSE converges below 2 and diverges above) */
	lr: number;
	/** decay time τ in steps for every model (default: DECAY_STEPS per model) */
	decaySteps?: number;
}

/** What one recorded step reports (measured before that step's update), in data units. */
export interface LineFitStats extends StepStats {
	/** the MSE model's mean squared error (drives the session's divergence check) */
	loss: number;
	/** slope a per model, FIT_MODELS order [3] */
	slopes: Float32Array;
	/** intercept b per model [3] */
	intercepts: Float32Array;
	/** each model's mean loss under its own loss function [3] */
	losses: Float32Array;
	/** the fits that have diverged (non-finite, loss above DIVERGED_LINE_LOSS or line beyond DIVERGED_LINE), FIT_MODELS order */
	divergedFits: RegressionLossName[];
}

/** The three-line fit: a Trainer with points that can change between steps. */
export interface LineFit extends Trainer<LineFitStats> {
	/** the loss of each row */
	readonly models: readonly RegressionLossName[];
	/** steps taken since creation */
	readonly steps: number;
	/** number of points currently fitted */
	readonly size: number;
	/** Replaces the points (at least 1), keeping the current lines and restarting the decay. */
	setPoints(points: readonly Point[]): void;
	/** Stats of the current lines without a step (same layout as step(true)); caller owns it. */
	inspect(): tf.Tensor1D;
	/** Live changes: `delta` (> 0) and `lr` (> 0), each restarting the decay; other keys are ignored. */
	configure(patch: Record<string, number | string | boolean>): void;
}

/** Mean and standard deviation (1 when the x values do not spread) of the points' x. */
function xScale(points: readonly Point[]): { mu: number; sigma: number } {
	const n = points.length;
	const mu = points.reduce((s, p) => s + p.x, 0) / n;
	const v = points.reduce((s, p) => s + (p.x - mu) ** 2, 0) / n;
	const sigma = Math.sqrt(v);
	return { mu, sigma: sigma > 1e-6 ? sigma : 1 };
}

/** Creates the fit; every line starts flat at the points' mean y. */
export function createLineFit(config: LineFitConfig): LineFit {
	if (config.points.length < 1) throw new Error('lineFit: need at least one point');
	const m = FIT_MODELS.length;
	const kit = createRobustKit(FIT_MODELS, config.delta);
	const keep = (v: number) => tf.keep(tf.scalar(v, 'float32'));
	const column = (values: number[]) => tf.tensor2d(values, [m, 1]);
	const lrScale = tf.tidy(() => tf.variable(column(stepScales(config.delta)), false));
	const one = keep(1);
	const invTau = tf.keep(column(FIT_MODELS.map((n) => 1 / (config.decaySteps ?? DECAY_STEPS[n]))));
	const lr0 = tf.tidy(() => tf.variable(tf.scalar(config.lr, 'float32'), false));
	const t = tf.tidy(() => tf.variable(tf.scalar(0, 'float32'), false));
	const layout = statsLayout([
		['slopes', m],
		['intercepts', m],
		['losses', m],
		['finite', m]
	] as const);

	let scale = xScale(config.points);
	const meanY = config.points.reduce((s, p) => s + p.y, 0) / config.points.length;
	const params = tf.tidy(() => tf.variable(tf.tensor2d(FIT_MODELS.flatMap(() => [0, meanY]), [m, 2]), true));
	let data = upload(config.points, scale);
	let steps = 0;
	let disposed = false;

	function upload(points: readonly Point[], s: { mu: number; sigma: number }) {
		const n = points.length;
		const u = points.map((p) => (p.x - s.mu) / s.sigma);
		return {
			n,
			/** [u; 1] [2, N] */
			X: tf.tensor2d([...u, ...points.map(() => 1)], [2, n]),
			y: tf.tensor2d(points.map((p) => p.y), [1, n]),
			invN: keep(1 / n),
			mu: keep(s.mu),
			invSigma: keep(1 / s.sigma)
		};
	}
	const freeData = () => Object.values(data).forEach((v) => typeof v !== 'number' && v.dispose());

	const run = (update: boolean, record: boolean): tf.Tensor1D | null =>
		tf.tidy((): tf.Tensor1D | void => {
			const r = tf.sub(tf.matMul(params, data.X), data.y);
			let stats: tf.Tensor1D | undefined;
			if (record) {
				const alpha = tf.slice(params, [0, 0], [m, 1]);
				const beta = tf.slice(params, [0, 1], [m, 1]);
				const slopes = tf.mul(alpha, data.invSigma);
				stats = packStats([
					slopes,
					tf.sub(beta, tf.mul(slopes, data.mu)),
					tf.mul(tf.sum(robustLossTf(r, kit), 1), data.invN),
					tf.cast(tf.all(tf.isFinite(params), 1), 'float32')
				]);
			}
			if (update) {
				const grad = tf.mul(tf.matMul(robustGradTf(r, kit), data.X, false, true), data.invN);
				const eta = tf.div(lr0, tf.add(one, tf.mul(t, invTau)));
				params.assign(tf.sub(params, tf.mul(tf.mul(eta, lrScale), grad)));
				t.assign(tf.add(t, one));
			}
			return stats;
		}) ?? null;

	const assertLive = () => {
		if (disposed) throw new Error('lineFit: used after dispose()');
	};

	return {
		models: FIT_MODELS,
		get steps() {
			return steps;
		},
		get size() {
			return data.n;
		},
		step(record) {
			assertLive();
			const stats = run(true, record);
			steps++;
			return stats;
		},
		inspect() {
			assertLive();
			return run(false, true) as tf.Tensor1D;
		},
		decode(values) {
			if (values.length !== layout.length) throw new Error(`lineFit: stats length ${values.length}, expected ${layout.length}`);
			const losses = layout.slice(values, 'losses').slice();
			const slopes = layout.slice(values, 'slopes').slice();
			const intercepts = layout.slice(values, 'intercepts').slice();
			const finite = layout.slice(values, 'finite');
			const divergedFits = FIT_MODELS.filter(
				(_, i) => isDivergedReadBack([losses[i]], DIVERGED_LINE_LOSS, [finite[i]]) || !(Math.abs(slopes[i]) < DIVERGED_LINE && Math.abs(intercepts[i]) < DIVERGED_LINE)
			);
			return {
				loss: losses[FIT_MODELS.indexOf('mse')],
				diverged: divergedFits.length > 0,
				slopes,
				intercepts,
				losses,
				divergedFits
			};
		},
		setPoints(points) {
			assertLive();
			if (points.length < 1) throw new Error('lineFit: need at least one point');
			const next = xScale(points);
			// Same lines in the new coordinates: a = α/σ and b = β − α μ/σ are unchanged when
			// α' = α σ'/σ and β' = β + α (μ' − μ)/σ.
			tf.tidy(() => {
				const alpha = tf.slice(params, [0, 0], [m, 1]);
				const beta = tf.slice(params, [0, 1], [m, 1]);
				const alphaNext = tf.mul(alpha, next.sigma / scale.sigma);
				const betaNext = tf.add(beta, tf.mul(alpha, (next.mu - scale.mu) / scale.sigma));
				params.assign(tf.concat([alphaNext, betaNext], 1) as tf.Tensor2D);
				t.assign(tf.scalar(0, 'float32'));
			});
			freeData();
			scale = next;
			data = upload(points, scale);
		},
		configure(patch) {
			if (disposed) return;
			const { delta, lr } = patch;
			const validDelta = typeof delta === 'number' && Number.isFinite(delta) && delta > 0;
			const validLr = typeof lr === 'number' && Number.isFinite(lr) && lr > 0;
			if (!validDelta && !validLr) return;
			tf.tidy(() => {
				if (validDelta) {
					kit.setDelta(delta);
					lrScale.assign(column(stepScales(delta)));
				}
				if (validLr) lr0.assign(tf.scalar(lr, 'float32'));
				t.assign(tf.scalar(0, 'float32'));
			});
		},
		dispose() {
			if (disposed) return;
			disposed = true;
			freeData();
			kit.dispose();
			for (const v of [lrScale, one, invTau, lr0, t, params]) v.dispose();
		}
	};
}
