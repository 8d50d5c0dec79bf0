import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ENDPOINT_PATHS, ENDPOINT_PROPERTIES, FLOW_API_ROWS } from '../src/catalogue/flows.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { canonicalParameterName, isOutermostString, isValueReference, matchFlowApis } from '../src/util/oauth-requests.js';
import { getStaticText, isLoopbackHost, parseUrlText } from '../src/util/urls.js';
import { mayReport } from '../src/detectors/text-gates/no-insecure-oauth-endpoint.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'insecureEndpoint' | 'insecureSwitch';

const ISSUER_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'issuer-url');
const SWITCH_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'insecure-requests');
const SWITCH_NAMES = new Set(SWITCH_ROWS.map((row) => row.path?.at(-1)));

export default createRule<Options, MessageIds>({
  name: 'no-insecure-oauth-endpoint',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-insecure-oauth-endpoint'],
    messages: {
      insecureEndpoint:
        '{{what}} uses plain HTTP (`{{origin}}`), so codes, tokens and client credentials cross the network unencrypted. OAuth 2.1 §1.5 requires https for every OAuth URL except loopback redirect URIs (see also RFC 9700 §2.6): use https://.',
      insecureSwitch:
        '{{api}} lets the client call OAuth endpoints over plain HTTP (OAuth 2.1 §1.5 requires https). Remove it and serve the authorization server over https://, also in test environments reachable over a network.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;
    const reported = new Set<TSESTree.Node>();
    function report(node: TSESTree.Node, what: string, origin: string): void {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId: 'insecureEndpoint', data: { what, origin } });
    }

    /** The `scheme://host` of an insecure non-loopback URL held by `node`, or undefined. */
    function insecureOrigin(node: TSESTree.Node): { origin: string; path: string } | undefined {
      let current = skipTypeWrappers(node);
      // `new URL('http://…')` as a discovery argument.
      if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'URL' && current.arguments[0]) {
        current = current.arguments[0];
      }
      if (current.type !== AST_NODE_TYPES.Literal && current.type !== AST_NODE_TYPES.TemplateLiteral && current.type !== AST_NODE_TYPES.BinaryExpression && current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const scope = sourceCode.getScope(current);
      const text = getStaticText(current, scope)?.text ?? resolveString(current, scope)?.value;
      if (!text?.toLowerCase().startsWith('http://')) return undefined;
      const url = parseUrlText(text);
      if (!url || url.scheme !== 'http' || (!url.dynamicHost && isLoopbackHost(url.host))) return undefined;
      return { origin: `http://${url.dynamicHost ? '…' : url.host}`, path: url.path };
    }

    function checkString(node: TSESTree.Node): void {
      if (!isOutermostString(node)) return;
      const parent = node.parent;
      // Property values are checked (with their key) by the Property listener.
      if (parent?.type === AST_NODE_TYPES.Property && parent.value === node) return;
      if (!sourceCode.getText(node).includes('http:')) return;
      const insecure = insecureOrigin(node);
      if (insecure && ENDPOINT_PATHS.some((pattern) => pattern.test(insecure.path))) {
        report(node, 'OAuth endpoint', insecure.origin);
      }
    }

    function checkReference(node: TSESTree.Identifier | TSESTree.MemberExpression): void {
      const name = node.type === AST_NODE_TYPES.Identifier ? node.name : getMemberPropertyName(node);
      if (!SWITCH_NAMES.has(name) || !isValueReference(node)) return;
      // `{ [oauth.allowInsecureRequests]: tlsOnly === false }` is how libraries pass the switch on:
      // as an object key it counts only when set to a literal `true`.
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.computed && parent.key === node && !(parent.value.type === AST_NODE_TYPES.Literal && parent.value.value === true)) return;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === node) return;
      for (const match of matchFlowApis(node, SWITCH_ROWS, sourceCode)) context.report({ node: match.node, messageId: 'insecureSwitch', data: { api: match.row.label } });
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined || !ENDPOINT_PROPERTIES.has(canonicalParameterName(name))) return;
        const insecure = insecureOrigin(node.value);
        if (insecure) report(node.value, `\`${name}\``, insecure.origin);
      },
      CallExpression(node) {
        for (const match of matchFlowApis(node, ISSUER_ROWS, sourceCode)) {
          const insecure = match.argument && insecureOrigin(match.argument);
          if (insecure && match.argument) report(match.argument, `The issuer passed to ${match.row.label}`, insecure.origin);
        }
      },
      Identifier: checkReference,
      MemberExpression: checkReference,
      Literal: checkString,
      TemplateLiteral: checkString,
      BinaryExpression: checkString,
    };
  },
});
