import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { CREDENTIAL_KIND_LABELS, isTestFile, kindWithArticle, type CredentialKind } from '../src/detectors/index.js';
import { getMemberPropertyName, getPropertyKeyName, resolveString, skipTypeWrappers } from '../src/util/ast.js';
import { createRule } from '../src/util/create-rule.js';
import { resolveImportedName } from '../src/util/imports.js';
import { credentialKindOf, mayReport } from '../src/detectors/text-gates/no-token-in-browser-storage.js';
import { RULE_DOCS } from '../src/rule-docs.js';

/** `A` or `An`, to start a message with the credential's label (`An API key`). */
const article = (kind: CredentialKind): string => (kindWithArticle(kind).startsWith('an ') ? 'An' : 'A');

export type Options = [];
export type MessageIds = 'tokenInWebStorage' | 'tokenInCookie' | 'tokenInIndexedDb' | 'webStorageCache';

const WEB_STORAGES = new Set(['localStorage', 'sessionStorage']);
/** Key-value stores backed by IndexedDB or Web Storage: module → methods that write. */
const STORAGE_LIBRARIES: Readonly<Record<string, ReadonlySet<string>>> = {
  'idb-keyval': new Set(['set', 'setMany', 'update']),
  localforage: new Set(['setItem']),
};
/** `localStorage`, `window.localStorage`, `globalThis.sessionStorage`. */
function webStorageName(node: TSESTree.Node): string | undefined {
  const current = skipTypeWrappers(node);
  if (current.type === AST_NODE_TYPES.Identifier && WEB_STORAGES.has(current.name)) return current.name;
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = getMemberPropertyName(current);
    const object = skipTypeWrappers(current.object);
    if (name !== undefined && WEB_STORAGES.has(name) && object.type === AST_NODE_TYPES.Identifier && ['window', 'globalThis', 'self'].includes(object.name)) return name;
  }
  return undefined;
}

/** `document.cookie`, `window.document.cookie`. */
function isDocumentCookie(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression || getMemberPropertyName(node) !== 'cookie') return false;
  const object = skipTypeWrappers(node.object);
  if (object.type === AST_NODE_TYPES.Identifier) return object.name === 'document';
  return object.type === AST_NODE_TYPES.MemberExpression && getMemberPropertyName(object) === 'document';
}

