import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { FLOW_API_ROWS, GRANT_TYPES, PARAMETER } from '../src/catalogue/flows.js';
import { getPropertyKeyName, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { mayReport } from '../src/detectors/text-gates/no-offline-access-with-client-credentials.js';
import {
  canonicalParameterName,
  isOutermostString,
  isUrlSearchParamsConstruction,
  matchFlowApis,
  readObjectParameters,
  readQueryStringParameters,
  readReceiverWrites,
  readSearchParamsConstruction,
  readSearchParamsWrite,
  valueWords,
  type RequestParameters,
} from '../src/util/oauth-requests.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [];
export type MessageIds = 'offlineAccess' | 'offlineToken' | 'removeScope' | 'removeOfflineToken';

const OFFLINE = 'offline_access';
const CLIENT_CREDENTIALS_ROWS = FLOW_API_ROWS.filter((row) => row.pattern === 'client-credentials');
const CLIENT_CREDENTIALS: readonly string[] = GRANT_TYPES.clientCredentials;
const SCOPE_NAMES = new Set<string>([PARAMETER.scope, PARAMETER.scopes]);
const SCOPE_WORD = /(?:%20|\+| )offline_access(?![\w-])|(?<![\w-])offline_access(?:%20|\+| )?/u;

function isClientCredentialsRequest(request: RequestParameters | undefined): boolean {
  const grant = request?.parameters.get(PARAMETER.grantType);
  return grant?.value !== undefined && CLIENT_CREDENTIALS.includes(grant.value);
}

export default createRule<Options, MessageIds>({
  name: 'no-offline-access-with-client-credentials',
  meta: {
    type: 'suggestion',
    docs: RULE_DOCS['no-offline-access-with-client-credentials'],
    hasSuggestions: true,
    messages: {
      offlineAccess:
        '`offline_access` asks for a refresh token, but this is a client-credentials request: there is no user to be offline for, RFC 6749 §4.4.3 says no refresh token should be issued, and OpenID Connect Core §11 has the provider ignore the scope. Remove it and request a new access token when the cached one expires.',
      offlineToken:
        '`offlineToken: true` adds `offline_access` to a client-credentials request, where RFC 6749 §4.4.3 says no refresh token should be issued. Remove it and request a new access token when the cached one expires.',
      removeScope: 'Remove `offline_access` from the scope.',
      removeOfflineToken: 'Remove `offlineToken: true`.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text)) return {};
    const { sourceCode } = context;

    /** Whether an object literal is (part of) a client-credentials request. */
    function objectIsClientCredentials(object: TSESTree.ObjectExpression): boolean {
      const scope = sourceCode.getScope(object);
      if (isClientCredentialsRequest(readObjectParameters(object, scope))) return true;
      // `new URLSearchParams({ scope })` with the grant type set later, or passed to a client-credentials API.
      let holder: TSESTree.Node = object;
      if (object.parent.type === AST_NODE_TYPES.NewExpression && isUrlSearchParamsConstruction(object.parent)) {
        holder = object.parent;
        if (isClientCredentialsRequest(readSearchParamsConstruction(object.parent, sourceCode))) return true;
      }
      return isClientCredentialsArgument(holder);
    }

    /** Whether `node` (or the variable it initialises) is the parameters argument of a client-credentials API. */
    function isClientCredentialsArgument(node: TSESTree.Node): boolean {
      let argument = node;
      const declarator = node.parent;
      if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node && declarator.id.type === AST_NODE_TYPES.Identifier) {
        const variable = sourceCode.getDeclaredVariables(declarator)[0];
        const uses = variable?.references.filter((reference) => !reference.init) ?? [];
        return uses.some((reference) => isClientCredentialsArgument(reference.identifier));
      }
      const call = argument.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) return false;
      argument = skipTypeWrappers(argument);
      return matchFlowApis(call, CLIENT_CREDENTIALS_ROWS, sourceCode).some((match) => match.argument === node || match.argument === argument);
    }

    /** The string literal (or array element) inside `value` that holds the scope word, for the report and the fix. */
    function scopeHolder(value: TSESTree.Node): TSESTree.Node | undefined {
      const current = skipTypeWrappers(value);
      if (current.type === AST_NODE_TYPES.ArrayExpression) {
        return current.elements.find((element): element is TSESTree.Expression => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && sourceCode.getText(element).includes(OFFLINE));
      }
      return current;
    }

    function removeScopeFix(holder: TSESTree.Node): TSESLint.ReportFixFunction | undefined {
      const parent = holder.parent;
      // A whole array element: drop it with its comma.
      if (parent?.type === AST_NODE_TYPES.ArrayExpression && holder.type === AST_NODE_TYPES.Literal && holder.value === OFFLINE) {
        return (fixer) => {
          const after = sourceCode.getTokenAfter(holder);
          if (after?.value === ',') return fixer.removeRange([holder.range[0], after.range[1] + (sourceCode.text[after.range[1]] === ' ' ? 1 : 0)]);
          const before = sourceCode.getTokenBefore(holder);
          return before?.value === ',' ? fixer.removeRange([before.range[0], holder.range[1]]) : fixer.remove(holder);
        };
      }
      // A word inside a string or template text: edit the source text of that literal.
      const literal = findLiteralWith(holder);
      if (!literal) return undefined;
      const raw = sourceCode.getText(literal);
      const edited = raw.replace(SCOPE_WORD, '');
      return edited === raw ? undefined : (fixer) => fixer.replaceText(literal, edited);
    }

    function findLiteralWith(node: TSESTree.Node): TSESTree.Node | undefined {
      const current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.Literal || current.type === AST_NODE_TYPES.TemplateLiteral) return sourceCode.getText(current).includes(OFFLINE) ? current : undefined;
      if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return findLiteralWith(current.left) ?? findLiteralWith(current.right);
      return undefined;
    }

    function report(holder: TSESTree.Node): void {
      const fix = removeScopeFix(holder);
      context.report({ node: holder, messageId: 'offlineAccess', suggest: fix ? [{ messageId: 'removeScope', fix }] : [] });
    }

    function hasOfflineScope(request: RequestParameters | undefined, name: string): boolean {
      return valueWords(request?.parameters.get(name)).includes(OFFLINE);
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        const name = getPropertyKeyName(node);
        if (name === undefined) return;
        const canonical = canonicalParameterName(name);
        if (SCOPE_NAMES.has(canonical)) {
          // Cheap: read the object only when the scope can mention offline_access.
          const value = skipTypeWrappers(node.value);
          if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression && !sourceCode.getText(value).includes(OFFLINE)) return;
          const scope = sourceCode.getScope(node);
          const request = readObjectParameters(node.parent, scope);
          if (!hasOfflineScope(request, canonical) || !objectIsClientCredentials(node.parent)) return;
          const holder = scopeHolder(node.value);
          if (holder) report(holder);
        } else if (name === 'offlineToken' && node.value.type === AST_NODE_TYPES.Literal && node.value.value === true && objectIsClientCredentials(node.parent)) {
          const property = node;
          context.report({
            node,
            messageId: 'offlineToken',
            suggest: [
              {
                messageId: 'removeOfflineToken',
                fix: (fixer) => {
                  // Take the comma before the property with it, or the one after when it comes first.
                  const before = sourceCode.getTokenBefore(property);
                  if (before?.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
                  const after = sourceCode.getTokenAfter(property);
                  const end = after?.value === ',' ? after.range[1] + (sourceCode.text[after.range[1]] === ' ' ? 1 : 0) : property.range[1];
                  return fixer.removeRange([property.range[0], end]);
                },
              },
            ],
          });
        }
      },
      CallExpression(node) {
        const write = readSearchParamsWrite(node, sourceCode.getScope(node));
        const value = node.arguments[1];
        if (!write || !value) return;
        const canonical = canonicalParameterName(write.name);
        if (!SCOPE_NAMES.has(canonical)) return;
        const receiver = skipTypeWrappers(write.receiver);
        let request: RequestParameters | undefined = readReceiverWrites(node, sourceCode)?.request;
        if (!request && receiver.type === AST_NODE_TYPES.Identifier) {
          const definition = sourceCode.getScope(node).references.find((reference) => reference.identifier === receiver)?.resolved?.defs[0];
          const init = definition?.type === 'Variable' ? definition.node.init : undefined;
          if (init && isUrlSearchParamsConstruction(skipTypeWrappers(init))) request = readSearchParamsConstruction(skipTypeWrappers(init) as TSESTree.NewExpression, sourceCode);
        }
        if (hasOfflineScope(request, canonical) && isClientCredentialsRequest(request)) {
          const holder = scopeHolder(value);
          if (holder && request?.parameters.get(canonical)?.node === node) report(holder);
        }
      },
      'Literal, TemplateLiteral, BinaryExpression'(node: TSESTree.Literal | TSESTree.TemplateLiteral | TSESTree.BinaryExpression) {
        if (!isOutermostString(node)) return;
        const raw = sourceCode.getText(node);
        if (!raw.includes(OFFLINE) || !raw.includes('client_credentials')) return;
        const request = readQueryStringParameters(node, sourceCode.getScope(node));
        if (isClientCredentialsRequest(request) && hasOfflineScope(request, PARAMETER.scope)) report(node);
      },
    };
  },
});
