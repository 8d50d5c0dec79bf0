/**
 * The scanner's parser (src/scanner/parser.ts) drops tokens and the ESTree ↔ TypeScript node maps,
 * and must otherwise give ESLint what a standard parser gives it: for a JavaScript file espree
 * reads, what ESLint's default JavaScript language gives (espree and eslint-scope); for every other
 * file, what `@typescript-eslint/parser` gives: the same AST, comments, scopes and parse errors.
 * And the rules that read tokens must still get them, and the rules must report the same on either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { FileLinter, TOKEN_RULES } from '../../src/scanner/lint.js';
import { createScannerLanguage, createScannerParser } from '../../src/scanner/parser.js';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface JsLanguageModule {
  parse(file: { body: string; path: string; bom: boolean }, options: { languageOptions: Record<string, unknown> }): { ok: true; ast: Record<string, unknown> } | { ok: false; errors: { message: string }[] };
  createSourceCode(file: { body: string; path: string; bom: boolean }, parseResult: object, options: { languageOptions: Record<string, unknown> }): { scopeManager: unknown };
}
/** ESLint's own JavaScript language, whose default parser is espree. */
const jsLanguage = require(join(dirname(require.resolve('eslint/package.json')), 'lib', 'languages', 'js', 'index.js')) as JsLanguageModule;
const espree = createRequire(require.resolve('eslint'))('espree') as object;
const JS_FILE = /\.(?:[cm]?js|jsx)$/u;

/** The options ESLint passes to a parser for the scanner's config (see `parse` in ESLint's JS language). */
function eslintOptions(filePath: string): Record<string, unknown> {
  return {
    ecmaVersion: 2026,
    sourceType: /\.c[jt]s$/u.test(filePath) ? 'commonjs' : 'module',
    ecmaFeatures: { jsx: true },
    loc: true,
    range: true,
    tokens: true,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
    filePath,
  };
}

interface ScopeLike {
  type: string;
  block: { range: [number, number] };
  variables: { name: string; defs: { type: string }[]; references: { identifier: { range: [number, number] } }[] }[];
  references: { identifier: { range: [number, number] }; resolved: { name: string } | null }[];
  through: unknown[];
}

function describeScopes(scopeManager: unknown): unknown {
  return (scopeManager as { scopes: ScopeLike[] }).scopes.map((scope) => ({
    type: scope.type,
    block: scope.block.range,
    variables: scope.variables.map((variable) => [variable.name, variable.defs.map((def) => def.type), variable.references.map((reference) => reference.identifier.range)]),
    references: scope.references.map((reference) => [reference.identifier.range, reference.resolved?.name ?? null]),
    through: scope.through.length,
  }));
}

type Parsed = { ok: true; ast: Record<string, unknown>; scopes: unknown; services: Record<string, unknown> } | { ok: false; error: { message: string; lineNumber: unknown; column: unknown } };

function parseWith(parser: Linter.Parser, code: string, filePath: string): Parsed {
  try {
    const result = (parser as { parseForESLint: (code: string, options: unknown) => { ast: Record<string, unknown>; scopeManager: unknown; services: Record<string, unknown> } }).parseForESLint(code, eslintOptions(filePath));
    return { ok: true, ast: result.ast, scopes: describeScopes(result.scopeManager), services: result.services };
  } catch (error) {
    const { message, lineNumber, column } = error as { message: string; lineNumber: unknown; column: unknown };
    return { ok: false, error: { message, lineNumber, column } };
  }
}

/**
 * A JavaScript file as ESLint's default language parses it, with the scanner's source type
 * (`commonjs` files are read as scripts, as typescript-eslint's parser reads them): undefined when
 * espree rejects the text.
 */
