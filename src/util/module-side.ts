/**
 * ESLint side of `classifyModuleSide`: collects the facts of one file (directives, imported
 * modules, browser globals, public env reads) from its syntax tree and scope, so that rules ask
 * the catalogue where the file runs. The scanner collects the same facts with the TypeScript API.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { BROWSER_GLOBALS, CLIENT_HOOKS, classifyModuleSide, getPublicEnvPrefix, SERVER_ONLY_FUNCTIONS, type ModuleSide, type ModuleSideOptions } from '../catalogue/client-side.js';
import { getEnvRead } from '../catalogue/env.js';

const BROWSER_GLOBAL_SET = new Set(BROWSER_GLOBALS);
const CLIENT_HOOK_SET = new Set(CLIENT_HOOKS);

/** Client-only hooks imported from `react` (`import { useState } from 'react'`). */
function clientHooksOf(program: TSESTree.Program): string[] {
  const hooks: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== 'react' || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
      const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (CLIENT_HOOK_SET.has(name)) hooks.push(name);
    }
  }
  return hooks;
}
const SERVER_ONLY_FUNCTION_SET = new Set(SERVER_ONLY_FUNCTIONS);

function directivesOf(program: TSESTree.Program): string[] {
  const directives: string[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    directives.push(statement.directive);
  }
  return directives;
}

export function stringArgument(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Module specifiers of `import`, `export … from`, `require('x')` and `import('x')` in the program. */
function importedModulesOf(program: TSESTree.Program, text: string): string[] {
  const modules: string[] = [];
  for (const statement of program.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source
    ) {
      modules.push(statement.source.value);
    }
  }
  // `require` and dynamic imports can sit anywhere; a cheap text check avoids walking most files.
  if (/\brequire\s*\(|\bimport\s*\(/u.test(text)) {
    for (const match of text.matchAll(/\b(?:require|import)\s*\(\s*['"`]([^'"`\n]{1,200})['"`]\s*\)/gu)) {
      if (match[1] !== undefined) modules.push(match[1]);
    }
  }
  return modules;
}

/**
 * Browser globals the file uses without a local binding. `typeof window` probes do not count:
 * isomorphic code checks for the browser to stay on the server path.
 */
function browserGlobalsOf(scopeManager: TSESLint.Scope.ScopeManager | null): string[] {
  const found = new Set<string>();
  for (const reference of scopeManager?.globalScope?.through ?? []) {
    const name = reference.identifier.name;
    if (!BROWSER_GLOBAL_SET.has(name)) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof') continue;
    found.add(name);
  }
  return [...found];
}

/**
 * Tracks where a file runs: pass every `MemberExpression` to `noteEnvRead` (public env reads are a
 * client signal), then ask `side()` at `Program:exit`, when the whole file has been seen.
 */
export function createModuleSideTracker(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, options: ModuleSideOptions) {
  const publicEnvReads: string[] = [];
  let cached: ModuleSide | undefined;
  return {
    /** Records a public env read (`process.env.NEXT_PUBLIC_X`); other nodes are ignored. */
    noteEnvRead(node: TSESTree.Node): void {
      const read = getEnvRead(node);
      if (read && getPublicEnvPrefix(read.name)) publicEnvReads.push(read.name);
    },
    /** Where the file runs, from everything seen; call it at `Program:exit`. */
    side(): ModuleSide {
      if (cached) return cached;
      const { sourceCode } = context;
      cached = classifyModuleSide(
        {
          filePath: context.filename,
          directives: directivesOf(sourceCode.ast),
          importedModules: importedModulesOf(sourceCode.ast, sourceCode.text),
          clientHooks: clientHooksOf(sourceCode.ast),
          browserGlobals: browserGlobalsOf(sourceCode.scopeManager),
          publicEnvReads,
        },
        options,
      );
      return cached;
    },
  };
}

/** Whether `node` sits in the body of a function that only runs on the server (`getServerSideProps`). */
export function isInServerOnlyFunction(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id && SERVER_ONLY_FUNCTION_SET.has(current.id.name)) return true;
    if (
      (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) &&
      current.parent.type === AST_NODE_TYPES.VariableDeclarator &&
      current.parent.id.type === AST_NODE_TYPES.Identifier &&
      SERVER_ONLY_FUNCTION_SET.has(current.parent.id.name)
    ) {
      return true;
    }
  }
  return false;
}

