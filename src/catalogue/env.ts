/**
 * Environment-variable reads, as rows: which expressions read the process environment, and under
 * which name. Rules (`no-secret-env-fallback`, `no-secret-in-client-code`, `no-secret-logging`) and
 * the scanner ask `getEnvRead` instead of matching `process.env` themselves.
 *
 * Recognised (ESTree):
 * - `process.env.X`, `process.env['X']`, `globalThis.process.env.X`
 * - `import.meta.env.X` (Vite, Astro), `Bun.env.X`
 * - `Deno.env.get('X')`
 * - destructuring `const { X } = process.env` / `const { X = 'd' } = import.meta.env` (the
 *   `Property` of the pattern is the read)
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getMemberPropertyName, getPropertyKeyName, skipTypeWrappers } from '../util/ast.js';

/** Where an env value comes from. */
export type EnvSource = 'process.env' | 'import.meta.env' | 'Deno.env' | 'Bun.env';

export interface EnvRead {
  /** The variable name, e.g. `KENSIUM_CLIENT_SECRET`. */
  readonly name: string;
  readonly source: EnvSource;
}

/** Objects whose members are env variables, as `object.property` paths. */
const ENV_OBJECTS: readonly { readonly path: readonly string[]; readonly source: EnvSource }[] = [
  { path: ['process', 'env'], source: 'process.env' },
  { path: ['globalThis', 'process', 'env'], source: 'process.env' },
  { path: ['Bun', 'env'], source: 'Bun.env' },
];

/** Getter calls that take the variable name as their first argument. */
const ENV_GETTERS: readonly { readonly path: readonly string[]; readonly source: EnvSource }[] = [
  { path: ['Deno', 'env', 'get'], source: 'Deno.env' },
];

/** `a.b.c` as `['a','b','c']` when every step is a static name; `import.meta` counts as `import.meta`. */
function memberPath(node: TSESTree.Node): string[] | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Identifier) return [current.name];
  if (current.type === AST_NODE_TYPES.MetaProperty) return [`${current.meta.name}.${current.property.name}`];
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    const object = name === undefined ? undefined : memberPath(current.object);
    return object && name !== undefined ? [...object, name] : undefined;
  }
  if (current.type === AST_NODE_TYPES.ChainExpression) return memberPath(current.expression);
  return undefined;
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/** Which env object `node` is (`process.env`, `import.meta.env`, `Bun.env`), if any. */
export function getEnvObjectSource(node: TSESTree.Node): EnvSource | undefined {
  const path = memberPath(node);
  if (!path) return undefined;
  if (path.length === 2 && path[0] === 'import.meta' && path[1] === 'env') return 'import.meta.env';
  return ENV_OBJECTS.find((row) => samePath(row.path, path))?.source;
}

/**
 * The env variable an expression reads, or `undefined`. Accepts a `MemberExpression`
 * (`process.env.X`), a `CallExpression` (`Deno.env.get('X')`), a `Property` of an object pattern
 * destructured from an env object (`const { X } = process.env`), and type wrappers around them
 * (`process.env.X!`, `process.env.X as string`).
 */
export function getEnvRead(node: TSESTree.Node): EnvRead | undefined {
  const current = skipTypeWrappers(node);
  switch (current.type) {
    case AST_NODE_TYPES.ChainExpression:
      return getEnvRead(current.expression);
    case AST_NODE_TYPES.MemberExpression: {
      const source = getEnvObjectSource(current.object);
      const name = source && getMemberPropertyName(current);
      return source && name !== undefined ? { name, source } : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = memberPath(current.callee);
      const row = callee && ENV_GETTERS.find((getter) => samePath(getter.path, callee));
      const argument = current.arguments[0];
      if (!row || !argument) return undefined;
      const literal = skipTypeWrappers(argument);
      if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') return { name: literal.value, source: row.source };
      if (literal.type === AST_NODE_TYPES.TemplateLiteral && literal.expressions.length === 0) {
        const cooked = literal.quasis[0]?.value.cooked;
        return typeof cooked === 'string' ? { name: cooked, source: row.source } : undefined;
      }
      return undefined;
    }
    case AST_NODE_TYPES.Property: {
      const pattern = current.parent;
      if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
      const source = getDestructuredEnvSource(pattern);
      const name = source && getPropertyKeyName(current);
      return source && name !== undefined ? { name, source } : undefined;
    }
    default:
      return undefined;
  }
}

/** The env object an object pattern destructures: `const { … } = process.env`, `({ … } = import.meta.env)`. */
function getDestructuredEnvSource(pattern: TSESTree.ObjectPattern): EnvSource | undefined {
  const parent = pattern.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === pattern && parent.init) return getEnvObjectSource(parent.init);
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === pattern) return getEnvObjectSource(parent.right);
  return undefined;
}

/** Source text of a read of `name` from `source`, for messages: `process.env.X`, `Deno.env.get('X')`. */
export function formatEnvRead(read: EnvRead): string {
  const plain = /^[A-Za-z_$][\w$]*$/u.test(read.name);
  if (read.source === 'Deno.env') return `Deno.env.get('${read.name}')`;
  return plain ? `${read.source}.${read.name}` : `${read.source}['${read.name}']`;
}
