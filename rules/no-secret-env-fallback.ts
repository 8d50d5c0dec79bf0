import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { formatEnvRead, getEnvRead, type EnvRead } from '../src/catalogue/env.js';
import { classifySecretName, classifySecretValue, CREDENTIAL_KIND_LABELS, isTestFile, kindWithArticle, maskSecret, type CredentialKind } from '../src/detectors/index.js';
import { envLookupText, requireEnvImportFix } from '../src/fix/index.js';
import { getPropertyKeyName, resolveString } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { createModuleSideTracker } from '../src/util/module-side.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-env-fallback.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [
  {
    checkEmptyFallback?: boolean;
    requireEnv?: { helperName?: string; importPath?: string };
  },
];
export type MessageIds = 'literalFallback' | 'emptyFallback' | 'defaultParameter' | 'suggestFailFast' | 'suggestRemoveDefault';

/** Why a fallback matters: the env name or the slot it reaches names a credential. */
interface SecretTarget {
  readonly kind: CredentialKind;
  readonly name: string;
}

function secretKindOf(name: string | undefined): CredentialKind | undefined {
  if (name === undefined) return undefined;
  const kind = classifySecretName(name)?.kind;
  // A client id falls back to a default harmlessly often enough (a sandbox app); it is not secret.
  return kind === 'client-id' ? undefined : kind;
}

/** The name of the slot an expression is written to: a property key, a variable, an assignment target. */
function slotNameOf(node: TSESTree.Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === node) return getPropertyKeyName(parent);
  if (parent.type === AST_NODE_TYPES.PropertyDefinition && parent.value === node) return getPropertyKeyName(parent);
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) {
    if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
    if (parent.left.type === AST_NODE_TYPES.MemberExpression && !parent.left.computed && parent.left.property.type === AST_NODE_TYPES.Identifier) return parent.left.property.name;
  }
  if (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression) return slotNameOf(parent);
  return undefined;
}

