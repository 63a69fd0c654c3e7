/**
 * Lean plain SGD, w <- w - lr * g: the lean optimiser of kind 'sgd' (`optimizers.ts`), with the
 * learning rate kept in a scalar variable, and the update fused over all variables where that runs
 * fewer kernels (from 12 variables on).
 */
import { createOptimizer, type LeanOptimizer } from './optimizers';

/** An SGD optimiser owning its learning-rate variable. */
export type Sgd = Pick<LeanOptimizer, 'lr' | 'setLearningRate' | 'apply' | 'dispose'>;

/** Creates an SGD optimiser with the given learning rate. */
export function createSgd(learningRate: number): Sgd {
	return createOptimizer({ kind: 'sgd', lr: learningRate });
}
