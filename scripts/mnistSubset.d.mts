/** Writes the MNIST subset files into static/data unless they are up to date; returns their paths. */
export function ensureMnistSubset(options?: { force?: boolean; log?: (line: string) => void }): string[];
