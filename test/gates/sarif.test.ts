import { describe, expect, it } from 'vitest';
import { buildSarif, FINGERPRINT_KEY, formatSarif, relativeUri, securitySeverity } from '../../src/cli/reporters/sarif.js';
import type { ScanResult } from '../../src/scanner/types.js';
import { finding } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2', 'mW9xKp4', 'RbN7cLs3', 'JhY6dFg1', 'A0cE'].join('');

const result: ScanResult = {
  findings: [
    finding({
      file: 'src/pos sync/client.ts',
      message: 'Hard-coded client secret (Zq8v…A0cE (30 chars)), it looks random. Read it from an environment variable.',
      trace: [
        { file: 'src/config/erp.ts', line: 4, column: 3, message: 'exported as `erp.clientSecret`' },
        { file: 'src/pos sync/client.ts', line: 9, column: 20, message: 'passed to `new ErpClient`' },
      ],
    }),
    finding({ ruleId: 'no-password-grant', kind: 'password-grant', severity: 'warn', file: 'src/erp/token.ts', line: 30, column: 5, endLine: 33, endColumn: 6, message: 'The password grant is removed in OAuth 2.1.', fingerprint: 'no-password-grant:cccc3333' }),
    finding({ ruleId: 'no-client-id-literal', kind: 'client-id', severity: 'warn', file: 'src/erp/token.ts', line: 2, column: 1, endLine: 2, endColumn: 1, message: 'Client id in source.', fingerprint: 'no-client-id-literal:eeee5555' }),
  ],
  errors: [
    { file: 'src/broken.ts', message: "syntax error at 3:14: ',' expected" },
    { file: '<run>', message: 'tsconfig.json: cannot read' },
  ],
  stats: { files: 3, skipped: {}, durationMs: 12 },
};

