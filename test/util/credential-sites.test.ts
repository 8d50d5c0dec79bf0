import tsParser from '@typescript-eslint/parser';
import { Linter, type SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * The three hard-coded rules share one collection of credential sites per file (the first rule
 * created collects, the others read it at the end of the program). Run together they must report
 * exactly what each reports alone, whatever their order and options.
 */

// Fake credentials, assembled from fragments.
const ACU_ID = ['88358B02-A48D-A50E-F710-39C1636C30F6', '@KensiumTenant'].join('');
const SECRET = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');
const KEY = ['Hk3pW9sQ', 'v7Lm2XcR', '5tYb8NdF', '1gZe6JaU'].join('');
const PASSWORD = ['Tr4!mq9Z', 'kL2#vX7p'].join('');
const GITHUB = ['ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');

const CODE = [
  "import { KensiumClient } from '@acme/kensium-sdk';",
  `const acumatica = { client_id: '${ACU_ID}', client_secret: '${SECRET}' };`,
  `const erp = { password: '${PASSWORD}' };`,
  `const pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${KEY}' } });`,
  `const note = 'deploy with ${GITHUB}';`,
  '',
].join('\n');

/** A POS SDK wrapper declared with the `sinks` option: `oauth.key` is a client secret. */
const SINKS = [{ module: '@acme/kensium-sdk', export: 'KensiumClient', call: 'new', slots: [{ arg: 0, property: 'oauth.key', kind: 'client-secret' }] }];

const SECRET_RULE = 'ch/no-hardcoded-client-secret';
const ID_RULE = 'ch/no-hardcoded-client-id';
const CREDENTIALS_RULE = 'ch/no-hardcoded-credentials';

type RuleEntry = readonly [string, Record<string, unknown>?];

function config(rules: readonly RuleEntry[]): Linter.Config[] {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { ch: plugin as never },
      rules: Object.fromEntries(rules.map(([id, options]) => [id, options ? ['error', options] : 'error'])),
    },
  ];
}

/** `rule line:column-endColumn messageId` of every message, in ESLint's order. */
function summary(messages: readonly Linter.LintMessage[]): string[] {
  return messages.map((m) => `${m.ruleId ?? '(none)'} ${m.line}:${m.column}-${m.endColumn ?? ''} ${m.messageId ?? m.message}`);
}

function lint(rules: readonly RuleEntry[], code: string | SourceCode = CODE, filename = 'src/pos-sync.ts'): string[] {
  return summary(new Linter({ configType: 'flat' }).verify(code, config(rules), { filename }));
}

function alone(rules: readonly RuleEntry[], code: string = CODE, filename = 'src/pos-sync.ts'): string[] {
  return rules.flatMap((rule) => lint([rule], code, filename));
}

const sortLines = (lines: readonly string[]): string[] => [...lines].sort();

