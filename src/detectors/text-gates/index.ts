/**
 * Text gates: for each rule, a test on a file's raw text that is `false` only when the rule
 * certainly cannot report anything in it. Each rule runs its own gate first in `create()` (an
 * empty listener object when it fails), and the scanner skips the parse of a file whose text no
 * enabled rule's gate lets through. So a gate that is too narrow loses findings in both front ends
 * (the rule's own tests catch that); one that is too wide only costs a parse.
 *
 * A good gate looks for the shapes the rule reports (a credential name followed by a literal, an
 * `http://` URL with an endpoint path), not only for words: third-party bundles mention `token`,
 * `password` and `http:` everywhere.
 */
import * as noHardcodedClientId from './no-hardcoded-client-id.js';
import * as noHardcodedClientSecret from './no-hardcoded-client-secret.js';
import * as noHardcodedCredentials from './no-hardcoded-credentials.js';
import * as noImplicitFlow from './no-implicit-flow.js';
import * as noInsecureOauthEndpoint from './no-insecure-oauth-endpoint.js';
import * as noOfflineAccessWithClientCredentials from './no-offline-access-with-client-credentials.js';
import * as noPasswordGrant from './no-password-grant.js';
import * as noSecretEnvFallback from './no-secret-env-fallback.js';
import * as noSecretInClientCode from './no-secret-in-client-code.js';
import * as noSecretInUrl from './no-secret-in-url.js';
import * as noSecretLogging from './no-secret-logging.js';
import * as noTlsVerificationBypass from './no-tls-verification-bypass.js';
import * as noTokenInBrowserStorage from './no-token-in-browser-storage.js';
import * as requireOauthState from './require-oauth-state.js';
import * as requirePkce from './require-pkce.js';
import type { TextGate } from './shared.js';

export type { GateContext, TextGate } from './shared.js';

/** The gate of every rule, by rule id. */
export const RULE_GATES: Readonly<Record<string, TextGate>> = {
  'no-hardcoded-client-id': noHardcodedClientId.mayReport,
  'no-hardcoded-client-secret': noHardcodedClientSecret.mayReport,
  'no-hardcoded-credentials': noHardcodedCredentials.mayReport,
  'no-implicit-flow': noImplicitFlow.mayReport,
  'no-insecure-oauth-endpoint': noInsecureOauthEndpoint.mayReport,
  'no-offline-access-with-client-credentials': noOfflineAccessWithClientCredentials.mayReport,
  'no-password-grant': noPasswordGrant.mayReport,
  'no-secret-env-fallback': noSecretEnvFallback.mayReport,
  'no-secret-in-client-code': noSecretInClientCode.mayReport,
  'no-secret-in-url': noSecretInUrl.mayReport,
  'no-secret-logging': noSecretLogging.mayReport,
  'no-tls-verification-bypass': noTlsVerificationBypass.mayReport,
  'no-token-in-browser-storage': noTokenInBrowserStorage.mayReport,
  'require-oauth-state': requireOauthState.mayReport,
  'require-pkce': requirePkce.mayReport,
};
