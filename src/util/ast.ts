/**
 * AST helpers shared by the rules: resolve the string a node evaluates to, and find the literal
 * that holds it so the report lands on the secret itself.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';

export interface ResolvedString {
  /** The string value. */
  readonly value: string;
  /**
   * The node that holds the value in the source: a string literal, a template without
   * expressions, or a concatenation of such. Reports and fixes target this node.
   */
  readonly node: TSESTree.Node;
  /** How the value got here, for messages and traces: `literal`, `const`, `property`. */
  readonly via: 'literal' | 'const' | 'property';
}

const MAX_DEPTH = 6;

/** Strips `as const`, `satisfies`, `!`, `<T>x` and parentheses (parentheses have no node in ESTree). */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/** The name of a property key: `a`, `'a'`, `["a"]`, `[\`a\`]`; undefined for other computed keys. */
export function getPropertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition | TSESTree.TSPropertySignature): string | undefined {
  const { key } = property;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return undefined;
}

/** The static name of a member access: `a.b` → `b`, `a['b']` → `b`. */
export function getMemberPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  const property = member.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Finds the property named `name` in an object literal (the last one wins, as at run time). */
export function findObjectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && getPropertyKeyName(property) === name) found = property;
  }
  return found;
}

/** The single write of a variable that is never reassigned: `const x = …` or a `let` never written again. */
function getConstantInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (!def || def.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const writes = variable.references.filter((reference) => reference.isWrite());
  if (writes.length !== 1 || writes[0]?.writeExpr !== declarator.init) return undefined;
  return declarator.init;
}

/**
 * Resolves the string an expression evaluates to without running it: string literals, templates
 * without expressions, `+` of such, `as const` / `satisfies`, identifiers bound once in this file
 * (`const SECRET = '…'`), member reads of a constant object literal (`config.secret`, also
 * through `Object.freeze({…})`) and of a string enum declared in this file (`GrantType.Password`).
 */
export function resolveString(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): ResolvedString | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const current = skipTypeWrappers(node);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return typeof current.value === 'string' ? { value: current.value, node: current, via: 'literal' } : undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      if (current.expressions.length === 0) {
        const cooked = current.quasis[0]?.value.cooked;
        return typeof cooked === 'string' ? { value: cooked, node: current, via: 'literal' } : undefined;
      }
      return undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (current.operator !== '+') return undefined;
      const left = resolveString(current.left, scope, depth + 1);
      const right = left && resolveString(current.right, scope, depth + 1);
      if (!left || !right) return undefined;
      const bothLocal = left.node === skipTypeWrappers(current.left) && right.node === skipTypeWrappers(current.right);
      return { value: left.value + right.value, node: bothLocal ? current : left.node, via: bothLocal ? 'literal' : 'const' };
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(scope, current);
      const init = variable && getConstantInit(variable);
      if (!init) return undefined;
      const resolved = resolveString(init, scope, depth + 1);
      return resolved && { ...resolved, via: 'const' };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = getMemberPropertyName(current);
      if (name === undefined) return undefined;
      const member = enumMember(current.object, name, scope);
      if (member) {
        const resolved = member.initializer && resolveString(member.initializer, scope, depth + 1);
        return resolved && { ...resolved, via: 'property' };
      }
      const object = resolveObject(current.object, scope, depth + 1);
      const property = object && findObjectProperty(object, name);
      if (!property) return undefined;
      const resolved = resolveString(property.value, scope, depth + 1);
      return resolved && { ...resolved, via: 'property' };
    }
    default:
      return undefined;
  }
}

/**
 * The member `name` of the enum an identifier names when it is declared once in this file
 * (`enum GrantType { Password = 'password' }` for `GrantType.Password`); undefined otherwise.
 */
function enumMember(object: TSESTree.Node, name: string, scope: TSESLint.Scope.Scope): TSESTree.TSEnumMember | undefined {
  const current = skipTypeWrappers(object);
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(scope, current);
  // Declaration merging (`enum A {…} enum A {…}`) spreads the members: only one declaration is followed.
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0];
  if (def?.type !== 'TSEnumName' || def.node.type !== AST_NODE_TYPES.TSEnumDeclaration) return undefined;
  return def.node.body.members.find((candidate) => {
    const id = candidate.id;
    return (id.type === AST_NODE_TYPES.Identifier ? id.name : id.type === AST_NODE_TYPES.Literal ? String(id.value) : undefined) === name;
  });
}

/** Resolves an expression to the object literal it is bound to, through constants. */
export function resolveObject(node: TSESTree.Node, scope: TSESLint.Scope.Scope, depth = 0): TSESTree.ObjectExpression | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.ObjectExpression) return current;
  // `Object.freeze({ … })` returns its argument.
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    current.callee.object.type === AST_NODE_TYPES.Identifier &&
    current.callee.object.name === 'Object' &&
    getMemberPropertyName(current.callee) === 'freeze' &&
    current.arguments[0]
  ) {
    return resolveObject(current.arguments[0], scope, depth + 1);
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, current);
    const init = variable && getConstantInit(variable);
    return init ? resolveObject(init, scope, depth + 1) : undefined;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    const object = name === undefined ? undefined : resolveObject(current.object, scope, depth + 1);
    const property = object && name !== undefined ? findObjectProperty(object, name) : undefined;
    return property ? resolveObject(property.value, scope, depth + 1) : undefined;
  }
  return undefined;
}
