import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { FLOW_API_ROWS, PARAMETER } from '../src/catalogue/flows.js';
import { isTestFile } from '../src/detectors/index.js';
import { getPropertyKeyName } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { authorizationRequestListeners, matchFlowApis, readAuthJsChecks, type RequestParameter } from '../src/util/oauth-requests.js';
import { DYNAMIC_PART } from '../src/util/urls.js';
import { mayHaveEndpointRequest, mayReport } from '../src/detectors/text-gates/require-oauth-state.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'missingState' | 'constantState' | 'libraryWithoutState' | 'checksWithoutState';

const NO_STATE_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'no-state');
const AUTHORIZATION_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'authorization-url');

/** A `state` that is the same on every request protects nothing. */
function isConstant(parameter: RequestParameter): boolean {
  if (parameter.dynamic || parameter.value === undefined) return false;
  return parameter.value !== '' && !parameter.value.includes(DYNAMIC_PART);
}

export default createRule<Options, MessageIds>({
  name: 'require-oauth-state',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['require-oauth-state'],
    messages: {
      missingState:
        'This authorization request has no `state`, `code_challenge` or `nonce`, so nothing ties the redirect back to this browser session. RFC 9700 §2.1 requires CSRF protection: use PKCE, or send a one-time random `state` kept in the session and compared on the callback.',
      constantState:
        'This `state` is the same on every request, so it does not stop cross-site request forgery (RFC 9700 §2.1, §4.7). Generate a random value per request (e.g. `crypto.randomBytes(32).toString(\'base64url\')`), keep it in the session and compare it on the callback.',
      libraryWithoutState: '{{api}} runs a redirect flow without CSRF protection (RFC 9700 §2.1, §4.7): {{fix}}.',
      checksWithoutState: "Auth.js `checks` without `'pkce'`, `'state'` or `'nonce'` turns CSRF protection off for this provider (RFC 9700 §2.1): keep the default `['pkce']`.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;

    const requests = authorizationRequestListeners(
      sourceCode,
      AUTHORIZATION_ROWS,
      (request) => {
        const state = request.parameters.get(PARAMETER.state);
        if (state) {
          if (isConstant(state)) context.report({ node: state.valueNode ?? state.node, messageId: 'constantState' });
          return;
        }
        if (request.complete && !request.parameters.has(PARAMETER.codeChallenge) && !request.parameters.has(PARAMETER.nonce)) {
          context.report({ node: request.node, messageId: 'missingState' });
        }
      },
      // GitHub, Slack, Shopify, Facebook… take no `response_type`: their requests are told by the
      // endpoint. Not in tests, whose mocks and browser scripts call authorization endpoints as fixtures.
      { endpointRequests: mayHaveEndpointRequest(sourceCode.text) && !isTestFile(context.filename) },
    );

    function reportRows(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      for (const match of matchFlowApis(node, NO_STATE_ROWS, sourceCode)) {
        context.report({ node: match.node, messageId: 'libraryWithoutState', data: { api: match.row.label, fix: match.row.fix ?? 'enable `state`' } });
      }
    }

    return {
      ...requests,
      CallExpression(node) {
        requests.CallExpression(node);
        reportRows(node);
      },
      NewExpression(node) {
        requests.NewExpression(node);
        reportRows(node);
      },
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression || getPropertyKeyName(node) !== 'checks') return;
        const checks = readAuthJsChecks(node.value);
        if (checks && (checks.includes('none') || !checks.some((check) => check === 'pkce' || check === 'state' || check === 'nonce'))) {
          context.report({ node: node.value, messageId: 'checksWithoutState' });
        }
      },
    };
  },
});
