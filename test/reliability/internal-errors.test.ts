/**
 * Any input, no crash, even when the tool itself has a bug: a rule that throws on one file (ESLint
 * rethrows a rule's exception out of `verify`) must not end the scan. That file becomes an entry in
 * `errors`, without the thrown text (which may quote the file), and every other file is reported.
 * The throwing rule is simulated by wrapping the scanner's linter, since no shipped rule is known to
 * throw (the fuzz tests in this folder look for one).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/scanner/index.js';
import { findLeaks, SEEDED_SECRETS } from './support/seeded-secrets.js';

vi.mock('../../src/scanner/lint.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scanner/lint.js')>();
  class ThrowingLinter extends original.FileLinter {
    override lint(...args: Parameters<InstanceType<typeof original.FileLinter>['lint']>): ReturnType<InstanceType<typeof original.FileLinter>['lint']> {
      const [filename, text] = args;
      if (filename.endsWith('explode.ts')) {
        // The shape of ESLint's rethrown rule error, quoting the file's text as a careless rule might.
        throw new TypeError(`Cannot read properties of undefined (reading '${text.slice(0, 60)}')\nOccurred while linting ${filename}:1\nRule: "credential-hygiene/no-hardcoded-client-secret"`);
      }
      return super.lint(...args);
    }
  }
  return { ...original, FileLinter: ThrowingLinter };
});

const failWholeProgram = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/scanner/whole-program.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scanner/whole-program.js')>();
  return {
    ...original,
    findCrossFileFlows(...args: Parameters<typeof original.findCrossFileFlows>): ReturnType<typeof original.findCrossFileFlows> {
      if (failWholeProgram.on) throw new RangeError('Maximum call stack size exceeded');
      return original.findCrossFileFlows(...args);
    },
  };
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a rule that throws on one file', () => {
  it('turns that file into an errors entry and still reports every other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-internal-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src'));
    const secret = SEEDED_SECRETS[0]!.value;
    writeFileSync(join(dir, 'src', 'explode.ts'), `export const kensium = { clientSecret: ${JSON.stringify(secret)} };\n`);
    writeFileSync(join(dir, 'src', 'kensium.ts'), `export const kensium = { clientSecret: ${JSON.stringify(secret)} };\n`);
    writeFileSync(join(dir, 'src', 'other.ts'), `export const erp = { clientSecret: ${JSON.stringify(SEEDED_SECRETS[3]!.value)} };\n`);
    const result = await run({ cwd: dir });
    expect(result.errors.map((error) => error.file)).toEqual(['src/explode.ts']);
    expect(result.errors[0]!.message).toMatch(/^internal error/u);
    expect(result.errors[0]!.message).toContain('no-hardcoded-client-secret');
    expect(findLeaks(JSON.stringify(result))).toEqual([]);
    expect([...new Set(result.findings.map((finding) => finding.file))].sort()).toEqual(['src/kensium.ts', 'src/other.ts']);
  });
});

describe('a bug in the whole-program checks', () => {
  it('is one <run> error, and every per-file finding is still reported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-internal-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'kensium.ts'), `export const kensium = { clientSecret: ${JSON.stringify(SEEDED_SECRETS[0]!.value)} };\n`);
    writeFileSync(join(dir, 'src', 'other.ts'), `export const erp = { clientSecret: ${JSON.stringify(SEEDED_SECRETS[3]!.value)} };\n`);
    const healthy = await run({ cwd: dir });
    failWholeProgram.on = true;
    try {
      const result = await run({ cwd: dir });
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ file: '<run>' });
      expect(result.errors[0]!.message).toMatch(/^internal error in the whole-program checks \(RangeError\)/u);
      expect(result.findings).toEqual(healthy.findings);
    } finally {
      failWholeProgram.on = false;
    }
  });
});
