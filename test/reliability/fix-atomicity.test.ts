/**
 * The fix loses nothing. A process running the fix is killed at many points while it writes; after
 * each kill, every file is either fully old or fully new, every secret is still somewhere (in its
 * source, or already in the env file), the env file's own values are intact, file modes are kept,
 * and running the fix again finishes the job. The writer is the built package, run as its own
 * process, so the kill is a real SIGKILL.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { applyPlan, planFix, sharedFixNaming, type FixPlan } from '../../src/fix/apply/index.js';
import { EXECUTABLE_MODE, writeFixProject, type FixProject } from './support/fix-project.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const builtFix = join(root, 'dist', 'src', 'fix', 'apply', 'index.js');

const FILES = 8;
const PADDING = 20_000;

/** The targets a new scan would report: those whose literal is still in place. */
function remainingTargets(project: FixProject): FixProject['targets'] {
  return project.targets.filter((target) => read(target.file)?.slice(target.start, target.end) === `'${project.secrets[project.sources.indexOf(target.file)]}'`);
}

function plan(project: FixProject): FixPlan {
  return planFix(remainingTargets(project), {
    cwd: project.dir,
    style: 'process-env',
    envFile: project.envFile,
    exampleFile: project.exampleFile,
    naming: sharedFixNaming(),
  });
}

/** Reads a file, or `undefined` when it does not exist. */
function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * The worker runs the built fix on a simulated slow disk: every flushed temp file and every
 * rename is followed by a short pause and a line on stdout (`synced`, `renamed`), so that the
 * parent can SIGKILL it at an exact point: while temp files are written, or between two renames.
 */