describe('the shared collection of credential sites', () => {
  it('reports, with the three rules together, what each reports alone', () => {
    const together = lint([[SECRET_RULE], [ID_RULE], [CREDENTIALS_RULE]]);
    expect(together).toEqual([
      `${ID_RULE} 2:32-84 hardcodedClientId`,
      `${SECRET_RULE} 2:101-135 hardcoded`,
      `${CREDENTIALS_RULE} 3:25-43 hardcoded`,
      `${CREDENTIALS_RULE} 5:27-67 knownFormat`,
    ]);
    expect(sortLines(together)).toEqual(sortLines(alone([[SECRET_RULE], [ID_RULE], [CREDENTIALS_RULE]])));
  });

  it.each([
    ['client id first', [[ID_RULE], [CREDENTIALS_RULE], [SECRET_RULE]]],
    ['credentials first', [[CREDENTIALS_RULE], [SECRET_RULE], [ID_RULE]]],
    ['credentials last', [[ID_RULE], [SECRET_RULE], [CREDENTIALS_RULE]]],
  ] as const)('does not depend on which rule collects (%s)', (_, rules) => {
    expect(sortLines(lint(rules))).toEqual(sortLines(lint([[SECRET_RULE], [ID_RULE], [CREDENTIALS_RULE]])));
  });

  it('keeps separate collections for rules with different `sinks`', () => {
    // Only the client-secret rule knows the wrapper: its `oauth.key` is reported by that rule alone.
    const rules: RuleEntry[] = [[ID_RULE], [SECRET_RULE, { sinks: SINKS }], [CREDENTIALS_RULE]];
    const together = lint(rules);
    expect(together).toContain(`${SECRET_RULE} 4:66-100 hardcoded`);
    expect(sortLines(together)).toEqual(sortLines(alone(rules)));
    // Declared for every rule (equal declarations, separate arrays), the rules share one collection again.
    const shared: RuleEntry[] = [[ID_RULE, { sinks: structuredClone(SINKS) }], [SECRET_RULE, { sinks: SINKS }], [CREDENTIALS_RULE, { sinks: structuredClone(SINKS) }]];
    expect(sortLines(lint(shared))).toEqual(sortLines(alone(shared)));
  });

  it('gives the known-format strings to a rule created after the collecting one', () => {
    // The client-id rule collects and does not want strings; the credentials rule, created later, does.
    const together = lint([[ID_RULE], [CREDENTIALS_RULE, { checkComments: false }]]);
    expect(together).toContain(`${CREDENTIALS_RULE} 5:27-67 knownFormat`);
    // Without known formats, the string is nobody's finding.
    expect(lint([[ID_RULE], [CREDENTIALS_RULE, { checkKnownFormats: false }]])).not.toContain(`${CREDENTIALS_RULE} 5:27-67 knownFormat`);
  });

  it('resolves findings per `testFilePatterns`: a rule that calls the file a test file sees its own findings', () => {
    const code = "const kensium = { clientId: 'pos-sync', clientSecret: 'hunter22' };\n";
    const filename = 'src/pos-sync.fixture.ts';
    const rules: RuleEntry[] = [[ID_RULE, { testFilePatterns: ['**/*.fixture.ts'] }], [SECRET_RULE]];
    const together = lint(rules, code, filename);
    // In a test file a short client id is a dummy; outside one, a weak secret is still reported.
    expect(together).toEqual([`${SECRET_RULE} 1:55-65 hardcodedWeak`]);
    expect(sortLines(together)).toEqual(sortLines(alone(rules, code, filename)));
    expect(lint([[ID_RULE]], code, filename)).toEqual([`${ID_RULE} 1:29-39 hardcodedClientId`]);
  });

  it('collects afresh when the same SourceCode object is linted again', () => {
    const linter = new Linter({ configType: 'flat' });
    const all: RuleEntry[] = [[SECRET_RULE], [ID_RULE], [CREDENTIALS_RULE]];
    const first = summary(linter.verify(CODE, config(all), { filename: 'src/pos-sync.ts' }));
    const sourceCode = linter.getSourceCode();
    expect(sourceCode).not.toBeNull();
    // A second run with one rule, then with all three in another order, on the very same object.
    const secretOnly = summary(linter.verify(sourceCode as SourceCode, config([[SECRET_RULE]]), { filename: 'src/pos-sync.ts' }));
    expect(secretOnly).toEqual([`${SECRET_RULE} 2:101-135 hardcoded`]);
    const again = summary(linter.verify(sourceCode as SourceCode, config([[CREDENTIALS_RULE], [ID_RULE], [SECRET_RULE]]), { filename: 'src/pos-sync.ts' }));
    expect(sortLines(again)).toEqual(sortLines(first));
  });

  it('collects the strings when a later run on the same SourceCode object wants them and the first did not', () => {
    const linter = new Linter({ configType: 'flat' });
    expect(summary(linter.verify(CODE, config([[ID_RULE]]), { filename: 'src/pos-sync.ts' }))).toEqual([`${ID_RULE} 2:32-84 hardcodedClientId`]);
    const sourceCode = linter.getSourceCode() as SourceCode;
    expect(summary(linter.verify(sourceCode, config([[CREDENTIALS_RULE]]), { filename: 'src/pos-sync.ts' }))).toEqual([
      `${CREDENTIALS_RULE} 3:25-43 hardcoded`,
      `${CREDENTIALS_RULE} 5:27-67 knownFormat`,
    ]);
  });
});
