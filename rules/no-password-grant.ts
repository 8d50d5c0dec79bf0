import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { ACUMATICA_LOGIN_PATH, ACUMATICA_SIGNALS, FLOW_API_ROWS, GRANT_TYPES, PARAMETER } from '../src/catalogue/flows.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { canonicalParameterName, isOutermostString, matchFlowApis, readQueryStringParameters, readSearchParamsWrite } from '../src/util/oauth-requests.js';
import { getStaticText, parseUrlText } from '../src/util/urls.js';
import { mayReport } from '../src/detectors/text-gates/no-password-grant.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'passwordGrant' | 'acumaticaPasswordGrant' | 'acumaticaLogin';

const PASSWORD_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'password-grant');
const PASSWORD_GRANT_TYPES: readonly string[] = GRANT_TYPES.password;
/** Calls that send a request to the URL in their first argument (`fetch`, `axios.post`, `got.post`, …). */
const HTTP_CALLS = new Set(['fetch', 'post', 'request', 'axios', 'got', 'ky', 'needle', 'ofetch', '$fetch']);

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(callee) : undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-password-grant',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-password-grant'],
    messages: {
      passwordGrant:
        'The resource-owner password grant ({{form}}) must not be used (RFC 9700 §2.4): it hands a user password to this program and bypasses multi-factor sign-in. Use the client-credentials grant for machine-to-machine calls, or the authorization-code grant with PKCE when a user signs in.',
      acumaticaPasswordGrant:
        'This Acumatica request uses the resource-owner password grant ({{form}}), which RFC 9700 §2.4 forbids. Acumatica has no client-credentials flow: authorize once with the authorization-code flow and PKCE (scope `api offline_access`), keep the refresh token in a secret store and refresh server-side. If an integration user must stay on this grant, say why in a suppression: `// eslint-disable-next-line credential-hygiene/no-password-grant -- <reason>`.',
      acumaticaLogin:
        'POST {{path}} signs in to Acumatica with a user password and bypasses two-factor authentication (RFC 9700 §2.4 applies to it too). Authorize with the authorization-code flow and PKCE and refresh the token server-side; if an integration user must sign in this way, say why in a suppression: `// eslint-disable-next-line credential-hygiene/no-password-grant -- <reason>`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;
    let acumatica: boolean | undefined;
    // Searched once per file, only when there is something to report.
    const isAcumatica = (): boolean => (acumatica ??= ACUMATICA_SIGNALS.some((signal) => signal.test(sourceCode.text)));

    function report(node: TSESTree.Node, form: string): void {
      context.report({ node, messageId: isAcumatica() ? 'acumaticaPasswordGrant' : 'passwordGrant', data: { form } });
    }

    function checkGrantValue(valueNode: TSESTree.Node): void {
      const resolved = resolveString(valueNode, sourceCode.getScope(valueNode));
      if (resolved && PASSWORD_GRANT_TYPES.includes(resolved.value)) report(valueNode, `grant_type \`${resolved.value}\``);
    }

    function checkString(node: TSESTree.Node): void {
      if (!isOutermostString(node)) return;
      const raw = sourceCode.getText(node);
      // Cheap checks first: the text must mention a grant type and a password, or an /entity/ login.
      if (raw.includes('grant') && raw.includes('password')) {
        const request = readQueryStringParameters(node, sourceCode.getScope(node));
        const grant = request?.parameters.get(PARAMETER.grantType);
        if (grant?.value !== undefined && PASSWORD_GRANT_TYPES.includes(grant.value)) {
          report(node, `\`${grant.name}=${grant.value}\``);
          return;
        }
      }
      const call = node.parent;
      if (raw.includes('/entity/auth/login') && call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === node && HTTP_CALLS.has(calleeName(call) ?? '')) {
        const text = getStaticText(node, sourceCode.getScope(node));
        const path = text && (parseUrlText(text.text)?.path ?? text.text.replace(/^\0+/u, ''));
        if (path !== undefined && ACUMATICA_LOGIN_PATH.test(path)) context.report({ node, messageId: 'acumaticaLogin', data: { path: '/entity/auth/login' } });
      }
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name !== undefined && canonicalParameterName(name) === PARAMETER.grantType) checkGrantValue(node.value);
      },
      CallExpression(node) {
        const write = readSearchParamsWrite(node, sourceCode.getScope(node));
        if (write && canonicalParameterName(write.name) === PARAMETER.grantType && node.arguments[1]) checkGrantValue(node.arguments[1]);
        for (const match of matchFlowApis(node, PASSWORD_ROWS, sourceCode)) report(match.node, match.row.label);
      },
      NewExpression(node) {
        for (const match of matchFlowApis(node, PASSWORD_ROWS, sourceCode)) report(match.node, match.row.label);
      },
      Literal: checkString,
      TemplateLiteral: checkString,
      BinaryExpression: checkString,
    };
  },
});
