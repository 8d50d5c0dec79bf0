import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { classifySecretName, classifySecretValue, isHarmlessValueKind, isTestFile, maskSecret } from '../src/detectors/index.js';
import { getPropertyKeyName, resolveString } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';

export type Options = [];
export type MessageIds = 'hardcodedClientSecret';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-client-secret',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded OAuth client secrets',
      recommended: 'error',
    },
    messages: {
      hardcodedClientSecret:
        'Hard-coded client secret ({{masked}}), {{reason}}. Read it from an environment variable or a secret store, and rotate it: it is in version control.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const testFile = isTestFile(context.filename);

    function check(name: string | undefined, valueNode: TSESTree.Node): void {
      if (name === undefined || classifySecretName(name)?.kind !== 'client-secret') return;
      const resolved = resolveString(valueNode, context.sourceCode.getScope(valueNode));
      if (!resolved) return;
      const classification = classifySecretValue(resolved.value, { name, isTestFile: testFile, expectedKind: 'client-secret' });
      if (isHarmlessValueKind(classification.kind)) return;
      context.report({
        node: resolved.node,
        messageId: 'hardcodedClientSecret',
        data: { masked: maskSecret(resolved.value), reason: classification.reason },
      });
    }

    return {
      Property(node) {
        if (node.parent.type !== AST_NODE_TYPES.ObjectExpression) return;
        check(getPropertyKeyName(node), node.value);
      },
      VariableDeclarator(node) {
        if (node.id.type === AST_NODE_TYPES.Identifier && node.init) check(node.id.name, node.init);
      },
    };
  },
});