describe('SARIF reporter', () => {
  const validate = sarifValidator();

  it('writes a log the SARIF 2.1.0 schema accepts', () => {
    expect(validate(JSON.parse(formatSarif(result)))).toEqual([]);
    expect(validate(buildSarif({ findings: [], errors: [], stats: { files: 0, skipped: {}, durationMs: 0 } }))).toEqual([]);
    expect(validate(buildSarif(result, { srcRootUri: 'file:///home/ci/work/repo', automationId: 'credential-hygiene/shard-1/' }))).toEqual([]);
  });

  it('the validator does reject a broken log (so the check above can fail)', () => {
    const broken = buildSarif(result) as { runs: { results: { level?: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(broken).length).toBeGreaterThan(0);
    expect(validate({ version: '2.1.0' })).not.toEqual([]);
  });

  it('describes each rule with help text, a help URI to its doc page and a security-severity', () => {
    const log = buildSarif(result) as { runs: { tool: { driver: { name: string; rules: Record<string, unknown>[] } } }[] };
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('credential-hygiene');
    expect(driver.rules.map((rule) => rule.id)).toEqual(['no-client-id-literal', 'no-hardcoded-client-secret', 'no-password-grant']);
    const secretRule = driver.rules[1]!;
    expect(secretRule.shortDescription).toEqual({ text: 'Disallow hard-coded OAuth client secrets' });
    expect(secretRule.helpUri).toBe('https://github.com/credential-hygiene/eslint-plugin-credential-hygiene/blob/main/docs/rules/no-hardcoded-client-secret.md');
    expect((secretRule.help as { text: string }).text).toContain('docs/rules/no-hardcoded-client-secret.md');
    expect(secretRule.properties).toEqual({ tags: ['security', 'credentials'], precision: 'high', 'security-severity': '9.1' });
    expect(secretRule.defaultConfiguration).toEqual({ level: 'error' });
    expect((driver.rules[2]!.properties as Record<string, string>)['security-severity']).toBe('5.0');
    expect(driver.rules[2]!.defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('places results with relative %SRCROOT% URIs, the fingerprint and the trace as related locations', () => {
    const log = buildSarif(result) as { runs: { results: Record<string, unknown>[] }[] };
    const [first, second, third] = log.runs[0]!.results;
    expect(first).toEqual({
      ruleId: 'no-hardcoded-client-secret',
      ruleIndex: 1,
      level: 'error',
      message: { text: 'Hard-coded client secret (Zq8v…A0cE (30 chars)), it looks random. Read it from an environment variable.' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/pos%20sync/client.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 57 } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: 'no-hardcoded-client-secret:1f0c9a7e5b3d2c41' },
      properties: { kind: 'client-secret' },
      relatedLocations: [
        { id: 1, physicalLocation: { artifactLocation: { uri: 'src/config/erp.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 3 } }, message: { text: 'exported as `erp.clientSecret`' } },
        { id: 2, physicalLocation: { artifactLocation: { uri: 'src/pos%20sync/client.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 20 } }, message: { text: 'passed to `new ErpClient`' } },
      ],
    });
    expect(second!.level).toBe('warning');
    expect((second!.locations as { physicalLocation: { region: unknown } }[])[0]!.physicalLocation.region).toEqual({ startLine: 30, startColumn: 5, endLine: 33, endColumn: 6 });
    // An empty range keeps only its start.
    expect((third!.locations as { physicalLocation: { region: unknown } }[])[0]!.physicalLocation.region).toEqual({ startLine: 2, startColumn: 1, endLine: 2 });
    expect(third).not.toHaveProperty('relatedLocations');
  });

  it('reports scan errors as tool notifications and the run as unsuccessful', () => {
    const log = buildSarif(result) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: Record<string, unknown>[] }[] }[] };
    const [invocation] = log.runs[0]!.invocations;
    expect(invocation!.executionSuccessful).toBe(false);
    expect(invocation!.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: "syntax error at 3:14: ',' expected" }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' } } }] },
      { level: 'error', message: { text: 'tsconfig.json: cannot read' } },
    ]);
  });

  it('never carries the secret: no snippet, and the fingerprint is a hash', () => {
    const text = formatSarif(result);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECRET.slice(0, 12));
    expect(text).not.toContain('"snippet"');
  });

  it('gives two findings with the same fingerprint (the same value twice in a file) distinct partial fingerprints', () => {
    const twice = (line: number) => finding({ ruleId: 'no-tls-verification-bypass', kind: 'tls-bypass', severity: 'error', file: 'src/erp/agent.ts', line, column: 52, endLine: line, endColumn: 57, message: 'TLS verification is off.', fingerprint: 'no-tls-verification-bypass:dddd4444' });
    const log = buildSarif({ ...result, findings: [...result.findings, twice(4), twice(19)] }) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
    const fingerprints = log.runs[0]!.results.map((entry) => entry.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    // The first keeps the baseline's fingerprint.
    expect(fingerprints.slice(-2)).toEqual(['no-tls-verification-bypass:dddd4444', 'no-tls-verification-bypass:dddd4444:2']);
  });

  it('percent-encodes each path segment and keeps the separators', () => {
    expect(relativeUri('src/pos sync/100%.ts')).toBe('src/pos%20sync/100%25.ts');
    expect(relativeUri('src\\win\\path.ts')).toBe('src/win/path.ts');
    expect(relativeUri('src/#hash?.ts')).toBe('src/%23hash%3F.ts');
  });

  it('rates a leaked credential critical, a forbidden flow high and warnings medium', () => {
    expect(securitySeverity({ kind: 'client-secret', severity: 'error' })).toBe(9.1);
    expect(securitySeverity({ kind: 'password-grant', severity: 'error' })).toBe(7.5);
    expect(securitySeverity({ kind: 'password-grant', severity: 'warn' })).toBe(5.0);
    expect(securitySeverity({ kind: 'client-id', severity: 'error' })).toBe(5.0);
  });
});
