/**
 * The ESLint side of env-var replacement: the names a file already reads, the fix that adds the
 * helper import, and the simple client-code check that keeps env fixes out of browser bundles.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { classifyModuleSide } from '../catalogue/client-side.js';
import { DEFAULT_REQUIRE_ENV_HELPER, helperImportText, type HelperImportOptions } from './replacement.js';

const ENV_READ = /\bprocess\.env\.([A-Za-z_][A-Za-z0-9_]*)|\bprocess\.env\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]|\b(?:requireEnv|getEnv|env)\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/gu;

/** Env-var names the file already reads (`process.env.X`, `process.env['X']`, `requireEnv('X')`). */
export function envNamesUsedIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(ENV_READ)) {
    const name = match[1] ?? match[2] ?? match[3];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** Whether the program already binds `helperName` at the top level (imported or declared). */
function bindsName(program: TSESTree.Program, helperName: string, scopeManager: TSESLint.Scope.ScopeManager | null): boolean {
  const globalScope = scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((scope) => scope.type === 'module') ?? globalScope;
  if (moduleScope?.set.has(helperName) === true) return true;
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.specifiers.some((specifier) => specifier.local.name === helperName),
  );
}

/**
 * The fix that imports the helper (`import { requireEnv } from './env.js';`) after the last import,
 * or at the top after directives; `undefined` when the file already has a binding of that name.
 * A file with `require` calls and no `import` gets a `require` instead.
 */
export function requireEnvImportFix(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, options: HelperImportOptions): TSESLint.RuleFix | undefined {
  const program = sourceCode.ast;
  const helperName = options.helperName ?? DEFAULT_REQUIRE_ENV_HELPER;
  if (bindsName(program, helperName, sourceCode.scopeManager)) return undefined;
  const imports = program.body.filter((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration);
  const commonjs = options.moduleType ?? (imports.length === 0 && program.sourceType !== 'module' && /\brequire\(/u.test(sourceCode.text) ? 'commonjs' : 'esm');
  const text = helperImportText({ ...options, moduleType: commonjs });
  const lastImport = imports.at(-1);
  if (lastImport) return fixer.insertTextAfter(lastImport, `\n${text.trimEnd()}`);
  const directives = program.body.filter(
    (statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined,
  );
  const lastDirective = directives.at(-1);
  if (lastDirective) return fixer.insertTextAfter(lastDirective, `\n${text.trimEnd()}`);
  const first = program.body[0];
  if (first) return fixer.insertTextBeforeRange([first.range[0], first.range[0]], text);
  return fixer.insertTextAfterRange([0, 0], text);
}

/**
 * Whether the file runs in the browser, by its strong syntactic signals: a `'use client'`
 * directive, an import of a browser-only module (`react-dom/client`, `@azure/msal-browser`,
 * `client-only`…) or a client-code path, with server signals winning (`'use server'`,
 * `server-only`, API routes). The signals come from the client-side catalogue, the same table
 * `no-secret-in-client-code` and the scanner use. An env lookup fix there would still ship the
 * value in the bundle, so rules offer none.
 */
export function isClientSideSource(program: TSESTree.Program, filePath = ''): boolean {
  const directives: string[] = [];
  const importedModules: string[] = [];
  let prologue = true;
  for (const statement of program.body) {
    if (prologue && statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) {
      directives.push(statement.directive);
      continue;
    }
    prologue = false;
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) importedModules.push(statement.source.value);
  }
  return classifyModuleSide({ filePath, directives, importedModules }).side === 'client';
}
