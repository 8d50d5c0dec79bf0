/**
 * No secret leaves in clear, scanner side: `run()`'s result, every registered reporter, the
 * baseline file, the real binary's stdout, stderr and `--output` file in every format, progress
 * output, error messages for unreadable inputs and broken config files. Only `--no-mask` prints
 * values, and it warns. The threshold and the seeds are explained in `leak-audit.test.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBaseline, parseBaseline, serializeBaseline } from '../../src/cli/baseline.js';
import { main } from '../../src/cli/main.js';
import { reporters } from '../../src/cli/reporters/index.js';
import { maskSecret } from '../../src/detectors/index.js';
import { run, type RunResult } from '../../src/scanner/index.js';
import { writeSeededProject, type SeededProject } from './support/seeded-project.js';
import { findLeaks, SEEDED_SECRETS } from './support/seeded-secrets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

let project: SeededProject;
let result: RunResult;
const scratch = mkdtempSync(join(tmpdir(), 'credential-hygiene-leak-out-'));

beforeAll(async () => {
  project = writeSeededProject();
  result = await run({ cwd: project.dir });
}, 120_000);
afterAll(() => {
  rmSync(project.dir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

function binary(args: readonly string[], env: Record<string, string> = {}) {
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(process.execPath, [bin, ...args], { cwd: project.dir, encoding: 'utf8', env: { ...rest, ...env }, timeout: 120_000 });
}

describe('scanner result', () => {
  it('reports the seeded secrets, each with a masked preview', () => {
    expect(result.findings.length).toBeGreaterThan(0);
    const messages = result.findings.map((finding) => finding.message).join('\n');
    const seen = SEEDED_SECRETS.filter((seed) => [seed.value, seed.secret ?? seed.value].some((value) => messages.includes(maskSecret(value))));
    // Every kind is reported somewhere in the project (sources, config files, .env).
    expect(seen.map((seed) => seed.id)).toEqual(SEEDED_SECRETS.map((seed) => seed.id));
  });

  it('puts no secret in findings, errors or stats', () => {
    expect(result.errors.map((error) => error.file)).toContain('src/broken.ts');
    expect(findLeaks(JSON.stringify(result))).toEqual([]);
  });

  it('keeps the secrets out of enumerable fields and fix targets unless asked', () => {
    expect(result.findings.every((finding) => finding.secret === undefined)).toBe(true);
    expect(findLeaks(JSON.stringify(Object.entries(result)))).toEqual([]);
  });
});

describe('reporters', () => {
  it.each([...reporters.keys()])('%s prints no secret, with and without colour', (format) => {
    const reporter = reporters.get(format)!;
    for (const color of [false, true]) {
      const output = reporter(result, { cwd: project.dir, quiet: false, color });
      expect(output.length).toBeGreaterThan(0);
      expect(findLeaks(output)).toEqual([]);
    }
  });

  it('covers the four documented formats', () => {
    expect([...reporters.keys()]).toEqual(expect.arrayContaining(['text', 'json', 'sarif', 'github']));
  });
});

describe('baseline file', () => {
  it('holds fingerprints, never values', () => {
    const text = serializeBaseline(createBaseline(result.findings));
    expect(parseBaseline(text, 'baseline.json').entries.length).toBe(result.findings.length);
    expect(findLeaks(text)).toEqual([]);
  });

  it('does not echo a secret when the file given as baseline is not JSON', () => {
    const seed = SEEDED_SECRETS[0]!;
    for (const text of [`KENSIUM_CLIENT_SECRET=${seed.value}\n`, `{"version": 1, "entries": ${seed.value}}`, `{"a": ${seed.value}}`]) {
      let message = '';
      try {
        parseBaseline(text, '.env');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/\.env/u);
      expect(findLeaks(message)).toEqual([]);
    }
  });
});

describe('the real binary', () => {
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  });

  it('prints no secret on stdout or stderr', () => {
    const text = binary(['scan']);
    expect(text.status, text.stderr.slice(0, 300)).toBe(1);
    expect(text.stdout, text.stderr.slice(0, 500)).toMatch(/problems? \(/u);
    expect(findLeaks(text.stdout + text.stderr)).toEqual([]);
  }, 120_000);

  it('prints values only with --no-mask, and warns on stderr when it does', () => {
    const scan = binary(['scan', '--format', 'json', '--no-mask']);
    expect(scan.stderr).toMatch(/WARNING: --no-mask prints whole secret values/u);
    // The audit sees the values now: proof that it would catch them in any other output.
    expect(findLeaks(scan.stdout).length).toBeGreaterThan(0);
    expect(findLeaks(scan.stderr)).toEqual([]);
  });

});

/** Runs the CLI in-process in the seeded project (faster than a process per format). */
async function scanInProject(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } };
  const previous = process.cwd();
  process.chdir(project.dir);
  try {
    const code = await main(argv, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(previous);
  }
}

