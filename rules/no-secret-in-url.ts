import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { SECRET_QUERY_PARAMETERS } from '../src/catalogue/flows.js';
import { getMemberPropertyName, getPropertyKeyName, resolveObject, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { isImportOf, resolveImportedName } from '../src/util/imports.js';
import { createRule } from '../src/util/create-rule.js';
import { canonicalParameterName, isOutermostString, mentionsModule, readSearchParamsWrite } from '../src/util/oauth-requests.js';
import { DYNAMIC_PART, getStaticText, parseQueryText, parseUrlQuery } from '../src/util/urls.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-in-url.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'secretInUrl';

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

export default createRule<Options, MessageIds>({
  name: 'no-secret-in-url',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-in-url'],
    messages: {
      secretInUrl:
        '`{{parameter}}` is put in a URL query string, where it ends up in server and proxy logs, browser history and Referer headers; {{section}}. Send it in the POST body (`URLSearchParams`) or an `Authorization` header instead.',
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

    function checkString(node: TSESTree.Node): void {
      if (!isOutermostString(node)) return;
      const raw = sourceCode.getText(node);
      if (!raw.includes('=') || !/secret|password|token|api_?key/iu.test(raw)) return;
      const text = getStaticText(node, sourceCode.getScope(node));
      if (!text) return;
      let parameters = parseUrlQuery(text.text)?.parameters;
      // `tokenUrl + '&client_secret=' + secret`: the query continues a URL held in a variable.
      if (!parameters && text.text.startsWith(`${DYNAMIC_PART}&`)) {
        const head = skipTypeWrappers(text.head);
        const headName = head.type === AST_NODE_TYPES.Identifier ? head.name : head.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(head) : undefined;
        if (headName !== undefined && URL_NAME.test(headName)) parameters = parseQueryText(text.text.slice(1));
      }
      // `refreshUrl += \`&client_secret=${clientSecret}\``: the same, appended to the variable.
      const parent = node.parent;
      if (!parameters && /^[?&]/u.test(text.text) && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '+=' && parent.right === node) {
        const target = parent.left;
        const targetName = target.type === AST_NODE_TYPES.Identifier ? target.name : target.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(target) : undefined;
        if (targetName !== undefined && URL_NAME.test(targetName)) parameters = parseQueryText(text.text.slice(1));
      }
      const found = parameters?.find((parameter) => secretParameter(parameter.name));
      if (found) report(node, found.name);
    }

    /** `{ params: { client_secret } }`: each secret key of the query object. */
    function checkQueryObject(value: TSESTree.Node): void {
      const object = resolveObject(value, sourceCode.getScope(value));
      if (!object) return;
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
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        // got / ky `searchParams: { … }`; axios `params: { … }`.
        if (name === 'searchParams' || (name === 'params' && isAxiosOptions(node.parent))) checkQueryObject(node.value);
      },
    };
  },
});
