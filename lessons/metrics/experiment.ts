/**
 * L04's data and folds from the lesson's settings: a training set (cross-validated) and a separate
 * held-out test set (the charts' data), both with the same class balance, and the k validation
 * folds of the training set (stratified or plain, shuffled by the seed).
 */
import { makeGaussianClasses, type GaussianClasses } from '$lib/ml/data/gaussianClasses';
import { foldOf, kFoldIndices, stratifiedKFoldIndices, type Fold } from '$lib/ml/metrics/classification';
import { N_TEST, N_TRAIN } from './meta';

/** The settings that define the data and the folds. */
export interface ExperimentConfig {
	/** share of positives, percent */
	pos: number;
	/** class spread (standard deviation) */
	noise: number;
	k: number;
	strat: boolean;
	seed: number;
}

/** Data and folds of one run. */
export interface Experiment {
	train: GaussianClasses;
	test: GaussianClasses;
	folds: Fold[];
	/** validation fold of each training point [N_TRAIN] */
	foldOf: Int32Array;
	k: number;
}

/** Builds the run's data and folds (deterministic per settings). */
export function buildExperiment(c: ExperimentConfig, sizes = { train: N_TRAIN, test: N_TEST }): Experiment {
	const common = { positiveShare: c.pos / 100, spread: c.noise, seed: c.seed };
	const train = makeGaussianClasses({ ...common, n: sizes.train, stream: 'train' });
	const test = makeGaussianClasses({ ...common, n: sizes.test, stream: 'test' });
	const folds = c.strat ? stratifiedKFoldIndices(train.y, c.k, c.seed) : kFoldIndices(train.n, c.k, c.seed);
	return { train, test, folds, foldOf: foldOf(folds, train.n), k: c.k };
}
