/**
 * Typed sinks through `run()`: a hard-coded value that reaches a parameter or property a catalogued
 * library declares (in the fixture's `node_modules/<pkg>/index.d.ts` stubs) is reported at the
 * literal with the hops to the library, once, and the program is built only when needed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Finding } from '../../src/scanner/index.js';
import { packageOfFile, typedSinkStats } from '../../src/scanner/typed-sinks.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'scanner');
const project = join(fixtures, 'typed-sinks');

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

function at(findings: readonly Finding[], file: string, line: number): Finding[] {
  return findings.filter((finding) => finding.file === file && finding.line === line);
}

describe('typed sinks', () => {
  it('reports values reaching library-declared credential slots, once each, with the per-file findings unchanged', async () => {
    const result = await run({ cwd: project });
    expect(result.errors).toEqual([]);
    expect(result.findings.map(brief)).toEqual([
      // The per-file rule's own finding (the catalogue row for `ConfidentialClientApplication`): not repeated.
      { ruleId: 'no-hardcoded-credentials', severity: 'error', file: 'src/azure.ts', line: 3, column: 22, endLine: 3, endColumn: 58, kind: expect.any(String) },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/main.ts', line: 6, column: 23, endLine: 6, endColumn: 57, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-id', severity: 'warn', file: 'src/main.ts', line: 7, column: 61, endLine: 7, endColumn: 79, kind: 'client-id' },
      // The per-file rule's finding under the library's own property name: not repeated.
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/metadata.ts', line: 6, column: 18, endLine: 6, endColumn: 52, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/pos.ts', line: 3, column: 29, endLine: 3, endColumn: 63, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/values.ts', line: 2, column: 22, endLine: 2, endColumn: 56, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/values.ts', line: 3, column: 37, endLine: 3, endColumn: 71, kind: 'client-secret' },
    ]);
  });

  it('follows a literal through a project wrapper into a library-typed object property', async () => {
    const result = await run({ cwd: project });
    const [finding] = at(result.findings, 'src/main.ts', 6);
    expect(hops(finding)).toEqual([
      'src/main.ts:6:23 passed to `makeErpClient` as `secret`',
      'src/erp-client.ts:5:52 forwarded as the `client_secret` property of `ClientMetadata` (openid-client)',
    ]);
    expect(finding?.message).toBe(
      'Hard-coded client secret (Hq3v…5Ce0 (32 chars)) reaches the `client_secret` property of `ClientMetadata` (openid-client) in src/erp-client.ts:5, a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    );
    // The same wrapper's `callback` parameter becomes `redirect_uri`, which is not a credential.
    expect(result.findings.some((found) => found.file === 'src/main.ts' && found.line === 6 && found.column > 23)).toBe(false);
    // An environment read passed to the wrapper is not hard-coded.
    expect(at(result.findings, 'src/main.ts', 10)).toEqual([]);
  });

  it('sees a library function re-exported under a project name, and a constant from another module', async () => {
    const result = await run({ cwd: project });
    const [clientId] = at(result.findings, 'src/main.ts', 7);
    expect(hops(clientId)).toEqual(['src/main.ts:7:61 passed to `connectErp` as the `clientId` parameter of `discovery` (openid-client)']);
    expect(clientId?.message).toBe(
      'Hard-coded client id (er…ce (16 chars)) reaches the `clientId` parameter of `discovery` (openid-client) in src/main.ts:7. Read it from configuration or an environment variable, like the client secret, so that each environment and tenant sets its own.',
    );
    // `ERP_B` lands in `metadata`, which the catalogue row says is the client secret when a string.
    const [secret] = at(result.findings, 'src/values.ts', 2);
    expect(hops(secret)).toEqual(['src/values.ts:2:14 assigned to `ERP_B`', 'src/main.ts:7:81 passed to `connectErp` as the `metadata` parameter of `discovery` (openid-client)']);
    expect(secret?.message).toBe(
      'Hard-coded client secret (Vb7n…5Ce0 (32 chars)) reaches the `metadata` parameter of `discovery` (openid-client) in src/main.ts:7, a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    );
  });

  it('follows a member of a const object through a wrapper into a library argument', async () => {
    const result = await run({ cwd: project });
    expect(hops(at(result.findings, 'src/values.ts', 3)[0])).toEqual([
      'src/values.ts:3:34 assigned to `SETTINGS.erp.b`',
      'src/main.ts:8:11 passed to `erpAuth` as `value`',
      'src/erp-client.ts:11:32 forwarded to `oidc.ClientSecretPost` as the `clientSecret` parameter of `ClientSecretPost` (openid-client)',
    ]);
  });

  it('sees a property of a library type alias nested in a typed variable (msal `Configuration.auth`) on its own', async () => {
    // Only an unrelated rule runs through ESLint, so every finding here is the typed check's own.
    const result = await run({ cwd: project, rules: { 'credential-hygiene/no-secret-logging': 'error' } });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}:${finding.column}`)).toEqual([
      'no-hardcoded-credentials src/azure.ts:3:22',
      'no-hardcoded-client-secret src/main.ts:6:23',
      'no-hardcoded-client-id src/main.ts:7:61',
      'no-hardcoded-client-secret src/pos.ts:3:29',
      'no-hardcoded-client-secret src/values.ts:2:22',
      'no-hardcoded-client-secret src/values.ts:3:37',
    ]);
    const [assertion] = at(result.findings, 'src/azure.ts', 3);
    expect(assertion?.kind).toBe('token');
    expect(hops(assertion)).toEqual(['src/azure.ts:3:7 assigned to `AZ_ASSERTION`', 'src/azure.ts:9:5 set as the `clientAssertion` property of `NodeAuthOptions` (@azure/msal-node)']);
    // `client_secret: '…'` in metadata.ts is written under a secret name: the per-file rule's call alone.
    expect(result.findings.some((finding) => finding.file === 'src/metadata.ts')).toBe(false);
  });

  it('follows an arrow-function wrapper', async () => {
    const result = await run({ cwd: project });
    expect(hops(at(result.findings, 'src/pos.ts', 3)[0])).toEqual([
      'src/pos.ts:3:29 passed to `posAuth` as `key`',
      'src/erp-client.ts:15:80 forwarded to `oidc.ClientSecretPost` as the `clientSecret` parameter of `ClientSecretPost` (openid-client)',
    ]);
  });

  it('lets obvious test values pass in test files, and reports them elsewhere', async () => {
    const result = await run({ cwd: project });
    expect(result.findings.filter((finding) => finding.file === 'src/erp-client.test.ts')).toEqual([]);
    // Without test-file patterns the same file is production code: both values are weak secrets.
    const strict = await run({ cwd: project, testFiles: [] });
    const found = strict.findings.filter((finding) => finding.file === 'src/erp-client.test.ts');
    expect(found.map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/erp-client.test.ts', line: 4, column: 38, endLine: 4, endColumn: 59, kind: 'client-secret' },
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/erp-client.test.ts', line: 5, column: 29, endLine: 5, endColumn: 42, kind: 'client-secret' },
    ]);
    expect(found[0]?.message).toBe(
      'Hard-coded client secret (du…et (19 chars)) reaches the `client_secret` property of `ClientMetadata` (openid-client) in src/erp-client.ts:5, and it is a dictionary or dummy value, a weak secret. Generate a long random value, read it from an environment variable or a secret store, and rotate it.',
    );
  });

  it('does not report a literal passed to a local function that shares the library name and parameter names', async () => {
    const result = await run({ cwd: project });
    expect(result.findings.filter((finding) => finding.file === 'src/local.ts')).toEqual([]);
  });

  it('honours an eslint-disable-next-line comment for the rule id', async () => {
    const result = await run({ cwd: project });
    expect(at(result.findings, 'src/main.ts', 12)).toEqual([]);
    // The same text without the comment: the call is reported.
    const readFile = (path: string): string => {
      const text = readFileSync(path, 'utf8');
      return path.endsWith(join('src', 'main.ts')) ? text.replace('// eslint-disable-next-line', '// no directive:') : text;
    };
    const unsuppressed = await run({ cwd: project, readFile });
    expect(at(unsuppressed.findings, 'src/main.ts', 12).map(brief)).toEqual([
      { ruleId: 'no-hardcoded-client-secret', severity: 'error', file: 'src/main.ts', line: 12, column: 11, endLine: 12, endColumn: 45, kind: 'client-secret' },
    ]);
    expect(hops(at(unsuppressed.findings, 'src/main.ts', 12)[0])).toEqual([
      'src/main.ts:12:11 passed to `erpAuth` as `value`',
      'src/erp-client.ts:11:32 forwarded to `oidc.ClientSecretPost` as the `clientSecret` parameter of `ClientSecretPost` (openid-client)',
    ]);
  });

  it('keeps the per-file finding (and its message) where the rule already reports the literal', async () => {
    const result = await run({ cwd: project });
    const [metadata] = at(result.findings, 'src/metadata.ts', 6);
    expect(metadata?.message).toBe(
      'Hard-coded client secret assigned to `client_secret` (Rw2n…5Ce0 (32 chars)): a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    );
    expect(metadata?.trace).toBeUndefined();
    expect(at(result.findings, 'src/azure.ts', 3)).toHaveLength(1);
  });

  it('is off with the whole-program checks and when its rule is off', async () => {
    const off = await run({ cwd: project, wholeProgram: false });
    expect(at(off.findings, 'src/main.ts', 6)).toEqual([]);
    expect(at(off.findings, 'src/values.ts', 2)).toEqual([]);
    const ruleOff = await run({
      cwd: project,
      rules: { 'credential-hygiene/no-hardcoded-client-secret': 'off', 'credential-hygiene/no-hardcoded-client-id': 'warn', 'credential-hygiene/no-hardcoded-credentials': 'off' },
    });
    expect(ruleOff.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`)).toEqual(['no-hardcoded-client-id src/main.ts:7']);
  });

  it('builds a program only for a project that imports an installed catalogued module and holds a credential-shaped literal', async () => {
    const before = typedSinkStats.programsBuilt;
    // openid-client is imported but not installed there: no declarations to read.
    await run({ cwd: join(fixtures, 'catalogue-sink') });
    // No tsconfig.
    await run({ cwd: join(fixtures, 'js-only') });
    // No catalogued import.
    await run({ cwd: join(fixtures, 'cross-file') });
    expect(typedSinkStats.programsBuilt).toBe(before);
    await run({ cwd: project });
    expect(typedSinkStats.programsBuilt).toBe(before + 1);
  });
});

describe('packageOfFile', () => {
  it('names the package of the innermost node_modules directory, scoped or not, and maps @types', () => {
    expect(packageOfFile('/app/node_modules/openid-client/build/index.d.ts')).toBe('openid-client');
    expect(packageOfFile('/app/node_modules/@azure/msal-node/dist/index.d.ts')).toBe('@azure/msal-node');
    expect(packageOfFile('/app/node_modules/a/node_modules/simple-oauth2/index.d.ts')).toBe('simple-oauth2');
    expect(packageOfFile('/app/node_modules/@types/simple-oauth2/index.d.ts')).toBe('simple-oauth2');
    expect(packageOfFile('/app/node_modules/@types/azure__msal/index.d.ts')).toBe('@azure/msal');
    expect(packageOfFile('/app/src/erp-client.ts')).toBeUndefined();
  });
});
