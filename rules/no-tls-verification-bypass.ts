import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getEnvRead } from '../src/catalogue/env.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { mayReport } from '../src/detectors/text-gates/no-tls-verification-bypass.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'verificationDisabled' | 'envDisabled' | 'identityCheckDisabled';

/** Options that turn certificate verification off when set to `false`. */
const VERIFY_OPTIONS = new Set(['rejectUnauthorized', 'strictSSL']);
const ENV_NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';
const FIX = 'trust your private CA instead (the `ca` option, or `NODE_EXTRA_CA_CERTS`)';

function isFalse(node: TSESTree.Node): boolean {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal) return current.value === false || current.value === 0;
  // `!1`, the minifier's spelling of `false`.
  return current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!' && current.argument.type === AST_NODE_TYPES.Literal && current.argument.value === 1;
}

/** `'0'`, `0` or `false`: the values with which Node stops verifying certificates. */
function isDisablingEnvValue(node: TSESTree.Node, scope: Parameters<typeof resolveString>[1]): boolean {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Literal && (current.value === 0 || current.value === false)) return true;
  return resolveString(current, scope)?.value === '0';
}

/** `() => undefined`, `() => {}`, `function () { return undefined; }`: a server-identity check that accepts anything. */
function acceptsAnyIdentity(node: TSESTree.Node): boolean {
  const current = skipTypeWrappers(node);
  if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression && current.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const body = current.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body.type === AST_NODE_TYPES.Identifier && body.name === 'undefined';
  if (body.body.length === 0) return true;
  const [only] = body.body;
  return body.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && (!only.argument || (only.argument.type === AST_NODE_TYPES.Identifier && only.argument.name === 'undefined'));
}

export default createRule<Options, MessageIds>({
  name: 'no-tls-verification-bypass',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-tls-verification-bypass'],
    messages: {
      verificationDisabled:
        '`{{option}}: false` turns off TLS certificate verification, so anyone on the network path can read the tokens and client secrets sent on this connection. OAuth 2.1 §7.1.3.2 says the client MUST validate the certificate chain: {{fix}}.',
      envDisabled:
        '{{env}}=0 turns off TLS certificate verification for every HTTPS request this process makes (OAuth 2.1 §7.1.3.2 says the client MUST validate the certificate chain): {{fix}}.',
      identityCheckDisabled:
        '`checkServerIdentity` that accepts every certificate lets any certificate holder impersonate the server (OAuth 2.1 §7.1.3.2): remove it, or compare the host name against the certificate.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;
    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined) return;
        if (VERIFY_OPTIONS.has(name) && isFalse(node.value)) context.report({ node, messageId: 'verificationDisabled', data: { option: name, fix: FIX } });
        else if (name === 'checkServerIdentity' && acceptsAnyIdentity(node.value)) context.report({ node, messageId: 'identityCheckDisabled' });
        // `{ env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' } }` for a child process.
        else if (name === ENV_NAME && isDisablingEnvValue(node.value, sourceCode.getScope(node))) context.report({ node, messageId: 'envDisabled', data: { env: ENV_NAME, fix: FIX } });
      },
      AssignmentExpression(node) {
        if (node.operator !== '=' || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = getMemberPropertyName(node.left);
        if (name === undefined) return;
        if (VERIFY_OPTIONS.has(name) && isFalse(node.right)) context.report({ node, messageId: 'verificationDisabled', data: { option: name, fix: FIX } });
        else if (name === ENV_NAME && getEnvRead(node.left)?.name === ENV_NAME && isDisablingEnvValue(node.right, sourceCode.getScope(node))) {
          context.report({ node, messageId: 'envDisabled', data: { env: ENV_NAME, fix: FIX } });
        }
      },
      CallExpression(node) {
        // superagent `.disableTLSCerts()`.
        if (node.callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(node.callee) === 'disableTLSCerts') {
          context.report({ node: node.callee.property, messageId: 'verificationDisabled', data: { option: 'disableTLSCerts()', fix: FIX } });
        }
      },
    };
  },
});