export default createRule<Options, MessageIds>({
  name: 'no-token-in-browser-storage',
  meta: {
    type: 'problem',
    docs: RULE_DOCS['no-token-in-browser-storage'],
    messages: {
      tokenInWebStorage:
        '{{article}} {{kind}} (`{{name}}`) is written to {{storage}}, where any script on the origin can read it (OAuth for Browser-Based Apps §8.5). Keep tokens in memory, or behind an HttpOnly session cookie set by a backend.',
      tokenInCookie:
        '{{article}} {{kind}} (`{{name}}`) is written to `document.cookie`; a cookie set from JavaScript can never be HttpOnly. Let the backend set an HttpOnly, Secure, SameSite session cookie instead.',
      tokenInIndexedDb:
        'A {{kind}} (`{{name}}`) is written to IndexedDB through `{{callee}}`, where any script on the origin can read it. Keep tokens in memory or behind a backend session.',
      webStorageCache:
        '`{{name}}: {{value}}` makes the auth library keep tokens in {{storage}}, where any script on the origin can read them. Use the default in-memory or session cache, or a backend-for-frontend.',
    },
    schema: [],
    defaultOptions: [],
  },
  defaultOptions: [],
  create(context) {
    // Nothing to report in a file whose text the rule's gate rules out (the scanner skips its parse too).
    if (!mayReport(context.sourceCode.text, { filename: context.filename })) return {};
    // Tests seed storage to exercise the app; the app's own writes are what matters.
    if (isTestFile(context.filename)) return {};
    // Import resolution only runs in files that mention a storage library.
    const usesStorageLibrary = /\b(?:idb-keyval|localforage)\b/u.test(context.sourceCode.text);

    /** The credential an expression names: by identifier, member or string key. */
    function credentialIn(node: TSESTree.Node | undefined): { kind: CredentialKind; name: string } | undefined {
      if (!node) return undefined;
      const current = skipTypeWrappers(node);
      if (current.type === AST_NODE_TYPES.Identifier) {
        const kind = credentialKindOf(current.name);
        if (kind) return { kind, name: current.name };
      }
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = getMemberPropertyName(current);
        const kind = credentialKindOf(name);
        return kind && name !== undefined ? { kind, name } : undefined;
      }
      if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
        // `JSON.stringify(tokens)`, `token.toString()`.
        const method = getMemberPropertyName(current.callee);
        if (method === 'stringify') return credentialIn(current.arguments[0]);
        if (method === 'toString') return credentialIn(current.callee.object);
        return undefined;
      }
      if (current.type === AST_NODE_TYPES.ObjectExpression) {
        // `JSON.stringify({ accessToken, expiresAt })`: a property that holds a credential.
        for (const property of current.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key = getPropertyKeyName(property);
          const kind = credentialKindOf(key);
          if (kind && key !== undefined) return { kind, name: key };
          const found = credentialIn(property.value);
          if (found) return found;
        }
        return undefined;
      }
      if (current.type === AST_NODE_TYPES.TemplateLiteral) {
        for (const expression of current.expressions) {
          const found = credentialIn(expression);
          if (found) return found;
        }
        return undefined;
      }
      const resolved = resolveString(current, context.sourceCode.getScope(current));
      if (resolved) {
        const kind = credentialKindOf(resolved.value);
        return kind && { kind, name: resolved.value };
      }
      return undefined;
    }

    function report(node: TSESTree.Node, storage: string, key: TSESTree.Node | undefined, value: TSESTree.Node | undefined): void {
      const found = credentialIn(key) ?? credentialIn(value);
      if (!found) return;
      context.report({ node, messageId: 'tokenInWebStorage', data: { article: article(found.kind), kind: CREDENTIAL_KIND_LABELS[found.kind], name: found.name, storage: `\`${storage}\`` } });
    }

    /** The credential a `document.cookie = …` assignment sets: by the cookie's name (the text before the first `=`), or by the value right after it. */
    function cookieCredential(value: TSESTree.Node): { kind: CredentialKind; name: string } | undefined {
      const current = skipTypeWrappers(value);
      let prefix: string | undefined;
      let firstExpression: TSESTree.Node | undefined;
      if (current.type === AST_NODE_TYPES.TemplateLiteral) {
        prefix = current.quasis[0]?.value.cooked ?? undefined;
        firstExpression = current.expressions[0];
      } else if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') {
        let left: TSESTree.Node = current;
        while (left.type === AST_NODE_TYPES.BinaryExpression && left.operator === '+') left = left.left;
        prefix = resolveString(left, context.sourceCode.getScope(left))?.value;
        firstExpression = left.parent?.type === AST_NODE_TYPES.BinaryExpression ? left.parent.right : undefined;
      } else {
        prefix = resolveString(current, context.sourceCode.getScope(current))?.value;
      }
      if (prefix !== undefined) {
        const equals = prefix.indexOf('=');
        const name = (equals >= 0 ? prefix.slice(0, equals) : prefix).trim();
        const kind = equals >= 0 || firstExpression ? credentialKindOf(name) : undefined;
        if (kind && name !== '') return { kind, name };
        // `\`rt=${data.refreshToken}; path=/\``, `'session=' + accessToken`: the value names it.
        if (equals >= 0) return prefix.slice(equals + 1).trim() === '' ? credentialIn(firstExpression) : undefined;
      }
      // `document.cookie = \`${name}=${value}\``: the name is an expression.
      return credentialIn(firstExpression);
    }

    return {
      CallExpression(node) {
        const callee = skipTypeWrappers(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) {
          if (!usesStorageLibrary) return;
          const imported = resolveImportedName(callee, context.sourceCode.getScope(callee));
          const methods = imported && STORAGE_LIBRARIES[imported.module];
          const method = imported?.path.at(-1);
          if (!methods || method === undefined || !methods.has(method)) return;
          const found = credentialIn(node.arguments[0]) ?? credentialIn(node.arguments[1]);
          if (found) context.report({ node, messageId: 'tokenInIndexedDb', data: { kind: CREDENTIAL_KIND_LABELS[found.kind], name: found.name, callee: `${imported.module} ${method}` } });
          return;
        }
        const method = getMemberPropertyName(callee);
        if (method === undefined) return;
        const storage = webStorageName(callee.object);
        if (storage !== undefined) {
          if (method === 'setItem') report(node, storage, node.arguments[0], node.arguments[1]);
          return;
        }
        // `localforage.setItem('token', t)`, `store.put(tokens, 'auth')` on an IndexedDB object store.
        const receiver = skipTypeWrappers(callee.object);
        const imported = usesStorageLibrary ? resolveImportedName(receiver, context.sourceCode.getScope(receiver)) : undefined;
        const libraryMethods = imported && imported.path.length === 0 ? STORAGE_LIBRARIES[imported.module] : undefined;
        const isObjectStore =
          (method === 'put' || method === 'add') &&
          receiver.type === AST_NODE_TYPES.CallExpression &&
          receiver.callee.type === AST_NODE_TYPES.MemberExpression &&
          getMemberPropertyName(receiver.callee) === 'objectStore';
        if (!(libraryMethods?.has(method) === true) && !isObjectStore) return;
        const found = credentialIn(node.arguments[0]) ?? credentialIn(node.arguments[1]);
        if (found) {
          const calleeName = isObjectStore ? `objectStore().${method}` : `${imported?.module ?? ''}.${method}`;
          context.report({ node, messageId: 'tokenInIndexedDb', data: { kind: CREDENTIAL_KIND_LABELS[found.kind], name: found.name, callee: calleeName } });
        }
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        if (isDocumentCookie(left)) {
          const found = cookieCredential(node.right);
          if (found) context.report({ node, messageId: 'tokenInCookie', data: { article: article(found.kind), kind: CREDENTIAL_KIND_LABELS[found.kind], name: found.name } });
          return;
        }
        const storage = webStorageName(left.object);
        if (storage === undefined) return;
        // `localStorage.token = t`, `localStorage['access_token'] = t`.
        const keyName = getMemberPropertyName(left);
        const keyNode = left.computed ? left.property : undefined;
        const found = (keyName === undefined ? credentialIn(keyNode) : credentialKindOf(keyName) && { kind: credentialKindOf(keyName) as CredentialKind, name: keyName }) ?? credentialIn(node.right);
        if (found) context.report({ node, messageId: 'tokenInWebStorage', data: { article: article(found.kind), kind: CREDENTIAL_KIND_LABELS[found.kind], name: found.name, storage: `\`${storage}\`` } });
      },
      Property(node) {
        const name = getPropertyKeyName(node);
        if (name !== 'cacheLocation' && name !== 'store' && name !== 'userStore' && name !== 'stateStore') return;
        const value = skipTypeWrappers(node.value);
        let storage: string | undefined;
        if (name === 'cacheLocation') {
          // msal-browser `'localStorage'` / `BrowserCacheLocation.LocalStorage`, auth0-spa-js `'localstorage'`.
          const text = value.type === AST_NODE_TYPES.MemberExpression ? getMemberPropertyName(value) : resolveString(value, context.sourceCode.getScope(value))?.value;
          if (text?.toLowerCase() === 'localstorage') storage = '`localStorage`';
        } else {
          // oidc-client-ts `userStore: new WebStorageStateStore({ store: window.localStorage })`.
          const storageName = webStorageName(value);
          const inStateStore =
            node.parent.type === AST_NODE_TYPES.ObjectExpression &&
            node.parent.parent.type === AST_NODE_TYPES.NewExpression &&
            node.parent.parent.callee.type === AST_NODE_TYPES.Identifier &&
            node.parent.parent.callee.name === 'WebStorageStateStore';
          if (storageName === 'localStorage' && name === 'store' && inStateStore) storage = '`localStorage`';
        }
        if (storage === undefined) return;
        context.report({ node, messageId: 'webStorageCache', data: { name, value: context.sourceCode.getText(node.value).slice(0, 60), storage } });
      },
    };
  },
});
