import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { FLOW_API_ROWS, PARAMETER } from '../src/catalogue/flows.js';
import { getPropertyKeyName, resolveString } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { authorizationRequestListeners, canonicalParameterName, isReturnedObject, isValueReference, matchFlowApis, readAuthJsChecks, readSearchParamsWrite } from '../src/util/oauth-requests.js';
import { mayReport } from '../src/detectors/text-gates/require-pkce.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'missingPkce' | 'plainPkce' | 'libraryWithoutPkce' | 'checksWithoutPkce';

const NO_PKCE_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'no-pkce');
const AUTHORIZATION_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'authorization-url');
const FIX = 'send `code_challenge` = BASE64URL(SHA-256(code_verifier)) with `code_challenge_method=S256`, and the `code_verifier` with the token request';

export default createRule<Options, MessageIds>({
  name: 'require-pkce',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['require-pkce'],
    messages: {
      missingPkce: 'This authorization-code request has no `code_challenge`. RFC 9700 §2.1.1 and OAuth 2.1 §4.1.1 require PKCE against code injection: {{fix}}.',
      plainPkce: '`code_challenge_method` `plain` exposes the verifier in the front channel; RFC 9700 §2.1.1 says to use `S256`, the only method that does not.',
      libraryWithoutPkce: '{{api}} runs the authorization-code flow without PKCE (RFC 9700 §2.1.1, OAuth 2.1 §4.1.1): {{fix}}.',
      checksWithoutPkce: "Auth.js `checks` without `'pkce'` turns PKCE off for this provider (RFC 9700 §2.1.1): keep the default `['pkce']`, adding `'state'` or `'nonce'` if the provider needs them.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;

    function checkMethod(valueNode: TSESTree.Node): void {
      if (resolveString(valueNode, sourceCode.getScope(valueNode))?.value.toLowerCase() === 'plain') context.report({ node: valueNode, messageId: 'plainPkce' });
    }

    const requests = authorizationRequestListeners(sourceCode, AUTHORIZATION_ROWS, (request) => {
      const method = request.parameters.get(PARAMETER.codeChallengeMethod);
      // Object properties and `.set()` calls are checked by their own listeners.
      if (method?.value?.toLowerCase() === 'plain' && method.valueNode === undefined) context.report({ node: method.node, messageId: 'plainPkce' });
      if (request.complete && !request.parameters.has(PARAMETER.codeChallenge)) {
        context.report({ node: request.node, messageId: 'missingPkce', data: { fix: FIX } });
      }
    });

    return {
      ...requests,
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined) return;
        const canonical = canonicalParameterName(name);
        if (canonical === PARAMETER.codeChallengeMethod) checkMethod(node.value);
        else if (name === 'checks') {
          const checks = readAuthJsChecks(node.value);
          // In a provider definition the checks say what the provider supports (not every provider does PKCE).
          if (checks && !checks.includes('pkce') && !isReturnedObject(node.parent)) context.report({ node: node.value, messageId: 'checksWithoutPkce' });
        }
      },
      CallExpression(node) {
        requests.CallExpression(node);
        const write = readSearchParamsWrite(node, sourceCode.getScope(node));
        if (write && canonicalParameterName(write.name) === PARAMETER.codeChallengeMethod && node.arguments[1]) checkMethod(node.arguments[1]);
        for (const match of matchFlowApis(node, NO_PKCE_ROWS, sourceCode)) {
          const plain = match.condition.kind === 'option-equals' && match.node.type === AST_NODE_TYPES.Property && resolveString(match.node.value, sourceCode.getScope(node))?.value === 'plain';
          if (plain) context.report({ node: match.node, messageId: 'plainPkce' });
          else context.report({ node: match.node, messageId: 'libraryWithoutPkce', data: { api: match.row.label, fix: match.row.fix ?? FIX } });
        }
      },
      NewExpression(node) {
        requests.NewExpression(node);
        for (const match of matchFlowApis(node, NO_PKCE_ROWS, sourceCode)) {
          const plain = match.condition.kind === 'option-equals' && match.node.type === AST_NODE_TYPES.Property && resolveString(match.node.value, sourceCode.getScope(node))?.value === 'plain';
          if (plain) context.report({ node: match.node, messageId: 'plainPkce' });
          else context.report({ node: match.node, messageId: 'libraryWithoutPkce', data: { api: match.row.label, fix: match.row.fix ?? FIX } });
        }
      },
      'Identifier, MemberExpression'(node: TSESTree.Identifier | TSESTree.MemberExpression) {
        // Cheap name check before resolving: only `nopkce` references.
        const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
        // Only as an argument itself: `checks?.pkceCodeVerifier || oauth.nopkce` is a library's fallback.
        if (name !== 'nopkce' || !isValueReference(node) || node.parent?.type !== AST_NODE_TYPES.CallExpression || node.parent.callee === node) return;
        for (const match of matchFlowApis(node, NO_PKCE_ROWS, sourceCode)) {
          context.report({ node: match.node, messageId: 'libraryWithoutPkce', data: { api: match.row.label, fix: match.row.fix ?? FIX } });
        }
      },
    };
  },
});
