/**
 * Recognises OAuth request parameters in the shapes integration code builds them:
 *
 * - object literals (form objects, JSON bodies, library options): `{ grant_type: 'password' }`
 * - `new URLSearchParams({...})`, `new URLSearchParams('a=b&c=d')`, and `.set/.append(name, value)`
 *   on a variable holding one (or on `url.searchParams`)
 * - `qs.stringify({...})`, `querystring.stringify({...})`, `JSON.stringify({...})`
 * - query-string literals and templates: `'grant_type=password&username=…'`,
 *   `` `${issuer}/authorize?response_type=code&client_id=${id}` ``
 *
 * Parameter names are compared in canonical form (lower case, `_`/`-` removed) so that
 * `grant_type`, `grantType` and `grant-type` are one name.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { AUTHJS_CHECK_NAMES, type FlowApiRow, type FlowCondition } from '../catalogue/flows.js';
import { findObjectProperty, getMemberPropertyName, getPropertyKeyName, resolveObject, resolveString, skipTypeWrappers } from './ast.js';
import { isImportOf, resolveImportedName, type ImportedName } from './imports.js';
import { DYNAMIC_PART, getStaticText, parseQueryText, parseUrlQuery } from './urls.js';

/** `grant_type`, `grantType`, `Grant-Type` → `granttype`. */
export function canonicalParameterName(name: string): string {
  return name.toLowerCase().replace(/[_-]/gu, '');
}

export interface RequestParameter {
  /** The name as written. */
  readonly name: string;
  /** Where the parameter is set: the property, the `.set()` call, or the string that holds it. */
  readonly node: TSESTree.Node;
  /** The value expression, when the parameter is an object property or a `.set()` argument. */
  readonly valueNode?: TSESTree.Node;
  /** The value when it is a constant string (for a query string: the text, with dynamic parts). */
  readonly value?: string;
  /** The values when the value is an array of constant strings (`scopes: ['a', 'b']`). */
  readonly values?: readonly string[];
  /** Whether the value contains a dynamic part. */
  readonly dynamic: boolean;
}

export type RequestSource = 'object' | 'search-params' | 'query-string' | 'url';

export interface RequestParameters {
  /** The node a finding about the whole request is reported on. */
  readonly node: TSESTree.Node;
  readonly source: RequestSource;
  /** Canonical name → parameter (the last write wins, as at run time). */
  readonly parameters: ReadonlyMap<string, RequestParameter>;
  /**
   * Whether every parameter is known: no spread, no computed key, no other code that could add
   * to the `URLSearchParams`. Rules that report a *missing* parameter require this.
   */
  readonly complete: boolean;
}

/** Constant string values of a node: a string, or an array of strings. */
function readValues(node: TSESTree.Node, scope: TSESLint.Scope.Scope): { value?: string; values?: string[]; dynamic: boolean } {
  const resolved = resolveString(node, scope);
  if (resolved) return { value: resolved.value, dynamic: false };
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.ArrayExpression) {
    const values: string[] = [];
    for (const element of current.elements) {
      const item = element && element.type !== AST_NODE_TYPES.SpreadElement ? resolveString(element, scope) : undefined;
      if (!item) return { dynamic: true };
      values.push(item.value);
    }
    return { values, value: values.join(' '), dynamic: false };
  }
  const text = getStaticText(current, scope);
  if (text) return { value: text.text, dynamic: text.dynamic };
  return { dynamic: true };
}

/** The parameters of an object literal. */
export function readObjectParameters(object: TSESTree.ObjectExpression, scope: TSESLint.Scope.Scope): RequestParameters {
  const parameters = new Map<string, RequestParameter>();
  let complete = true;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) {
      complete = false;
      continue;
    }
    const name = getPropertyKeyName(property);
    if (name === undefined) {
      complete = false;
      continue;
    }
    parameters.set(canonicalParameterName(name), { name, node: property, valueNode: property.value, ...readValues(property.value, scope) });
  }
  return { node: object, source: 'object', parameters, complete };
}

