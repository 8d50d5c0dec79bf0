import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixCommand } from '../../src/cli/fix-command.js';
import { main } from '../../src/cli/main.js';
import { clearProjectFactsCache } from '../../src/fix/apply/index.js';
import { cleanupProjects, repoRoot, snapshotTree, tempDir, writeProject } from './project.js';

afterAll(cleanupProjects);

const SECRET = ['Zq8vR2mK9xLp', 'T4wN7bYc3fHd', '6jGs1A0cE'].join('');
const OTHER = ['F3kP9vQ2wX7m', 'R4tY8zB1nC6h', 'J0sL5dGa'].join('');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function fix(dir: string, args: string[] = []) {
  clearProjectFactsCache();
  const output = capture();
  const code = await runFixCommand(args, output.io, dir);
  return { code, out: output.out(), err: output.err() };
}

function project(extra: Readonly<Record<string, string>> = {}): string {
  const dir = tempDir();
  writeProject(dir, {
    'package.json': '{ "type": "module" }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true } }\n',
    'src/kensium.ts': `export const kensium = {\n  clientSecret: '${SECRET}',\n};\n`,
    ...extra,
  });
  return dir;
}

describe('credential-hygiene fix', () => {
  it('is registered in the CLI, has its own help, and runs in the given working directory', async () => {
    const output = capture();
    expect(await main(['fix', '--help'], output.io)).toBe(0);
    expect(output.out()).toContain('Usage: credential-hygiene fix [paths...] [options]');
    const dir = project();
    const run = capture();
    clearProjectFactsCache();
    expect(await main(['fix', '--dry-run'], { ...run.io, cwd: dir })).toBe(1);
    expect(run.out()).toContain('src/kensium.ts:2:17  client-secret Zq8v…A0cE (33 chars) -> KENSIUM_CLIENT_SECRET\n');
  });

  it('runs as a real binary from dist', () => {
    const dir = project();
    const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'bin.js'), 'fix', '--dry-run'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("+  clientSecret: requireEnv('KENSIUM_CLIENT_SECRET'),\n");
    expect(result.stdout).not.toContain(SECRET);
    expect(snapshotTree(dir).has('.env')).toBe(false);
  });

  it('rejects bad flags with exit code 2', async () => {
    const dir = project();
    expect((await fix(dir, ['--style', 'dotenv'])).err).toBe('credential-hygiene fix: --style must be "process-env" or "require-env", not "dotenv"\n');
    expect((await fix(dir, ['--style', 'dotenv'])).code).toBe(2);
    expect((await fix(dir, ['--prefix', '9x'])).code).toBe(2);
    expect((await fix(dir, ['--frobnicate'])).code).toBe(2);
    expect(snapshotTree(dir).has('.env')).toBe(false);
  });

  it('moves the secret, exits 0 when nothing is left, and writes to the given env and example files', async () => {
    const dir = project();
    const result = await fix(dir, ['--env-file', 'config/local.env', '--example-file', 'config/example.env']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'src/kensium.ts'), 'utf8')).toBe(
      `import { requireEnv } from './require-env.js';\n\nexport const kensium = {\n  clientSecret: requireEnv('KENSIUM_CLIENT_SECRET'),\n};\n`,
    );
    expect(readFileSync(join(dir, 'config/local.env'), 'utf8')).toContain(`KENSIUM_CLIENT_SECRET='${SECRET}'\n`);
    expect(statSync(join(dir, 'config/local.env')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'config/example.env'), 'utf8')).toContain('\nKENSIUM_CLIENT_SECRET=\n');
    expect(readFileSync(join(dir, 'config/.gitignore'), 'utf8')).toContain('/local.env\n');
    expect(result.out).not.toContain(SECRET);
    expect(result.out).toContain('Rotate this secret now');
  });

  it('reports a conflicting value in .env, changes nothing, and exits 1', async () => {
    const dir = project({ '.env': `KENSIUM_CLIENT_SECRET='${OTHER}'\n`, '.gitignore': '.env\n' });
    const before = snapshotTree(dir);
    const result = await fix(dir);
    expect(result.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    expect(result.out).toContain('.env already sets KENSIUM_CLIENT_SECRET to a different value (F3kP…5dGa (32 chars))');
    expect(result.out).not.toContain(SECRET);
    expect(result.out).not.toContain(OTHER);
  });

  it('stops with exit code 2 on an invalid config file and writes nothing', async () => {
    const dir = project();
    writeFileSync(join(dir, 'credential-hygiene.config.json'), '{ not json');
    const before = snapshotTree(dir);
    const result = await fix(dir);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^credential-hygiene fix: invalid configuration: /u);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('fixes a file that starts with a byte-order mark and keeps the mark', async () => {
    const dir = project({ 'src/kensium.ts': `\uFEFFexport const kensium = { clientSecret: '${SECRET}' };\n` });
    const result = await fix(dir);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'src/kensium.ts'), 'utf8')).toBe(
      `\uFEFFimport { requireEnv } from './require-env.js';\n\nexport const kensium = { clientSecret: requireEnv('KENSIUM_CLIENT_SECRET') };\n`,
    );
  });

  it('reports a secret in a test file instead of moving it, since tests run without the env file', async () => {
    const dir = project({ 'test/kensium.test.ts': `export const fixture = { clientSecret: '${OTHER}' };\n` });
    const result = await fix(dir);
    expect(result.out).toContain('test/kensium.test.ts:1:40  client-secret: Test file: tests run where no env file exists (CI).');
    expect(readFileSync(join(dir, 'test/kensium.test.ts'), 'utf8')).toContain(OTHER);
    expect(readFileSync(join(dir, '.env'), 'utf8')).not.toContain(OTHER);
  });

  it('defaults to process.env for a JavaScript project without tsconfig', async () => {
    const dir = tempDir();
    writeProject(dir, { 'package.json': '{ "type": "module" }\n', 'src/pos.js': `export const pos = { clientSecret: '${SECRET}' };\n` });
    const result = await fix(dir);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'src/pos.js'), 'utf8')).toBe('export const pos = { clientSecret: process.env.POS_CLIENT_SECRET };\n');
  });

  it('masks every line of a private key written over several lines in the dry-run diff', async () => {
    const body = [['MIIEvQIBADANBgkqhkiG9w0BAQEF', 'AASCBKcwggSjAgEAAoIBAQC7VJTU'].join(''), ['MzEfYyjiWA4R4/M2bS1GB4t7NXp9', '8C3SC6dVMvDuictGeurT8jNb'].join('')];
    const pem = ['-----BEGIN PRIVATE KEY-----', ...body, '-----END PRIVATE KEY-----'].join('\n');
    const dir = project({ 'src/sign.ts': `import jwt from 'jsonwebtoken';\nconst PRIVATE_KEY = \`${pem}\`;\nexport const assertion = () => jwt.sign({ iss: 'pos-sync' }, PRIVATE_KEY, { algorithm: 'RS256' });\n` });
    const result = await fix(dir, ['--dry-run']);
    expect(result.out).toContain('--- a/src/sign.ts');
    for (const line of body) expect(result.out + result.err).not.toContain(line.slice(8, 40));
  });

  it('keeps the diff readable around a short client id: paths and package names stay as they are', async () => {
    const dir = project({
      'src/kc.ts': `import KcAdminClient from '@keycloak/keycloak-admin-client';\nconst kc = new KcAdminClient({ baseUrl: 'https://sso.example.com' });\nexport const login = () => kc.auth({ grantType: 'client_credentials', clientId: 'admin-cli', clientSecret: '${OTHER}' });\n`,
    });
    const result = await fix(dir, ['--dry-run']);
    expect(result.out).toContain("import KcAdminClient from '@keycloak/keycloak-admin-client';");
    expect(result.out).toContain('--- /dev/null');
    expect(result.out).not.toContain(OTHER);
    expect(result.out).not.toContain("'admin-cli'");
  });

  it('lists a value in an env file that is no code to move by hand, and goes on with the rest', async () => {
    const dir = project({ '.env.production': 'HUBSPOT_TOKEN=pat-na1-5b2f1c7e-3d8a-4e6b-9f01-7a2c4d6e8b90\n' });
    const result = await fix(dir, ['--dry-run']);
    expect(result.err).not.toContain('TypeError');
    expect(result.out).toContain('.env.production:1:15');
    expect(result.out).toContain('move the value by hand');
    expect(result.out).toContain('--- a/src/kensium.ts');
  });
});