const WORKER = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
const { fsyncSync, renameSync } = fs;
fs.fsyncSync = (fd) => { fsyncSync(fd); fs.writeSync(1, 'synced\\n'); pause(); };
fs.renameSync = (from, to) => { renameSync(from, to); fs.writeSync(1, 'renamed\\n'); pause(); };
syncBuiltinESMExports();
const { planFix, applyPlan, sharedFixNaming } = await import(${JSON.stringify(builtFix)});
const [targetsJson, dir] = process.argv.slice(2);
const plan = planFix(JSON.parse(targetsJson), {
  cwd: dir, style: 'process-env', envFile: dir + '/.env', exampleFile: dir + '/.env.example', naming: sharedFixNaming(),
});
applyPlan(plan);
fs.writeSync(1, 'done\\n');
`;

type KillPoint = { readonly after: 'synced' | 'renamed'; readonly count: number } | undefined;

interface WorkerRun {
  readonly killed: boolean;
  readonly stdout: string;
}

/** Runs the fix in a child process and SIGKILLs it at `killPoint` (never, if `undefined`). */
function runWorker(project: FixProject, workerPath: string, killPoint: KillPoint): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerPath, JSON.stringify(remainingTargets(project)), project.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killing = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killing || killPoint === undefined) return;
      if (stdout.split(killPoint.after).length - 1 >= killPoint.count) {
        killing = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === null && code !== 0) reject(new Error(`fix worker failed (${code}): ${stderr.slice(0, 500)}`));
      else resolve({ killed: signal === 'SIGKILL', stdout });
    });
  });
}

/** Checks every promise that must hold whatever moment the writer stopped at. */
function expectNothingLost(project: FixProject, expected: FixPlan): { newFiles: number } {
  let newFiles = 0;
  for (const file of expected.files) {
    const now = read(file.path);
    const isOld = now === file.before;
    const isNew = now === file.after;
    expect(isOld || isNew, `${file.path} is neither fully old nor fully new`).toBe(true);
    if (isNew && file.before !== file.after) newFiles++;
  }
  const env = parseEnv(read(project.envFile) ?? '');
  expect(env.EXISTING_ERP_TOKEN).toBe('keep-this-value-42');
  expect(env.LOG_LEVEL).toBe('debug');
  project.secrets.forEach((secret, index) => {
    const source = read(project.sources[index]!) ?? '';
    const inSource = source.includes(`'${secret}'`);
    const inEnv = Object.values(env).includes(secret);
    expect(inSource || inEnv, `the secret of source ${index} is in neither its source nor the env file`).toBe(true);
  });
  expect(statSync(project.sources[0]!).mode & 0o777).toBe(EXECUTABLE_MODE);
  expect(statSync(project.envFile).mode & 0o777).toBe(0o600);
  return { newFiles };
}

function leftoverTempFiles(project: FixProject): string[] {
  return [project.dir, join(project.dir, 'src')].flatMap((dir) => readdirSync(dir).filter((name) => /^\..+\.[0-9a-f]{12}\.tmp$/u.test(name)));
}

describe('fix interrupted by SIGKILL', () => {
  const dirs: string[] = [];
  let workerPath: string;

  beforeAll(() => {
    if (!existsSync(builtFix)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    workerPath = join(tmpdir(), `credential-hygiene-fix-worker-${process.pid}.mjs`);
    writeFileSync(workerPath, WORKER);
  });
  afterAll(() => {
    rmSync(workerPath, { force: true });
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('completes when left alone, and the result is what the plan promised', async () => {
    const project = writeFixProject({ files: FILES, paddingBytes: PADDING });
    dirs.push(project.dir);
    const expected = plan(project);
    expect(expected.fixed).toHaveLength(FILES);
    const run = await runWorker(project, workerPath, undefined);
    expect(run.stdout).toContain('done');
    for (const file of expected.files) expect(read(file.path), file.path).toBe(file.after);
    expect(leftoverTempFiles(project)).toEqual([]);
    expectNothingLost(project, expected);
  });

  it('leaves every file fully old or fully new, and loses no secret, wherever it is killed', async () => {
    const outcomes: number[] = [];
    const killPoints: KillPoint[] = [
      { after: 'synced', count: 1 },
      { after: 'synced', count: FILES },
      { after: 'renamed', count: 1 },
      { after: 'renamed', count: 2 },
      { after: 'renamed', count: FILES },
    ];
    for (const killPoint of killPoints) {
      const project = writeFixProject({ files: FILES, paddingBytes: PADDING });
      dirs.push(project.dir);
      const expected = plan(project);
      const run = await runWorker(project, workerPath, killPoint);
      expect(run.killed).toBe(true);
      // Killed while writing temp files: they are left behind (nothing can clean up after SIGKILL).
      if (killPoint?.after === 'synced') expect(leftoverTempFiles(project).length).toBeGreaterThan(0);
      // A temp file a kill leaves behind may hold the secrets: it must be private to the owner.
      for (const temp of leftoverTempFiles(project)) {
        const path = [project.dir, join(project.dir, 'src')].map((dir) => join(dir, temp)).find((candidate) => existsSync(candidate))!;
        const holdsSecret = project.secrets.some((secret) => readFileSync(path, 'utf8').includes(secret));
        if (holdsSecret) expect(statSync(path).mode & 0o077, temp).toBe(0);
      }
      const { newFiles } = expectNothingLost(project, expected);
      outcomes.push(newFiles);
      expect(expected.files.length).toBe(FILES + 2);

      // Running the fix again after the kill finishes the job without a conflict.
      const again = plan(project);
      expect(again.skipped.map((entry) => entry.reason)).toEqual([]);
      applyPlan(again);
      for (const [index, source] of project.sources.entries()) expect(read(source)!.includes(project.secrets[index]!), source).toBe(false);
      const env = parseEnv(read(project.envFile) ?? '');
      for (const secret of project.secrets) expect(Object.values(env)).toContain(secret);
      expect(remainingTargets(project)).toEqual([]);
      expect(leftoverTempFiles(project), 'the next run removes what the killed one left').toEqual([]);
      expectNothingLost(project, again);
    }
    // The kills landed at different stages: before any file was replaced, and between files.
    expect(outcomes).toEqual([0, 0, 1, 2, FILES]);
  }, 120_000);
});

describe('fix through the command line', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function fixIn(dir: string): Promise<number> {
    const previous = process.cwd();
    process.chdir(dir);
    try {
      return await main(['fix', '--style', 'process-env'], { stdout: { write: () => true }, stderr: { write: () => true } });
    } finally {
      process.chdir(previous);
    }
  }

  it('never overwrites an existing env value, and leaves a conflicting secret in place', async () => {
    // A first project tells which variable name the fix derives for the secret.
    const first = writeFixProject({ files: 1, paddingBytes: 0 });
    dirs.push(first.dir);
    expect(await fixIn(first.dir)).toBe(0);
    const name = Object.entries(parseEnv(read(first.envFile)!)).find(([, value]) => value === first.secrets[0])?.[0];
    expect(name).toBeDefined();

    const second = writeFixProject({ files: 1, paddingBytes: 0 });
    dirs.push(second.dir);
    const envText = `${second.envBefore}${name}='a-different-value-already-deployed-77'\n`;
    writeFileSync(second.envFile, envText, { mode: 0o600 });
    expect(await fixIn(second.dir)).toBe(1);
    // The env file only grows: every line it had is still there, the conflicting value untouched.
    const envAfter = read(second.envFile)!;
    expect(envAfter.startsWith(envText)).toBe(true);
    expect(parseEnv(envAfter)[name!]).toBe('a-different-value-already-deployed-77');
    // The conflicting secret stays in its source, where the program still reads it.
    expect(read(second.sources[0]!)).toContain(`'${second.secrets[0]}'`);
    expect(statSync(second.sources[0]!).mode & 0o777).toBe(EXECUTABLE_MODE);
    expect(statSync(second.envFile).mode & 0o777).toBe(0o600);
  }, 120_000);
});