/** The parameters of `a=b&c=d` or a URL with a query, held by a string-shaped node. */
export function readQueryStringParameters(node: TSESTree.Node, scope: TSESLint.Scope.Scope): RequestParameters | undefined {
  const text = getStaticText(node, scope);
  if (!text || !text.text.includes('=')) return undefined;
  const url = parseUrlQuery(text.text);
  const list = url?.parameters ?? (text.text.includes('?') ? undefined : parseQueryText(text.text));
  if (!list || list.length === 0) return undefined;
  const parameters = new Map<string, RequestParameter>();
  // A dynamic part in the query (`?a=1&${rest}`) may carry further parameters.
  let complete = true;
  const queryText = url ? text.text.slice(text.text.indexOf('?') + 1) : text.text;
  for (const piece of queryText.split('&')) if (piece === DYNAMIC_PART) complete = false;
  for (const parameter of list) {
    parameters.set(canonicalParameterName(parameter.name), {
      name: parameter.name,
      node,
      value: parameter.value,
      dynamic: parameter.value.includes(DYNAMIC_PART),
    });
  }
  return { node, source: url ? 'url' : 'query-string', parameters, complete };
}

/** Whether a `new X(...)` constructs a `URLSearchParams` (global or `node:url`). */
export function isUrlSearchParamsConstruction(node: TSESTree.Node): node is TSESTree.NewExpression {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'URLSearchParams';
  return callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'URLSearchParams';
}

const STRINGIFY_MODULES = ['qs', 'querystring', 'query-string'];

/** `qs.stringify(x)`, `querystring.stringify(x)`, `JSON.stringify(x)`: the object argument. */
export function getStringifiedObject(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): TSESTree.ObjectExpression | undefined {
  const callee = skipTypeWrappers(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  if (name !== 'stringify' || !call.arguments[0]) return undefined;
  const isJson = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON';
  if (!isJson) {
    const imported = resolveImportedName(callee, scope);
    if (!STRINGIFY_MODULES.some((module) => isImportOf(imported, module, ['stringify']))) return undefined;
  }
  return resolveObject(call.arguments[0], scope);
}

/** `x.set(name, value)` / `x.append(name, value)` with a constant parameter name. */
export function readSearchParamsWrite(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): { name: string; receiver: TSESTree.Expression } | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 2) return undefined;
  const method = getMemberPropertyName(callee);
  if (method !== 'set' && method !== 'append') return undefined;
  const first = call.arguments[0];
  const name = first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveString(first, scope) : undefined;
  return name ? { name: name.value, receiver: callee.object } : undefined;
}

/** Calls that only read a parameter set passed to them (so it stays complete). */
const READING_CALLEES = new Set(['fetch', 'post', 'put', 'patch', 'get', 'request', 'send', 'got', 'ky', 'toString', 'String', 'URL', 'Request', 'log']);

function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
}

/**
 * The `.set/.append` writes on a variable, and whether every use of it is a write or a read that
 * cannot add parameters.
 */
function readVariableWrites(variable: TSESLint.Scope.Variable, scope: TSESLint.Scope.Scope): { writes: Map<string, RequestParameter>; complete: boolean } {
  const writes = new Map<string, RequestParameter>();
  let complete = variable.defs.length === 1;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) {
      complete = false;
      continue;
    }
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier && parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
      const call = parent.parent;
      const write = readSearchParamsWrite(call, scope);
      const value = call.arguments[1];
      if (write && value) {
        writes.set(canonicalParameterName(write.name), { name: write.name, node: call, valueNode: value, ...readValues(value, scope) });
      } else if (['set', 'append'].includes(getMemberPropertyName(parent) ?? '')) {
        complete = false;
      }
      continue;
    }
    if (parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== identifier) {
      if (!READING_CALLEES.has(calleeName(parent) ?? '')) complete = false;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.TemplateLiteral || parent?.type === AST_NODE_TYPES.BinaryExpression) continue;
    if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
      complete = false;
      continue;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression) complete = false;
  }
  return { writes, complete };
}

