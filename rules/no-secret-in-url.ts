import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { SECRET_QUERY_PARAMETERS } from '../src/catalogue/flows.js';
import { findObjectProperty, getMemberPropertyName, getPropertyKeyName, resolveObject, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { isImportOf, resolveImportedName } from '../src/util/imports.js';
import { createRule } from '../src/util/create-rule.js';
import { canonicalParameterName, getStringifiedObject, isOutermostString, isUrlSearchParamsConstruction, mentionsModule, readSearchParamsWrite } from '../src/util/oauth-requests.js';
import { DYNAMIC_PART, getStaticText, parseQueryText, parseUrlQuery, type QueryParameter } from '../src/util/urls.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-in-url.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'secretInUrl' | 'secretQueryInUrl';

/** The RFC section that forbids each parameter in a URL. */
const SECTIONS: Readonly<Record<string, string>> = {
  client_secret: 'RFC 6749 §2.3.1 and OAuth 2.1 §2.4.1 forbid client credentials in the request URI',
  password: 'RFC 6749 §2.3.1 keeps passwords out of the request URI',
  access_token: 'RFC 9700 §4.3.2 forbids access tokens in query parameters',
  refresh_token: 'RFC 9700 §4.3.2 and §4.14 treat tokens in URLs as leaked',
  api_key: 'RFC 9700 §4.2 lists URLs among the places credentials leak from',
};

/** Names under which a variable holds a URL, for `url + '&client_secret=' + s`. */
const URL_NAME = /(?:url|uri|endpoint|href|link)$/iu;
/** Request methods of HTTP clients whose `params` option is the query string. */
const REQUEST_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'create']);
const QUERY_OPTION_CLIENTS = ['axios'];
const QUERY_METHOD_CLIENTS = ['superagent', 'supertest'];

/** Error redactors overwrite a secret parameter with a marker (`'<<REDACTED>>'`), which is the opposite of leaking it. */
const REDACTED = /redact|\*{3}/iu;

function secretParameter(name: string): string | undefined {
  return SECRET_QUERY_PARAMETERS.get(canonicalParameterName(name));
}

/** A parameter of a query built apart from its URL: the property or `.set()` call that sets it, and its value. */
interface BuiltParameter {
  readonly name: string;
  readonly node: TSESTree.Node;
  readonly value: TSESTree.Node | undefined;
}

const MAX_DEPTH = 4;
/** Longest source text of a query expression quoted in a message. */
const MAX_QUOTED = 40;

/** The init of a variable bound once and never reassigned (`const`, or a `let` written only by its declaration). */
function constantInit(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  const init = def.node.init;
  return variable.references.every((reference) => !reference.isWrite() || reference.writeExpr === init) ? init : undefined;
}

/** The function a node runs in; undefined at the top level. */
function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.ArrowFunctionExpression) return current;
  }
  return undefined;
}

/** The pieces of a string, template or concatenation: constant text (not empty), and the expressions in between. */
type StringPiece = { readonly text: string } | { readonly expression: TSESTree.Node };

