/**
 * The per-file pass in worker threads gives the same result as in the main thread. Workers run
 * only from the built package (the compiled worker must exist), so this imports dist/, which
 * `npm test` builds first.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Scanner from '../../src/scanner/index.js';
import type * as Parallel from '../../src/scanner/parallel.js';

const root = join(import.meta.dirname, '..', '..');

describe('worker threads', () => {
  it('find exactly what the main thread finds, whole-program checks included', async () => {
    const { run } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'index.js')).href)) as typeof Scanner;
    const { workersAvailable } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    expect(workersAvailable()).toBe(true);
    const cwd = join(root, 'test', 'fixtures', 'scanner');
    const paths = ['cross-file', 're-export', 'default-export', 'monorepo', 'js-only', 'client-reachability', 'config-files', 'tracked-env', 'parity', 'catalogue-sink'];
    const inMain = await run({ cwd, paths, workers: 0 });
    const inWorkers = await run({ cwd, paths, workers: 2 });
    expect(inMain.findings.length).toBeGreaterThan(15);
    expect(inWorkers.findings).toEqual(inMain.findings);
    expect(inWorkers.errors).toEqual(inMain.errors);
    expect(inWorkers.stats.files).toBe(inMain.stats.files);
  });
});