/** The variable a `const x = <init>` declarator binds, for the node being its init. */
function declaredVariable(init: TSESTree.Node, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable | undefined {
  const parent = init.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== init || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return sourceCode.getDeclaredVariables(parent).find((variable) => variable.name === (parent.id as TSESTree.Identifier).name);
}

/**
 * The parameters of `new URLSearchParams(init)` together with later `.set/.append` writes on the
 * variable it is stored in.
 */
export function readSearchParamsConstruction(node: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): RequestParameters | undefined {
  const scope = sourceCode.getScope(node);
  const argument = node.arguments[0];
  let base: RequestParameters | undefined;
  if (!argument) {
    base = { node, source: 'search-params', parameters: new Map(), complete: true };
  } else if (argument.type !== AST_NODE_TYPES.SpreadElement) {
    const object = resolveObject(argument, scope);
    if (object) base = { ...readObjectParameters(object, scope), node, source: 'search-params' };
    else {
      const query = readQueryStringParameters(argument, scope);
      if (query) base = { ...query, node, source: 'search-params' };
    }
  }
  if (!base) return undefined;
  const variable = declaredVariable(node, sourceCode);
  if (!variable) return base;
  const { writes, complete } = readVariableWrites(variable, scope);
  return { ...base, parameters: new Map([...base.parameters, ...writes]), complete: base.complete && complete };
}

/**
 * For a `.set/.append` on a receiver that is not a local `new URLSearchParams` (`url.searchParams`,
 * a parameter), the writes on the same receiver in the same function. Returns the key that
 * identifies the receiver (to report a set once) and the parameters.
 */
export function readReceiverWrites(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): { key: unknown; request: RequestParameters } | undefined {
  const scope = sourceCode.getScope(call);
  const write = readSearchParamsWrite(call, scope);
  if (!write) return undefined;
  const receiver = skipTypeWrappers(write.receiver);
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, receiver);
    if (!variable) return undefined;
    const def = variable.defs[0];
    // Writes on a local `new URLSearchParams` are read with its construction.
    if (def?.type === 'Variable' && def.node.init && isUrlSearchParamsConstruction(skipTypeWrappers(def.node.init))) return undefined;
    const { writes } = readVariableWrites(variable, scope);
    return { key: variable, request: { node: call, source: 'search-params', parameters: writes, complete: false } };
  }
  // `url.searchParams.set(...)`: the writes on the same `url.searchParams` in this scope.
  if (receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, receiver.object);
    const property = getMemberPropertyName(receiver);
    if (!variable || property === undefined) return undefined;
    const parameters = new Map<string, RequestParameter>();
    // Complete only for a local `const url = new URL(…)` whose every use is a write through
    // `url.searchParams` or a read.
    const initial = property === 'searchParams' ? readUrlConstruction(variable, scope) : undefined;
    let complete = initial !== undefined && initial.complete;
    for (const [name, parameter] of initial?.parameters ?? []) parameters.set(name, parameter);
    for (const reference of variable.references) {
      if (reference.init) continue;
      const member = reference.identifier.parent;
      const outer = member?.parent;
      const isWrite =
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        getMemberPropertyName(member) === property &&
        outer?.type === AST_NODE_TYPES.MemberExpression &&
        outer.object === member &&
        outer.parent?.type === AST_NODE_TYPES.CallExpression;
      if (isWrite) {
        const writeCall = outer.parent as TSESTree.CallExpression;
        const other = readSearchParamsWrite(writeCall, scope);
        const value = writeCall.arguments[1];
        if (other && value) parameters.set(canonicalParameterName(other.name), { name: other.name, node: writeCall, valueNode: value, ...readValues(value, scope) });
        else if (['set', 'append'].includes(getMemberPropertyName(outer as TSESTree.MemberExpression) ?? '')) complete = false;
        continue;
      }
      if (complete && !isReadOnlyUse(reference)) complete = false;
    }
    return { key: variable, request: { node: call, source: 'search-params', parameters, complete } };
  }
  return undefined;
}

