/**
 * Text that is not UTF-8 and files that are not regular files. A UTF-16 file with a byte order mark
 * (PowerShell 5 writes `.env` files that way) is decoded and scanned with the same positions as
 * its UTF-8 twin; a FIFO, socket or device named like a source file is never read and is counted
 * in `stats.skipped` as `special`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { run, type Finding } from '../../src/scanner/index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-enc-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const secretFor = (index: number): string => ['Zq8vL2mN', String(index).padStart(4, '0'), 'x4Rt7YpKw1Bs9DfH'].join('');

const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => {
  const body = Buffer.from(text, 'utf16le');
  body.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};

/** What a finding says about where it is, without the file name. */
const placed = (findings: readonly Finding[], file: string) =>
  findings.filter((finding) => finding.file === file).map(({ ruleId, line, column, endLine, endColumn, message }) => ({ ruleId, line, column, endLine, endColumn, message }));

// Non-ASCII text before the secret: a position computed on bytes instead of characters would be off.
const envText = `# Kassen-Synchronisation – Zugangsdaten für die Kasse\r\nPOS_CLIENT_ID=pos-sync\r\nPOS_CLIENT_SECRET=${secretFor(1)}\r\n`;
const jsonText = `{\n  "realm": "pos",\n  "resource": "pos-sync",\n  "credentials": { "secret": "${secretFor(2)}" }\n}\n`;
const codeText = `// Übertragung an das ERP – “Acumatica”\nexport const erp = {\n  clientId: 'erp-sync',\n  clientSecret: '${secretFor(3)}',\n};\n`;

describe('UTF-16 text files', () => {
  it('scans UTF-16 LE and BE files with a byte order mark, at the positions of their UTF-8 twins', async () => {
    const twins = await run({ cwd: project({ 'utf8/.env': envText, 'utf8/keycloak.json': jsonText, 'utf8/erp.ts': codeText }) });
    const wide = await run({ cwd: project({ 'utf8/.env': utf16le(envText), 'utf8/keycloak.json': utf16be(jsonText), 'utf8/erp.ts': utf16le(codeText) }) });

    expect(twins.errors).toEqual([]);
    expect(wide.errors).toEqual([]);
    expect(wide.stats.skipped).toEqual({});
    expect(wide.stats.files).toBe(3);
    for (const file of ['utf8/.env', 'utf8/keycloak.json', 'utf8/erp.ts']) {
      const expected = placed(twins.findings, file);
      expect(expected.length, file).toBeGreaterThan(0);
      expect(placed(wide.findings, file), file).toEqual(expected);
    }
    // The secret line of the `.env` is line 3, its value starts after `POS_CLIENT_SECRET=`.
    expect(placed(wide.findings, 'utf8/.env').find((finding) => finding.ruleId === 'no-hardcoded-client-secret')).toMatchObject({ line: 3, column: 19, endLine: 3, endColumn: 19 + secretFor(1).length });
    expect(placed(wide.findings, 'utf8/erp.ts').find((finding) => finding.ruleId === 'no-hardcoded-client-secret')).toMatchObject({ line: 4, column: 17 });
  });

  it('names a broken UTF-16 file in errors, and skips one holding NUL characters as binary', async () => {
    const truncated = utf16le(`CLIENT_SECRET=${secretFor(4)}\n`).subarray(0, 21);
    const loneSurrogate = Buffer.concat([utf16le('CLIENT_ID=pos\n'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    const withNul = utf16le(`CLIENT_SECRET=${secretFor(5)}\0\0\0\n`);
    // FF FE 00 00 is a UTF-32 LE mark: not UTF-16 text, still binary.
    const utf32 = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x00]), Buffer.from('C\0\0\0')]);
    const result = await run({ cwd: project({ '.env.truncated': truncated, '.env.surrogate': loneSurrogate, '.env.nul': withNul, '.env.utf32': utf32, 'ok.ts': codeText }) });
    expect(result.errors).toEqual([
      { file: '.env.surrogate', message: 'invalid UTF-16' },
      { file: '.env.truncated', message: 'invalid UTF-16' },
    ]);
    expect(result.stats.skipped).toEqual({ binary: 2 });
    expect(placed(result.findings, 'ok.ts').length).toBeGreaterThan(0);
  });
});

describe('fix on a UTF-16 source', () => {
  it('leaves the file as it is, writes no env file and exits 1 (the finding remains)', async () => {
    const source = utf16le(codeText);
    const dir = project({ 'src/erp.ts': source });
    const out: string[] = [];
    const code = await main(['fix'], { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => out.push(chunk) }, cwd: dir });
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'src', 'erp.ts'))).toEqual(source);
    expect(existsSync(join(dir, '.env'))).toBe(false);
    expect(out.join('')).not.toContain(secretFor(3));
  });
});

describe('special files', () => {
  it('counts a FIFO named like a source file as skipped `special`, and a directory symlink not at all', async () => {
    const dir = project({ 'src/erp.ts': codeText, 'lib/index.ts': 'export {};\n' });
    const made = spawnSync('mkfifo', [join(dir, 'src', 'pipe.ts'), join(dir, '.env.pipe')]);
    if (made.status !== 0) throw new Error('mkfifo is needed for this test');
    symlinkSync(join(dir, 'lib'), join(dir, 'src', 'lib.ts'));
    const result = await run({ cwd: dir });
    expect(result.stats.skipped).toEqual({ special: 2 });
    expect(result.stats.files).toBe(2);
    expect(result.errors).toEqual([]);
    expect(placed(result.findings, 'src/erp.ts').length).toBeGreaterThan(0);
  }, 20_000);
});
