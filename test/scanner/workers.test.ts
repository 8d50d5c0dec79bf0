/**
 * The per-file pass in worker threads gives the same result as in the main thread. Workers run
 * only from the built package (the compiled worker must exist), so this imports dist/, which
 * `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Scanner from '../../src/scanner/index.js';
import type * as FilePassModule from '../../src/scanner/file-pass.js';
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

  it('read and prefilter a long file list in the workers, large files parsed on their own, with the same result as the main thread', async () => {
    const { run } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'index.js')).href)) as typeof Scanner;
    const { DEFER_PARSE_BYTES, PRECHECK_PARALLEL_THRESHOLD } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const cwd = mkdtempSync(join(tmpdir(), 'ch-workers-'));
    try {
      // Fragments assembled at run time: no whole fake secret in the source.
      const secret = ['Zq8vR3mT', 'x5Wp9LkB', '2nYc7dFg'].join('');
      for (let index = 0; index < PRECHECK_PARALLEL_THRESHOLD + 10; index++) {
        const dir = join(cwd, 'src', `module-${Math.floor(index / 100)}`);
        mkdirSync(dir, { recursive: true });
        // Three large files side by side (a bundle directory): each needs a parse and is sent back
        // by the worker that read it, to be parsed on its own.
        const large = index >= 20 && index < 23;
        const body = large
          ? `${'export const rows = [1, 2, 3].map((row) => row * 2);\n'.repeat(Math.ceil((DEFER_PARSE_BYTES + 1000) / 51))}export const erpConfig = { clientSecret: '${secret}large${index}' };\n`
          : index % 500 === 7
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
      expect(inMain.findings.filter((finding) => finding.ruleId === 'no-hardcoded-client-secret')).toHaveLength(Math.ceil((PRECHECK_PARALLEL_THRESHOLD + 10 - 7) / 500) + 1 + 3);
      expect(inWorkers.findings).toEqual(inMain.findings);
      expect(inWorkers.errors).toEqual(inMain.errors);
      expect(inWorkers.stats.files).toBe(inMain.stats.files);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('send back the large files a batch must parse, and parse each of them on its own', async () => {
    const { checkInWorkers, DEFER_PARSE_BYTES } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const cwd = mkdtempSync(join(tmpdir(), 'ch-defer-'));
    try {
      const secret = ['Zq8vR3mT', 'x5Wp9LkB', '2nYc7dFg'].join('');
      const files: { path: string; category: 'code' }[] = [];
      for (let index = 0; index < 70; index++) {
        const large = index >= 5 && index < 8;
        const body = large
          ? `${'export const rows = [1, 2, 3].map((row) => row * 2);\n'.repeat(Math.ceil((DEFER_PARSE_BYTES + 1000) / 51))}export const erpConfig = { clientSecret: '${secret}${index}' };\n`
          : `export const erpConfig${index} = { clientSecret: '${secret}${index}' };\n`;
        const path = join(cwd, `file-${index}.js`);
        writeFileSync(path, body);
        files.push({ path, category: 'code' });
      }
      const outcomes = new Map<string, unknown>();
      await checkInWorkers(
        files,
        2,
        {
          cwd,
          linterRules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' },
          severities: [['no-hardcoded-client-secret', 'error']],
          enabledLinterRules: ['no-hardcoded-client-secret'],
          reportUnusedDisableDirectives: false,
          maxFileSize: 1024 * 1024,
          includeSecrets: false,
        },
        (path, outcome) => {
          expect(outcomes.has(path)).toBe(false);
          outcomes.set(path, outcome);
        },
      );
      // Every file has its outcome from the workers, the three large ones too (none is left for a fallback).
      expect(outcomes.size).toBe(70);
      for (const { path } of files) expect(outcomes.get(path)).toMatchObject({ status: 'checked', parsed: true, findings: [{ finding: { ruleId: 'no-hardcoded-client-secret' } }] });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('kept after the pass, collect the same facts as the main thread, and leave unreadable files to it', async () => {
    const { checkInKeptWorkers } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const { FilePass, loadLinter } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'file-pass.js')).href)) as typeof FilePassModule;
    await loadLinter();
    const cwd = join(root, 'test', 'fixtures', 'scanner', 'cross-file');
    const options = {
      cwd,
      linterRules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' as const },
      severities: [['no-hardcoded-client-secret', 'error']] as const,
      enabledLinterRules: ['no-hardcoded-client-secret'],
      reportUnusedDisableDirectives: false,
      maxFileSize: 1024 * 1024,
      includeSecrets: false,
    };
    const files = ['pos-client.ts', 'settings.ts'].map((name) => ({ path: join(cwd, 'src', name), category: 'code' as const }));
    const workers = await checkInKeptWorkers(files, 2, options, () => undefined);
    expect(workers).toBeDefined();
    try {
      const missing = join(cwd, 'src', 'no-such-file.ts');
      const collected = await workers?.collectFacts([...files.map((file) => file.path), missing]);
      const inMain = new FilePass(options);
      for (const { path } of files) {
        const read = inMain.read(path, 'code');
        expect('text' in read).toBe(true);
        const facts = 'text' in read ? inMain.collectFacts(path, read.text) : undefined;
        expect(facts).toBeDefined();
        expect(collected?.get(path)).toEqual(facts);
      }
      expect(collected?.has(missing)).toBe(true);
      expect(collected?.get(missing)).toBeUndefined();
      // A second round on the same workers answers too.
      expect((await workers?.collectFacts([files[0]?.path ?? '']))?.size).toBe(1);
    } finally {
      workers?.close();
    }
  });

  it('parse TypeScript in one worker only, in the pass and in the facts, and parse every file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ch-typescript-worker-'));
    try {
      const secret = ['Zq8vR3mT', 'x5Wp9LkB', '2nYc7dFg'].join('');
      const paths: string[] = [];
      for (let index = 0; index < 120; index++) {
        const typeScript = index % 2 === 0;
        const path = join(cwd, `erp-${index}.${typeScript ? 'ts' : 'js'}`);
        writeFileSync(path, typeScript ? `export const erp${index}: { clientSecret: string } = { clientSecret: '${secret}${index}' };\n` : `export const erp${index} = { clientSecret: '${secret}${index}' };\n`);
        paths.push(path);
      }
      // Each thread that loads TypeScript says so on stderr (a preload runs in every worker too).
      const hook = join(cwd, 'hook.cjs');
      writeFileSync(
        hook,
        `const Module = require('node:module'); const { threadId } = require('node:worker_threads'); const load = Module._load; let told = false;
         Module._load = function (request, ...rest) { if (request === 'typescript' && !told) { told = true; require('node:fs').writeSync(2, 'typescript in thread ' + threadId + '\\n'); } return load.call(this, request, ...rest); };`,
      );
      const script = `
        import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)}).then(async ({ checkInKeptWorkers }) => {
          const paths = ${JSON.stringify(paths)};
          const outcomes = new Map();
          const workers = await checkInKeptWorkers(paths.map((path) => ({ path, category: 'code' })), 2, {
            cwd: ${JSON.stringify(cwd)},
            linterRules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' },
            severities: [['no-hardcoded-client-secret', 'error']],
            enabledLinterRules: ['no-hardcoded-client-secret'],
            reportUnusedDisableDirectives: false,
            maxFileSize: 1024 * 1024,
            includeSecrets: false,
          }, (path, outcome) => outcomes.set(path, outcome));
          const facts = await workers.collectFacts(paths);
          workers.close();
          process.stdout.write(JSON.stringify({
            reported: paths.filter((path) => outcomes.get(path)?.parsed === true && outcomes.get(path)?.findings.length === 1).length,
            facts: paths.filter((path) => facts.get(path) !== undefined).length,
          }));
        });`;
      const child = spawnSync(process.execPath, ['-r', hook, '-e', script], { encoding: 'utf8' });
      expect(child.status).toBe(0);
      // Every file parsed and reported in the pass, every file's facts collected.
      expect(JSON.parse(child.stdout)).toEqual({ reported: 120, facts: 120 });
      const threads = new Set([...child.stderr.matchAll(/typescript in thread (\d+)/gu)].map((match) => match[1]));
      expect(threads.size).toBe(1);
      expect(threads.has('0')).toBe(false);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('stop handing out batches once the signal is aborted, and settle with the batches in hand done', async () => {
    const { checkInKeptWorkers, PRECHECK_PARALLEL_THRESHOLD } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const cwd = mkdtempSync(join(tmpdir(), 'ch-abort-'));
    try {
      const files: { path: string; category: 'code' }[] = [];
      for (let index = 0; index < 400; index++) {
        const path = join(cwd, `file-${index}.js`);
        writeFileSync(path, `export const total${index} = (items) => items.length + ${index};\n`);
        files.push({ path, category: 'code' });
      }
      const options = {
        cwd,
        linterRules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' as const },
        severities: [['no-hardcoded-client-secret', 'error']] as const,
        enabledLinterRules: ['no-hardcoded-client-secret'],
        reportUnusedDisableDirectives: false,
        maxFileSize: 1024 * 1024,
        includeSecrets: false,
      };
      const stop = new AbortController();
      let outcomes = 0;
      const workers = await checkInKeptWorkers(files, 2, options, () => {
        outcomes++;
        stop.abort();
      }, undefined, true, stop.signal);
      workers?.close();
      // Aborted at the first answer: the two batches in hand are done (32 files each), nothing more.
      expect(outcomes).toBeGreaterThan(0);
      expect(outcomes).toBeLessThanOrEqual(64);
      // Aborted before the start: no batch at all.
      let none = 0;
      const aborted = AbortSignal.abort();
      (await checkInKeptWorkers(files, 2, options, () => none++, undefined, true, aborted))?.close();
      expect(none).toBe(0);
      expect(PRECHECK_PARALLEL_THRESHOLD).toBeGreaterThan(files.length);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('end a long scan whose tsconfig is broken with its error, loaded while the workers read', async () => {
    const { run, ProjectConfigError } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'index.js')).href)) as typeof Scanner;
    const { PRECHECK_PARALLEL_THRESHOLD } = (await import(pathToFileURL(join(root, 'dist', 'src', 'scanner', 'parallel.js')).href)) as typeof Parallel;
    const cwd = mkdtempSync(join(tmpdir(), 'ch-broken-tsconfig-'));
    try {
      for (let index = 0; index < PRECHECK_PARALLEL_THRESHOLD + 10; index++) {
        const dir = join(cwd, 'src', `module-${Math.floor(index / 100)}`);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `file-${index}.ts`), `export const total${index} = (items: number[]): number => items.length + ${index};\n`);
      }
      writeFileSync(join(cwd, 'tsconfig.json'), '{ "compilerOptions": { "target": "es1999" } }\n');
      const error = await run({ cwd }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ProjectConfigError);
      expect((error as InstanceType<typeof ProjectConfigError>).configFile).toBe(join(cwd, 'tsconfig.json'));
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