/** Calls and properties through which a URL is only read (redirected to, fetched, printed). */
const READING_URL_CALLEES = new Set([...READING_CALLEES, 'redirect', 'assign', 'replace', 'open', 'json']);

/** Whether a reference to a URL variable only reads it: `url.href`, `url.toString()`, `res.redirect(url)`, `` `${url}` ``. */
function isReadOnlyUse(reference: TSESLint.Scope.Reference): boolean {
  if (reference.isWrite()) return false;
  const identifier = reference.identifier;
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
    const name = getMemberPropertyName(parent);
    const grand = parent.parent;
    // `url.search = …` / `url.hash = …` change the URL; `url.searchParams.x(…)` other than set/append is a read.
    if (grand?.type === AST_NODE_TYPES.AssignmentExpression && grand.left === parent) return false;
    if (name === 'searchParams') {
      const call = grand?.type === AST_NODE_TYPES.MemberExpression ? grand : undefined;
      return !['set', 'append', 'delete', 'sort'].includes((call && getMemberPropertyName(call)) ?? '');
    }
    return true;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== identifier) {
    return READING_URL_CALLEES.has(calleeName(parent) ?? '');
  }
  return parent.type === AST_NODE_TYPES.TemplateLiteral || parent.type === AST_NODE_TYPES.BinaryExpression || (parent.type === AST_NODE_TYPES.Property && parent.value === identifier);
}

/**
 * The query parameters of `const url = new URL(text)`: those of a constant text, none for a URL
 * held in a variable (endpoint URLs carry no query), incomplete for a text with a dynamic query.
 */
function readUrlConstruction(variable: TSESLint.Scope.Variable, scope: TSESLint.Scope.Scope): { parameters: Map<string, RequestParameter>; complete: boolean } | undefined {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = skipTypeWrappers(def.node.init);
  if (init.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'URL') return undefined;
  const first = init.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const text = getStaticText(first, scope);
  if (!text?.text.includes('?')) return { parameters: new Map(), complete: true };
  const query = readQueryStringParameters(first, scope);
  return query ? { parameters: new Map(query.parameters), complete: query.complete } : { parameters: new Map(), complete: false };
}

/** Words of a space-separated OAuth value (`response_type`, `scope`). */
export function valueWords(parameter: RequestParameter | undefined): string[] {
  if (!parameter) return [];
  if (parameter.values) return parameter.values.flatMap((value) => value.split(/\s+/u)).filter(Boolean);
  return (parameter.value ?? '').split(/[\s+]+|%20/u).filter((word) => word !== '' && word !== DYNAMIC_PART);
}

const importPatterns = new Map<string, RegExp>();

/**
 * Whether the file imports or requires `module` (or a subpath of it): instance-method rows such as
 * @badgateway/oauth2-client `.password()` only apply in files that use the library. A text search
 * for `from 'm'`, `require('m')` and `import('m')`, so a module named in a comment or an
 * unrelated string does not count.
 */
export function mentionsModule(sourceText: string, module: string): boolean {
  let pattern = importPatterns.get(module);
  if (!pattern) {
    const name = module.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
    pattern = new RegExp(`(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*|^\\s*import\\s*)['"\`]${name}(?:/[^'"\`]*)?['"\`]`, 'mu');
    importPatterns.set(module, pattern);
  }
  return sourceText.includes(module) && pattern.test(sourceText);
}

export interface FlowApiMatch {
  readonly row: FlowApiRow;
  readonly condition: FlowCondition;
  /** Where to report: the argument, the option property, or the callee. */
  readonly node: TSESTree.Node;
  /** The argument the condition is about, when there is one. */
  readonly argument?: TSESTree.Node;
}

function constantOf(node: TSESTree.Node, scope: TSESLint.Scope.Scope): string | boolean | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'boolean') return current.value;
  return resolveString(current, scope)?.value;
}

