/**
 * The per-file pass's flag for the whole-program checks: `mayUseSecret` must be set on every file
 * whose facts hold a cross-file use (an imported value under a secret name or at a sink), because
 * a file without it is never parsed as a use site.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilePass, looksMinified, type FilePassOptions } from '../../src/scanner/file-pass.js';
import { FileLinter } from '../../src/scanner/lint.js';

const root = join(import.meta.dirname, '..', '..');

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : codeFiles(path);
    return /\.(?:[cm]?[jt]s|[jt]sx)$/u.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const options = (sinks?: FilePassOptions['sinks']): FilePassOptions => ({
  cwd: root,
  linterRules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' },
  severities: [['no-hardcoded-client-secret', 'error']],
  enabledLinterRules: ['no-hardcoded-client-secret'],
  reportUnusedDisableDirectives: false,
  maxFileSize: 1024 * 1024,
  includeSecrets: false,
  ...(sinks ? { sinks } : {}),
});

function mayUseSecret(pass: FilePass, path: string): boolean {
  const result = pass.precheck({ path, category: 'code' });
  if ('pending' in result) return result.pending.mayUseSecret;
  if (result.outcome.status !== 'checked') throw new Error(`${path}: ${result.outcome.status}`);
  return result.outcome.mayUseSecret;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ch-file-pass-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('FilePass.precheck: mayUseSecret', () => {
  it('is set on every fixture file whose facts hold a cross-file use', () => {
    const pass = new FilePass(options());
    const linter = new FileLinter({ rules: {}, reportUnusedDisableDirectives: false });
    let uses = 0;
    for (const path of [...codeFiles(join(root, 'test/fixtures/scanner')), ...codeFiles(join(root, 'examples'))]) {
      const facts = linter.lint(path, readFileSync(path, 'utf8'), { factsOnly: true }).facts;
      if (!facts || facts.slotUses.length === 0) continue;
      uses++;
      expect(mayUseSecret(pass, path), path).toBe(true);
    }
    expect(uses).toBeGreaterThan(3);
  });

  it('is set for an imported value under a secret name or passed to a sink', () => {
    const pass = new FilePass(options());
    expect(mayUseSecret(pass, file('a.ts', "import { kensium } from './settings';\nexport const auth = { clientSecret: kensium.value };\n"))).toBe(true);
    expect(mayUseSecret(pass, file('b.ts', "import crypto from 'node:crypto';\nimport { keys } from './keys';\nexport const sign = (body: string) => crypto.createHmac('sha256', keys.webhook).update(body).digest('hex');\n"))).toBe(true);
    expect(mayUseSecret(pass, file('c.js', "const cfg = require('./config');\nconst { password } = cfg;\n"))).toBe(true);
  });

  it('counts the declared sinks', () => {
    const sinks = [{ module: '@acme/erp', export: 'ErpClient', call: 'new' as const, slots: [{ arg: 0, kind: 'password' as const }] }];
    const text = "import { ErpClient } from '@acme/erp';\nimport { erp } from './config';\nexport const client = new ErpClient(erp.login);\n";
    expect(mayUseSecret(new FilePass(options(sinks)), file('g.ts', text))).toBe(true);
  });
});

describe('looksMinified', () => {
  const lines = (...lengths: number[]): string => lengths.map((length) => 'x'.repeat(length)).join('\n');

  it('counts a line of 1,000 characters as machine-written, and one of 999 as not', () => {
    // Most of the text on long lines: 3 × 1,000 of 3,000 + 100 short ones.
    expect(looksMinified(lines(1000, 1000, 1000, ...Array<number>(100).fill(20)))).toBe(true);
    expect(looksMinified(lines(999, 999, 999, ...Array<number>(100).fill(20)))).toBe(false);
    // The last line, without a line break after it.
    expect(looksMinified(`${'const a = 1;\n'.repeat(150)}${'x'.repeat(3000)}`)).toBe(true);
    expect(looksMinified(`${'const a = 1;\n'.repeat(150)}${'x'.repeat(999)}`)).toBe(false);
  });

  it('reads a long average line as minified, whatever the longest line', () => {
    expect(looksMinified(lines(...Array<number>(20).fill(600)))).toBe(true);
    expect(looksMinified(lines(...Array<number>(20).fill(499)))).toBe(false);
  });

  it('leaves out an inline source map on the last line that is not blank, and only there', () => {
    const readable = 'export const tenant = process.env.POS_TENANT;\n'.repeat(200);
    const map = `//# sourceMappingURL=data:application/json;base64,${'A'.repeat(20_000)}`;
    expect(looksMinified(`${readable}${map}\n\n  \n`)).toBe(false);
    expect(looksMinified(`${readable}${map.replace('#', '@')}`)).toBe(false);
    // A map line with code after it is part of the code.
    expect(looksMinified(`${readable}${map}\nexport {};\n`)).toBe(true);
    expect(looksMinified(`${readable}${'x'.repeat(20_000)}\n`)).toBe(true);
  });
});
