/**
 * Recognises OAuth request parameters in the shapes integration code builds them:
 *
 * - object literals (form objects, JSON bodies, library options): `{ grant_type: 'password' }`
 * - `new URLSearchParams({...})`, `new URLSearchParams('a=b&c=d')`, and `.set/.append(name, value)`
 *   on a variable holding one (or on `url.searchParams`)
 * - `qs.stringify({...})`, `querystring.stringify({...})`, `JSON.stringify({...})`
 * - query-string literals and templates: `'grant_type=password&username=…'`,
 *   `` `${issuer}/authorize?response_type=code&client_id=${id}` ``
 * - for authorization requests without `response_type`, a URL to an authorization endpoint with
 *   its query (`isAuthorizationEndpointPath`, `authorizationRequestListeners({ endpointRequests })`)
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
export function readReceiverWrites(
  call: TSESTree.CallExpression,
  sourceCode: TSESLint.SourceCode,
): { key: unknown; request: RequestParameters; /** The argument of the `new URL(…)` whose `searchParams` are written. */ url?: TSESTree.Node } | undefined {
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
    const request: RequestParameters = { node: call, source: 'search-params', parameters, complete };
    return initial ? { key: variable, request, url: initial.url } : { key: variable, request };
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
function readUrlConstruction(
  variable: TSESLint.Scope.Variable,
  scope: TSESLint.Scope.Scope,
): { parameters: Map<string, RequestParameter>; complete: boolean; url: TSESTree.Node } | undefined {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  const init = skipTypeWrappers(def.node.init);
  if (init.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'URL') return undefined;
  const first = init.arguments[0];
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const text = getStaticText(first, scope);
  if (!text?.text.includes('?')) return { parameters: new Map(), complete: true, url: first };
  const query = readQueryStringParameters(first, scope);
  return query ? { parameters: new Map(query.parameters), complete: query.complete, url: first } : { parameters: new Map(), complete: false, url: first };
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
  AssignmentExpression(node: TSESTree.AssignmentExpression): void;
  Literal(node: TSESTree.Literal): void;
  TemplateLiteral(node: TSESTree.TemplateLiteral): void;
  BinaryExpression(node: TSESTree.BinaryExpression): void;
}

export interface AuthorizationRequestOptions {
  /**
   * Also find requests without `response_type` that go to an authorization endpoint
   * ({@link isAuthorizationEndpointPath}) with `client_id` and `redirect_uri` or `scope`, as GitHub,
   * Slack, Shopify or Facebook take them. Set only where the file may hold one (the caller's text gate).
   */
  readonly endpointRequests?: boolean;
}

/**
 * Listeners that find authorization requests for the authorization-code flow, built as a URL
 * query (`?response_type=code&…`), a `URLSearchParams` (constructor object plus `.set/.append`),
 * `qs.stringify` / `querystring.stringify` of an object, or the parameters of a library call that
 * builds the authorization URL (`authorizationRows`). Library *configuration* objects
 * (oidc-client-ts `UserManager`, Auth.js providers) are not requests: those libraries add PKCE
 * and `state` themselves. With `endpointRequests`, also requests recognised by their endpoint
 * ({@link AuthorizationRequestOptions}).
 */
export function authorizationRequestListeners(
  sourceCode: TSESLint.SourceCode,
  authorizationRows: readonly FlowApiRow[],
  onRequest: (request: RequestParameters, api?: FlowApiRow) => void,
  options: AuthorizationRequestOptions = {},
): AuthorizationRequestListeners {
  const seenReceivers = new Set<unknown>();
  const seenEndpointReceivers = new Set<unknown>();
  const endpointRequests = options.endpointRequests === true;
  // Hand-built requests name `response_type`; files that never do skip those checks.
  const mentionsResponseType = /response[_-]?type/iu.test(sourceCode.text);
  function checkString(node: TSESTree.Node): void {
    if (!isOutermostString(node)) return;
    const text = sourceCode.getText(node);
    const namesResponseType = mentionsResponseType && text.includes('response_type');
    if (!namesResponseType && !(endpointRequests && text.includes('?'))) return;
    if (node.parent && (isUrlSearchParamsConstruction(node.parent) || isExpectedValue(node) || isOnlyExpectedValue(node, sourceCode))) return;
    const scope = sourceCode.getScope(node);
    if (namesResponseType) {
      const read = readQueryStringParameters(node, scope);
      const request = read && withAppendedParts(node, read, scope);
      if (request && asksForAuthorizationCode(request)) onRequest(request);
      return;
    }
    const request = readEndpointString(node, sourceCode);
    if (request && isEndpointRequest(request)) onRequest(request);
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
      const write = mentionsResponseType || endpointRequests ? readSearchParamsWrite(node, scope) : undefined;
      // `const url = new URL(endpoint)` and `url.searchParams.set(…)`: read once per URL.
      if (write && endpointRequests) {
        const writes = readReceiverWrites(node, sourceCode);
        if (writes?.url && !seenEndpointReceivers.has(writes.key)) {
          seenEndpointReceivers.add(writes.key);
          if (isAuthorizationEndpointUrl(writes.url, scope) && isEndpointRequest(writes.request)) onRequest(writes.request);
        }
      }
      if (write && mentionsResponseType && canonicalParameterName(write.name) === 'responsetype') {
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
    AssignmentExpression(node) {
      if (!endpointRequests) return;
      const request = readSearchAssignment(node, sourceCode);
      if (request && isEndpointRequest(request)) onRequest(request);
    },
    Literal: checkString,
    TemplateLiteral: checkString,
    BinaryExpression: checkString,
  };
}

/**
 * Assertions and comparisons that take the expected value: `expect(url).toBe('…')`,
 * `assert.equal(url, '…')`, `expect.stringContaining('…')`, `url.startsWith('…')`.
 */
const ASSERTIONS = new Set([
  'toBe',
  'toEqual',
  'toStrictEqual',
  'toMatch',
  'toContain',
  'toHaveBeenCalledWith',
  'toHaveProperty',
  'stringContaining',
  'equal',
  'equals',
  'strictEqual',
  'deepEqual',
  'deepStrictEqual',
  'eql',
  'include',
  'includes',
  'startsWith',
]);

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

/** The variable or member a value is stored in: `x` of `const x = value` or `x = value`. */
function assignedTarget(node: TSESTree.Node): TSESTree.Node | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) return parent.id;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === node) return parent.left;
  return undefined;
}

