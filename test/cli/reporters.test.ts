import { describe, expect, it } from 'vitest';
import { reporters } from '../../src/cli/reporters/index.js';
import type { ScanResult } from '../../src/scanner/types.js';

const result: ScanResult = {
  findings: [
    {
      ruleId: 'no-hardcoded-client-secret',
      severity: 'error',
      file: 'src/config.ts',
      line: 2,
      column: 37,
      endLine: 2,
      endColumn: 71,
      message: 'Hard-coded client secret (Zq8v…6Ae1 (32 chars)) is used as `clientSecret` in src/pos-client.ts:6.',
      kind: 'client-secret',
      fingerprint: 'no-hardcoded-client-secret:0123456789abcdef0123456789abcdef',
      trace: [
        { file: 'src/config.ts', line: 2, column: 37, message: 'exported as `POS_VALUE`' },
        { file: 'src/pos-client.ts', line: 6, column: 17, message: 'used as `clientSecret`' },
      ],
    },
    {
      ruleId: 'no-hardcoded-client-id',
      severity: 'warn',
      file: 'src/config.ts',
      line: 3,
      column: 13,
      endLine: 3,
      endColumn: 29,
      message: 'Hard-coded client id (poss…vice (14 chars)).',
      kind: 'client-id',
      fingerprint: 'no-hardcoded-client-id:fedcba9876543210fedcba9876543210',
    },
  ],
  errors: [{ file: 'src/broken.ts', message: 'syntax error at 2:7: Property assignment expected.' }],
  stats: { files: 4, skipped: { binary: 1, 'too-large': 2 }, durationMs: 12 },
};

const context = { cwd: '/project', quiet: false, color: false };

describe('reporters', () => {
  it('text: one line per finding, the trace below, unscannable files, then a summary', () => {
    expect(reporters.get('text')?.(result, context)).toBe(
      [
        'src/config.ts:2:37  error  Hard-coded client secret (Zq8v…6Ae1 (32 chars)) is used as `clientSecret` in src/pos-client.ts:6.  no-hardcoded-client-secret',
        '    trace: src/config.ts:2:37  exported as `POS_VALUE`',
        '           src/pos-client.ts:6:17  used as `clientSecret`',
        'src/config.ts:3:13  warn   Hard-coded client id (poss…vice (14 chars)).  no-hardcoded-client-id',
        '',
        '1 file could not be scanned:',
        '  src/broken.ts  syntax error at 2:7: Property assignment expected.',
        '',
        '✖ 2 problems (1 error, 1 warning) in 1 file of 4 files checked; 3 files skipped (1 binary, 2 too-large); 1 file could not be checked.',
        '',
      ].join('\n'),
    );
  });

  it('text: a run without findings but with files it could not check is not summarised as clean, even quiet', () => {
    const unchecked: ScanResult = { findings: [], errors: result.errors, stats: { files: 4, skipped: {}, durationMs: 1 } };
    const expected = ['1 file could not be scanned:', '  src/broken.ts  syntax error at 2:7: Property assignment expected.', '', '✖ 1 file could not be checked; no problems found in 4 files.', ''].join('\n');
    expect(reporters.get('text')?.(unchecked, context)).toBe(expected);
    expect(reporters.get('text')?.(unchecked, { ...context, quiet: true })).toBe(expected);
  });

  it('text: colours only when asked, and nothing at all for a clean quiet run', () => {
    expect(reporters.get('text')?.(result, { ...context, color: true })).toContain('\u001B[31merror\u001B[0m');
    const clean: ScanResult = { findings: [], errors: [], stats: { files: 3, skipped: {}, durationMs: 1 } };
    expect(reporters.get('text')?.(clean, context)).toBe('No problems found in 3 files.\n');
    expect(reporters.get('text')?.(clean, { ...context, quiet: true })).toBe('');
  });

  it('json: exactly the documented fields, nothing internal', () => {
    const withExtras = { ...result, fixTargets: [{ file: '/project/src/config.ts' }], findings: result.findings.map((finding) => ({ ...finding, internal: 'x' })) };
    const parsed = JSON.parse(reporters.get('json')?.(withExtras, context) ?? '') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'errors', 'stats']);
    expect(parsed).toEqual({ version: 1, findings: result.findings, errors: result.errors, stats: result.stats });
  });
});
