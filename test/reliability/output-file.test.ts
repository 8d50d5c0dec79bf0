/**
 * `--output` is written all-or-nothing: a failing write (a file size limit, a full disk) leaves the
 * previous report exactly as it was, no temp file behind, and exits 2 naming the path and the
 * reason; a reader never sees a report half replaced.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { describeWriteError, writeOutputFile } from '../../src/cli/write-output.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-out-'));
  dirs.push(dir);
  return dir;
}

const secretFor = (index: number): string => ['Zq8vL2mN', String(index).padStart(4, '0'), 'x4Rt7YpKw1Bs9DfH'].join('');

/** A project whose SARIF report is several kilobytes. */
function writeProject(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'));
  for (let index = 0; index < 6; index++) writeFileSync(join(dir, 'src', `store-${index}.ts`), `export const store${index} = { clientId: 'pos-${index}', clientSecret: '${secretFor(index)}' };\n`);
  return dir;
}

function readAll(fd: number): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(4096);
  let read: number;
  let position = 0;
  while ((read = readSync(fd, buffer, 0, buffer.length, position)) > 0) {
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    position += read;
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeOutputFile', () => {
  it('replaces a report by rename: a reader of the old report still reads it whole', () => {
    const dir = tempDir();
    const path = join(dir, 'report.json');
    const old = `${JSON.stringify({ findings: ['old'] })}\n`;
    writeFileSync(path, old);
    const fd = openSync(path, 'r');
    try {
      writeOutputFile(path, `${JSON.stringify({ findings: ['new', 'and', 'longer'] })}\n`);
      // Written in place, the open file would show the new bytes; renamed over, it keeps the old ones.
      expect(readAll(fd)).toBe(old);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify({ findings: ['new', 'and', 'longer'] })}\n`);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps the mode of an existing report and follows a symbolic link instead of replacing it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'reports'));
    const real = join(dir, 'reports', 'latest.sarif');
    writeFileSync(real, 'old\n', { mode: 0o600 });
    symlinkSync(join('reports', 'latest.sarif'), join(dir, 'report.sarif'));
    writeOutputFile(join(dir, 'report.sarif'), 'new\n');
    expect(readlinkSync(join(dir, 'report.sarif'))).toBe(join('reports', 'latest.sarif'));
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['latest.sarif']);
  });

  it('refuses a directory with EISDIR and leaves it as it was', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'report.json'));
    let thrown: unknown;
    try {
      writeOutputFile(join(dir, 'report.json'), '{}\n');
    } catch (error) {
      thrown = error;
    }
    expect(describeWriteError(thrown)).toBe('EISDIR (is a directory)');
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readdirSync(join(dir, 'report.json'))).toEqual([]);
  });

  it('writes through to a device it cannot rename over, and says why it failed', () => {
    if (!existsSync('/dev/full')) throw new Error('/dev/full is needed for this test (Linux)');
    let thrown: unknown;
    try {
      writeOutputFile('/dev/full', '{}\n');
    } catch (error) {
      thrown = error;
    }
    expect(describeWriteError(thrown)).toBe('ENOSPC (no space left on device)');
    // Still the device, not a regular file renamed over it.
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('describes errors by code and meaning, and other errors by name only', () => {
    expect(describeWriteError(Object.assign(new Error('EACCES: permission denied, open /x'), { code: 'EACCES' }))).toBe('EACCES (permission denied)');
    expect(describeWriteError(Object.assign(new Error('odd'), { code: 'EWHATEVER' }))).toBe('EWHATEVER');
    expect(describeWriteError(new TypeError('something with a value in it'))).toBe('TypeError');
  });
});

describe('scan --output', () => {
  it('writes the report through main() and leaves no temp file', async () => {
    const dir = writeProject();
    const stderr: string[] = [];
    const code = await main(['scan', '--format', 'json', '--output', 'out/report.json'], { stdout: { write: () => true }, stderr: { write: (chunk: string) => stderr.push(chunk) }, cwd: dir });
    expect(code).toBe(1);
    expect((JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8')) as { findings: unknown[] }).findings.length).toBeGreaterThanOrEqual(6);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it('exits 2 naming the path and reason, and keeps the previous report, when the write fails half-way', () => {
    if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
    const dir = writeProject();
    const previous = `${JSON.stringify({ version: '2.1.0', runs: [{ results: [] }] })}\n`;
    writeFileSync(join(dir, 'report.sarif'), previous);
    const { CI: _ci, ...env } = process.env;
    // A 1 KiB file size limit makes the report's write fail with EFBIG after its first kilobyte,
    // as a full disk or quota would: written in place, a truncated report would remain.
    const result = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 1; exec "$0" "$@"`, process.execPath, bin, 'scan', '--format', 'sarif', '--output', 'report.sarif'], { cwd: dir, encoding: 'utf8', env, timeout: 60_000 });
    expect(result.stderr).toContain('cannot write report.sarif: EFBIG (file too large)');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toBe(previous);
    expect(readdirSync(dir).sort()).toEqual(['report.sarif', 'src']);
  }, 60_000);
});