/**
 * A URL held in a variable may be completed by `url += \`&state=${state}\`` (Dropbox's SDK builds
 * its authorization URL that way): the parameters of every such part join the request, and a part
 * that cannot be read leaves it incomplete.
 */
function withAppendedParts(node: TSESTree.Node, request: RequestParameters, scope: TSESLint.Scope.Scope): RequestParameters {
  const target = assignedTarget(node);
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

/**
 * Whether a string is held in a `const` that is only ever an expected value
 * (`const expected = '…'; expect(res.headers.location).toBe(expected)`).
 */
function isOnlyExpectedValue(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== node || parent.parent.kind !== 'const') return false;
  const variable = declaredVariable(node, sourceCode);
  const reads = variable?.references.filter((reference) => !reference.init) ?? [];
  return reads.length > 0 && reads.every((reference) => isExpectedValue(reference.identifier));
}

/**
 * The last path segment of an authorization endpoint (RFC 6749 §3.1) as providers name it:
 * `authorize` (GitHub `/login/oauth/authorize`, Slack `/oauth/v2/authorize`, Shopify
 * `/admin/oauth/authorize`, Microsoft `/oauth2/v2.0/authorize`, Auth0 and Okta `/authorize`),
 * `authorization` (LinkedIn `/oauth/v2/authorization`), `oauth_authorize` (Asana),
 * `oauth20_authorize.srf` (Microsoft accounts).
 */