describe('scan command in every format', () => {
  it('writes no secret to --output or stderr', async () => {
    for (const format of [...reporters.keys()]) {
      const output = join(scratch, `report.${format}`);
      const scan = await scanInProject(['scan', '--format', format, '--output', output]);
      expect(scan.code, `${format}: ${scan.stderr.slice(0, 300)}`).toBe(1);
      expect(scan.stdout).toBe('');
      const report = readFileSync(output, 'utf8');
      expect(report.length).toBeGreaterThan(0);
      expect(findLeaks(report), format).toEqual([]);
      expect(findLeaks(scan.stderr), format).toEqual([]);
    }
  }, 180_000);

  it('writes no secret to the baseline file, and prints none when scanning against it', async () => {
    const baseline = join(scratch, 'baseline.json');
    const update = await scanInProject(['scan', '--baseline', baseline, '--update-baseline']);
    expect(update.code, update.stderr.slice(0, 300)).toBe(0);
    const text = readFileSync(baseline, 'utf8');
    expect(parseBaseline(text, baseline).entries.length).toBeGreaterThan(0);
    expect(findLeaks(text)).toEqual([]);
    expect(findLeaks(update.stdout + update.stderr)).toEqual([]);
    for (const format of ['text', 'sarif']) {
      const gated = await scanInProject(['scan', '--baseline', baseline, '--format', format]);
      // Every finding is in the baseline; `src/broken.ts` does not parse, and a file that could not be checked fails the run.
      expect(gated.code, format).toBe(1);
      if (format === 'text') expect(gated.stdout).toContain('✖ 1 file could not be checked; no problems found in');
      expect(findLeaks(gated.stdout + gated.stderr), format).toEqual([]);
    }
  }, 180_000);
});

/** Runs the CLI in-process (usage errors stop before any scan, so this is fast). */
async function cli(argv: string[]): Promise<{ code: number; output: string }> {
  const chunks: string[] = [];
  const io = { stdout: { write: (chunk: string) => chunks.push(chunk) }, stderr: { write: (chunk: string) => chunks.push(chunk) } };
  const code = await main(argv, io);
  return { code, output: chunks.join('') };
}

describe('usage and configuration errors', () => {
  it('do not echo a secret from a config file that is not valid JSON', async () => {
    const config = join(scratch, 'broken-config.json');
    writeFileSync(config, `{ "ignore": [${SEEDED_SECRETS[0]!.value}] }\n`);
    for (const command of ['scan', 'fix']) {
      const { code, output } = await cli([command, '--config', config]);
      expect(code).toBe(2);
      expect(output).toContain('broken-config.json');
      expect(findLeaks(output)).toEqual([]);
    }
  });

  it('do not echo a secret from an unknown flag, command or bad value', async () => {
    const seed = SEEDED_SECRETS[0]!;
    const cases = [
      ['scan', `--${seed.value}`],
      ['scan', `--token=${seed.value}`],
      ['scan', '--format', seed.value],
      ['scan', '--severity', seed.value],
      ['scan', '--max-warnings', seed.value],
      ['fix', `--${seed.value}`],
      ['fix', `--style=${seed.value}`],
      ['fix', '--style', seed.value],
      ['fix', '--prefix', seed.value],
      [seed.value],
    ];
    for (const [index, args] of cases.entries()) {
      const { code, output } = await cli(args);
      expect(code, `case ${index}`).toBe(2);
      expect(findLeaks(output), `case ${index}`).toEqual([]);
    }
  });
});

