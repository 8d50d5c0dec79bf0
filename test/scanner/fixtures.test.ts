/**
 * Each whole-program case on its fixture project, through `run()`: where the finding lands, under
 * which rule, and the trace of hops or the import chain. The same fixtures go through the real
 * binary in test/cli/scan-command.test.ts.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectConfigError, run, type Finding } from '../../src/scanner/index.js';
import { loadProjects } from '../../src/scanner/project.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'scanner');

function brief(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    kind: finding.kind,
  };
}

function hops(finding: Finding | undefined): string[] {
  return (finding?.trace ?? []).map((hop) => `${hop.file}:${hop.line}:${hop.column} ${hop.message}`);
}

describe('cross-file flow', () => {
  it('reports a literal exported under a harmless name where another file uses it as a client secret', async () => {
    const result = await run({ cwd: join(fixtures, 'cross-file') });
    expect(result.errors).toEqual([]);
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/settings.ts', line: 2, column: 37, endLine: 2, endColumn: 71, kind: 'client-secret' },
    ]);
    const [finding] = result.findings;
    expect(hops(finding)).toEqual(['src/settings.ts:2:37 exported as `POS_CONNECTION_VALUE`', 'src/pos-client.ts:6:17 used as `clientSecret`']);
    expect(finding?.message).toBe(
      'Hard-coded client secret (Zq8v…6Ae1 (32 chars)) is used as `clientSecret` in src/pos-client.ts:6, a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    );
    // The placeholder exported next to it reaches a secret slot too, and is not reported.
    expect(result.findings.some((found) => found.line === 4)).toBe(false);
  });

  it('follows a renaming re-export and an `export *` barrel back to the literal', async () => {
    const result = await run({ cwd: join(fixtures, 're-export') });
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/secrets/values.ts', line: 1, column: 25, endLine: 1, endColumn: 59, kind: 'client-secret' },
    ]);
    expect(hops(result.findings[0])).toEqual([
      'src/secrets/values.ts:1:25 exported as `erpValue`',
      "src/secrets/index.ts:1:10 re-exported as `erpSigning` from './values.js'",
      "src/barrel.ts:1:1 re-exported from './secrets/index.js'",
      'src/erp-auth.ts:4:104 used as `client_secret`',
    ]);
  });

  it('finds a value inside an `export default { … } as const` object', async () => {
    const result = await run({ cwd: join(fixtures, 'default-export') });
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-credentials', severity: 'error', file: 'src/config.ts', line: 4, column: 12, endLine: 4, endColumn: 46, kind: 'password' },
      { ruleId: 'no-hardcoded-credentials', severity: 'error', file: 'src/config.ts', line: 7, column: 12, endLine: 7, endColumn: 46, kind: 'password' },
    ]);
    expect(hops(result.findings[0])).toEqual(['src/config.ts:4:12 exported as `default.pos.value`', 'src/pos.ts:3:21 assigned to `apiPassword`']);
    // Destructuring with a rename: the local name says it is a password.
    expect(hops(result.findings[1])).toEqual(['src/config.ts:7:12 exported as `default.erp.login`', 'src/erp.ts:4:9 destructured from `config.erp.login` as `erpPassword`']);
    // `config.pos.url` is read too, under a name that is not a secret: nothing to report.
    expect(result.findings.some((found) => found.line === 3)).toBe(false);
  });

  it('resolves a `paths` alias across the packages of a solution-style monorepo', async () => {
    const result = await run({ cwd: join(fixtures, 'monorepo') });
    expect(result.errors).toEqual([]);
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'packages/config/src/index.ts', line: 3, column: 11, endLine: 3, endColumn: 45, kind: 'client-secret' },
    ]);
    expect(hops(result.findings[0])).toEqual(['packages/config/src/index.ts:3:11 exported as `acumatica.signIn`', 'packages/service/src/erp.ts:4:110 used as `client_secret`']);
  });

  it('follows `require()` of a `module.exports` object in a JS project without a tsconfig', async () => {
    const result = await run({ cwd: join(fixtures, 'js-only') });
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-credentials', severity: 'error', file: 'src/settings.js', line: 3, column: 13, endLine: 3, endColumn: 47, kind: 'password' },
    ]);
    expect(hops(result.findings[0])).toEqual(['src/settings.js:3:13 exported as `erpLogin`', 'src/erp.js:4:50 used as `password`']);
  });

  it('recognises a catalogued sink argument (openid-client `discovery`) whatever the imported names are', async () => {
    const result = await run({ cwd: join(fixtures, 'catalogue-sink') });
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-id', severity: 'warn', file: 'src/values.ts', line: 2, column: 22, endLine: 2, endColumn: 38, kind: 'client-id' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/values.ts', line: 3, column: 22, endLine: 3, endColumn: 56, kind: 'client-secret' },
    ]);
    expect(hops(result.findings[1])).toEqual(['src/values.ts:3:22 exported as `POS_B`', 'src/pos.ts:5:83 passed to `discovery` (openid-client) as the client secret']);
    expect(result.findings[1]?.message).toBe(
      'Hard-coded client secret (Nc6v…5Ae4 (32 chars)) is passed to `discovery` (openid-client) as the client secret in src/pos.ts:5, a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    );
  });

  it('runs without the whole-program checks when they are switched off', async () => {
    const result = await run({ cwd: join(fixtures, 'js-only'), wholeProgram: false });
    expect(result.findings).toEqual([]);
  });
});

describe('client-bundle reachability', () => {
  it('reports a server secret read two imports away from a client component, with the chain', async () => {
    const result = await run({ cwd: join(fixtures, 'client-reachability') });
    const reach = result.findings.filter((finding) => finding.ruleId === 'no-secret-in-client-code');
    expect(reach.map(brief)).toEqual([
      { ruleId: 'no-secret-in-client-code', severity: 'error', file: 'src/lib/pos-auth.ts', line: 5, column: 20, endLine: 5, endColumn: 49, kind: 'client-secret' },
    ]);
    expect(reach[0]?.message).toBe(
      "process.env.POS_CLIENT_SECRET is a server secret, but this module is bundled into client code (the file starts with 'use client'): src/app/page.tsx → src/lib/sales.ts → src/lib/pos-auth.ts. Read it on the server and send the browser only what it needs.",
    );
    expect(hops(reach[0])).toEqual(["src/app/page.tsx:2:1 imports '../lib/sales'", "src/lib/sales.ts:1:1 imports './pos-auth'"]);
    // Not reported: the `server-only` module, the type-only import and the module no client imports.
    expect(reach.some((finding) => /server-token|erp-options|unused-secret/u.test(finding.file))).toBe(false);
  });

  it('follows imports into a server/ folder, which bundlers ship all the same', async () => {
    const result = await run({ cwd: join(fixtures, 'client-server-folder') });
    const reach = result.findings.filter((finding) => finding.ruleId === 'no-secret-in-client-code');
    expect(reach.map(brief)).toEqual([
      { ruleId: 'no-secret-in-client-code', severity: 'error', file: 'src/server/erp-auth.ts', line: 2, column: 22, endLine: 2, endColumn: 51, kind: 'client-secret' },
    ]);
    expect(hops(reach[0])).toEqual(["src/app/orders.tsx:2:1 imports '../lib/orders-api'", "src/lib/orders-api.ts:1:1 imports '../server/erp-auth'"]);
    // Not reported: SvelteKit's `lib/server` modules never reach a client bundle.
    expect(reach.some((finding) => finding.file.includes('lib/server'))).toBe(false);
  });

  it('lets browser keys that are public by design be bundled, and not server secrets', async () => {
    const result = await run({ cwd: join(fixtures, 'client-public-keys') });
    const reach = result.findings.filter((finding) => finding.ruleId === 'no-secret-in-client-code');
    expect(reach.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/lib/payments.ts:2']);
  });

  it('treats files matching configured client globs as roots', async () => {
    const result = await run({ cwd: join(fixtures, 'client-reachability'), paths: ['src/lib'], clientFiles: ['src/lib/sales.ts'] });
    const reach = result.findings.filter((finding) => finding.ruleId === 'no-secret-in-client-code');
    expect(hops(reach[0])).toEqual(["src/lib/sales.ts:1:1 imports './pos-auth'"]);
  });
});

describe('config files', () => {
  it('reports credentials under their keys and recognised token formats, and leaves placeholders alone', async () => {
    const result = await run({ cwd: join(fixtures, 'config-files') });
    expect(result.errors).toEqual([]);
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-credentials', severity: 'error', file: '.npmrc', line: 1, column: 34, endLine: 1, endColumn: 74, kind: 'token' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'config/application.properties', line: 2, column: 19, endLine: 2, endColumn: 51, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'config/keycloak.json', line: 6, column: 16, endLine: 6, endColumn: 48, kind: 'client-secret' },
    ]);
    expect(result.findings[2]?.message).toBe(
      'Hard-coded client secret under `credentials.secret` (Vd3k…6Aq1 (32 chars)), a base64-encoded random value. Move it to an environment variable or a secret store, and rotate it: it is in version control.',
    );
  });
});

describe('tracked .env', () => {
  it('reports the tracked file itself and the secret in it', async () => {
    const result = await run({ cwd: join(fixtures, 'tracked-env') });
    expect(result.findings.map(brief)).toEqual([
      { ruleId: 'no-committed-env-file', severity: 'error', file: '.env', line: 1, column: 1, endLine: 1, endColumn: 1, kind: 'env-file' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: '.env', line: 2, column: 23, endLine: 2, endColumn: 55, kind: 'client-secret' },
    ]);
    expect(result.findings[0]?.message).toBe(
      '`.env` is tracked by git and holds credentials (`KENSIUM_CLIENT_SECRET`). Remove it from the index (`git rm --cached .env`), add it to .gitignore and rotate them; keep public settings in a committed file without credentials.',
    );
  });

  it('can switch the scanner-only rule off like any other', async () => {
    const result = await run({ cwd: join(fixtures, 'tracked-env'), rules: { 'credential-hygiene/no-committed-env-file': 'off' } });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['no-hardcoded-client-secret']);
  });
});

describe('tsconfig loading', () => {
  it('fails on a broken tsconfig, naming the file and the TypeScript diagnostic', async () => {
    const error = await run({ cwd: join(fixtures, 'broken-tsconfig') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectConfigError);
    expect((error as ProjectConfigError).configFile).toBe(join(fixtures, 'broken-tsconfig', 'tsconfig.json'));
    expect((error as ProjectConfigError).diagnostic).toMatch(/^TS6046 at 2:34: Argument for '--target' option must be/u);
  });

  it('fails on a project reference that does not exist, naming the referenced file', async () => {
    const error = await run({ cwd: join(fixtures, 'broken-reference') }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProjectConfigError);
    expect((error as ProjectConfigError).configFile).toBe(join(fixtures, 'broken-reference', 'packages', 'missing', 'tsconfig.json'));
    expect((error as ProjectConfigError).diagnostic).toBe('the file does not exist');
  });

  it('loads the references of a solution-style root (files: []) and their extends chain', async () => {
    const projects = loadProjects(join(fixtures, 'monorepo', 'tsconfig.json'));
    expect(projects.map((project) => project.configFile)).toEqual([
      join(fixtures, 'monorepo', 'tsconfig.json'),
      join(fixtures, 'monorepo', 'packages', 'config', 'tsconfig.json'),
      join(fixtures, 'monorepo', 'packages', 'service', 'tsconfig.json'),
    ]);
    expect(projects[0]?.fileNames).toEqual([]);
    expect(projects[2]?.fileNames).toEqual([join(fixtures, 'monorepo', 'packages', 'service', 'src', 'erp.ts')]);
    // `strict` and `composite` come from tsconfig.base.json through `extends`.
    expect(projects[2]?.options.strict).toBe(true);
    expect(projects[2]?.options.composite).toBe(true);
  });
});