const AUTHORIZE_SEGMENT = /^(?:oauth2?0?_)?authori[sz](?:e|ation)(?:\.[a-z]+)?$/u;
/** Segments after which `auth` is an authorization endpoint: Google `/o/oauth2/v2/auth`, Keycloak `/protocol/openid-connect/auth`, Zoho `/oauth/v2/auth`. */
const OAUTH_SEGMENT = /^(?:oauth2?0?|openid-connect)$/u;
const ABSOLUTE_URL_START = /^[a-z][a-z\d+.-]*:\/\/[^/]*/iu;

/**
 * Whether the text of a URL before its query (`https://github.com/login/oauth/authorize`,
 * `${shop}/admin/oauth/authorize`, with dynamic parts) ends in an authorization endpoint's path:
 * a last segment `authorize`/`authorization` ({@link AUTHORIZE_SEGMENT}); `auth` or `request_auth`
 * (Yahoo) within two segments of an `oauth`/`oauth2`/`openid-connect` segment; or Facebook
 * `/dialog/oauth` and Intuit `/connect/oauth2` (one trailing `/` allowed). Only a URL that is
 * absolute or starts with a dynamic part; not the device authorization endpoint
 * (`/device/authorize`, RFC 8628), which takes no redirect. The text gate of require-oauth-state
 * looks for these segments: keep the two in step.
 */
export function isAuthorizationEndpointPath(base: string): boolean {
  // A path alone (`/oauth/authorize?…`) is a request to the server's own endpoint, as its tests send.
  if (!ABSOLUTE_URL_START.test(base) && !base.startsWith(DYNAMIC_PART)) return false;
  const segments = base.replace(ABSOLUTE_URL_START, '').split('/');
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const last = segments.at(-1);
  if (segments.length < 2 || last === undefined) return false;
  const before = segments.slice(-3, -1);
  if (before.includes('device')) return false;
  if (AUTHORIZE_SEGMENT.test(last)) return true;
  if (last === 'auth' || last === 'request_auth') return before.some((segment) => OAUTH_SEGMENT.test(segment));
  return (last === 'oauth' || last === 'oauth2') && (before.at(-1) === 'dialog' || before.at(-1) === 'connect');
}

const ENDPOINT_NAME = /authori[sz](?:e|ation)[_-]?(?:endpoint|ur[il])$/iu;

/**
 * Whether a variable or property name says it holds an authorization endpoint URL:
 * `authorizeUrl`, `GITHUB_AUTHORIZE_URL`, `authorization_endpoint` (OpenID Connect discovery).
 * Only `authori…` and `AUTHORI…` spellings, the ones the text gate looks for.
 */
export function isAuthorizationEndpointName(name: string): boolean {
  return (name.includes('uthori') || name.includes('UTHORI')) && ENDPOINT_NAME.test(name);
}

/**
 * Whether an expression that holds a whole URL base is an authorization endpoint: a constant whose
 * path is one, or else an identifier or member named like one. Type assertions are not looked
 * through for the name (the text gate sees the name right before `}`, `+` or `)`).
 */
function isAuthorizationEndpointExpression(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const resolved = resolveString(node, scope);
  if (resolved) return isAuthorizationEndpointPath(resolved.value.split('?')[0] ?? '');
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(node) : undefined;
  return name !== undefined && isAuthorizationEndpointName(name);
}

/** Whether a URL node (a `new URL()` argument: a string, or a variable holding one) is an authorization endpoint. */
function isAuthorizationEndpointUrl(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const text = getStaticText(node, scope);
  if (!text) return isAuthorizationEndpointExpression(node, scope);
  const base = text.text.split('?')[0] ?? '';
  if (isAuthorizationEndpointPath(base)) return true;
  const leading = base === DYNAMIC_PART ? dynamicParts(node, scope)[0] : undefined;
  return leading !== undefined && isAuthorizationEndpointExpression(leading, scope);
}

