import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { DEFAULT_CLIENT_GLOBS, isPublicSecretEnvName } from '../src/catalogue/client-side.js';
import { formatEnvRead, getEnvRead } from '../src/catalogue/env.js';
import { GRANT_TYPES } from '../src/catalogue/flows.js';
import { CREDENTIAL_KIND_LABELS, isTestFile } from '../src/detectors/index.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { secretNameKind } from '../src/util/credential-sites.js';
import { createModuleSideTracker, isInServerOnlyFunction } from '../src/util/module-side.js';
import { mayReport } from '../src/detectors/text-gates/no-secret-in-client-code.js';
import { RULE_DOCS } from '../src/rule-docs.js';

export type Options = [
  {
    clientFiles?: string[];
    serverFiles?: string[];
    checkBrowserGlobals?: boolean;
  },
];
export type MessageIds = 'publicSecretEnv' | 'secretEnvInClient' | 'clientSecretInClient' | 'clientCredentialsInClient' | 'nextConfigEnvSecret';

/** Modules whose public env exports are inlined into the client (SvelteKit). */
const PUBLIC_ENV_MODULES = new Set(['$env/static/public', '$env/dynamic/public']);

const CLIENT_CREDENTIALS = new Set<string>(GRANT_TYPES.clientCredentials);

/** The label of a credential an env var holds; client ids are public by design and not counted. */
function isServerSecretName(name: string): string | undefined {
  const kind = secretNameKind(name);
  if (kind === undefined || kind === 'client-id') return undefined;
  return CREDENTIAL_KIND_LABELS[kind];
}

/** `grant_type: 'client_credentials'`, `'grant_type=client_credentials'`, `params.set('grant_type', 'client_credentials')`. */
function isClientCredentialsGrant(node: TSESTree.Literal | TSESTree.TemplateElement): boolean {
  const value = node.type === AST_NODE_TYPES.Literal ? node.value : node.value.cooked;
  if (typeof value !== 'string' || !value.includes('client_credentials')) return false;
  if (CLIENT_CREDENTIALS.has(value)) {
    const parent = node.parent;
    // Comparisons, `case` labels and type positions read a grant type; they do not request one.
    if (parent?.type === AST_NODE_TYPES.BinaryExpression || parent?.type === AST_NODE_TYPES.SwitchCase || parent?.type === AST_NODE_TYPES.TSLiteralType) return false;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node) return false;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = getMemberPropertyName(parent.callee);
      if (method === 'includes' || method === 'indexOf' || method === 'has') return false;
    }
    return true;
  }
  return /(?:^|[?&\s])grant_type=client_credentials(?:$|&)/u.test(value);
}

/** Unwraps type wrappers and optional chains: `(process?.env as Env)` → the member expression. */
function skipWrappersAndChains(node: TSESTree.Node): TSESTree.Node {
  let current = skipTypeWrappers(node);
  while (current.type === AST_NODE_TYPES.ChainExpression) current = skipTypeWrappers(current.expression);
  return current;
}

/**
 * Cheap test before `getEnvRead`, which builds the member path of every object: each env object
 * it knows ends in `.env` (`process.env`, `globalThis.process.env`, `import.meta.env`, `Bun.env`),
 * and its only getter is `Deno.env.get`.
 */
function mayReadEnv(node: TSESTree.MemberExpression | TSESTree.CallExpression): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipWrappersAndChains(node.object);
    return object.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(object) === 'env';
  }
  const callee = skipWrappersAndChains(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(callee) === 'get';
}

/**
 * Whether a property value sets a secret here (a literal, an env read, a constant bound to either)
 * rather than passing on a configured one (`client_secret: settings.client_secret`, a parameter).
 */
function isSetHere(value: TSESTree.Node, scope: TSESLint.Scope.Scope): boolean {
  const current = skipTypeWrappers(value);
  if (resolveString(current, scope) || getEnvRead(current)) return true;
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scope, current);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  return def?.type === 'Variable' && def.node.init !== null && getEnvRead(def.node.init) !== undefined;
}

/** Whether a property sits directly in the `env: { … }` object of a Next.js config. */
function isInNextConfigEnv(node: TSESTree.Property): boolean {
  const object = node.parent;
  const holder = object.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
  return holder?.type === AST_NODE_TYPES.Property && getPropertyKeyName(holder) === 'env';
}

