/**
 * The kernel as the lesson stores it (cells K x K row-major plus a divisor, see meta.ts) kept
 * consistent with the kernel size K: URL lists of the wrong length, size changes and presets.
 */
import { kernelPreset, matchPreset, resizeKernel, type KernelPresetName } from '$lib/ml/functions/kernels';

/** Kernel cells and divisor. */
export interface KernelValue {
	cells: number[];
	divisor: number;
}

/** Integer square root of n when n is a perfect square, else null. */
export function squareSide(n: number): number | null {
	const s = Math.round(Math.sqrt(n));
	return s > 0 && s * s === n ? s : null;
}

/**
 * The cells to use at size `k`: the list itself when it has k² cells; a square list of another size
 * cropped or padded around its centre; anything else replaced by the Sobel x preset. `fitted` says
 * whether the list had to change (the lesson reports it like a URL correction).
 */
export function fitKernel(cells: readonly number[], k: number): { cells: number[]; fitted: boolean } {
	if (cells.length === k * k) return { cells: [...cells], fitted: false };
	const side = squareSide(cells.length);
	if (side !== null) return { cells: resizeKernel(cells, side, k), fitted: true };
	return { cells: kernelPreset('sobelX', k).cells, fitted: true };
}

/**
 * The kernel after the size changes from `from` to `to`: a preset becomes the same preset at the new
 * size; a custom kernel keeps its cells around the centre (new cells 0) and its divisor.
 */
export function resizeKernelValue(value: KernelValue, from: number, to: number): KernelValue {
	const preset = matchPreset(value.cells, value.divisor, from);
	if (preset) return kernelPreset(preset, to);
	return { cells: resizeKernel(value.cells, from, to), divisor: value.divisor };
}

/** The preset a kernel is, or 'custom'. */
export function presetOf(value: KernelValue, k: number): KernelPresetName | 'custom' {
	return matchPreset(value.cells, value.divisor, k) ?? 'custom';
}
