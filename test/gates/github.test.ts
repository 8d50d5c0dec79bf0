import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, findingAnnotation, formatGithub } from '../../src/cli/reporters/github.js';
import { finding } from './helpers.js';

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2', 'mW9xKp4', 'RbN7cLs3', 'JhY6dFg1', 'A0cE'].join('');

describe('GitHub Actions annotations', () => {
  it('prints one ::error line per finding with file, position and title', () => {
    expect(findingAnnotation(finding())).toBe(
      '::error file=src/pos/client.ts,line=3,col=17,endLine=3,endColumn=57,title=credential-hygiene/no-hardcoded-client-secret::Hard-coded client secret (Zq8v…A0cE (40 chars)), it looks random. Read it from an environment variable.\n',
    );
  });

  it('prints warnings as ::warning and leaves columns out of multi-line ranges', () => {
    expect(findingAnnotation(finding({ severity: 'warn', ruleId: 'no-password-grant', line: 30, column: 5, endLine: 33, endColumn: 6, message: 'The password grant is removed in OAuth 2.1.' }))).toBe(
      '::warning file=src/pos/client.ts,line=30,endLine=33,title=credential-hygiene/no-password-grant::The password grant is removed in OAuth 2.1.\n',
    );
  });

  it('escapes so that a path or message cannot end the annotation or start another command', () => {
    const hostile = finding({ file: 'src/a,b:c%d.ts', message: 'first line\n::error::injected 100%\r' });
    const line = findingAnnotation(hostile);
    expect(line).toBe(
      '::error file=src/a%2Cb%3Ac%25d.ts,line=3,col=17,endLine=3,endColumn=57,title=credential-hygiene/no-hardcoded-client-secret::first line%0A::error::injected 100%25%0D\n',
    );
    expect(line.split('\n')).toHaveLength(2);
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('annotates scan errors, with the file when there is one', () => {
    const text = formatGithub({
      findings: [],
      errors: [
        { file: 'src/broken.ts', message: "syntax error at 3:14: ',' expected" },
        { file: '<run>', message: 'tsconfig.json: cannot read' },
      ],
      stats: { files: 1, skipped: {}, durationMs: 1 },
    });
    expect(text).toBe(
      "::error file=src/broken.ts,title=credential-hygiene could not scan a file::syntax error at 3:14: ',' expected\n" +
        '::error title=credential-hygiene could not scan a file::tsconfig.json: cannot read\n',
    );
  });

  it('prints nothing when there is nothing to report, and never the secret', () => {
    expect(formatGithub({ findings: [], errors: [], stats: { files: 4, skipped: {}, durationMs: 1 } })).toBe('');
    expect(formatGithub({ findings: [finding()], errors: [], stats: { files: 1, skipped: {}, durationMs: 1 } })).not.toContain(SECRET);
  });
});