function evaluateCondition(condition: FlowCondition, call: TSESTree.CallExpression | TSESTree.NewExpression, scope: TSESLint.Scope.Scope): FlowApiMatch['node'] | undefined {
  if (condition.kind === 'always') return call.callee;
  const argument = call.arguments[condition.arg];
  if (argument?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (condition.kind === 'argument') return argument;
  if (condition.kind === 'argument-equals') return argument && resolveString(argument, scope)?.value === condition.value ? argument : undefined;
  if (condition.kind === 'options-lack') {
    // A missing options argument only counts when no earlier argument is spread.
    if (!argument) return call.arguments.some((item) => item.type === AST_NODE_TYPES.SpreadElement) ? undefined : call.callee;
    // Only an object written in the call: a variable (`const checks = {}`) may be filled in before.
    const object = skipTypeWrappers(argument);
    if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.some((property) => property.type !== AST_NODE_TYPES.Property)) return undefined;
    const names = new Set(object.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined)));
    if (names.has(undefined)) return undefined;
    return condition.properties.some((property) => names.has(property)) ? undefined : object;
  }
  const object = argument && resolveObject(argument, scope);
  const property = object && findObjectProperty(object, condition.property);
  if (!property) return undefined;
  const value = constantOf(property.value, scope);
  return value !== undefined && condition.values.includes(value) ? property : undefined;
}

/**
 * The catalogue rows a call, `new` or reference matches, with the node to report. Export rows
 * match through `resolveImportedName`; instance-method rows match by method name in files that
 * import the row's module, and only when the callee is not itself an import.
 */
export function matchFlowApis(node: TSESTree.Node, rows: readonly FlowApiRow[], sourceCode: TSESLint.SourceCode): FlowApiMatch[] {
  const matches: FlowApiMatch[] = [];
  const scope = sourceCode.getScope(node);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const invocation = node.type === AST_NODE_TYPES.NewExpression ? 'new' : 'call';
    const callee = skipTypeWrappers(node.callee);
    const lastName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
    if (lastName === undefined) return matches;
    let resolved = false;
    let importedName: ImportedName | undefined;
    const imported = (): ImportedName | undefined => {
      if (!resolved) {
        importedName = resolveImportedName(callee, scope);
        resolved = true;
      }
      return importedName;
    };
    for (const row of rows) {
      if (row.invocation !== invocation) continue;
      if (row.path) {
        const expected = row.path.at(-1);
        // Cheap name check first for member calls; an imported binding can be renamed
        // (`import { Strategy as GoogleStrategy }`) and a default export has any local name.
        if (expected !== undefined && expected !== lastName && callee.type === AST_NODE_TYPES.MemberExpression) continue;
        if (!row.modules.some((module) => isImportOf(imported(), module, row.path ?? []))) continue;
      } else {
        if (row.method !== lastName || callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        if (row.receiver !== undefined) {
          const receiver = skipTypeWrappers(callee.object);
          if (receiver.type !== AST_NODE_TYPES.MemberExpression || getMemberPropertyName(receiver) !== row.receiver) continue;
        }
        if (!row.modules.some((module) => mentionsModule(sourceCode.text, module))) continue;
        if (imported()) continue;
      }
      for (const condition of row.when) {
        const reported = evaluateCondition(condition, node, scope);
        if (reported) {
          const argument = 'arg' in condition ? node.arguments[condition.arg] : undefined;
          matches.push({ row, condition, node: reported, ...(argument ? { argument } : {}) });
          break;
        }
      }
    }
    return matches;
  }
  // References: `client.allowInsecureRequests`, `allowInsecureRequests` after a named import.
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(node) : undefined;
  if (name === undefined) return matches;
  for (const row of rows) {
    if (row.invocation !== 'reference' || row.path?.at(-1) !== name) continue;
    const imported = resolveImportedName(node, scope);
    if (row.modules.some((module) => isImportOf(imported, module, row.path ?? []))) matches.push({ row, condition: { kind: 'always' }, node });
  }
  return matches;
}

/**
 * Whether a string-shaped node is the whole of its string: a literal or template that is not an
 * operand of `+`, or the outermost `+` of a concatenation. Rules that read strings visit only
 * these, so a concatenation is read (and reported) once.
 */
