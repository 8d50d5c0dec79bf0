/**
 * A file the scan could not read or parse fails the run (exit 1), as a parse error does in ESLint:
 * a pre-commit hook or CI gate must not pass on a file it never checked. `failOnErrors: false` in
 * the config turns that off; the text report says how many files could not be checked either way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { exitCodeFor } from '../../src/cli/scan-command.js';
import type { ScanResult } from '../../src/scanner/types.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'credential-hygiene-unchecked-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}

async function scan(cwd: string, args: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(['scan', ...args], { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) }, cwd });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

// A clean file next to one that does not parse: the secret in the broken one is never seen. (A
// value the rules would report, so that the file must be parsed: assembled at run time.)
const unseen = ['Zq8vR3mT', 'x5Wp9LkB'].join('');
const files = {
  'pos-client.ts': "export const pos = { clientId: process.env.POS_CLIENT_ID, clientSecret: process.env.POS_CLIENT_SECRET };\n",
  'erp-client.ts': `export const erp = { clientSecret: '${unseen}', +;\n`,
};

describe('files that could not be checked', () => {
  it('exit 1, and the text report says how many', async () => {
    const result = await scan(project(files));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('1 file could not be scanned:\n  erp-client.ts  syntax error at 1:55: Property assignment expected.\n\n✖ 1 file could not be checked; no problems found in 2 files.\n');
  });

  it('exit 1 in every format and with --quiet', async () => {
    const dir = project(files);
    for (const format of ['json', 'sarif', 'github']) expect((await scan(dir, ['--format', format])).status, format).toBe(1);
    const quiet = await scan(dir, ['--quiet']);
    expect(quiet.status).toBe(1);
    expect(quiet.stdout).toContain('✖ 1 file could not be checked');
  });

  it('exit 0 with failOnErrors: false, still listing the file', async () => {
    const dir = project({ ...files, 'credential-hygiene.config.json': '{ "failOnErrors": false }\n' });
    const result = await scan(dir);
    expect(result.status).toBe(0);
    // The config file is scanned too.
    expect(result.stdout).toContain('✖ 1 file could not be checked; no problems found in 3 files.');
  });

  it('exit 0 when every file was checked and nothing was found (the neighbour)', async () => {
    const result = await scan(project({ 'pos-client.ts': files['pos-client.ts'] }));
    expect(result).toEqual({ status: 0, stdout: 'No problems found in 1 file.\n', stderr: '' });
  });

  it('rejects a failOnErrors that is not a boolean', async () => {
    const dir = project({ ...files, 'credential-hygiene.config.json': '{ "failOnErrors": "no" }\n' });
    const result = await scan(dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('"failOnErrors" must be true or false');
  });
});

describe('exitCodeFor', () => {
  const unchecked: ScanResult = { findings: [], errors: [{ file: 'src/a.ts', message: 'invalid UTF-8' }], stats: { files: 1, skipped: {}, durationMs: 1 } };
  const skippedOnly: ScanResult = { findings: [], errors: [], stats: { files: 1, skipped: { binary: 3, special: 1 }, durationMs: 1 } };

  it('fails on errors unless failOnErrors is false; skipped files never fail', () => {
    expect(exitCodeFor(unchecked, { severity: 'error', maxWarnings: undefined })).toBe(1);
    expect(exitCodeFor(unchecked, { severity: 'error', maxWarnings: undefined, failOnErrors: true })).toBe(1);
    expect(exitCodeFor(unchecked, { severity: 'error', maxWarnings: undefined, failOnErrors: false })).toBe(0);
    expect(exitCodeFor(skippedOnly, { severity: 'error', maxWarnings: undefined })).toBe(0);
  });
});