function collectPieces(node: TSESTree.Node, scope: TSESLint.Scope.Scope, pieces: StringPiece[]): void {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal && typeof current.value === 'string') pieces.push({ text: current.value });
  else if (current.type === AST_NODE_TYPES.TemplateLiteral) {
    current.quasis.forEach((quasi, index) => {
      const text = quasi.value.cooked ?? quasi.value.raw;
      if (text) pieces.push({ text });
      const expression = current.expressions[index];
      if (expression) pieces.push({ expression });
    });
  } else if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
    collectPieces(current.left, scope, pieces);
    collectPieces(current.right, scope, pieces);
  } else {
    const resolved = current.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : resolveString(current, scope);
    pieces.push(resolved ? { text: resolved.value } : { expression: current });
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-secret-in-url',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-in-url'],
    messages: {
      secretInUrl:
        '`{{parameter}}` is put in a URL query string, where it ends up in server and proxy logs, browser history and Referer headers; {{section}}. Send it in the POST body (`URLSearchParams`) or an `Authorization` header instead.',
      secretQueryInUrl:
        '`{{query}}` carries `{{parameter}}` (set on line {{line}}) into the URL\'s query string, where it ends up in server and proxy logs, browser history and Referer headers; {{section}}. Send the parameters in the POST body or the secret in an `Authorization` header instead.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;

    function isRedaction(value: TSESTree.Node | undefined): boolean {
      const resolved = value && value.type !== AST_NODE_TYPES.SpreadElement ? resolveString(value, sourceCode.getScope(value)) : undefined;
      return resolved !== undefined && REDACTED.test(resolved.value);
    }

    function report(node: TSESTree.Node, name: string): void {
      const parameter = secretParameter(name);
      if (parameter) context.report({ node, messageId: 'secretInUrl', data: { parameter: name, section: SECTIONS[parameter] ?? '' } });
    }

    /**
     * The object literal a builder's argument is: written there, bound once to a variable
     * (`const credentials = {…}`), or a property of such (`config.params`). Not through aliases or
     * calls, which the rule's gate does not follow either.
     */
    function queryObject(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | undefined {
      const current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.ObjectExpression) return current;
      if (depth > MAX_DEPTH) return undefined;
      if (current.type === AST_NODE_TYPES.Identifier) {
        const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
        const init = variable && constantInit(variable);
        return init && skipTypeWrappers(init).type === AST_NODE_TYPES.ObjectExpression ? (skipTypeWrappers(init) as TSESTree.ObjectExpression) : undefined;
      }
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberPropertyName(current);
        const object = name === undefined ? undefined : queryObject(current.object, depth + 1);
        const value = object && name !== undefined ? findObjectProperty(object, name)?.value : undefined;
        return value && skipTypeWrappers(value).type === AST_NODE_TYPES.ObjectExpression ? (skipTypeWrappers(value) as TSESTree.ObjectExpression) : undefined;
      }
      return undefined;
    }

    /** The parameters of the object literal that `node` is (see `queryObject`), spreads of named objects included. */
    function objectParameters(node: TSESTree.Node, parameters: BuiltParameter[], depth: number): void {
      const object = depth > MAX_DEPTH ? undefined : queryObject(node, depth);
      if (!object) return;
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          if (property.argument.type === AST_NODE_TYPES.Identifier) objectParameters(property.argument, parameters, depth + 1);
        } else {
          const name = getPropertyKeyName(property);
          if (name !== undefined) parameters.push({ name, node: property, value: property.value });
        }
      }
    }

    /**
     * `.set/.append(NAME, value)` and `.delete(NAME)` on a local `URLSearchParams`, in the function
     * that declares it and before `before` (a query string is read when it is built), in order.
     */
    function applyWrites(variable: TSESLint.Scope.Variable, before: number, parameters: BuiltParameter[]): void {
      const declaredIn = variable.defs[0] && enclosingFunction(variable.defs[0].node);
      const references = variable.references.filter((reference) => reference.identifier.range[1] <= before).sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
      for (const reference of references) {
        const member = reference.identifier.parent;
        const call = member?.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
        if (call.range[1] > before || enclosingFunction(call) !== declaredIn) continue;
        const scope = sourceCode.getScope(call);
        const write = readSearchParamsWrite(call, scope);
        // The name written there (`.set('client_secret', …)`), as the rule's gate reads it; not a constant.
        const name = call.arguments[0] && skipTypeWrappers(call.arguments[0]);
        if (write && (name?.type === AST_NODE_TYPES.Literal || name?.type === AST_NODE_TYPES.TemplateLiteral)) {
          parameters.push({ name: write.name, node: call, value: call.arguments[1] });
          continue;
        }
        const first = call.arguments[0];
        const deleted = getMemberPropertyName(member) === 'delete' && first && first.type !== AST_NODE_TYPES.SpreadElement ? resolveString(first, scope) : undefined;
        if (deleted) {
          const name = canonicalParameterName(deleted.value);
          for (let index = parameters.length - 1; index >= 0; index--) if (canonicalParameterName(parameters[index]?.name ?? '') === name) parameters.splice(index, 1);
        }
      }
    }

    /**
     * The parameters of a query built apart from the URL it goes into, read where it is used
     * (`before`): `new URLSearchParams({…})` plus the `.set/.append` writes on the variable holding
     * it, `qs.stringify({…})` / `querystring.stringify({…})`, `.toString()` / `String()` of such,
     * through variables bound once. Undefined for anything else.
     */
    function readBuiltQuery(node: TSESTree.Node, before: number, depth = 0): BuiltParameter[] | undefined {
      if (depth > MAX_DEPTH) return undefined;
      const current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTypeWrappers(current.callee);
        const [first] = current.arguments;
        // `params.toString()`, `String(params)`
        if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'toString' && !first) return readBuiltQuery(callee.object, before, depth + 1);
        if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && first && current.arguments.length === 1) return readBuiltQuery(first, before, depth + 1);
        // `qs.stringify({…})`, not `JSON.stringify`
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON') return undefined;
        if (!first || first.type === AST_NODE_TYPES.SpreadElement || !getStringifiedObject(current, sourceCode.getScope(current))) return undefined;
        const parameters: BuiltParameter[] = [];
        objectParameters(first, parameters, depth + 1);
        return parameters;
      }
      if (isUrlSearchParamsConstruction(current)) {
        const parameters: BuiltParameter[] = [];
        const [first] = current.arguments;
        if (first && first.type !== AST_NODE_TYPES.SpreadElement) objectParameters(first, parameters, depth + 1);
        return parameters;
      }
      if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
      const variable = ASTUtils.findVariable(sourceCode.getScope(current), current);
      const init = variable && constantInit(variable);
      // Not through aliases (`const query = params`), which the rule's gate does not follow.
      if (!variable || !init || skipTypeWrappers(init).type === AST_NODE_TYPES.Identifier) return undefined;
      const parameters = readBuiltQuery(init, init.range[1], depth + 1);
      if (parameters && isUrlSearchParamsConstruction(skipTypeWrappers(init))) applyWrites(variable, before, parameters);
      return parameters;
    }

    /**
     * A short name for a query expression in a message: `params`, `params.toString()`,
     * `String(params)`, `new URLSearchParams(…)`, `qs.stringify(…)`. Arguments are left out, as
     * they may hold a secret.
     */
    function describeQuery(node: TSESTree.Node): string {
      const current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.Identifier) return current.name;
      if (current.type === AST_NODE_TYPES.NewExpression) return `new ${sourceCode.getText(current.callee)}(…)`;
      if (current.type !== AST_NODE_TYPES.CallExpression) return 'the query';
      const callee = skipTypeWrappers(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'toString') return `${describeQuery(callee.object)}.toString()`;
      const [first] = current.arguments;
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && first) return `String(${describeQuery(first)})`;
      return `${sourceCode.getText(callee)}(…)`;
    }

    /**
     * Reports the secret parameters of a query built apart (`params`) that `use` puts into a URL:
     * on the property when it is written inside the URL expression itself, else on the use, naming
     * the parameter and the line that sets it.
     */
    function checkBuiltQuery(use: TSESTree.Node): void {
      const parameters = readBuiltQuery(use, use.range[0])?.filter((parameter) => secretParameter(parameter.name) && !isRedaction(parameter.value));
      if (!parameters?.length) return;
      const [first] = parameters;
      if (parameters.every((parameter) => parameter.node.range[0] >= use.range[0] && parameter.node.range[1] <= use.range[1])) {
        for (const parameter of parameters) report(parameter.node, parameter.name);
        return;
      }
      if (!first) return;
      const label = describeQuery(use);
      context.report({
        node: use,
        messageId: 'secretQueryInUrl',
        data: {
          parameter: first.name,
          line: first.node.loc.start.line,
          query: label.length > MAX_QUOTED ? `${label.slice(0, MAX_QUOTED - 1)}…` : label,
          section: SECTIONS[secretParameter(first.name) ?? ''] ?? '',
        },
      });
    }

    /**
     * The query parameters of a string's static text when it is a URL with a query, or a query
     * continuing a URL held in a variable named like one (`ordersUrl + '&access_token=' + t`,
     * `` tokenUrl += `&client_secret=${s}` ``); undefined for any other string.
     */
    function urlQueryParameters(node: TSESTree.Node, text: string, head: TSESTree.Node | undefined): QueryParameter[] | undefined {
      const parameters = parseUrlQuery(text)?.parameters;
      if (parameters) return parameters;
      if (text.startsWith(`${DYNAMIC_PART}&`) && head) {
        const headNode = skipTypeWrappers(head);
        const headName = headNode.type === AST_NODE_TYPES.Identifier ? headNode.name : headNode.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(headNode) : undefined;
        if (headName !== undefined && URL_NAME.test(headName)) return parseQueryText(text.slice(1));
      }
      const parent = node.parent;
      if (/^[?&]/u.test(text) && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '+=' && parent.right === node) {
        const target = parent.left;
        const targetName = target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(target) : undefined;
        if (targetName !== undefined && URL_NAME.test(targetName)) return parseQueryText(text.slice(1));
      }
      return undefined;
    }

    /** `` `${tokenUrl}?${params}` ``, `apiUrl + '?' + qs`: expressions right after the `?` or an `&` of a URL's query. */
    function checkJoinedQueries(node: TSESTree.Node): void {
      if (node.type === AST_NODE_TYPES.Literal) return;
      const raw = sourceCode.getText(node);
      if (!raw.includes('?') && !raw.includes('&')) return;
      const pieces: StringPiece[] = [];
      collectPieces(node, sourceCode.getScope(node), pieces);
      const text = pieces.map((piece) => ('text' in piece ? piece.text : DYNAMIC_PART)).join('');
      const head = pieces[0] && 'expression' in pieces[0] ? pieces[0].expression : undefined;
      let prefix = '';
      let urlQuery: boolean | undefined;
      for (const piece of pieces) {
        if ('text' in piece) {
          prefix += piece.text;
          continue;
        }
        // After the `?` of the URL, or an `&` of a query continuing a URL variable (`ordersUrl + '&' + qs`).
        const inQuery = /[?&]$/u.test(prefix) && (prefix.includes('?') || !text.includes('?'));
        if (inQuery && (urlQuery ??= urlQueryParameters(node, text, head) !== undefined)) checkBuiltQuery(piece.expression);
        prefix += DYNAMIC_PART;
      }
    }

    function checkString(node: TSESTree.Node): void {
      if (!isOutermostString(node)) return;
      checkJoinedQueries(node);
      const raw = sourceCode.getText(node);
      if (!raw.includes('=') || !/secret|password|token|api_?key/iu.test(raw)) return;
      const text = getStaticText(node, sourceCode.getScope(node));
      if (!text) return;
      const parameters = urlQueryParameters(node, text.text, text.head);
      const found = parameters?.find((parameter) => secretParameter(parameter.name));
      if (found) report(node, found.name);
    }

    /** `{ params: { client_secret } }`: each secret key of the query object; `{ searchParams: params }`: a query built apart. */
    function checkQueryObject(value: TSESTree.Node): void {
      const object = resolveObject(value, sourceCode.getScope(value));
      if (!object) {
        if (skipTypeWrappers(value).type === AST_NODE_TYPES.Identifier) checkBuiltQuery(value);
        return;
      }
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const name = getPropertyKeyName(property);
        if (name !== undefined && secretParameter(name)) report(property, name);
      }
    }

    /** Whether an options object is passed to axios (module-aware, or a request method in a file that uses axios). */
    function isAxiosOptions(object: TSESTree.ObjectExpression): boolean {
      const call = object.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(object)) return false;
      const imported = resolveImportedName(call.callee, sourceCode.getScope(call));
      if (imported) return QUERY_OPTION_CLIENTS.some((module) => imported.module === module || isImportOf(imported, module, []));
      const callee = call.callee;
      return callee.type === AST_NODE_TYPES.MemberExpression && REQUEST_METHODS.has(getMemberPropertyName(callee) ?? '') && QUERY_OPTION_CLIENTS.some((module) => mentionsModule(sourceCode.text, module));
    }

    return {
      Literal: checkString,
      TemplateLiteral: checkString,
      BinaryExpression: checkString,
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
        // `url.searchParams.set('client_secret', …)`
        const write = readSearchParamsWrite(node, sourceCode.getScope(node));
        if (write) {
          const receiver = skipTypeWrappers(write.receiver);
          if (receiver.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(receiver) === 'searchParams' && !isRedaction(node.arguments[1])) report(node.arguments[0] ?? node, write.name);
          return;
        }
        // superagent `.query({ client_secret })`
        if (getMemberPropertyName(callee) === 'query' && node.arguments[0] && QUERY_METHOD_CLIENTS.some((module) => mentionsModule(sourceCode.text, module))) checkQueryObject(node.arguments[0]);
      },
      // `url.search = params.toString()`
      AssignmentExpression(node) {
        if (node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(node.left) === 'search') checkBuiltQuery(node.right);
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        // got / ky `searchParams: { … }`; axios `params: { … }`.
        if (name === 'searchParams' || (name === 'params' && isAxiosOptions(node.parent))) checkQueryObject(node.value);
      },
    };
  },
});