export function isOutermostString(node: TSESTree.Node): boolean {
  const parent = node.parent;
  const insideConcat = parent?.type === AST_NODE_TYPES.BinaryExpression && parent.operator === '+';
  if (node.type === AST_NODE_TYPES.BinaryExpression) return node.operator === '+' && !insideConcat;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && !insideConcat;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return !insideConcat && parent?.type !== AST_NODE_TYPES.TaggedTemplateExpression;
  return false;
}

/**
 * Whether hand-built request parameters are an authorization request for a code: `response_type`
 * contains `code` and `client_id` is there (RFC 6749 §4.1.1 requires it, so a URL without it is a
 * base URL that a library completes, like a provider's `authorizationUrl`).
 */
export function asksForAuthorizationCode(request: RequestParameters): boolean {
  return valueWords(request.parameters.get('responsetype')).includes('code') && request.parameters.has('clientid');
}

export interface AuthorizationRequestListeners {
  NewExpression(node: TSESTree.NewExpression): void;
  CallExpression(node: TSESTree.CallExpression): void;
  Literal(node: TSESTree.Literal): void;
  TemplateLiteral(node: TSESTree.TemplateLiteral): void;
  BinaryExpression(node: TSESTree.BinaryExpression): void;
}

/**
 * Listeners that find authorization requests for the authorization-code flow, built as a URL
 * query (`?response_type=code&…`), a `URLSearchParams` (constructor object plus `.set/.append`),
 * `qs.stringify` / `querystring.stringify` of an object, or the parameters of a library call that
 * builds the authorization URL (`authorizationRows`). Library *configuration* objects
 * (oidc-client-ts `UserManager`, Auth.js providers) are not requests: those libraries add PKCE
 * and `state` themselves.
 */
export function authorizationRequestListeners(
  sourceCode: TSESLint.SourceCode,
  authorizationRows: readonly FlowApiRow[],
  onRequest: (request: RequestParameters, api?: FlowApiRow) => void,
): AuthorizationRequestListeners {
  const seenReceivers = new Set<unknown>();
  // Hand-built requests name `response_type`; files that never do skip those checks.
  const mentionsResponseType = /response[_-]?type/iu.test(sourceCode.text);
  function checkString(node: TSESTree.Node): void {
    if (!mentionsResponseType || !isOutermostString(node) || !sourceCode.getText(node).includes('response_type')) return;
    if (node.parent && (isUrlSearchParamsConstruction(node.parent) || isExpectedValue(node))) return;
    const scope = sourceCode.getScope(node);
    const read = readQueryStringParameters(node, scope);
    const request = read && withAppendedParts(node, read, scope);
    if (request && asksForAuthorizationCode(request)) onRequest(request);
  }
  return {
    NewExpression(node) {
      if (!mentionsResponseType || !isUrlSearchParamsConstruction(node)) return;
      const request = readSearchParamsConstruction(node, sourceCode);
      if (request && asksForAuthorizationCode(request)) onRequest(request);
    },
    CallExpression(node) {
      const scope = sourceCode.getScope(node);
      const stringified = mentionsResponseType ? getStringifiedObject(node, scope) : undefined;
      if (stringified) {
        const request = readObjectParameters(stringified, scope);
        if (asksForAuthorizationCode(request)) onRequest(request);
        return;
      }
      const write = mentionsResponseType ? readSearchParamsWrite(node, scope) : undefined;
      if (write && canonicalParameterName(write.name) === 'responsetype') {
        const writes = readReceiverWrites(node, sourceCode);
        if (writes && !seenReceivers.has(writes.key) && asksForAuthorizationCode(writes.request)) {
          seenReceivers.add(writes.key);
          onRequest(writes.request);
        }
        return;
      }
      for (const match of matchFlowApis(node, authorizationRows, sourceCode)) {
        const object = match.argument && resolveObject(match.argument, scope);
        if (!object || !match.argument) continue;
        const request = readObjectParameters(object, scope);
        // An object held in a variable may get more parameters before the call.
        onRequest(skipTypeWrappers(match.argument) === object ? request : { ...request, complete: false }, match.row);
      }
    },
    Literal: checkString,
    TemplateLiteral: checkString,
    BinaryExpression: checkString,
  };
}

