import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { lintSource } from '@secretlint/core';
import type { SecretLintRuleCreator } from '@secretlint/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creator, SECRETLINT_RULE_ID, type SecretlintRuleOptions } from '../../src/secretlint/index.js';

// Fake credentials, assembled so that no whole secret sits in the source.
const SECRET = ['Zq8vL2mNx4Rt', '7YpKw1Bs9DfH3JcA0eUg'].join('');
const ACUMATICA_ID = ['5f1a6f8e-1111-4a2b-', '9c3d-123456789abc@Company'].join('');

// The rule object must be what secretlint's loader and core accept.
const typed: SecretLintRuleCreator<SecretlintRuleOptions> = creator;

async function lint(filePath: string, content: string, options: SecretlintRuleOptions = {}) {
  const result = await lintSource({
    source: { filePath, content, ext: filePath.slice(filePath.lastIndexOf('.')), contentType: 'text' },
    options: { config: { rules: [{ id: SECRETLINT_RULE_ID, rule: typed, options }] }, maskSecrets: false },
  });
  return result.messages.map((message) => ({
    messageId: message.messageId,
    text: content.slice(message.range[0], message.range[1]),
    line: message.loc.start.line,
    column: message.loc.start.column,
    message: message.message,
  }));
}

describe('secretlint rule through lintSource', () => {
  it('reports a keycloak.json client secret on the value, with a masked preview only', async () => {
    const content = `{\n  "realm": "pos",\n  "credentials": {\n    "secret": "${SECRET}"\n  }\n}\n`;
    expect(await lint('/repo/keycloak.json', content)).toEqual([
      {
        messageId: 'ConfigFileClientSecret',
        text: SECRET,
        line: 4,
        column: 15,
        message:
          'Committed client secret in "credentials.secret" (Zq8v…0eUg (32 chars)), a base64-encoded random value. Move it to an environment variable or a secret store, replace it with a reference, and rotate it: it is in version control.',
      },
    ]);
  });

  it('reports client ids with their own message, and can leave them out', async () => {
    const content = `[acumatica]\nClientId = ${ACUMATICA_ID}\nClientSecret = \${ACUMATICA_CLIENT_SECRET}\n`;
    expect((await lint('/repo/erp.ini', content)).map((message) => [message.messageId, message.text, message.line])).toEqual([
      ['ConfigFileClientId', ACUMATICA_ID, 2],
    ]);
    expect(await lint('/repo/erp.ini', content, { checkClientIds: false })).toEqual([]);
  });

  it('accepts values listed in allows, as strings or /regex/', async () => {
    const content = `KENSIUM_CLIENT_SECRET=${SECRET}\n`;
    expect(await lint('/repo/.env', content, { allows: [SECRET] })).toEqual([]);
    expect(await lint('/repo/.env', content, { allows: ['/^Zq8v/'] })).toEqual([]);
    expect(await lint('/repo/.env', content, { allows: ['/^nomatch/', 'other', '/[/'] })).toHaveLength(1);
  });

  it('stays quiet on env references, placeholders and files it does not read', async () => {
    expect(await lint('/repo/.env.example', 'KENSIUM_CLIENT_SECRET=your-client-secret-here\n')).toEqual([]);
    expect(await lint('/repo/okta.yaml', 'okta:\n  client:\n    token: ${OKTA_API_TOKEN}\n')).toEqual([]);
    expect(await lint('/repo/README.md', `clientSecret: ${SECRET}\n`)).toEqual([]);
  });

  it('keeps its message readable when secretlint masks secrets', async () => {
    const result = await lintSource({
      source: { filePath: '/repo/.env', content: `API_SECRET=${SECRET}\n`, ext: '.env', contentType: 'text' },
      options: { config: { rules: [{ id: SECRETLINT_RULE_ID, rule: typed }] }, maskSecrets: true },
    });
    expect(result.messages.map((message) => message.message)).toEqual([
      'Committed secret in "API_SECRET" (Zq8v…0eUg (32 chars)), a base64-encoded random value. Move it to an environment variable or a secret store, replace it with a reference, and rotate it: it is in version control.',
    ]);
    expect(JSON.stringify(result.messages)).not.toContain(SECRET);
  });
});

const execFileAsync = promisify(execFile);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const secretlintBin = join(repoRoot, 'node_modules/secretlint/bin/secretlint.js');

/**
 * The real CLI, loading the rule by id from `.secretlintrc.json` the way a user project does: the
 * package sits in a `node_modules` folder that Node's resolver searches (here through NODE_PATH,
 * since secretlint itself is installed in this repository), and the loader resolves
 * `eslint-plugin-credential-hygiene/secretlint` through the package's `exports`.
 */
describe('secretlint CLI with .secretlintrc.json', () => {
  let project = '';

  beforeAll(async () => {
    if (!existsSync(join(repoRoot, 'dist/src/secretlint/index.js'))) throw new Error('dist is missing: run `npm run build` first (npm test does).');
    project = await mkdtemp(join(tmpdir(), 'credential-hygiene-secretlint-'));
    await mkdir(join(project, 'node_modules'));
    await symlink(repoRoot, join(project, 'node_modules/eslint-plugin-credential-hygiene'), 'dir');
    await writeFile(join(project, '.secretlintrc.json'), JSON.stringify({ rules: [{ id: 'eslint-plugin-credential-hygiene/secretlint' }] }));
    await writeFile(join(project, 'keycloak.json'), `{\n  "resource": "pos-sync",\n  "credentials": { "secret": "${SECRET}" }\n}\n`);
    await writeFile(join(project, '.env.example'), 'KENSIUM_CLIENT_SECRET=\n');
  });

  afterAll(async () => {
    if (project !== '') await rm(project, { recursive: true, force: true });
  });

  it('loads the rule by id, reports the committed secret and never prints it', async () => {
    const run = execFileAsync(process.execPath, [secretlintBin, '**/*', '--format', 'json', '--no-color'], {
      cwd: project,
      env: { ...process.env, NODE_PATH: join(project, 'node_modules') },
    });
    const failure = await run.then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string; stderr: string },
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe('');
    // secretlint's json format carries each file's whole `sourceContent`; our messages must not.
    const results = JSON.parse(failure?.stdout ?? '[]') as { filePath: string; messages: { ruleId: string; messageId: string; message: string; loc: { start: { line: number; column: number } } }[] }[];
    expect(JSON.stringify(results.map((result) => result.messages))).not.toContain(SECRET);
    expect(results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([
      'Committed client secret in "credentials.secret" (Zq8v…0eUg (32 chars)), a base64-encoded random value. Move it to an environment variable or a secret store, replace it with a reference, and rotate it: it is in version control.',
    ]);
    const reported = results.filter((result) => result.messages.length > 0);
    expect(reported.map((result) => [result.filePath.endsWith('keycloak.json'), result.messages.map((message) => [message.ruleId, message.messageId, message.loc.start.line, message.loc.start.column])])).toEqual([
      [true, [['eslint-plugin-credential-hygiene/secretlint', 'ConfigFileClientSecret', 3, 30]]],
    ]);
  });

  it('fails loudly when the rule id does not resolve', async () => {
    await writeFile(join(project, '.secretlintrc.bad.json'), JSON.stringify({ rules: [{ id: 'eslint-plugin-credential-hygiene/nope' }] }));
    const failure = await execFileAsync(process.execPath, [secretlintBin, 'keycloak.json', '--secretlintrc', '.secretlintrc.bad.json'], {
      cwd: project,
      env: { ...process.env, NODE_PATH: join(project, 'node_modules') },
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('eslint-plugin-credential-hygiene/nope');
  });
});