export default createRule<Options, MessageIds>({
  name: 'no-secret-in-client-code',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-secret-in-client-code'],
    messages: {
      publicSecretEnv:
        '{{env}} is a {{kind}} behind the {{framework}} public prefix `{{prefix}}`: the build inlines it into the JavaScript every visitor downloads. Rename it without the prefix and use it only on the server.',
      secretEnvInClient:
        '{{env}} reads a {{kind}} in browser code ({{reason}}): it is either inlined into the bundle or undefined. Move the call that needs it to a server route and call that route from the client.',
      clientSecretInClient:
        '`{{name}}` sets a client secret in browser code ({{reason}}); anything in the bundle is readable by every user. Use a public client with authorization code + PKCE, or a backend that holds the secret.',
      nextConfigEnvSecret:
        '`{{name}}` in the `env` of next.config is a {{kind}}: Next.js inlines every value there into the JavaScript bundle. Read it with process.env in server code instead.',
      clientCredentialsInClient:
        'The client-credentials grant runs in browser code ({{reason}}); it is only for confidential clients on a trusted server (OAuth 2.1 §4.2). Request the token from a server route.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          clientFiles: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs of files that always run in the browser; replaces the defaults (`src/client/**`, `app/**/page.tsx`, `*.client.*`…).',
          },
          serverFiles: {
            type: 'array',
            items: { type: 'string' },
            description: 'Globs of files that only run on a server, in addition to API routes, `*.server.*` and `server/**`.',
          },
          checkBrowserGlobals: {
            type: 'boolean',
            description: 'Treat a file that uses `window`, `document`, `localStorage`… or reads a public env var as browser code.',
          },
        },
      },
    ],
    defaultOptions: [{ clientFiles: [...DEFAULT_CLIENT_GLOBS], serverFiles: [], checkBrowserGlobals: true }],
  },
  defaultOptions: [{ clientFiles: [...DEFAULT_CLIENT_GLOBS], serverFiles: [], checkBrowserGlobals: true }],
  create(context, [options]) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename, options })) return {};
    const tracker = createModuleSideTracker(context, {
      clientFiles: options.clientFiles ?? DEFAULT_CLIENT_GLOBS,
      serverFiles: options.serverFiles ?? [],
    });
    const nextConfig = /(?:^|[\\/])next\.config\.[cm]?[jt]s$/u.test(context.filename);
    /**
     * Reports that only hold in browser code, decided when the whole file has been seen. `strongOnly`
     * reports need a strong client signal (a directive, a browser-only import, a client glob):
     * forwarding a configured secret (`client_secret: settings.client_secret`) and sending the
     * client-credentials grant are what isomorphic OAuth libraries do for their server users, and
     * those libraries touch `window` too.
     */
    const clientOnly: { strongOnly: boolean; report: (reason: string) => void }[] = [];

    function checkEnvRead(node: TSESTree.Node): void {
      const read = getEnvRead(node);
      if (!read) return;
      // `process.env.X = …` and `delete process.env.X` (test set-up) write the environment; they read nothing.
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return;
      if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return;
      const publicSecret = isPublicSecretEnvName(read.name);
      if (publicSecret) {
        context.report({
          node,
          messageId: 'publicSecretEnv',
          data: { env: formatEnvRead(read), kind: CREDENTIAL_KIND_LABELS[publicSecret.kind], framework: publicSecret.prefix.framework, prefix: publicSecret.prefix.prefix },
        });
        return;
      }
      const kind = isServerSecretName(read.name);
      if (!kind || isInServerOnlyFunction(node)) return;
      clientOnly.push({ strongOnly: false, report: (reason) => context.report({ node, messageId: 'secretEnvInClient', data: { env: formatEnvRead(read), kind, reason } }) });
    }

    return {
      MemberExpression(node) {
        if (!mayReadEnv(node)) return;
        tracker.noteEnvRead(node);
        checkEnvRead(node);
      },
      CallExpression(node) {
        if (mayReadEnv(node)) checkEnvRead(node);
      },
      Property(node) {
        if (node.parent.type === AST_NODE_TYPES.ObjectPattern) {
          checkEnvRead(node);
          return;
        }
        const name = getPropertyKeyName(node);
        if (nextConfig && name !== undefined && isInNextConfigEnv(node)) {
          const kind = isServerSecretName(name);
          if (kind) context.report({ node: node.key, messageId: 'nextConfigEnvSecret', data: { name, kind } });
          return;
        }
        if (name === undefined || secretNameKind(name) !== 'client-secret') return;
        // `clientSecret: undefined`, `clientSecret: ''` set nothing.
        const value = node.value;
        if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return;
        if (value.type === AST_NODE_TYPES.Literal && (value.value === null || value.value === '')) return;
        if (isInServerOnlyFunction(node)) return;
        const forwarded = !isSetHere(value, context.sourceCode.getScope(node));
        clientOnly.push({ strongOnly: forwarded, report: (reason) => context.report({ node: node.key, messageId: 'clientSecretInClient', data: { name, reason } }) });
      },
      ImportDeclaration(node) {
        if (!PUBLIC_ENV_MODULES.has(node.source.value)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
          const name = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          const publicSecret = isPublicSecretEnvName(name);
          if (!publicSecret) continue;
          context.report({
            node: specifier,
            messageId: 'publicSecretEnv',
            data: { env: `${name} from '${node.source.value}'`, kind: CREDENTIAL_KIND_LABELS[publicSecret.kind], framework: publicSecret.prefix.framework, prefix: publicSecret.prefix.prefix },
          });
        }
      },
      Literal(node) {
        if (!isClientCredentialsGrant(node) || isInServerOnlyFunction(node)) return;
        clientOnly.push({ strongOnly: true, report: (reason) => context.report({ node, messageId: 'clientCredentialsInClient', data: { reason } }) });
      },
      TemplateElement(node) {
        if (!isClientCredentialsGrant(node) || isInServerOnlyFunction(node)) return;
        clientOnly.push({ strongOnly: true, report: (reason) => context.report({ node: node.parent, messageId: 'clientCredentialsInClient', data: { reason } }) });
      },
      'Program:exit'() {
        // Tests run in jsdom or a browser runner but never ship in a bundle.
        if (clientOnly.length === 0 || isTestFile(context.filename)) return;
        const side = tracker.side();
        if (side.side !== 'client') return;
        if (side.strength === 'medium' && options.checkBrowserGlobals === false) return;
        for (const entry of clientOnly) {
          if (!entry.strongOnly || side.strength === 'strong') entry.report(side.reason);
        }
      },
    };
  },
});