function parseByEslintDefault(code: string, filePath: string): Parsed | undefined {
  const languageOptions = { ecmaVersion: 2026, sourceType: /\.c[jt]s$/u.test(filePath) ? 'script' : 'module', parser: espree, parserOptions: { ecmaFeatures: { jsx: true } } };
  const file = { body: code, path: filePath, bom: false };
  const parsed = jsLanguage.parse(file, { languageOptions });
  if (!parsed.ok) return undefined;
  // Taken before `SourceCode` marks the `#!` comment as a `Shebang`, as it marks the scanner's.
  const ast = structuredClone(parsed.ast);
  const { scopeManager } = jsLanguage.createSourceCode(file, parsed, { languageOptions });
  return { ok: true, ast, scopes: describeScopes(scopeManager), services: {} };
}

/** ESLint gives a parser the text with a `#!` line turned into a comment. */
function withoutShebang(code: string): string {
  return code.replace(/^#!([^\r\n]+)/u, '//$1');
}

/** Compares the scanner parser's result with the standard parser's for one file. */
function expectSameParse(code: string, filePath: string): Parsed {
  const byEspree = JS_FILE.test(filePath) ? parseByEslintDefault(code, filePath) : undefined;
  if (byEspree?.ok) {
    const light = parseWith(createScannerParser({ needsTokens: () => false }), withoutShebang(code), filePath);
    const withTokens = parseWith(createScannerParser({ needsTokens: () => true }), withoutShebang(code), filePath);
    expect(light.ok && withTokens.ok).toBe(true);
    if (!light.ok || !withTokens.ok) return byEspree;
    const { tokens: standardTokens, ...standardAst } = byEspree.ast;
    const { tokens: lightTokens, ...lightAst } = light.ast;
    expect(lightTokens).toEqual([]);
    expect(JSON.stringify(lightAst)).toBe(JSON.stringify(standardAst));
    expect(JSON.stringify(withTokens.ast)).toBe(JSON.stringify(byEspree.ast));
    expect(light.scopes).toEqual(byEspree.scopes);
    expect(withTokens.scopes).toEqual(byEspree.scopes);
    return byEspree;
  }
  // TypeScript, and JavaScript that espree rejects: typescript-eslint's parser.
  const standard = parseWith(tsParser as Linter.Parser, code, filePath);
  const light = parseWith(createScannerParser({ needsTokens: () => false }), code, filePath);
  const withTokens = parseWith(createScannerParser({ needsTokens: () => true }), code, filePath);
  if (!standard.ok) {
    expect(light).toEqual(standard);
    expect(withTokens).toEqual(standard);
    return standard;
  }
  expect(light.ok && withTokens.ok).toBe(true);
  if (!light.ok || !withTokens.ok) return standard;
  const { tokens: standardTokens, ...standardAst } = standard.ast;
  const { tokens: lightTokens, ...lightAst } = light.ast;
  expect(lightTokens).toEqual([]);
  expect(withTokens.ast['tokens']).toEqual(standardTokens);
  expect(JSON.stringify(lightAst)).toBe(JSON.stringify(standardAst));
  expect(JSON.stringify(withTokens.ast)).toBe(JSON.stringify(standard.ast));
  expect(light.scopes).toEqual(standard.scopes);
  expect(light.services['program']).toBeNull();
  for (const key of ['emitDecoratorMetadata', 'experimentalDecorators', 'isolatedDeclarations']) expect(light.services[key], key).toBe(standard.services[key]);
  return standard;
}

describe('the scanner parser gives the standard parser’s AST, comments, scopes and errors', () => {
  it.each([
    ['erp-client.ts', "// eslint-disable-next-line credential-hygiene/no-hardcoded-client-secret\nexport const config = { clientSecret: process.env.ERP_SECRET ?? '' } satisfies Record<string, string>;\n/* trailing */"],
    ['pos-sync.js', "import axios from 'axios';\nconst token = await axios.post(url, `grant_type=client_credentials`);\nexport default <Panel token={token} />;"],
    ['Login.tsx', 'import React from "react";\nexport function Login<T,>({ state }: { state: T }) { return <><a href={`/authorize?state=${state}`}>Sign in</a></>; }'],
    ['legacy.cjs', "#!/usr/bin/env node\n'use strict';\nconst { Issuer } = require('openid-client');\nif (!module.parent) return;\nmodule.exports = Issuer;"],
    ['client.cjs', "#!/usr/bin/env node\n'use strict';\nconst { Issuer } = require('openid-client');\nmodule.exports = async () => (await Issuer.discover(process.env.ISSUER)).Client;"],
    ['flow-typed.js', "import { post } from './http';\nexport function token(secret: string): Promise<string> { return post('/token', { client_secret: secret }); }"],
    ['decorated.js', "@Injectable()\nexport class Tokens { secret = process.env.ERP_SECRET; }"],
    ['decorated.ts', '@Injectable()\nexport class Tokens { constructor(@Inject(CONFIG) private readonly config: Config) {} /** @deprecated */ get secret() { return this.config.secret; } }'],
    ['types.mts', 'export type Grant = `${"client" | "password"}_credentials`;\nenum Kind { A = 1 }\nnamespace N { export const x = Kind.A; }\nlet y = <const>["a"];'],
  ])('%s', (name, code) => {
    expectSameParse(code, join('/project/src', name));
  });

  it.each([
    ['truncated.ts', "export const config = { clientSecret: 'abc'"],
    ['unbalanced.js', 'function f() { return (1 + ; }'],
    ['jsx-in.ts', 'const a = <div>x</div>;'],
    ['unterminated.js', "const clientSecret = 'abc;\nexport default clientSecret;"],
  ])('parse error: %s', (name, code) => {
    const standard = expectSameParse(code, join('/project/src', name));
    expect(standard.ok).toBe(false);
  });

  it('JavaScript that espree reads gets espree’s AST; JavaScript it rejects, typescript-eslint’s', () => {
    const parse = (name: string, code: string): Record<string, unknown> => {
      const parsed = parseWith(createScannerParser({ needsTokens: () => false }), code, join('/project/src', name));
      if (!parsed.ok) throw new Error(parsed.error.message);
      return parsed.ast;
    };
    // espree's nodes carry acorn's `start`/`end` offsets; typescript-estree's only `range`.
    expect(parse('pos-sync.js', "export const url = '/oauth/token';")).toHaveProperty('start');
    expect(parse('flow-typed.js', 'export function token(secret: string) { return secret; }')).not.toHaveProperty('start');
    expect(parse('pos-sync.ts', "export const url = '/oauth/token';")).not.toHaveProperty('start');
  });

  it('scope analysis of JavaScript reads the merged visitor keys only while it runs, with the same scopes', () => {
    // esrecurse's own estraverse, whose key table the scanner swaps in for the one `analyze` call.
    const fromScope = createRequire(createRequire(require.resolve('eslint')).resolve('eslint-scope'));
    const estraverse = createRequire(fromScope.resolve('esrecurse'))('estraverse') as { VisitorKeys: Record<string, unknown> };
    const before = estraverse.VisitorKeys;
    expect(before).not.toHaveProperty('JSXElement');
    // Patterns everywhere (each one gets its own esrecurse visitor), inside JSX (keys only eslint-visitor-keys has).
    const code = [
      "import { Issuer } from 'openid-client';",
      'export function Login({ client: { id, secret = process.env.ERP_SECRET }, ...rest }) {',
      '  let [token, , refresh = token] = rest.tokens;',
      '  for (const { scope } of rest.grants) ({ token } = { token: scope });',
      '  try { refresh = Issuer.discover(id); } catch ({ message }) { token = message; }',
      '  return <Panel onSubmit={({ target: { value } }) => (secret = value)}>{[token, refresh].map(([a, b]) => <i key={a}>{b}</i>)}</Panel>;',
      '}',
    ].join('\n');
    expectSameParse(code, '/project/src/login.jsx');
    expect(estraverse.VisitorKeys).toBe(before);
    expect(estraverse.VisitorKeys).not.toHaveProperty('JSXElement');
  });

  it('every code file of the fixtures and examples', () => {
    const files = fixtureCodeFiles();
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      try {
        expectSameParse(readFileSync(file, 'utf8'), file);
      } catch (error) {
        throw new Error(`${relative(root, file)}: ${(error as Error).message}`);
      }
    }
  });
});

function fixtureCodeFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(join(root, 'test', 'fixtures'));
  walk(join(root, 'examples'));
  return files;
}

/** Token store calls (the comment ones index comments by token position, so they need tokens too). */
const TOKEN_API = /\.(?:getTokens|getFirstTokens?|getLastTokens?|getTokenBefore|getTokenAfter|getTokensBefore|getTokensAfter|getTokensBetween|getFirstTokenBetween|getFirstTokensBetween|getLastTokenBetween|getLastTokensBetween|getTokenByRangeStart|getTokenOrCommentBefore|getTokenOrCommentAfter|getCommentsBefore|getCommentsAfter|getCommentsInside|commentsExistBetween|isSpaceBetween|isSpaceBetweenTokens)\(|\btokensAndComments\b|\bast\.tokens\b/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('tokens for the rules that read them', () => {
  it('TOKEN_RULES names exactly the rules whose code calls the token store, and no shared code calls it', () => {
    const ruleUsers = sourceFiles(join(root, 'rules'))
      .filter((file) => TOKEN_API.test(readFileSync(file, 'utf8')))
      .map((file) => relative(join(root, 'rules'), file).replace(/\.ts$/u, ''))
      .sort();
    expect(ruleUsers).toEqual([...TOKEN_RULES].sort());
    // A helper in src/ that reads tokens would need every rule calling it in TOKEN_RULES.
    // (parser.ts itself writes the empty token array.)
    const sharedUsers = sourceFiles(join(root, 'src')).filter((file) => !file.endsWith(join('scanner', 'parser.ts')) && TOKEN_API.test(readFileSync(file, 'utf8')));
    expect(sharedUsers.map((file) => relative(root, file))).toEqual([]);
  });

  it('a file the offline-access rule may report in is parsed with tokens: its suggestion removes the array element with its comma', () => {
    const linter = new FileLinter({ rules: { 'credential-hygiene/no-offline-access-with-client-credentials': 'error' }, reportUnusedDisableDirectives: false });
    const code = "import { ConfidentialClientApplication } from '@azure/msal-node';\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default', 'offline_access'] });";
    const { messages } = linter.lint('/project/src/graph.ts', code);
    expect(messages.map((message) => message.messageId)).toEqual(['offlineAccess']);
    const fix = messages[0]?.suggestions?.[0]?.fix;
    expect(fix).toBeDefined();
    if (!fix) return;
    const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    expect(output).toBe("import { ConfidentialClientApplication } from '@azure/msal-node';\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });");
  });

  it('gives the same messages as ESLint with the standard parser on the recommended rules, directives included', async () => {
    const { Linter: EslintLinter } = await import('eslint');
    const rules = plugin.configs.recommended.rules as Linter.RulesRecord;
    const code = [
      "import express from 'express';",
      "const clientSecret = 'Zq8' + 'xT2vLm9Rk4Wp7Yh3Nc6Bd1Fg5Js0Qa';",
      '// eslint-disable-next-line credential-hygiene/no-secret-logging',
      "console.log('secret', clientSecret);",
      "console.log('secret', clientSecret);",
      "/* eslint-disable credential-hygiene/no-hardcoded-credentials -- test */",
      "export const pos = { password: 'hunter2-' + 'Kx9Lm2Pq' };",
    ].join('\n');
    const filename = '/project/src/pos-sync.ts';
    const scanner = new FileLinter({ rules, reportUnusedDisableDirectives: true }).lint(filename, code).messages;
    const eslint = new EslintLinter({ configType: 'flat', cwd: '/' }).verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
          linterOptions: { reportUnusedDisableDirectives: 'warn' },
          plugins: { 'credential-hygiene': plugin },
          rules,
        },
      ],
      { filename },
    );
    expect(scanner.length).toBeGreaterThan(0);
    expect(scanner).toEqual(eslint.filter((message) => message.ruleId?.startsWith('credential-hygiene/') || /credential-hygiene\//u.test(message.message)));
  });
});

