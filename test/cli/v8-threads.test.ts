/**
 * The entry point restarts a directory scan with fewer V8 background threads on machines with few
 * cores (src/cli/v8-threads.ts). The decision is a pure function of the command line and the
 * machine; the restarted binary must answer exactly as the command run in-process does.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { backgroundThreadsFor, backgroundThreadsForRun, DEFAULT_V8_POOL_SIZE, type RunContext } from '../../src/cli/v8-threads.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const fixtures = join(root, 'test', 'fixtures', 'scanner');

const twoCores = (overrides: Partial<RunContext> = {}): RunContext => ({
  cores: 2,
  execArgv: [],
  nodeOptions: undefined,
  cwd: '/repo',
  isDirectory: (path) => !/\.[a-z]+$/u.test(path),
  ...overrides,
});

describe('V8 background threads for a run', () => {
  it('leaves the cores the scanner’s worker threads use to them, keeping at least one and at most Node’s default', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 16].map(backgroundThreadsFor)).toEqual([1, 1, 1, 1, 1, 2, 3, 4, 4]);
  });

  it('restarts a scan of directories, or of the current one, on a machine with few cores', () => {
    expect(backgroundThreadsForRun(['scan'], twoCores())).toBe(1);
    expect(backgroundThreadsForRun(['scan', '.', '--format', 'json'], twoCores())).toBe(1);
    expect(backgroundThreadsForRun(['scan', 'services', 'src/config.ts'], twoCores())).toBe(1);
    expect(backgroundThreadsForRun(['scan', '--project', 'tsconfig.json', '-o', 'report.sarif'], twoCores())).toBe(1);
    expect(backgroundThreadsForRun(['scan', '--diff', 'origin/main', '--shard', '1/4'], twoCores({ cores: 6 }))).toBe(2);
  });

  it('runs in this process what cannot use worker threads, and what the user has tuned', () => {
    // The pre-commit hook and lint-staged style file lists: one more Node start-up would cost more than it saves.
    expect(backgroundThreadsForRun(['scan', '--staged'], twoCores())).toBeUndefined();
    expect(backgroundThreadsForRun(['scan', 'src/config.ts', 'src/erp.ts'], twoCores())).toBeUndefined();
    expect(backgroundThreadsForRun(['scan', 'missing-dir'], twoCores({ isDirectory: () => false }))).toBeUndefined();
    expect(backgroundThreadsForRun(['scan', '--help'], twoCores())).toBeUndefined();
    expect(backgroundThreadsForRun(['fix', '.'], twoCores())).toBeUndefined();
    expect(backgroundThreadsForRun(['merge-sarif', 'out.sarif', 'a.sarif'], twoCores())).toBeUndefined();
    expect(backgroundThreadsForRun([], twoCores())).toBeUndefined();
    // A pool size set by the user, on the command line or in NODE_OPTIONS, is theirs.
    expect(backgroundThreadsForRun(['scan'], twoCores({ execArgv: ['--v8-pool-size=2'] }))).toBeUndefined();
    expect(backgroundThreadsForRun(['scan'], twoCores({ nodeOptions: '--max-old-space-size=4096 --v8-pool-size=8' }))).toBeUndefined();
    // Machines with cores to spare keep Node's default.
    expect(backgroundThreadsForRun(['scan'], twoCores({ cores: 8 }))).toBeUndefined();
    expect(backgroundThreadsFor(8)).toBe(DEFAULT_V8_POOL_SIZE);
  });

  it('the binary answers as the command run in-process: same report, same exit code', async () => {
    const args = ['scan', 'cross-file', 're-export', 'client-reachability', '--format', 'json'];
    const restarted = backgroundThreadsForRun(args, { cores: availableParallelism(), execArgv: [], nodeOptions: process.env['NODE_OPTIONS'], cwd: fixtures });
    const out: string[] = [];
    const code = await main(args, { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: () => true }, cwd: fixtures });
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: fixtures, encoding: 'utf8' });
    expect(result.status).toBe(code);
    expect(code).toBe(1);
    const strip = (report: string): unknown => {
      const parsed = JSON.parse(report) as { stats: { durationMs?: number } };
      delete parsed.stats.durationMs;
      return parsed;
    };
    expect(strip(result.stdout)).toEqual(strip(out.join('')));
    // The other path: with the pool size set by the user there is no restart, and the same answer.
    const inPlace = spawnSync(process.execPath, [bin, ...args], { cwd: fixtures, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --v8-pool-size=${DEFAULT_V8_POOL_SIZE}` } });
    expect(inPlace.status).toBe(code);
    expect(strip(inPlace.stdout)).toEqual(strip(out.join('')));
    expect(backgroundThreadsForRun(args, { cores: availableParallelism(), execArgv: [], nodeOptions: `--v8-pool-size=${DEFAULT_V8_POOL_SIZE}`, cwd: fixtures })).toBeUndefined();
    // Where this machine has few cores, the first binary run was the restarted one.
    if (availableParallelism() < 8) expect(restarted).toBe(backgroundThreadsFor(availableParallelism()));
  });
});
