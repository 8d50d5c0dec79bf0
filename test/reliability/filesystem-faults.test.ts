/**
 * File-system faults: unreadable files, broken and looping symlinks, a file deleted during the
 * scan, an output path that cannot be written, a full disk, and an interrupted run. In each case
 * the other files' findings are still reported (or, for output and interruption, the exit code
 * says the run did not succeed and no partial report passes for a clean one).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type Finding, type RunResult } from '../../src/scanner/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const isRoot = process.getuid?.() === 0;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const secretFor = (index: number): string => ['Zq8vL2mN', String(index).padStart(4, '0'), 'x4Rt7YpKw1Bs9DfH'].join('');
const sourceWithSecret = (index: number): string => `export const store${index} = { clientId: 'pos-${index}', clientSecret: '${secretFor(index)}' };\n`;

function writeProject(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-fs-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'src'));
  for (let index = 0; index < count; index++) writeFileSync(join(dir, 'src', `store-${String(index).padStart(2, '0')}.ts`), sourceWithSecret(index));
  return dir;
}

const secretFindings = (result: RunResult): Finding[] => result.findings.filter((finding) => finding.ruleId === 'no-hardcoded-client-secret');
const filesWithSecrets = (result: RunResult): string[] => [...new Set(secretFindings(result).map((finding) => finding.file))].sort();
const storeFiles = (count: number): string[] => Array.from({ length: count }, (_, index) => `src/store-${String(index).padStart(2, '0')}.ts`);

describe('unreadable inputs', () => {
  it('reports a file without read permission and scans the rest', async () => {
    const dir = writeProject(3);
    const locked = join(dir, 'src', 'locked.ts');
    writeFileSync(locked, sourceWithSecret(50));
    let result: RunResult;
    if (isRoot) {
      // Root reads through chmod 000, so the permission error comes from the content provider, as a
      // file system refusing the read would raise it.
      result = await run({
        cwd: dir,
        files: [...storeFiles(3), 'src/locked.ts'],
        readFile(path) {
          if (path === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
          return readFileSync(path);
        },
      });
    } else {
      chmodSync(locked, 0o000);
      result = await run({ cwd: dir });
    }
    expect(result.errors).toEqual([{ file: 'src/locked.ts', message: 'permission denied' }]);
    expect(filesWithSecrets(result)).toEqual(storeFiles(3));
  });

  it('does not hang on a FIFO that looks like a source file', async () => {
    const dir = writeProject(2);
    const made = spawnSync('mkfifo', [join(dir, 'src', 'pipe.ts')]);
    if (made.status !== 0) throw new Error('mkfifo is needed for this test');
    // Reading a FIFO with no writer blocks forever: the scan must finish without reading it.
    const result = await run({ cwd: dir });
    expect(filesWithSecrets(result)).toEqual(storeFiles(2));
    expect(result.stats.files).toBe(2);
  }, 20_000);

  it('reports broken and looping symlinks and scans the rest', async () => {
    const dir = writeProject(2);
    symlinkSync('missing.ts', join(dir, 'src', 'dangling.ts'));
    symlinkSync('loop-b.ts', join(dir, 'src', 'loop-a.ts'));
    symlinkSync('loop-a.ts', join(dir, 'src', 'loop-b.ts'));
    symlinkSync('store-00.ts', join(dir, 'src', 'alias.ts'));
    const result = await run({ cwd: dir });
    const errors = new Map(result.errors.map((error) => [error.file, error.message]));
    expect(errors.get('src/dangling.ts')).toBe('broken symbolic link');
    expect(errors.get('src/loop-a.ts')).toMatch(/broken symbolic link|too many levels of symbolic links/u);
    expect(errors.get('src/loop-b.ts')).toMatch(/broken symbolic link|too many levels of symbolic links/u);
    expect(result.errors).toHaveLength(3);
    expect(filesWithSecrets(result)).toEqual(['src/alias.ts', ...storeFiles(2)]);
  });

  it('terminates on a directory symlink that points back up the tree', async () => {
    const dir = writeProject(2);
    symlinkSync('..', join(dir, 'src', 'again'));
    symlinkSync('.', join(dir, 'src', 'self'));
    const result = await run({ cwd: dir });
    expect(filesWithSecrets(result)).toEqual(storeFiles(2));
    expect(secretFindings(result)).toHaveLength(2);
  });
});

describe('a file that disappears during the scan', () => {
  it('is reported when deleted from disk after listing, and the rest is scanned', async () => {
    const dir = writeProject(4);
    let deleted = false;
    const result = await run({
      cwd: dir,
      onProgress() {
        if (!deleted) {
          deleted = true;
          unlinkSync(join(dir, 'src', 'store-03.ts'));
        }
      },
    });
    expect(deleted).toBe(true);
    expect(result.errors).toEqual([{ file: 'src/store-03.ts', message: 'no such file' }]);
    expect(filesWithSecrets(result)).toEqual(storeFiles(3));
  });

  it('is reported when the content provider deletes or throws, and the rest is scanned', async () => {
    const dir = writeProject(4);
    const result = await run({
      cwd: dir,
      files: storeFiles(4),
      readFile(path) {
        if (path.endsWith('store-01.ts')) {
          unlinkSync(path);
          return readFileSync(path);
        }
        if (path.endsWith('store-02.ts')) throw new TypeError('provider bug');
        return readFileSync(path);
      },
    });
    expect(result.errors).toEqual([
      { file: 'src/store-01.ts', message: 'no such file' },
      { file: 'src/store-02.ts', message: 'cannot be read' },
    ]);
    expect(filesWithSecrets(result)).toEqual(['src/store-00.ts', 'src/store-03.ts']);
  });
});

describe('output that cannot be written', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    dir = writeProject(2);
  });

  function scan(args: readonly string[]) {
    const { CI: _ci, ...env } = process.env;
    return spawnSync(process.execPath, [bin, 'scan', ...args], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
  }

  it('exits 2 and says why when --output is a directory', () => {
    mkdirSync(join(dir, 'reports'));
    const result = scan(['--output', 'reports']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write reports: EISDIR/u);
    expect(result.stdout).toBe('');
  });

  it('exits 2 when --output is on a read-only path', () => {
    let target: string;
    if (isRoot) {
      // Root writes through file modes; a kernel file refuses writes to everyone.
      target = '/proc/version';
      if (!existsSync(target)) throw new Error('/proc is needed for this test on Linux as root');
    } else {
      mkdirSync(join(dir, 'locked'));
      chmodSync(join(dir, 'locked'), 0o555);
      target = join(dir, 'locked', 'report.json');
    }
    const result = scan(['--format', 'json', '--output', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`cannot write ${target}`);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a full disk (/dev/full)', () => {
    if (!existsSync('/dev/full')) throw new Error('/dev/full is needed for this test (Linux)');
    const result = scan(['--format', 'sarif', '--output', '/dev/full']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot write \/dev\/full: ENOSPC/u);
  });
});

describe('an interrupted run', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-sigint-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src'));
    // Enough files that the scan is still running when the signal arrives.
    for (let index = 0; index < 4000; index++) {
      writeFileSync(join(dir, 'src', `module-${index}.ts`), `export const store${index} = { clientId: 'pos-${index}', tokenUrl: 'https://pos.example.com/token' };\nexport function f${index}(a: number) { return a * ${index}; }\n`);
    }
  });

  function interrupt(args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const { CI: _ci, ...env } = process.env;
      const child = spawn(process.execPath, [bin, 'scan', ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGINT'), 1500);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });
  }

  it('ends with SIGINT status and prints no report that could pass for a clean one', async () => {
    const result = await interrupt(['--format', 'json']);
    // Killed by the signal (shells show 130), or exiting 130 after a handler: never 0. A run that had
    // finished before the signal would show no signal, so this also proves the scan was interrupted.
    expect(result.signal === 'SIGINT' || result.code === 130).toBe(true);
    expect(result.code).not.toBe(0);
    expect(() => JSON.parse(result.stdout) as unknown).toThrow();
    expect(result.stdout).not.toContain('"findings"');
  }, 60_000);

  it('leaves no --output file behind', async () => {
    const output = join(dir, 'report.sarif');
    const result = await interrupt(['--format', 'sarif', '--output', output]);
    expect(result.signal === 'SIGINT' || result.code === 130).toBe(true);
    expect(existsSync(output)).toBe(false);
  }, 60_000);
});
