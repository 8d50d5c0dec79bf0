import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BaselineError,
  compareWithBaseline,
  createBaseline,
  describeStaleEntry,
  parseBaseline,
  readBaseline,
  serializeBaseline,
  updateBaseline,
  writeBaseline,
} from '../../src/cli/baseline.js';
import { finding } from './helpers.js';

const posSecret = finding({ file: 'src/pos/client.ts', fingerprint: 'no-hardcoded-client-secret:aaaa1111' });
const erpSecret = finding({ file: 'src/erp/token.ts', line: 12, fingerprint: 'no-hardcoded-client-secret:bbbb2222' });
const passwordGrant = finding({ ruleId: 'no-password-grant', kind: 'password-grant', file: 'src/erp/token.ts', line: 30, fingerprint: 'no-password-grant:cccc3333' });

describe('baseline file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('sorts entries by path, rule and fingerprint, one per line, whatever the finding order', () => {
    const text = serializeBaseline(createBaseline([posSecret, passwordGrant, erpSecret]));
    expect(text).toBe(
      [
        '{',
        '  "version": 1,',
        '  "entries": [',
        '    {"file":"src/erp/token.ts","ruleId":"no-hardcoded-client-secret","kind":"client-secret","fingerprint":"no-hardcoded-client-secret:bbbb2222"},',
        '    {"file":"src/erp/token.ts","ruleId":"no-password-grant","kind":"password-grant","fingerprint":"no-password-grant:cccc3333"},',
        '    {"file":"src/pos/client.ts","ruleId":"no-hardcoded-client-secret","kind":"client-secret","fingerprint":"no-hardcoded-client-secret:aaaa1111"}',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
    expect(serializeBaseline(createBaseline([erpSecret, posSecret, passwordGrant]))).toBe(text);
  });

  it('writes an empty baseline as an empty list', () => {
    expect(serializeBaseline(createBaseline([]))).toBe('{\n  "version": 1,\n  "entries": []\n}\n');
  });

  it('holds no line numbers, columns or messages, so a masked preview never lands in it either', () => {
    const text = serializeBaseline(createBaseline([posSecret]));
    expect(text).not.toContain('"line"');
    expect(text).not.toContain('Zq8v');
    expect(text).not.toContain(posSecret.message);
  });

  it('round-trips through a file and reads a missing file as no baseline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ch-baseline-'));
    dirs.push(dir);
    const path = join(dir, '.credential-hygiene-baseline.json');
    expect(await readBaseline(path)).toBeUndefined();
    await writeBaseline(path, createBaseline([posSecret, erpSecret]));
    const read = await readBaseline(path);
    expect(read).toEqual(createBaseline([posSecret, erpSecret]));
    expect(readFileSync(path, 'utf8')).toBe(serializeBaseline(createBaseline([erpSecret, posSecret])));
  });

  it('rejects a malformed file with the path and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ch-baseline-'));
    dirs.push(dir);
    const path = join(dir, 'baseline.json');
    writeFileSync(path, '{"version": 1, "entries": [{"file": "a.ts"}]}');
    await expect(readBaseline(path)).rejects.toThrow(`${path}: entry 0 needs string "file", "ruleId" and "fingerprint"`);
    expect(() => parseBaseline('{"version": 7, "entries": []}', 'b.json')).toThrow(new BaselineError('b.json: unsupported baseline version 7 (expected 1)'));
    expect(() => parseBaseline('not json', 'c.json')).toThrow(/^c\.json: not valid JSON/u);
  });
});

describe('compareWithBaseline', () => {
  it('suppresses baselined findings, keeps new ones and reports nothing stale when all match', () => {
    const baseline = createBaseline([posSecret, erpSecret]);
    const comparison = compareWithBaseline([posSecret, erpSecret, passwordGrant], baseline);
    expect(comparison.findings).toEqual([passwordGrant]);
    expect(comparison.suppressed).toEqual([posSecret, erpSecret]);
    expect(comparison.stale).toEqual([]);
  });

  it('matches a finding that moved to another line or column (the fingerprint has no position)', () => {
    const baseline = createBaseline([posSecret]);
    const moved = { ...posSecret, line: posSecret.line + 14, column: 5, endLine: posSecret.endLine + 14, endColumn: 45 };
    expect(compareWithBaseline([moved], baseline)).toEqual({ findings: [], suppressed: [moved], stale: [] });
  });

  it('reports a different secret on a baselined line as new, and the old entry as stale', () => {
    const baseline = createBaseline([posSecret]);
    const swapped = { ...posSecret, fingerprint: 'no-hardcoded-client-secret:dddd4444' };
    const comparison = compareWithBaseline([swapped], baseline);
    expect(comparison.findings).toEqual([swapped]);
    expect(comparison.stale).toEqual([{ file: 'src/pos/client.ts', ruleId: 'no-hardcoded-client-secret', kind: 'client-secret', fingerprint: 'no-hardcoded-client-secret:aaaa1111' }]);
    expect(describeStaleEntry(comparison.stale[0]!)).toBe(
      'src/pos/client.ts: baseline entry no-hardcoded-client-secret:aaaa1111 (no-hardcoded-client-secret, client-secret) no longer matches a finding',
    );
  });

  it('counts copies: two entries cover two equal findings, a third copy is new', () => {
    const second = { ...posSecret, line: 40, endLine: 40 };
    const third = { ...posSecret, line: 41, endLine: 41 };
    const baseline = createBaseline([posSecret, second]);
    const comparison = compareWithBaseline([posSecret, second, third], baseline);
    expect(comparison.suppressed).toEqual([posSecret, second]);
    expect(comparison.findings).toEqual([third]);
  });

  it('calls entries stale only for files a partial scan looked at', () => {
    const baseline = createBaseline([posSecret, erpSecret]);
    expect(compareWithBaseline([], baseline, new Set(['src/pos/client.ts'])).stale.map((entry) => entry.file)).toEqual(['src/pos/client.ts']);
    expect(compareWithBaseline([], baseline).stale.map((entry) => entry.file)).toEqual(['src/erp/token.ts', 'src/pos/client.ts']);
  });
});

describe('updateBaseline', () => {
  it('replaces the entries of scanned files and keeps those of files a partial scan did not see', () => {
    const previous = createBaseline([posSecret, erpSecret]);
    const updated = updateBaseline(previous, [passwordGrant], new Set(['src/erp/token.ts']));
    expect(updated).toEqual(createBaseline([posSecret, passwordGrant]));
  });

  it('starts from the findings alone on a full scan', () => {
    expect(updateBaseline(createBaseline([posSecret]), [erpSecret])).toEqual(createBaseline([erpSecret]));
  });
});