/**
 * An authorization request told by its endpoint: no `response_type` (one with it is read as such,
 * and `token` is no-implicit-flow's business), `client_id`, and `redirect_uri` or `scope`, named
 * as the providers take them (a `clientId=` is not read by any of them).
 */
function isEndpointRequest(request: RequestParameters): boolean {
  const { parameters } = request;
  const named = (canonical: string, name: string): boolean => parameters.get(canonical)?.name === name;
  return !parameters.has('responsetype') && named('clientid', 'client_id') && (named('redirecturi', 'redirect_uri') || named('scope', 'scope'));
}

/**
 * The expressions that stand for the {@link DYNAMIC_PART}s of `getStaticText(node)`, in order
 * (template expressions; concatenation operands that do not resolve to a constant string).
 */
function dynamicParts(node: TSESTree.Node, scope: TSESLint.Scope.Scope): TSESTree.Node[] {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions;
  if (current.type !== AST_NODE_TYPES.BinaryExpression) return [];
  const operands: TSESTree.Node[] = [];
  const collect = (part: TSESTree.Node): void => {
    const inner = skipTypeWrappers(part);
    if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '+' && operands.length < 64) {
      collect(inner.left);
      collect(inner.right);
    } else {
      operands.push(inner);
    }
  };
  collect(current);
  const parts: TSESTree.Node[] = [];
  for (const operand of operands) {
    if (operand.type === AST_NODE_TYPES.Literal && typeof operand.value === 'string') continue;
    if (operand.type === AST_NODE_TYPES.TemplateLiteral && getStaticText(operand, scope)) parts.push(...operand.expressions);
    else if (operand.type === AST_NODE_TYPES.PrivateIdentifier || !resolveString(operand, scope)) parts.push(operand);
  }
  return parts;
}

/**
 * Whether an object whose parameters are read may get more before it is sent: a variable written
 * to (`params.state = …`, `Object.assign(params, …)`), passed to other code, or returned.
 */
function objectMayGrow(argument: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const current = skipTypeWrappers(argument);
  if (current.type === AST_NODE_TYPES.ObjectExpression) return false;
  if (current.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = ASTUtils.findVariable(scope, current);
  if (!variable) return true;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return true;
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const outer = parent.parent;
      if (outer?.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) return true;
      if (outer?.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete') return true;
      continue;
    }
    if (parent && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== identifier) {
      const name = calleeName(parent);
      if (name !== 'stringify' && name !== 'URLSearchParams' && !READING_CALLEES.has(name ?? '')) return true;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.ArrowFunctionExpression) return true;
  }
  return false;
}

/** `qs.stringify(obj)` / `querystring.stringify(obj)` as a query (not `JSON.stringify`). */
function readStringifiedQuery(call: TSESTree.CallExpression, scope: TSESLint.Scope.Scope): RequestParameters | undefined {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON') return undefined;
  const object = getStringifiedObject(call, scope);
  const argument = call.arguments[0];
  if (!object || !argument) return undefined;
  const request = readObjectParameters(object, scope);
  return objectMayGrow(argument, scope) ? { ...request, complete: false } : request;
}

/**
 * The parameters of an expression that makes a whole query: a `URLSearchParams` (constructed
 * there or held in a variable, with its `.set/.append` writes; `.toString()` of one), or
 * `qs.stringify({…})`.
 */