describe('the rules report the same on espree’s AST as on typescript-eslint’s', () => {
  it('every JavaScript file of the fixtures and examples: the scanner’s messages are ESLint’s with typescript-eslint’s parser', async () => {
    const { Linter: EslintLinter } = await import('eslint');
    const rules = plugin.configs.recommended.rules as Linter.RulesRecord;
    const scanner = new FileLinter({ rules, reportUnusedDisableDirectives: false });
    const eslint = new EslintLinter({ configType: 'flat', cwd: '/' });
    const config = (sourceType: 'module' | 'commonjs'): Linter.Config => ({
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'],
      languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { 'credential-hygiene': plugin },
      rules,
    });
    const files = fixtureCodeFiles().filter((file) => JS_FILE.test(file));
    expect(files.length).toBeGreaterThan(5);
    let reported = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const ours = scanner.lint(file, code).messages;
      const theirs = eslint.verify(code, [config(file.endsWith('.cjs') ? 'commonjs' : 'module')], { filename: file }).filter((message) => message.ruleId?.startsWith('credential-hygiene/'));
      expect(ours, relative(root, file)).toEqual(theirs);
      reported += ours.length;
    }
    expect(reported).toBeGreaterThan(0);
  });
});

describe('the scanner language skips code path analysis', () => {
  it('no rule and no scanner code listens to code path events', () => {
    const CODE_PATH_EVENT = /\bon(?:CodePath|CodePathSegment|UnreachableCodePathSegment)\w*\b/u;
    // (parser.ts names them in its explanation.)
    const users = [...sourceFiles(join(root, 'rules')), ...sourceFiles(join(root, 'src'))].filter((file) => !file.endsWith(join('scanner', 'parser.ts')) && CODE_PATH_EVENT.test(readFileSync(file, 'utf8')));
    expect(users.map((file) => relative(root, file))).toEqual([]);
  });

  it('runs node listeners as the default language does, and no code path events', async () => {
    const { Linter: EslintLinter } = await import('eslint');
    const language = createScannerLanguage();
    expect(language).toBeDefined();
    const seen: string[] = [];
    const probe = {
      meta: { type: 'problem' as const, schema: [] },
      create: () => ({
        onCodePathStart: () => void seen.push('code path'),
        'Program:exit': () => void seen.push('program'),
        Identifier: (node: { name: string }) => void seen.push(node.name),
      }),
    };
    const lint = (withLanguage: boolean): string[] => {
      seen.length = 0;
      new EslintLinter({ configType: 'flat', cwd: '/' }).verify(
        'const clientSecret = process.env.ERP_SECRET; function f() { return clientSecret; }',
        [
          {
            files: ['**/*.ts'],
            ...(withLanguage ? { language: 'probe/js' } : {}),
            plugins: { probe: { rules: { probe }, ...(withLanguage ? { languages: { js: language as never } } : {}) } },
            languageOptions: { parser: createScannerParser({ needsTokens: () => false }) },
            rules: { 'probe/probe': 'error' },
          },
        ],
        { filename: '/project/src/erp.ts' },
      );
      return [...seen];
    };
    const standard = lint(false);
    expect(standard).toContain('code path');
    expect(lint(true)).toEqual(standard.filter((event) => event !== 'code path'));
  });
});