describe('progress output', () => {
  it('shows counts only, never a path or a value', async () => {
    const chunks: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { isTTY: true, write: (chunk: string) => chunks.push(chunk) } };
    // Each clock read is a second later, so the progress line shows on every file.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    const previousCi = process.env.CI;
    delete process.env.CI;
    const previousCwd = process.cwd();
    process.chdir(project.dir);
    try {
      await main(['scan'], io);
    } finally {
      process.chdir(previousCwd);
      clock.mockRestore();
      if (previousCi !== undefined) process.env.CI = previousCi;
    }
    const output = chunks.join('');
    expect(output).toMatch(/Scanning… \d+\/\d+ files/u);
    expect(findLeaks(output)).toEqual([]);
  });
});

describe('error messages from a content provider', () => {
  it('do not carry what the provider threw', async () => {
    const seed = SEEDED_SECRETS[0]!;
    const failing = await run({
      cwd: project.dir,
      files: ['src/random-client-secret.ts', 'src/github-token.ts', 'src/jwt.ts'],
      readFile(path) {
        if (path.endsWith('random-client-secret.ts')) throw Object.assign(new Error(`EIO: cannot read ${seed.value}`), { code: 'EIO' });
        if (path.endsWith('github-token.ts')) throw new Error(`provider failed on ${seed.value}`);
        return readFileSync(path);
      },
    });
    expect(failing.errors.map((error) => error.file).sort()).toEqual(['src/github-token.ts', 'src/random-client-secret.ts']);
    expect(failing.findings.some((finding) => finding.file === 'src/jwt.ts')).toBe(true);
    expect(findLeaks(JSON.stringify(failing))).toEqual([]);
  });
});

describe('fix command', () => {
  function fix(cwd: string, args: readonly string[]) {
    const { CI: _ci, ...env } = process.env;
    return spawnSync(process.execPath, [bin, 'fix', ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  }

  it('--dry-run shows a masked diff, writes nothing and prints no secret', () => {
    const copy = writeSeededProject(SEEDED_SECRETS, 'credential-hygiene-leak-fix-');
    try {
      const before = project.files.map((file) => readFileSync(join(copy.dir, file), 'utf8'));
      const result = fix(copy.dir, ['--dry-run', '--style', 'process-env']);
      expect(result.status, result.stderr.slice(0, 300)).toBe(1);
      expect(result.stdout).toMatch(/^\+\+\+ /mu);
      expect(result.stdout).toContain('process.env.');
      expect(findLeaks(result.stdout)).toEqual([]);
      expect(findLeaks(result.stderr)).toEqual([]);
      expect(project.files.map((file) => readFileSync(join(copy.dir, file), 'utf8'))).toEqual(before);
      expect(existsSync(join(copy.dir, '.env.example'))).toBe(false);
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });

  it('prints no secret when it writes the fix, and keeps the values only in the env file', () => {
    const copy = writeSeededProject(SEEDED_SECRETS, 'credential-hygiene-leak-fix-');
    try {
      const result = fix(copy.dir, ['--style', 'process-env']);
      expect(result.stdout).toMatch(/Rotate/u);
      expect(findLeaks(result.stdout)).toEqual([]);
      expect(findLeaks(result.stderr)).toEqual([]);
      expect(findLeaks(readFileSync(join(copy.dir, '.env.example'), 'utf8'))).toEqual([]);
    } finally {
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });

});
