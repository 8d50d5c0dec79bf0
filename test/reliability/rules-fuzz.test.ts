/**
 * Any input, no crash, through the ESLint front end: every rule of the `strict` config runs on
 * source where fuzzed strings stand in the places rules look at (secret slots, env fallbacks,
 * token requests, comments, template literals), and on real source files that are truncated or
 * spliced. ESLint turns a rule's exception into a thrown error, so "no throw" is the property.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import fc from 'fast-check';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const linter = new Linter({ configType: 'flat' });
const configs: Record<'js' | 'ts', Linter.Config[]> = {
  js: [{ files: ['**/*.js'], ...plugin.configs.strict }],
  ts: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser }, ...plugin.configs.strict }],
};

function lint(code: string, language: 'js' | 'ts'): Linter.LintMessage[] {
  return linter.verify(code, configs[language], { filename: join(root, 'virtual', `kensium-client.${language}`) });
}

/** Places where a rule looks at a string; `$` is replaced by a string literal. */
const TEMPLATES = [
  'const clientSecret = $;',
  'export const kensium = { clientId: $, clientSecret: $, tokenUrl: $ };',
  "import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential('tenant', $, $);",
  "import * as client from 'openid-client';\nawait client.discovery(new URL($), $, $);",
  "await fetch('https://erp.example.com/connect/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: $, client_secret: $ }) });",
  "const auth = 'Basic ' + Buffer.from(`pos-sync:${$}`).toString('base64');",
  'const { CLIENT_SECRET = $ } = process.env;',
  'const secret = process.env.KENSIUM_CLIENT_SECRET || $;',
  'const secret = process.env.KENSIUM_CLIENT_SECRET ?? $;',
  'class Kensium { clientSecret = $; password = $; }',
  'function connect(apiKey = $) { return apiKey; }',
  'console.log($, process.env.KENSIUM_CLIENT_SECRET);',
  'localStorage.setItem($, $);',
];

/** Fragments that stress the detectors' regular expressions and string handling. */
const FRAGMENTS = [
  'eyJ-', 'AKIA', 'ghp_', 'GOCSPX-', 'sk_live_', '1Q~', '-----BEGIN PRIVATE KEY-----', 'https://a:b@', '${', '}', '{{', '<', '>',
  'your_', '_here', 'x', '*', ' ', '\n', '\u0000', '\u2028', '\ufeff', '\ud800', '🔑', 'a1', 'Zq8v', '=', '/', 'env:', 'op://',
];

const literalContent = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 2000 })).map(([fragment, times]) => fragment.repeat(times)),
);

/** A JavaScript string literal for any content: JSON escapes quotes, control bytes and lone surrogates. */
const stringLiteral = (content: string): string => JSON.stringify(content);
/** A template literal without expressions for any content. */
const templateLiteral = (content: string): string => `\`${content.replace(/[\\`$]/gu, (char) => `\\${char}`).replace(/\r/gu, '\\r')}\``;

function expectNoRuleCrash(messages: Linter.LintMessage[]): void {
  // A fatal message is a parse error of the input, which is allowed; a rule crash throws instead.
  for (const message of messages) if (message.fatal !== true) expect(String(message.ruleId)).toMatch(/^credential-hygiene\//u);
}

describe('the fuzz harness', () => {
  it('really runs the rules (a hard-coded secret is reported)', () => {
    const secret = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH'].join('');
    for (const language of ['js', 'ts'] as const) {
      const messages = lint(`export const kensium = { clientSecret: '${secret}' };`, language);
      expect(messages.map((message) => message.ruleId)).toContain('credential-hygiene/no-hardcoded-client-secret');
    }
  });
});

describe('ESLint rules on fuzzed string values', () => {
  it('never throw, with string literals, template literals and comments, in JS and TS', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        fc.array(literalContent, { minLength: 3, maxLength: 3 }),
        fc.constantFrom<'js' | 'ts'>('js', 'ts'),
        fc.boolean(),
        (template, contents, language, asTemplate) => {
          let index = 0;
          const code = template.replace(/\$(?!\{)/gu, () => {
            const content = contents[index++ % contents.length] ?? '';
            return asTemplate ? templateLiteral(content) : stringLiteral(content);
          });
          const comment = `// ${(contents[0] ?? '').replace(/[\r\n\u2028\u2029]/gu, ' ')}\n`;
          expectNoRuleCrash(lint(comment + code, language));
        },
      ),
      { numRuns: 250 },
    );
  });
});

/** Real source files of the project: what rules meet in practice, then damaged. */
function realSources(): string[] {
  const files: string[] = [];
  for (const dir of ['src/detectors', 'src/util', 'rules']) {
    for (const name of readdirSync(join(root, dir))) {
      if (name.endsWith('.ts')) files.push(readFileSync(join(root, dir, name), 'utf8'));
    }
  }
  return files;
}

describe('ESLint rules on damaged real source', () => {
  const sources = realSources();

  it('never throw on truncated, spliced, CRLF or BOM-prefixed files', () => {
    expect(sources.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('truncate', 'splice', 'crlf', 'bom'),
        (first, second, at, from, mutation) => {
          const a = sources[first]!;
          const b = sources[second]!;
          const cut = Math.floor(a.length * at);
          const code =
            mutation === 'truncate'
              ? a.slice(0, cut)
              : mutation === 'splice'
                ? a.slice(0, cut) + b.slice(Math.floor(b.length * from))
                : mutation === 'crlf'
                  ? a.replace(/\n/gu, '\r\n')
                  : `\ufeff${a}`;
          expectNoRuleCrash(lint(code, 'ts'));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('returns a parse error, not a crash, on expressions nested tens of thousands deep', () => {
    const depth = 20_000;
    const nested = `const clientSecret = ${'('.repeat(depth)}'x'${')'.repeat(depth)};\n`;
    const nestedObjects = `export const config = ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)};\n`;
    for (const code of [nested, nestedObjects]) {
      for (const language of ['js', 'ts'] as const) {
        let messages: Linter.LintMessage[] = [];
        expect(() => {
          messages = lint(code, language);
        }).not.toThrow();
        expectNoRuleCrash(messages);
      }
    }
  });
});
