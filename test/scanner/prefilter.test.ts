import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySecretName } from '../../src/detectors/index.js';
import { createPrefilter, RULE_GATES } from '../../src/scanner/prefilter.js';
import { run } from '../../src/scanner/index.js';

const root = join(import.meta.dirname, '..', '..');
const projects = ['test/fixtures/scanner/parity', 'test/fixtures/scanner/cross-file', 'test/fixtures/scanner/re-export', 'examples/pos-sync-service'];

describe('the text prefilter', () => {
  it('is off as soon as one enabled rule has no keyword row, so a new rule is never skipped', () => {
    expect(createPrefilter(['no-hardcoded-client-secret'])).toBeTypeOf('function');
    expect(createPrefilter(['no-hardcoded-client-secret', 'a-rule-without-a-row'])).toBeUndefined();
  });

  it('passes a file with an unused disable comment for our rules when those are reported', () => {
    const prefilter = createPrefilter(['no-hardcoded-client-secret'], { reportUnusedDisableDirectives: true });
    expect(prefilter?.('// eslint-disable-next-line credential-hygiene/no-password-grant\nconst a = 1;')).toBe(true);
    expect(prefilter?.('const a = 1;')).toBe(false);
  });

  it('never filters out a file in which a rule with a keyword row reports something', async () => {
    for (const project of projects) {
      const rules = Object.fromEntries(Object.keys(RULE_GATES).map((rule) => [`credential-hygiene/${rule}`, 'error' as const]));
      const result = await run({ cwd: join(root, project), rules, wholeProgram: false });
      const prefilter = createPrefilter(Object.keys(RULE_GATES));
      const codeFindings = result.findings.filter((finding) => /\.[cm]?[jt]sx?$/u.test(finding.file));
      for (const finding of codeFindings) {
        expect(prefilter?.(readFileSync(join(root, project, finding.file), 'utf8')), `${project}/${finding.file}`).toBe(true);
      }
    }
  });

  it('passes every declaration whose name is a client-secret name (the row of no-hardcoded-client-secret)', () => {
    const prefilter = createPrefilter(['no-hardcoded-client-secret']);
    const words = ['client', 'secret', 'consumer', 'app', 'api', 'key', 'id', 'kensium', 'oauth', 'erp', 'Client', 'SECRET', 'Secret', 'CLIENT'];
    const separators = ['', '_', '-', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.constantFrom(...separators), (parts, separator) => {
        const name = parts.join(separator);
        if (classifySecretName(name)?.kind !== 'client-secret') return;
        expect(prefilter?.(`export const config = { '${name}': 'Zq8vR3mTx5Wp9LkB' };`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
