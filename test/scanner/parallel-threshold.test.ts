/**
 * When the scan starts worker threads: by the amount of text left to parse after the prefilter,
 * not by the number of files listed. Imports dist/ (the compiled worker must exist), which
 * `npm test` builds first.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Parallel from '../../src/scanner/parallel.js';

const root = join(import.meta.dirname, '..', '..');
const load = async (): Promise<typeof Parallel> => (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;

describe('worker count', () => {
  it('stays in the main thread when many files leave little to parse', async () => {
    const { workerCountFor, PARALLEL_THRESHOLD_BYTES } = await load();
    expect(workerCountFor(50_000, undefined, PARALLEL_THRESHOLD_BYTES - 1)).toBe(0);
    expect(workerCountFor(0, undefined, 0)).toBe(0);
  });

  it('starts workers for a few large files when there are cores to use', async () => {
    const { workerCountFor, workersAvailable, PARALLEL_THRESHOLD_BYTES } = await load();
    expect(workersAvailable()).toBe(true);
    const expected = availableParallelism() > 1 ? Math.min(availableParallelism(), 4) : 0;
    expect(workerCountFor(20, undefined, PARALLEL_THRESHOLD_BYTES)).toBe(expected);
  });

  it('honours an explicit worker count whatever the size', async () => {
    const { workerCountFor } = await load();
    expect(workerCountFor(3, 2, 10)).toBe(2);
    expect(workerCountFor(50_000, 0, 1e9)).toBe(0);
  });
});