/** Assertions that take the expected value: `expect(url).toBe('…')`, `assert.equal(url, '…')`. */
const ASSERTIONS = new Set(['toBe', 'toEqual', 'toStrictEqual', 'toMatch', 'toContain', 'toHaveBeenCalledWith', 'equal', 'equals', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'eql']);

/**
 * Whether a string is a value a URL is compared with, not one that is sent: an operand of `===`,
 * `!==`, `==` or `!=`, or the expected value of an assertion (a test checking the URL a library
 * builds).
 */
function isExpectedValue(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) return ['===', '!==', '==', '!='].includes(parent.operator);
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(node as TSESTree.CallExpressionArgument)) return false;
  const callee = skipTypeWrappers(parent.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return name !== undefined && ASSERTIONS.has(name);
}

/**
 * A URL held in a variable may be completed by `url += \`&state=${state}\`` (Dropbox's SDK builds
 * its authorization URL that way): the parameters of every such part join the request, and a part
 * that cannot be read leaves it incomplete.
 */
function withAppendedParts(node: TSESTree.Node, request: RequestParameters, scope: TSESLint.Scope.Scope): RequestParameters {
  const parent = node.parent;
  const target =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === node
        ? parent.left
        : undefined;
  if (target?.type !== AST_NODE_TYPES.Identifier) return request;
  const variable = ASTUtils.findVariable(scope, target);
  if (!variable) return request;
  let parameters: Map<string, RequestParameter> | undefined;
  let complete = request.complete;
  for (const reference of variable.references) {
    const assignment = reference.identifier.parent;
    if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '+=' || assignment.left !== reference.identifier) continue;
    parameters ??= new Map(request.parameters);
    const text = getStaticText(assignment.right, scope)?.text;
    const list = text === undefined ? undefined : parseQueryText(text.replace(/^[?&]/u, ''));
    if (text === undefined || !list || text.split('&').includes(DYNAMIC_PART)) complete = false;
    for (const parameter of list ?? []) {
      parameters.set(canonicalParameterName(parameter.name), { name: parameter.name, node: assignment.right, value: parameter.value, dynamic: parameter.value.includes(DYNAMIC_PART) });
    }
  }
  return parameters ? { ...request, parameters, complete } : request;
}

/** A use of a value, not its import, its declaration, or the property name of a member access. */
export function isValueReference(node: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
  const parent = node.parent;
  if (node.type === AST_NODE_TYPES.MemberExpression || !parent) return node.type === AST_NODE_TYPES.MemberExpression;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node;
    case AST_NODE_TYPES.Property:
      return (parent.value === node || (parent.computed && parent.key === node)) && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node;
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
      return false;
    default:
      return true;
  }
}


/**
 * Whether an object literal is returned from a function (`return { id, type: 'oauth', … }`, or an
 * arrow body): a provider *definition* such as next-auth's own `providers/*.js`, where `checks`
 * says what the provider supports rather than overriding it.
 */
export function isReturnedObject(object: TSESTree.ObjectExpression): boolean {
  const parent = object.parent;
  return parent.type === AST_NODE_TYPES.ReturnStatement || (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === object);
}

/**
 * The values of an Auth.js `checks: [...]` array, when every element is one of Auth.js's check
 * names (`pkce`, `state`, `nonce`, `none`); undefined for any other `checks` property, and for an
 * empty array.
 */
export function readAuthJsChecks(value: TSESTree.Node): string[] | undefined {
  const current = skipTypeWrappers(value);
  // An empty array says nothing about which library it configures.
  if (current.type !== AST_NODE_TYPES.ArrayExpression || current.elements.length === 0) return undefined;
  const checks: string[] = [];
  for (const element of current.elements) {
    if (element?.type !== AST_NODE_TYPES.Literal || typeof element.value !== 'string' || !AUTHJS_CHECK_NAMES.includes(element.value)) return undefined;
    checks.push(element.value);
  }
  return checks;
}