/** Env reads on the left of `a || b || 'lit'`, in source order; empty when any operand is not one. */
function envReadsOnLeft(node: TSESTree.LogicalExpression): EnvRead[] {
  const reads: EnvRead[] = [];
  let current: TSESTree.Node = node.left;
  for (;;) {
    const read = getEnvRead(current);
    if (read) return [read, ...reads];
    if (current.type !== AST_NODE_TYPES.LogicalExpression || current.operator !== node.operator) return [];
    const right = getEnvRead(current.right);
    if (!right) return [];
    reads.unshift(right);
    current = current.left;
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-secret-env-fallback',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-env-fallback'],
    hasSuggestions: true,
    messages: {
      literalFallback:
        '{{env}} falls back to a hard-coded {{kind}} ({{masked}}), {{reason}}. When the variable is missing the program runs with a secret that is in version control; fail fast instead.',
      emptyFallback:
        "{{env}} falls back to '' for {{kindWithArticle}}. When the variable is missing the program starts with an empty secret and fails later, far from the cause; fail fast instead.",
      defaultParameter:
        'Parameter `{{name}}` defaults to a hard-coded {{kind}} ({{masked}}), {{reason}}. Callers that forget it run with a secret from version control; make it required.',
      suggestFailFast: 'Replace the fallback with {{replacement}}, which fails at start-up when {{name}} is not set.',
      suggestRemoveDefault: 'Remove the default value.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkEmptyFallback: {
            type: 'boolean',
            description: "Also report `?? ''` and `|| ''` fallbacks for secret variables (a separate message).",
          },
          requireEnv: {
            type: 'object',
            additionalProperties: false,
            description: 'A helper that reads a required variable and throws when it is missing; the suggestion calls it and imports it.',
            properties: {
              helperName: { type: 'string', description: 'Name of the helper, e.g. `requireEnv`.' },
              importPath: { type: 'string', description: "Module the helper is imported from, e.g. `'./env.js'`." },
            },
          },
        },
      },
    ],
    defaultOptions: [{ checkEmptyFallback: true }],
  },
  defaultOptions: [{ checkEmptyFallback: true }],
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename, options })) return {};
    const testFile = isTestFile(context.filename);
    const tracker = createModuleSideTracker(context, {});
    const reportEmpty = options.checkEmptyFallback !== false;
    const pending: (() => void)[] = [];

    /** `requireEnv('X')` when the helper is configured and one `process.env` read is involved, else the reads with a throw. */
    function failFastText(reads: readonly EnvRead[], readsNode: TSESTree.Node, operator: string): string {
      const helper = options.requireEnv;
      const [only] = reads;
      if (helper?.importPath !== undefined && reads.length === 1 && only?.source === 'process.env' && /^[A-Za-z_]\w*$/u.test(only.name)) {
        return envLookupText(only.name, { style: 'require-env', ...(helper.helperName === undefined ? {} : { helperName: helper.helperName }) });
      }
      const names = reads.map((read) => read.name.replace(/['\\\n]/gu, '')).join(' or ');
      return `${context.sourceCode.getText(readsNode)} ${operator} (() => { throw new Error('Environment variable ${names} is not set'); })()`;
    }

    function check(
      reads: readonly EnvRead[],
      readsNode: TSESTree.Node,
      fallback: TSESTree.Node,
      replaced: TSESTree.Node,
      operator: '||' | '??' | 'default',
    ): void {
      const [read] = reads;
      const target = read && secretTarget(reads, replaced);
      if (!read || !target) return;
      const resolved = resolveString(fallback, context.sourceCode.getScope(fallback));
      if (!resolved) return;
      const classification = classifySecretValue(resolved.value, { name: target.name, isTestFile: testFile, expectedKind: target.kind });
      const empty = classification.kind === 'empty';
      if (empty ? !reportEmpty : classification.kind === 'placeholder' || classification.kind === 'reference' || classification.kind === 'dummy' || classification.kind === 'not-secret') return;
      const data = { env: formatEnvRead(read), kind: CREDENTIAL_KIND_LABELS[target.kind], kindWithArticle: kindWithArticle(target.kind), masked: maskSecret(resolved.value), reason: classification.reason };
      pending.push(() => {
        // An env lookup in browser code is inlined or undefined: no replacement is offered there.
        const client = tracker.side().side === 'client';
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        if (!client && operator !== 'default') {
          const replacement = failFastText(reads, readsNode, operator);
          const helper = options.requireEnv;
          suggest.push({
            messageId: 'suggestFailFast',
            data: { replacement: replacement.includes('throw') ? 'an inline throw' : `\`${replacement}\``, name: reads.map((each) => each.name).join(' or ') },
            fix(fixer) {
              const fixes = [fixer.replaceText(replaced, replacement)];
              if (helper?.importPath !== undefined && !replacement.includes('throw')) {
                const importFix = requireEnvImportFix(fixer, context.sourceCode, {
                  importPath: helper.importPath,
                  ...(helper.helperName === undefined ? {} : { helperName: helper.helperName }),
                });
                if (importFix) fixes.push(importFix);
              }
              return fixes;
            },
          });
        }
        if (!client && operator === 'default' && replaced.type === AST_NODE_TYPES.AssignmentPattern) {
          suggest.push({
            messageId: 'suggestRemoveDefault',
            fix: (fixer) => fixer.removeRange([replaced.left.range[1], replaced.range[1]]),
          });
        }
        context.report({ node: resolved.node, messageId: empty ? 'emptyFallback' : 'literalFallback', data, suggest });
      });
    }

    function secretTarget(reads: readonly EnvRead[], expression: TSESTree.Node): SecretTarget | undefined {
      for (const read of reads) {
        const envKind = secretKindOf(read.name);
        if (envKind) return { kind: envKind, name: read.name };
      }
      const slot = slotNameOf(expression);
      const slotKind = secretKindOf(slot);
      return slotKind && slot !== undefined ? { kind: slotKind, name: slot } : undefined;
    }

    return {
      MemberExpression: tracker.noteEnvRead,
      LogicalExpression(node) {
        if (node.operator === '&&') return;
        check(envReadsOnLeft(node), node.left, node.right, node, node.operator);
      },
      ConditionalExpression(node) {
        // `process.env.X ? process.env.X : 'lit'` and `!process.env.X ? 'lit' : process.env.X`.
        const negated = node.test.type === AST_NODE_TYPES.UnaryExpression && node.test.operator === '!';
        const testRead = getEnvRead(negated && node.test.type === AST_NODE_TYPES.UnaryExpression ? node.test.argument : node.test);
        const valueNode = negated ? node.alternate : node.consequent;
        const valueRead = getEnvRead(valueNode);
        if (!testRead || !valueRead || testRead.name !== valueRead.name) return;
        check([valueRead], valueNode, negated ? node.consequent : node.alternate, node, '||');
      },
      AssignmentPattern(node) {
        const parent = node.parent;
        if (parent.type === AST_NODE_TYPES.Property) {
          // `const { CLIENT_SECRET = 'lit' } = process.env`
          const read = getEnvRead(parent);
          if (read) check([read], parent, node.right, node, 'default');
          return;
        }
        const isParameter =
          (parent.type === AST_NODE_TYPES.FunctionDeclaration ||
            parent.type === AST_NODE_TYPES.FunctionExpression ||
            parent.type === AST_NODE_TYPES.ArrowFunctionExpression) &&
          parent.params.includes(node);
        if (!isParameter || node.left.type !== AST_NODE_TYPES.Identifier) return;
        const name = node.left.name;
        const kind = secretKindOf(name);
        if (!kind) return;
        const resolved = resolveString(node.right, context.sourceCode.getScope(node.right));
        if (!resolved) return;
        const classification = classifySecretValue(resolved.value, { name, isTestFile: testFile, expectedKind: kind });
        if (classification.kind === 'empty' || classification.kind === 'placeholder' || classification.kind === 'reference' || classification.kind === 'dummy' || classification.kind === 'not-secret') return;
        context.report({
          node: resolved.node,
          messageId: 'defaultParameter',
          data: { name, kind: CREDENTIAL_KIND_LABELS[kind], masked: maskSecret(resolved.value), reason: classification.reason },
          suggest: [{ messageId: 'suggestRemoveDefault', fix: (fixer) => fixer.removeRange([node.left.range[1], node.range[1]]) }],
        });
      },
      'Program:exit'() {
        for (const report of pending) report();
      },
    };
  },
});
