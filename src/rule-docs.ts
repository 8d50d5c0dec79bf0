/**
 * Every rule by name, with its description and its levels in the shared configs. The rules take their
 * `meta.docs` from here; the CLI, the scanner's main thread and the SARIF reporter read it without
 * loading the rules, which bring typescript-eslint's AST helpers along (about 0.1 s before a scan
 * can start its workers, in the threads that never lint). A test checks it against `rules/`.
 */
import type { CredentialHygieneDocs } from './util/create-rule.js';

export interface RuleDocs extends CredentialHygieneDocs {
  readonly description: string;
}

export const RULE_DOCS = {
  'no-hardcoded-client-id': {
    description: 'Disallow hard-coded OAuth client ids',
    recommended: 'warn',
  },
  'no-hardcoded-client-secret': {
    description: 'Disallow hard-coded OAuth client secrets',
    recommended: 'error',
  },
  'no-hardcoded-credentials': {
    description: 'Disallow hard-coded passwords, API keys, tokens, private keys and signing secrets',
    recommended: 'error',
  },
  'no-implicit-flow': {
    description: 'Disallow the OAuth implicit grant and other response types that return access tokens in the front channel',
    recommended: 'error',
  },
  'no-insecure-oauth-endpoint': {
    description: 'Disallow plain-HTTP OAuth and OpenID Connect endpoints and switches that allow them',
    recommended: 'error',
  },
  'no-offline-access-with-client-credentials': {
    description: 'Disallow requesting `offline_access` (refresh tokens) with the client-credentials grant',
    recommended: 'warn',
    strict: 'warn',
  },
  'no-password-grant': {
    description: 'Disallow the OAuth resource-owner password credentials grant',
    recommended: 'error',
  },
  'no-secret-env-fallback': {
    description: 'Disallow hard-coded fallbacks for secret environment variables',
    recommended: 'error',
  },
  'no-secret-in-client-code': {
    description: 'Disallow client secrets, the client-credentials grant and secret env vars in browser code',
    recommended: 'error',
  },
  'no-secret-in-url': {
    description: 'Disallow client secrets, passwords, tokens and API keys in URL query strings',
    recommended: 'error',
  },
  'no-secret-logging': {
    description: 'Disallow writing secrets and tokens to logs and error messages',
    recommended: 'error',
  },
  'no-tls-verification-bypass': {
    description: 'Disallow turning off TLS certificate verification',
    recommended: 'error',
  },
  'no-token-in-browser-storage': {
    description: 'Disallow storing tokens and secrets in Web Storage, IndexedDB and script-set cookies',
    recommended: 'warn',
  },
  'require-oauth-state': {
    description: 'Require CSRF protection (a one-time state, PKCE or a nonce) on OAuth redirect flows',
    recommended: 'warn',
    strict: 'error',
  },
  'require-pkce': {
    description: 'Require PKCE with S256 on OAuth authorization-code requests',
    recommended: 'warn',
    strict: 'error',
  },
} as const satisfies Readonly<Record<string, RuleDocs>>;

export type RuleName = keyof typeof RULE_DOCS;