function readQuerySource(expression: TSESTree.Node, sourceCode: TSESLint.SourceCode): RequestParameters | undefined {
  const scope = sourceCode.getScope(expression);
  let current = skipTypeWrappers(expression);
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.arguments.length === 0 &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    getMemberPropertyName(current.callee) === 'toString'
  ) {
    current = skipTypeWrappers(current.callee.object);
  }
  let growing = false;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(scope, current);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable' || !def.node.init) return undefined;
    current = skipTypeWrappers(def.node.init);
    // A query string held in a variable may be extended (`query += '&state=…'`).
    growing = !isUrlSearchParamsConstruction(current) && variable.references.some((reference) => !reference.init && reference.isWrite());
  }
  let request: RequestParameters | undefined;
  if (isUrlSearchParamsConstruction(current)) {
    request = readSearchParamsConstruction(current, sourceCode);
    const init = current.arguments[0];
    if (request && init && init.type !== AST_NODE_TYPES.SpreadElement && resolveObject(init, scope) && objectMayGrow(init, scope)) growing = true;
  } else if (current.type === AST_NODE_TYPES.CallExpression) {
    request = readStringifiedQuery(current, scope);
  }
  return request && growing ? { ...request, complete: false } : request;
}

/**
 * The parameters of a URL string whose base is an authorization endpoint: its own query, a piece
 * made by a `URLSearchParams` or `qs.stringify` (`` `${AUTHORIZE_URL}?${params}` ``), and what a later
 * `url += '&…'` appends. Undefined when the base is no authorization endpoint, when the string is a
 * library's configured endpoint (`authorizationURL: '…'`), and when the URL is a `new URL()` whose
 * `searchParams` are written (read from the writes, once per URL). Incomplete when the variable
 * holding it is used in another template or concatenation (`` `${url}&state=${state}` ``).
 */