describe('credential-hygiene fix on the shapes a QA pass found', () => {
  const PW = ['Sh2Cde2w', 'ioVMEuUY'].join('');

  it('moves a connection string whole and says why a Bearer header literal stays', async () => {
    const dir = project({
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: 'postgres://pos_app:${PW}@db.internal.example:5432/pos' });\n`,
      'src/erp-http.ts': `export const headers = { Authorization: 'Bearer ${OTHER}' };\n`,
    });
    const result = await fix(dir);
    expect(result.err).toBe('');
    expect(readFileSync(join(dir, 'src/db.ts'), 'utf8')).toContain("new Pool({ connectionString: requireEnv('DATABASE_URL') })");
    expect(readFileSync(join(dir, '.env'), 'utf8')).toContain(`DATABASE_URL='postgres://pos_app:${PW}@db.internal.example:5432/pos'`);
    expect(result.out).toContain('src/db.ts:2:');
    expect(result.out).toContain('-> DATABASE_URL');
    expect(result.out).toMatch(/src\/erp-http\.ts:1:\d+ {2}token: The secret is part of a longer string, a `Bearer …` header value/u);
    expect(result.out).not.toContain('changed since the scan');
    expect(result.out).not.toContain(PW);
    expect(result.out).not.toContain(OTHER);
  });

  it('masks only credential values in the dry-run diff, not the ranges of other findings', async () => {
    const dir = project({
      'src/kensium.ts': `export const kensium = {\n  clientSecret: '${SECRET}',\n  authMethod: 'client_secret_basic', // not client_credentials\n  grantType: 'client_credentials',\n};\n`,
      'src/connect.tsx': `'use client';\nexport async function connect() {\n  const body = new URLSearchParams({ grant_type: 'client_credentials', client_secret: process.env.NEXT_PUBLIC_ERP_CLIENT_SECRET! });\n  await fetch('https://erp.example.com/connect/token', { method: 'POST', body });\n}\n`,
    });
    const result = await fix(dir, ['--dry-run']);
    expect(result.out).toContain("   authMethod: 'client_secret_basic', // not client_credentials\n");
    expect(result.out).toContain("   grantType: 'client_credentials',\n");
    expect(result.out).toContain("-  clientSecret: 'Zq8…0cE' (35 chars),\n");
    expect(result.out).not.toContain(SECRET);
  });

  it('leaves a public client id of a CLI in place unless --client-ids all', async () => {
    const login = `export const PUBLIC_CLIENT_ID = 'acme-cli-public';\nexport const body = new URLSearchParams({ grant_type: 'device_code', client_id: PUBLIC_CLIENT_ID });\n`;
    const dir = project({ 'src/login.ts': login });
    const result = await fix(dir);
    expect(readFileSync(join(dir, 'src/login.ts'), 'utf8')).toBe(login);
    expect(result.out).toContain('may be a public client');
    const all = await fix(dir, ['--client-ids', 'all']);
    expect(all.out).toContain('-> PUBLIC_CLIENT_ID');
    expect(readFileSync(join(dir, 'src/login.ts'), 'utf8')).toContain("requireEnv('PUBLIC_CLIENT_ID')");
    expect((await fix(dir, ['--client-ids', 'some'])).code).toBe(2);
  });
});
