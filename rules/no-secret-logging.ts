import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { formatEnvRead, getEnvRead } from '../src/catalogue/env.js';
import { classifySecretName, CREDENTIAL_KIND_LABELS, type CredentialKind } from '../src/detectors/index.js';
import { findObjectProperty, getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { resolveImportedName } from '../src/util/imports.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-logging.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [{ allow?: string[] }];
export type MessageIds = 'secretLogged' | 'secretInError';

/** Console methods that write their arguments. */
const CONSOLE_METHODS = new Set(['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert']);
/** Level methods of pino, winston, bunyan, log4js, consola, Fastify/Nest loggers. */
const LOGGER_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice', 'critical', 'crit', 'alert', 'emerg', 'success']);
/** Receivers that are loggers by name: `logger`, `log`, `this.logger`, `req.log`, `fastify.log`, `appLogger`. */
const LOGGER_NAME = /^(?:_*(?:logger|log|logging|console)|\w*Logger)$/iu;
/** Logger factories whose options may redact fields. */
const LOGGER_FACTORIES = new Set(['pino', 'createLogger', 'bunyan', 'winston']);
/** Helpers whose result is safe to log: maskers, hashes, lengths. */
const SAFE_WRAPPER = /^(?:mask|redact|hash|fingerprint|sha\d*|digest|obfuscate|truncate|last4|preview|censor|anonymi[sz]e)/iu;
/** Calls that turn their argument into text without hiding it. */
const TRANSPARENT_CALLS = new Set(['JSON.stringify', 'String', 'inspect', 'util.inspect', 'format', 'util.format', 'Buffer.from']);
/** Methods that keep the whole value (`secret.toString()`, `secret.trim()`). */
const TRANSPARENT_METHODS = new Set(['toString', 'trim', 'toJSON', 'valueOf', 'concat', 'normalize']);
/** Calls that return a token response: msal, openid-client, simple-oauth2, client-oauth2, Google auth. */
const TOKEN_API_METHODS = /^(?:acquireToken\w*|getToken|getAccessToken|getTokenSilently|refreshAccessToken|refreshToken|clientCredentials|clientCredentialsGrant|authorizationCodeGrant|refreshTokenGrant|grant|genericGrantRequest|requestToken|fetchToken|exchangeCode\w*)$/u;

const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/** Token endpoint paths: `/connect/token`, `/oauth2/token`, `/oauth/token`, `/identity/connect/token`, `/v2.0/token`. */
const TOKEN_PATH = /\/(?:oauth2?|connect|openid-connect|v[12]\.0|identity\/connect|as)\/(?:v\d\/)?token\/?(?:\?.*)?$/iu;

interface Leak {
  readonly node: TSESTree.Node;
  /** How the value is named in the message: "`clientSecret`", "process.env.X", "the token response `tokens`". */
  readonly what: string;
  readonly kind: CredentialKind | 'token response' | 'config object';
}

function credentialKindOf(name: string | undefined): CredentialKind | undefined {
  if (name === undefined) return undefined;
  const kind = classifySecretName(name)?.kind;
  return kind === 'client-id' ? undefined : kind;
}

function calleeText(callee: TSESTree.Node): string | undefined {
  const current = skipTypeWrappers(callee);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    const object = calleeText(current.object);
    if (name !== undefined) return object === undefined ? `….${name}` : `${object}.${name}`;
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-secret-logging',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-logging'],
    messages: {
      secretLogged:
        '{{what}} ({{kind}}) is written to {{sink}}. Logs are copied to terminals, CI output and log services; log a masked preview or leave it out.',
      secretInError:
        '{{what}} ({{kind}}) is put into an error message. Errors end up in logs, crash reports and HTTP responses; leave the value out.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            description: 'Logger calls to accept as redacting, by callee text (`auditLog.info`, `safeLogger.*`).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
  },
  defaultOptions: [{ allow: [] }],
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const allow = options.allow ?? [];

    function scopeOf(node: TSESTree.Node): TSESLint.Scope.Scope {
      return context.sourceCode.getScope(node);
    }

    /** The single initialiser of a `const` (or never-reassigned `let`) identifier. */
    function constInit(node: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = ASTUtils.findVariable(scopeOf(node), node);
      if (!variable || variable.defs.length !== 1) return undefined;
      const def = variable.defs[0];
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
      if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
      return def.node.init;
    }

    /** Whether a URL argument is a token endpoint: `tokenUrl`, `config.tokenEndpoint`, `'https://…/connect/token'`. */
    function isTokenEndpoint(node: TSESTree.Node | undefined, depth = 0): boolean {
      if (!node) return false;
      const current = skipTypeWrappers(node);
      const name = current.type === AST_NODE_TYPES.Identifier ? current.name : current.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(current) : undefined;
      if (name !== undefined && /^(?:token|accessToken)(?:Url|Uri|Endpoint)$/iu.test(name.replace(/_/gu, ''))) return true;
      const url = resolveString(current, scopeOf(current))?.value;
      if (url !== undefined) return TOKEN_PATH.test(url);
      return depth < 3 && isTokenPathTail(current, depth);
    }

    /**
     * A URL whose base is not known but whose path is: `${ISSUER}/oauth2/token`, `issuer + '/connect/token'`,
     * `new URL('/oauth2/token', issuer)`, or a constant bound to one of those.
     */
    function isTokenPathTail(node: TSESTree.Node, depth: number): boolean {
      if (node.type === AST_NODE_TYPES.TemplateLiteral) {
        const tail = node.quasis[node.quasis.length - 1]?.value.cooked;
        return typeof tail === 'string' && tail.startsWith('/') && TOKEN_PATH.test(tail);
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
        const tail = resolveString(node.right, scopeOf(node))?.value;
        return tail !== undefined && tail.startsWith('/') && TOKEN_PATH.test(tail);
      }
      if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URL' && node.arguments[0]) {
        const path = resolveString(node.arguments[0], scopeOf(node))?.value;
        return path !== undefined && TOKEN_PATH.test(path.startsWith('/') ? path : `/${path}`);
      }
      if (node.type === AST_NODE_TYPES.Identifier) {
        const init = constInit(node);
        return init !== undefined && isTokenEndpoint(init, depth + 1);
      }
      return false;
    }

    /**
     * Whether a call returns a token response: a token API (`await cca.acquireTokenByClientCredential(…)`)
     * or an HTTP POST to a token endpoint (`await axios.post(tokenUrl, body)`).
     */
    function isTokenApiCall(node: TSESTree.Node, depth = 0): boolean {
      const kind = tokenCallKind(node, depth);
      return kind !== undefined && kind !== 'fetch';
    }

    /**
     * What a call returns when it returns a token response: `'api'` for a token API
     * (`await cca.acquireTokenByClientCredential(…)`), `'http'` for an HTTP POST to a token endpoint
     * (`await axios.post(tokenUrl, body)`, also through `firstValueFrom(this.http.post(…))` /
     * `lastValueFrom` / `.toPromise()` of Nest's HttpService), `'json'` for the body read from one
     * (`await res.json()`, `.then((r) => r.json())`, `.then((r) => r.data)`), `'fetch'` for a fetch
     * `Response` (its body is a stream: logged whole, it shows status and headers only).
     */
    function tokenCallKind(node: TSESTree.Node, depth = 0): 'api' | 'http' | 'json' | 'fetch' | undefined {
      if (depth > 4) return undefined;
      let current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTypeWrappers(current.argument);
      if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = skipTypeWrappers(current.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      if (name === undefined) return undefined;
      if (TOKEN_API_METHODS.test(name)) return 'api';
      // `await fetch(tokenUrl, …)`, and the body read from it: `await res.json()`.
      if (name === 'fetch') return isTokenEndpoint(current.arguments[0]) ? 'fetch' : undefined;
      if ((name === 'firstValueFrom' || name === 'lastValueFrom') && callee.type === AST_NODE_TYPES.Identifier && current.arguments[0]) {
        return tokenCallKind(current.arguments[0], depth + 1);
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      if (name === 'toPromise') return tokenCallKind(callee.object, depth + 1);
      if (name === 'json') return isTokenResponseValue(callee.object, depth + 1) ? 'json' : undefined;
      if (name === 'then') {
        // `fetch(tokenUrl, …).then((r) => r.json())`, `axios.post(tokenUrl, body).then((r) => r.data)`.
        const inner = tokenCallKind(callee.object, depth + 1);
        const callback = current.arguments[0];
        if ((inner !== 'fetch' && inner !== 'http') || callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
        const parameter = callback.params[0];
        const body = skipTypeWrappers(callback.body);
        if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
        const readsParameter = (object: TSESTree.Node): boolean => {
          const each = skipTypeWrappers(object);
          return each.type === AST_NODE_TYPES.Identifier && each.name === parameter.name;
        };
        if (inner === 'fetch' && body.type === AST_NODE_TYPES.CallExpression && body.callee.type === AST_NODE_TYPES.MemberExpression) {
          return getMemberPropertyName(body.callee) === 'json' && readsParameter(body.callee.object) ? 'json' : undefined;
        }
        if (inner === 'http' && body.type === AST_NODE_TYPES.MemberExpression) {
          const member = getMemberPropertyName(body);
          return (member === 'data' || member === 'body') && readsParameter(body.object) ? 'json' : undefined;
        }
        return undefined;
      }
      return (name === 'post' || name === 'request') && isTokenEndpoint(current.arguments[0]) ? 'http' : undefined;
    }

    /** An HTTP response from a token endpoint: the call itself, or a constant bound to it. */
    function isTokenResponseValue(node: TSESTree.Node, depth = 0): boolean {
      return responseKind(node, depth) !== undefined;
    }

    /** The `tokenCallKind` of a response: the call itself, or a constant bound to it. */
    function responseKind(node: TSESTree.Node, depth = 0): ReturnType<typeof tokenCallKind> {
      const current = skipTypeWrappers(node);
      if (current.type !== AST_NODE_TYPES.Identifier) return tokenCallKind(current, depth);
      const variable = ASTUtils.findVariable(scopeOf(current), current);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      return def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init !== null ? tokenCallKind(def.node.init, depth) : undefined;
    }

    /**
     * Whether a log call sits where a token request failed: in a `catch` clause, or in the branch of
     * `if (!res.ok)` / `if (res.status !== 200)` / `if (res.status >= 400)` (not `< 300`, a success
     * test). The body read there is an error (`{"error":"invalid_client"}`), not tokens.
     */
    function inFailureBranch(node: TSESTree.Node): boolean {
      let child: TSESTree.Node = node;
      for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
        if (parent.type === AST_NODE_TYPES.CatchClause) return true;
        if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child) {
          const test = context.sourceCode.getText(parent.test);
          if (/!\s*[\w$.?]*\.ok\b|\.ok\s*===?\s*false|\.status(?:Code)?\s*(?:!==?\s*20\d|>=?\s*[3-5]\d\d)\b/u.test(test)) return true;
        }
        if (parent.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
      }
      return false;
    }

    /**
     * `const { data } = await axios.post(tokenUrl, body)`: a name destructured from a token response.
     * From a token API any name counts (`const { tokens } = await oauth2Client.getToken(code)`); from
     * an HTTP response only its body (`{ data }`, `{ body }`, `{ data: tokens }`), not `{ status }`;
     * from a JSON body none (`{ expires_in }` is one field of it; credential fields count by name).
     */
    function isDestructuredFromTokenCall(node: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(scopeOf(node), node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || def.node.init === null) return false;
      const kind = tokenCallKind(def.node.init);
      if (kind === 'api') return true;
      if (kind !== 'http' && kind !== 'fetch') return false;
      const property = def.node.id.properties.find((each) => {
        if (each.type !== AST_NODE_TYPES.Property) return false;
        const value = each.value.type === AST_NODE_TYPES.AssignmentPattern ? each.value.left : each.value;
        return value.type === AST_NODE_TYPES.Identifier && value.name === node.name;
      });
      const key = property?.type === AST_NODE_TYPES.Property ? getPropertyKeyName(property) : undefined;
      return kind === 'http' && (key === 'data' || key === 'body');
    }

    /** The rule's enum-like constants: an `UPPER_CASE` member of an object whose name starts upper-case (`EnvVarNames.MSI_SECRET`). */
    function isUpperCaseConstant(node: TSESTree.MemberExpression): boolean {
      const name = getMemberPropertyName(node);
      return name !== undefined && /^[A-Z][A-Z0-9_]*$/u.test(name) && /^[A-Z]/u.test(calleeText(node.object)?.split('.').pop() ?? '');
    }

    /** The variable an identifier object of a member read is bound to, if it is declared in the file. */
    function objectVariable(node: TSESTree.MemberExpression): TSESLint.Scope.Variable | undefined {
      const object = skipTypeWrappers(node.object);
      if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(scopeOf(object), object);
      return variable && variable.defs.length > 0 ? variable : undefined;
    }

    /** A member of a TypeScript `enum` of the file: `GrantType.Password`. */
    function isEnumMember(node: TSESTree.MemberExpression): boolean {
      return objectVariable(node)?.defs.every((def) => def.type === 'TSEnumName') === true;
    }

    /**
     * Whether an `UPPER_CASE` member of an upper-case object, used as the value of a credential key,
     * is a constant. When the object is a constant table of the file (`const GrantType = { PASSWORD:
     * 'password' }`, also behind `Object.freeze` / `as const`), its entry decides: a string equal to
     * the member's name, or a value no credential can be. An object from elsewhere decides by the
     * member's name: `Mode.OFF` is a constant, `Config.DB_PASSWORD` may hold the password.
     */
    function isConstantMember(node: TSESTree.MemberExpression, depth: number): boolean {
      const name = getMemberPropertyName(node);
      if (name === undefined || !isUpperCaseConstant(node)) return false;
      const variable = objectVariable(node);
      const declarator = variable?.defs.length === 1 && variable.defs[0]?.type === 'Variable' ? variable.defs[0].node : undefined;
      let table = declarator?.init ? skipTypeWrappers(declarator.init) : undefined;
      if (table?.type === AST_NODE_TYPES.CallExpression && calleeText(table.callee) === 'Object.freeze' && table.arguments[0]) table = skipTypeWrappers(table.arguments[0]);
      if (table?.type !== AST_NODE_TYPES.ObjectExpression) return credentialKindOf(name) === undefined;
      const entry = findObjectProperty(table, name);
      if (entry?.type !== AST_NODE_TYPES.Property) return false;
      const value = skipTypeWrappers(entry.value);
      const plain = (text: string): string => text.toLowerCase().replace(/[\W_]/gu, '');
      return (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && plain(value.value) === plain(name)) || isNonCredentialValue(value, depth + 1);
    }

    /**
     * Whether a value cannot be a credential whatever its name or key says: a function or class
     * (`password: handlePasswordGrant`, `refresh_token() {…}`, `this.onRefresh.bind(this)`), a
     * boolean, number or empty value (`refresh_token: true`, `password: !0`, `password: 8`), an
     * enum-like constant (`password: GrantType.PASSWORD`, see `isConstantMember`), or a name bound to
     * one of those in the file. A map keyed by grant names (`{ password: handlePassword, refresh_token: handleRefresh }`)
     * holds no secret. A name bound elsewhere (an import, a parameter) may be anything.
     */
    function isNonCredentialValue(node: TSESTree.Node, depth = 0): boolean {
      const value = skipTypeWrappers(node);
      switch (value.type) {
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ClassExpression:
          return true;
        case AST_NODE_TYPES.Literal:
          return value.value === null || value.value === '' || typeof value.value === 'boolean' || typeof value.value === 'number' || typeof value.value === 'bigint' || 'regex' in value;
        case AST_NODE_TYPES.UnaryExpression:
          // `!x`, `delete x`: a boolean; `-x`, `+x`, `~x`: a number; `typeof x`: a type's name; `void x`: undefined.
          return true;
        case AST_NODE_TYPES.MemberExpression:
          return isEnumMember(value) || (depth <= 2 && isConstantMember(value, depth));
        case AST_NODE_TYPES.CallExpression: {
          // `this.handlePassword.bind(this)`: a bound function.
          const callee = skipTypeWrappers(value.callee);
          return callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'bind';
        }
        case AST_NODE_TYPES.Identifier: {
          if (value.name === 'undefined' || value.name === 'NaN' || value.name === 'Infinity') return true;
          const variable = ASTUtils.findVariable(scopeOf(value), value);
          if (!variable || variable.defs.length === 0) return false;
          if (variable.defs.every((def) => def.type === 'FunctionName' || def.type === 'ClassName' || def.type === 'TSEnumName')) return true;
          if (depth > 2) return false;
          const init = constInit(value);
          return init !== undefined && isNonCredentialValue(init, depth + 1);
        }
        default:
          return false;
      }
    }

    /** Whether an object literal holds a credential (`{ clientId, clientSecret: process.env.X }`). */
    function secretPropertyOf(object: TSESTree.ObjectExpression): string | undefined {
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = getPropertyKeyName(property);
        if (credentialKindOf(name) === undefined) continue;
        // A getter (`get password() { return process.env.DB_PASSWORD; }`) computes the value `JSON.stringify` writes.
        if (property.kind === 'init' && isNonCredentialValue(property.value)) continue;
        return name;
      }
      return undefined;
    }

    /** Finds the first secret-bearing part of a logged expression. */
    function findLeak(node: TSESTree.Node, depth = 0): Leak | undefined {
      if (depth > 8) return undefined;
      const current = skipTypeWrappers(node);
      const read = getEnvRead(current);
      if (read) {
        const kind = credentialKindOf(read.name);
        return kind ? { node: current, what: formatEnvRead(read), kind } : undefined;
      }
      switch (current.type) {
        case AST_NODE_TYPES.Identifier: {
          // `console.log(passwordGrant)` of `function passwordGrant(…) {…}`: code, not a secret.
          if (isNonCredentialValue(current)) return undefined;
          const init = constInit(current);
          // A constant bound to a literal (`PASSWORD_CHANGE_FAILED = 'password_change_failed'`) is
          // code, not a runtime secret; a hard-coded secret is reported by the hard-coding rules.
          if (init && resolveString(init, scopeOf(init))) return undefined;
          const kind = credentialKindOf(current.name);
          if (kind) return { node: current, what: `\`${current.name}\``, kind };
          if (!init) return isDestructuredFromTokenCall(current) ? { node: current, what: `\`${current.name}\``, kind: 'token response' } : undefined;
          if (isTokenApiCall(init)) return { node: current, what: `\`${current.name}\``, kind: 'token response' };
          const envRead = getEnvRead(init);
          const envKind = envRead && credentialKindOf(envRead.name);
          if (envRead && envKind) return { node: current, what: `\`${current.name}\` (from ${formatEnvRead(envRead)})`, kind: envKind };
          const object = skipTypeWrappers(init);
          if (object.type === AST_NODE_TYPES.ObjectExpression) {
            const property = secretPropertyOf(object);
            if (property !== undefined) return { node: current, what: `\`${current.name}\` (with \`${property}\`)`, kind: 'config object' };
          }
          return undefined;
        }
        case AST_NODE_TYPES.MemberExpression: {
          const name = getMemberPropertyName(current);
          // `EnvVarNames.MSI_SECRET`, `Messages.API_KEY_WITH_CREDENTIALS`, `GrantType.Password` of an `enum`: a constant.
          if (isUpperCaseConstant(current) || isEnumMember(current)) return undefined;
          const kind = credentialKindOf(name);
          if (kind && name !== undefined) return { node: current, what: `\`${context.sourceCode.getText(current).slice(0, 60)}\``, kind };
          // `res.data` of `const res = await axios.post(tokenUrl, body)`: the token response's body.
          const response = name === 'data' || name === 'body' ? responseKind(current.object) : undefined;
          if (response === 'http' || response === 'api') {
            return { node: current, what: `\`${context.sourceCode.getText(current).slice(0, 60)}\``, kind: 'token response' };
          }
          return undefined;
        }
        case AST_NODE_TYPES.TemplateLiteral:
          return firstLeak(current.expressions, depth);
        case AST_NODE_TYPES.BinaryExpression:
          return current.operator === '+' ? (findLeak(current.left, depth + 1) ?? findLeak(current.right, depth + 1)) : undefined;
        case AST_NODE_TYPES.LogicalExpression:
          return findLeak(current.left, depth + 1) ?? findLeak(current.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          return findLeak(current.consequent, depth + 1) ?? findLeak(current.alternate, depth + 1);
        case AST_NODE_TYPES.AwaitExpression:
          return isTokenApiCall(current) ? { node: current, what: 'the awaited token response', kind: 'token response' } : undefined;
        case AST_NODE_TYPES.ObjectExpression: {
          for (const property of current.properties) {
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              const leak = findLeak(property.argument, depth + 1);
              if (leak) return leak;
              continue;
            }
            const name = getPropertyKeyName(property);
            const kind = credentialKindOf(name);
            const value = skipTypeWrappers(property.value);
            if (kind && name !== undefined && !isNonCredentialValue(value)) {
              const leak = findLeak(value, depth + 1);
              // `{ clientSecret: mask(secret) }` and `{ accessToken: '[redacted]' }` are safe; a key alone is not a leak.
              if (leak) return leak;
              if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) return { node: property, what: `\`${name}\``, kind };
              continue;
            }
            const leak = findLeak(property.value, depth + 1);
            if (leak) return leak;
          }
          return undefined;
        }
        case AST_NODE_TYPES.ArrayExpression:
          return firstLeak(current.elements, depth);
        case AST_NODE_TYPES.CallExpression: {
          const text = calleeText(current.callee);
          if (text === undefined) return undefined;
          const last = text.slice(text.lastIndexOf('.') + 1);
          if (SAFE_WRAPPER.test(last)) return undefined;
          if (TRANSPARENT_CALLS.has(text) || TRANSPARENT_CALLS.has(last)) return firstLeak(current.arguments.slice(0, 1), depth);
          if (current.callee.type === AST_NODE_TYPES.MemberExpression && TRANSPARENT_METHODS.has(last)) return findLeak(current.callee.object, depth + 1);
          return undefined;
        }
        default:
          return undefined;
      }
    }

    function firstLeak(nodes: readonly (TSESTree.Node | null)[], depth: number): Leak | undefined {
      for (const each of nodes) {
        if (!each) continue;
        const leak = findLeak(each.type === AST_NODE_TYPES.SpreadElement ? each.argument : each, depth + 1);
        if (leak) return leak;
      }
      return undefined;
    }

    /** A logger variable created with redaction: `pino({ redact: [...] })`, `winston.createLogger({ format: redact… })`. */
    function isRedactingLogger(receiver: TSESTree.Node): boolean {
      const current = skipTypeWrappers(receiver);
      if (current.type !== AST_NODE_TYPES.Identifier) return false;
      const init = constInit(current);
      if (init?.type !== AST_NODE_TYPES.CallExpression) return false;
      const factory = calleeText(init.callee);
      const last = factory?.slice(factory.lastIndexOf('.') + 1);
      if (last === undefined || (!LOGGER_FACTORIES.has(last) && resolveImportedName(init.callee, scopeOf(init))?.module !== 'pino')) return false;
      const optionsArg = init.arguments[0];
      const object = optionsArg && skipTypeWrappers(optionsArg);
      return object?.type === AST_NODE_TYPES.ObjectExpression && findObjectProperty(object, 'redact') !== undefined;
    }

    /** The sink a call writes to, as text for the message, or undefined when it is not a log call. */
    function sinkOf(node: TSESTree.CallExpression): string | undefined {
      const callee = skipTypeWrappers(node.callee);
      const text = calleeText(callee);
      if (text === undefined) return undefined;
      if (allow.some((entry) => entry === text || (entry.endsWith('.*') && text.startsWith(entry.slice(0, -1))))) return undefined;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        if (callee.name === 'debug' || callee.name === 'inspect') return `\`${callee.name}\``;
        // `const log = debug('pos:sync')` / `require('debug')('pos')`.
        const init = constInit(callee);
        if (init?.type === AST_NODE_TYPES.CallExpression) {
          const factory = skipTypeWrappers(init.callee);
          const imported = resolveImportedName(factory, scopeOf(init));
          if (imported?.module === 'debug') return `the debug logger \`${callee.name}\``;
          if (factory.type === AST_NODE_TYPES.CallExpression && factory.arguments[0]?.type === AST_NODE_TYPES.Literal && factory.arguments[0].value === 'debug') return `the debug logger \`${callee.name}\``;
        }
        return undefined;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const method = getMemberPropertyName(callee);
      if (method === undefined) return undefined;
      const receiver = skipTypeWrappers(callee.object);
      const receiverName =
        receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(receiver) : undefined;
      if (receiverName === 'console') return CONSOLE_METHODS.has(method) ? `\`${text}\`` : undefined;
      if (receiverName === 'util' && method === 'inspect') return `\`${text}\``;
      if (text === 'process.stdout.write' || text === 'process.stderr.write') return `\`${text}\``;
      if (receiverName !== undefined && LOGGER_NAME.test(receiverName) && LOGGER_METHODS.has(method)) {
        return isRedactingLogger(receiver) ? undefined : `\`${text}\``;
      }
      return undefined;
    }

    function isErrorConstructor(callee: TSESTree.Node): boolean {
      const current = skipTypeWrappers(callee);
      return current.type === AST_NODE_TYPES.Identifier && /^(?:[A-Z]\w*)?Error$/u.test(current.name);
    }

    /**
     * The leak in an error's arguments. Built-in errors take the message first; custom error
     * classes often take a code or a response first, so only text built from values counts there.
     */
    function errorLeak(node: TSESTree.CallExpression | TSESTree.NewExpression): Leak | undefined {
      const callee = skipTypeWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && BUILTIN_ERRORS.has(callee.name)) return firstLeak(node.arguments.slice(0, 1), 0);
      for (const argument of node.arguments) {
        const current = skipTypeWrappers(argument);
        const builtText =
          current.type === AST_NODE_TYPES.TemplateLiteral ||
          (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') ||
          (current.type === AST_NODE_TYPES.CallExpression && calleeText(current.callee) === 'JSON.stringify');
        const leak = builtText ? findLeak(current) : undefined;
        if (leak) return leak;
      }
      return undefined;
    }

    function label(kind: Leak['kind']): string {
      return kind === 'token response' || kind === 'config object' ? kind : CREDENTIAL_KIND_LABELS[kind];
    }

    return {
      CallExpression(node) {
        if (node.arguments.length === 0) return;
        const sink = sinkOf(node);
        if (sink === undefined) {
          if (isErrorConstructor(node.callee)) {
            const leak = errorLeak(node);
            if (leak) context.report({ node: leak.node, messageId: 'secretInError', data: { what: leak.what, kind: label(leak.kind) } });
          }
          return;
        }
        const leak = firstLeak(node.arguments, 0);
        if (leak?.kind === 'token response' && inFailureBranch(node)) return;
        if (leak) context.report({ node: leak.node, messageId: 'secretLogged', data: { what: leak.what, kind: label(leak.kind), sink } });
      },
      NewExpression(node) {
        if (!isErrorConstructor(node.callee)) return;
        const leak = errorLeak(node);
        if (leak) context.report({ node: leak.node, messageId: 'secretInError', data: { what: leak.what, kind: label(leak.kind) } });
      },
    };
  },
});
