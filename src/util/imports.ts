/**
 * Which module export an expression refers to, so that catalogue rows can name a sink by package
 * and export path: `client.discovery` after `import * as client from 'openid-client'` is
 * `openid-client` › `discovery`, while a local function that happens to be called `discovery` is
 * nothing. Handles ESM named, namespace and default imports, CommonJS `require` (whole module,
 * destructured, or `require('m').x`), and member chains on any of them.
 *
 * A default import is treated as the module itself (`import axios from 'axios'; axios.post` is
 * `axios` › `post`), which is what CommonJS interop gives at run time.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getMemberPropertyName, getPropertyKeyName, skipTypeWrappers } from './ast.js';
import { moduleMatches } from './module-names.js';

export interface ImportedName {
  /** The module specifier as written: `openid-client`, `@azure/identity`, `node:https`. */
  readonly module: string;
  /** Export path below the module: `['discovery']`, `['auth', 'OAuth2']`; `[]` for the module itself. */
  readonly path: readonly string[];
}

const MAX_DEPTH = 8;

function requireSpecifier(node: TSESTree.Node): string | undefined {
  const current = skipTypeWrappers(node);
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1
  ) {
    const [argument] = current.arguments;
    if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
    if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? undefined;
  }
  // `await import('m')` binds the namespace.
  if (current.type === AST_NODE_TYPES.AwaitExpression && current.argument.type === AST_NODE_TYPES.ImportExpression) {
    const source = current.argument.source;
    if (source.type === AST_NODE_TYPES.Literal && typeof source.value === 'string') return source.value;
  }
  return undefined;
}

/** Path of the property a destructuring pattern binds `target` to: `{ a: { b: target } }` → `['a', 'b']`. */
function patternPath(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = getPropertyKeyName(property);
    const inner = key === undefined ? undefined : patternPath(property.value, target);
    if (key !== undefined && inner) return [key, ...inner];
  }
  return undefined;
}

function resolveVariable(identifier: TSESTree.Identifier, scope: TSESLint.Scope.Scope, depth: number): ImportedName | undefined {
  const variable = ASTUtils.findVariable(scope, identifier);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const module = declaration.source.value;
    const specifier = def.node;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
      return { module, path: imported === 'default' ? [] : [imported] };
    }
    return { module, path: [] };
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (!declarator.init || declarator.parent.kind !== 'const') return undefined;
    const base = resolveImportedName(declarator.init, scope, depth + 1);
    if (!base) return undefined;
    const path = patternPath(declarator.id, def.name);
    return path ? { module: base.module, path: [...base.path, ...path] } : undefined;
  }
  return undefined;
}

/**
 * Resolves an expression (usually a callee or a `new` target) to the module export it names.
 * Returns `undefined` for anything that is not provably an import.
 */
export function resolveImportedName(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): ImportedName | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const current = skipTypeWrappers(node);
  const specifier = requireSpecifier(current);
  if (specifier !== undefined) return { module: specifier, path: [] };
  if (current.type === AST_NODE_TYPES.Identifier) return resolveVariable(current, scope, depth);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    if (name === undefined) return undefined;
    const object = resolveImportedName(current.object, scope, depth + 1);
    if (!object) return undefined;
    // `m.default.x` is `m.x` under CommonJS interop.
    return name === 'default' && object.path.length === 0 ? object : { module: object.module, path: [...object.path, name] };
  }
  return undefined;
}

export { moduleMatches } from './module-names.js';

/** Whether `name` is `module` › `path` (paths compared exactly). */
export function isImportOf(name: ImportedName | undefined, module: string, path: readonly string[]): boolean {
  if (!name || !moduleMatches(name.module, module) || name.path.length !== path.length) return false;
  return name.path.every((segment, index) => segment === path[index]);
}
