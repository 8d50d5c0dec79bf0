import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { FLOW_API_ROWS, PARAMETER } from '../src/catalogue/flows.js';
import { getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { canonicalParameterName, isOutermostString, matchFlowApis, readQueryStringParameters, readSearchParamsWrite, valueWords } from '../src/util/oauth-requests.js';
import { mayReport } from '../src/detectors/text-gates/no-implicit-flow.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'implicitResponseType' | 'implicitApi';

const IMPLICIT_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'implicit-flow');
const RESPONSE_TYPE_NAMES = new Set<string>([PARAMETER.responseType, PARAMETER.responseTypes]);

/** A response type issues an access token in the authorization response when it contains `token`. */
function issuesAccessToken(value: string): boolean {
  return value.split(/[\s+]+|%20/u).includes('token');
}

export default createRule<Options, MessageIds>({
  name: 'no-implicit-flow',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-implicit-flow'],
    messages: {
      implicitResponseType:
        '`response_type` `{{value}}` returns an access token in the redirect (the implicit grant), where it leaks through history, logs and Referer headers and cannot be sender-constrained. RFC 9700 §2.1.2 says not to use it and OAuth 2.1 removes it: use `response_type: \'code\'` with PKCE and exchange the code for tokens.',
      implicitApi:
        '{{api}} runs the implicit grant, which RFC 9700 §2.1.2 says not to use and OAuth 2.1 removes. Use the authorization-code grant with PKCE instead ({{fix}}).',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;

    function checkValue(valueNode: TSESTree.Node): void {
      const scope = sourceCode.getScope(valueNode);
      const current = skipTypeWrappers(valueNode);
      // `response_types: ['code', 'id_token token']`: each element is one response type.
      const candidates = current.type === AST_NODE_TYPES.ArrayExpression ? current.elements : [valueNode];
      for (const candidate of candidates) {
        if (!candidate || candidate.type === AST_NODE_TYPES.SpreadElement) continue;
        const resolved = resolveString(candidate, scope);
        if (resolved && issuesAccessToken(resolved.value)) context.report({ node: candidate, messageId: 'implicitResponseType', data: { value: resolved.value } });
      }
    }

    function checkString(node: TSESTree.Node): void {
      if (!isOutermostString(node)) return;
      const raw = sourceCode.getText(node);
      if (!raw.includes('response_type') || !raw.includes('token')) return;
      const request = readQueryStringParameters(node, sourceCode.getScope(node));
      const responseType = request?.parameters.get(PARAMETER.responseType);
      if (responseType && issuesAccessToken(responseType.value ?? '')) {
        context.report({ node, messageId: 'implicitResponseType', data: { value: valueWords(responseType).join(' ') } });
      }
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined || !RESPONSE_TYPE_NAMES.has(canonicalParameterName(name))) return;
        // A token-endpoint request (it has a grant type) is not an authorization request, whatever
        // legacy `response_type` it carries (Azure AD v1 accepts one on client credentials).
        if (node.parent.properties.some((property) => property.type === AST_NODE_TYPES.Property && canonicalParameterName(getPropertyKeyName(property) ?? '') === PARAMETER.grantType)) return;
        checkValue(node.value);
      },
      CallExpression(node) {
        const write = readSearchParamsWrite(node, sourceCode.getScope(node));
        if (write && canonicalParameterName(write.name) === PARAMETER.responseType && node.arguments[1]) checkValue(node.arguments[1]);
        for (const match of matchFlowApis(node, IMPLICIT_ROWS, sourceCode)) {
          context.report({ node: match.node, messageId: 'implicitApi', data: { api: match.row.label, fix: '`code.getUri()` with PKCE, then `code.getToken()`' } });
        }
      },
      Literal: checkString,
      TemplateLiteral: checkString,
      BinaryExpression: checkString,
    };
  },
});
