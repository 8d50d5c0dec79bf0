/**
 * The variable name the ESLint rules suggest for each hard-coded literal. The fix command asks
 * the rules themselves (their `replaceWithEnv` suggestion) instead of re-deriving names, so the
 * editor and `credential-hygiene fix` propose the same name and the same replacement text for
 * the same finding. Literals the rules do not see on their own (a value in a config module that
 * only the scanner's cross-file pass links to a sink) get a name from `envVarNameFor` with the
 * context of the literal: its property, variable, enclosing object and file.
 */
import { parse as parsePath } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { CREDENTIAL_KIND_LABELS, type CredentialKind } from '../../detectors/index.js';
import plugin from '../../index.js';
import type { EnvVarNameContext } from '../naming.js';

const HARDCODED_RULES = ['no-hardcoded-client-secret', 'no-hardcoded-client-id', 'no-hardcoded-credentials'] as const;
const CODE_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

export interface SuggestionOptions {
  /** `--prefix`, passed to the rules as `envPrefix`. */
  readonly prefix?: string;
}

/** Where a rule suggested a name: `[start, end)` of the reported literal → the name. */
export type SuggestedNames = ReadonlyMap<string, string>;

export function rangeKey(start: number, end: number): string {
  return `${start}:${end}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) starts.push(index + 1);
  return starts;
}

/** The names the hard-coded-credential rules suggest in one file, keyed by the literal's range. */
export function ruleSuggestedNames(file: string, text: string, options: SuggestionOptions = {}): SuggestedNames {
  const ruleOptions = options.prefix ? { envPrefix: options.prefix } : {};
  const rules: Linter.RulesRecord = {};
  for (const rule of HARDCODED_RULES) if (rule in plugin.rules) rules[`credential-hygiene/${rule}`] = ['error', ruleOptions];
  const linter = new Linter({ configType: 'flat', cwd: parsePath(file).root || '/' });
  const messages = linter.verify(
    text,
    [
      {
        files: CODE_FILES,
        languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: /\.c[jt]s$/u.test(file) ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'credential-hygiene': plugin },
        rules,
      },
    ],
    { filename: file },
  );
  const starts = lineStarts(text);
  const offset = (line: number, column: number): number => (starts[line - 1] ?? 0) + column - 1;
  const names = new Map<string, string>();
  for (const message of messages) {
    const suggestion = message.suggestions?.find((candidate) => candidate.messageId === 'replaceWithEnv');
    const name = (suggestion as { data?: Record<string, unknown> } | undefined)?.data?.['name'];
    if (typeof name !== 'string' || message.endLine === undefined || message.endColumn === undefined) continue;
    names.set(rangeKey(offset(message.line, message.column), offset(message.endLine, message.endColumn)), name);
  }
  return names;
}

function nameText(name: ts.Node): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text.replace(/^#/u, '');
  return undefined;
}

function boundName(node: ts.Node): string | undefined {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === current) return nameText(parent.name);
  if (ts.isPropertyAssignment(parent) && parent.initializer === current) return nameText(parent.name);
  if (ts.isExportAssignment(parent)) return undefined;
  return undefined;
}

/**
 * The naming context of the literal at `[start, end)`: the property or variable it is bound to,
 * the name of the object literal (or class) around it, and the file.
 */
export function namingContextAt(sourceFile: ts.SourceFile, start: number, end: number, kind: string): EnvVarNameContext {
  const credentialKind: CredentialKind = kind in CREDENTIAL_KIND_LABELS ? (kind as CredentialKind) : 'secret';
  let node: ts.Node | undefined;
  const visit = (candidate: ts.Node): void => {
    if (candidate.getStart(sourceFile) <= start && candidate.getEnd() >= end) {
      node = candidate;
      candidate.forEachChild(visit);
    }
  };
  visit(sourceFile);
  const context: { -readonly [K in keyof EnvVarNameContext]?: EnvVarNameContext[K] } = { kind: credentialKind, fileName: sourceFile.fileName };
  // No node inside the file covers the range (a `.env` line read as code): the file name alone.
  if (!node?.parent) return context as EnvVarNameContext;
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === current) {
    const propertyName = nameText(parent.name);
    if (propertyName !== undefined) context.propertyName = propertyName;
    const holder = parent.parent;
    const objectName = ts.isObjectLiteralExpression(holder) ? boundName(holder) : ts.isClassLike(holder) && holder.name ? holder.name.text : undefined;
    if (objectName !== undefined) context.objectName = objectName;
  } else if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
    const variableName = nameText(parent.name);
    if (variableName !== undefined) context.variableName = variableName;
  } else if (ts.isJsxAttribute(parent)) {
    const propertyName = nameText(parent.name);
    if (propertyName !== undefined) context.propertyName = propertyName;
  }
  return context as EnvVarNameContext;
}
