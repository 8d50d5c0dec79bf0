/**
 * The per-file pass in worker threads gives the same result as in the main thread. Workers run
 * only from the built package (the compiled worker must exist), so this imports dist/, which
 * `npm test` builds first.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('read and prefilter a long file list in the workers, with the same result as the main thread', async () => {
    const { run } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'index.js')).href)) as typeof Scanner;
    const { PRECHECK_PARALLEL_THRESHOLD } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const cwd = mkdtempSync(join(tmpdir(), 'ch-workers-'));
    try {
      // Fragments assembled at run time: no whole fake secret in the source.
      const secret = ['Zq8vR3mT', 'x5Wp9LkB', '2nYc7dFg'].join('');
      for (let index = 0; index < PRECHECK_PARALLEL_THRESHOLD + 10; index++) {
        const dir = join(cwd, 'src', `module-${Math.floor(index / 100)}`);
        mkdirSync(dir, { recursive: true });
        const body =
          index % 500 === 7
            ? `export const erpConfig = { clientId: 'pos-sync', clientSecret: '${secret}${index}' };\n`
            : index % 700 === 3
              ? 'const broken = { ;\n'
              : `export const total${index} = (items) => items.reduce((sum, item) => sum + item.price, ${index});\n`;
        writeFileSync(join(dir, `file-${index}.js`), body);
      }
      writeFileSync(join(cwd, 'src', 'settings.json'), JSON.stringify({ oauth: { client_secret: `${secret}json` } }));
      const inMain = await run({ cwd, workers: 0 });
      const inWorkers = await run({ cwd });
      expect(inMain.stats.files).toBe(PRECHECK_PARALLEL_THRESHOLD + 11);
      expect(inMain.findings.filter((finding) => finding.ruleId === 'no-hardcoded-client-secret')).toHaveLength(Math.ceil((PRECHECK_PARALLEL_THRESHOLD + 10 - 7) / 500) + 1);
      expect(inWorkers.findings).toEqual(inMain.findings);
      expect(inWorkers.errors).toEqual(inMain.errors);
      expect(inWorkers.stats.files).toBe(inMain.stats.files);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