function readEndpointString(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): RequestParameters | undefined {
  const scope = sourceCode.getScope(node);
  const text = getStaticText(node, scope);
  const url = text && parseUrlQuery(text.text);
  if (!text || !url) return undefined;
  const parts = dynamicParts(node, scope);
  if (parts.length !== text.text.split(DYNAMIC_PART).length - 1) return undefined;
  const endpoint = isAuthorizationEndpointPath(url.base) || (url.base === DYNAMIC_PART && parts[0] !== undefined && isAuthorizationEndpointExpression(parts[0], scope));
  if (!endpoint || isConfiguredEndpoint(node)) return undefined;
  const construction = node.parent?.type === AST_NODE_TYPES.NewExpression && node.parent.arguments[0] === node ? node.parent : undefined;
  if (construction && !isUrlUsedAsIs(construction, sourceCode)) return undefined;

  const parameters = new Map<string, RequestParameter>();
  let complete = true;
  const question = text.text.indexOf('?');
  let partIndex = text.text.slice(0, question).split(DYNAMIC_PART).length - 1;
  for (const piece of text.text.slice(question + 1).replace(/#.*$/su, '').split('&')) {
    if (piece === DYNAMIC_PART) {
      const part = parts[partIndex];
      const source = part && readQuerySource(part, sourceCode);
      if (source) for (const [name, parameter] of source.parameters) parameters.set(name, parameter);
      if (!source?.complete) complete = false;
    } else {
      const list = parseQueryText(piece);
      for (const parameter of list ?? []) {
        parameters.set(canonicalParameterName(parameter.name), { name: parameter.name, node, value: parameter.value, dynamic: parameter.value.includes(DYNAMIC_PART) });
      }
    }
    partIndex += piece.split(DYNAMIC_PART).length - 1;
  }
  const request = withAppendedParts(node, { node, source: 'url', parameters, complete }, scope);
  return isExtendedElsewhere(node, scope) || isReturnedForMore(node, sourceCode) ? { ...request, complete: false } : request;
}

/**
 * Whether a URL string is returned by a function whose result this file puts into a template or
 * concatenation (`` `${loginUrl()}&state=${state}` ``), which may add parameters. Functions held
 * in a variable are followed through their references; methods by their name in the text.
 */
function isReturnedForMore(node: TSESTree.Node, sourceCode: TSESLint.SourceCode): boolean {
  const parent = node.parent;
  const fn =
    parent?.type === AST_NODE_TYPES.ReturnStatement
      ? sourceCode.getScope(node).variableScope.block
      : parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node
        ? parent
        : undefined;
  if (fn?.type !== AST_NODE_TYPES.FunctionDeclaration && fn?.type !== AST_NODE_TYPES.FunctionExpression && fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent;
  if (holder.type === AST_NODE_TYPES.FunctionDeclaration || holder.type === AST_NODE_TYPES.VariableDeclarator) {
    const variable = sourceCode.getDeclaredVariables(holder).find((candidate) => candidate.defs.some((def) => def.node === holder));
    return (
      variable?.references.some((reference) => {
        const call = reference.identifier.parent;
        const use = call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? call.parent : undefined;
        return use?.type === AST_NODE_TYPES.TemplateLiteral || (use?.type === AST_NODE_TYPES.BinaryExpression && use.operator === '+');
      }) ?? false
    );
  }
  const name = (holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.Property || holder.type === AST_NODE_TYPES.PropertyDefinition) && holder.key.type === AST_NODE_TYPES.Identifier ? holder.key.name : undefined;
  return name !== undefined && new RegExp(`(?<![\\w$])${name.replace(/\$/gu, '\\$')}\\([^()]*\\)\\s*[}+]`, 'u').test(sourceCode.text);
}

/**
 * Whether a string is the endpoint a library is configured with, which the library completes
 * (with its own `state`, or is reported for lacking one): passport `authorizationURL: '…'`,
 * Auth.js `authorization: '…'` or `authorization: { url: '…' }`. (`const AUTHORIZE_URL = '…'` is not.)
 */
function isConfiguredEndpoint(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== node) return false;
  const key = getPropertyKeyName(parent);
  if (key === undefined) return false;
  if (isAuthorizationEndpointName(key) || key === 'authorization' || key === 'authorize') return true;
  const outer = parent.parent.parent;
  const outerKey = key === 'url' && outer?.type === AST_NODE_TYPES.Property ? getPropertyKeyName(outer) : undefined;
  return outerKey === 'authorization' || outerKey === 'authorize';
}

/**
 * Whether `new URL(text)` is used as it is: not stored, or stored in a variable that is only read
 * (redirected to, printed). One whose `searchParams` are written is read from the writes.
 */
function isUrlUsedAsIs(construction: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const variable = declaredVariable(construction, sourceCode);
  return !variable || variable.references.every((reference) => reference.init || isReadOnlyUse(reference));
}

/** Whether a URL string held in a variable is also used in another template or concatenation, which may add parameters. */
function isExtendedElsewhere(node: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const target = assignedTarget(node);
  if (target?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, target);
  return (
    variable?.references.some((reference) => {
      const use = reference.identifier.parent;
      return use?.type === AST_NODE_TYPES.TemplateLiteral || (use?.type === AST_NODE_TYPES.BinaryExpression && use.operator === '+');
    }) ?? false
  );
}

/**
 * `url.search = params.toString()` (or a `URLSearchParams`, `qs.stringify({…})`) on a
 * `const url = new URL(endpoint)` of an authorization endpoint. Incomplete when the URL is written
 * to in another place too.
 */
function readSearchAssignment(node: TSESTree.AssignmentExpression, sourceCode: TSESLint.SourceCode): RequestParameters | undefined {
  const left = node.left;
  if (node.operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.Identifier || getMemberPropertyName(left) !== 'search') return undefined;
  const scope = sourceCode.getScope(node);
  const variable = ASTUtils.findVariable(scope, left.object);
  const construction = variable && readUrlConstruction(variable, scope);
  if (!variable || !construction || !isAuthorizationEndpointUrl(construction.url, scope)) return undefined;
  const source = readQuerySource(node.right, sourceCode);
  if (!source) return undefined;
  const alone = variable.references.every((reference) => reference.init || reference.identifier === left.object || isReadOnlyUse(reference));
  return { ...source, node, complete: source.complete && alone };
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
