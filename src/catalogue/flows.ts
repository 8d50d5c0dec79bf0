/**
 * Grant-type and flow facts, and the library forms of the wrong-flow patterns W1–W9 of the sinks
 * reference §2 as rows: which export or instance method, which argument or option, and which value
 * means the pattern. The flow rules read these rows through `matchFlowApi`; adding a library form
 * is adding a row and a test.
 */

/** The wrong-flow patterns that have library forms. */
export type FlowPattern =
  /** W1: resource-owner password credentials grant. */
  | 'password-grant'
  /** W2: implicit grant (access token in the front channel). */
  | 'implicit-flow'
  /** W4: authorization code without PKCE, or with `plain`. */
  | 'no-pkce'
  /** W5: redirect flow without CSRF protection (no `state`, PKCE or nonce). */
  | 'no-state'
  /** W7: a switch that lets the library talk to `http://` endpoints. */
  | 'insecure-requests'
  /** W7: an argument that is an issuer / discovery URL. */
  | 'issuer-url'
  /** W9: the argument holds the parameters of a client-credentials token request. */
  | 'client-credentials'
  /** W4/W5: the argument holds the parameters of an authorization request (`response_type=code` implied). */
  | 'authorization-url';

/**
 * What about a matched call means the pattern. A row matches when any of its conditions holds.
 *
 * - `always`: the call itself (`new ResourceOwnerPassword(…)`).
 * - `argument-equals`: argument `arg` is the constant string `value` (`genericGrantRequest(c, 'password')`).
 * - `options-lack`: argument `arg` is absent, or an object literal (no spread) with none of `properties`.
 * - `option-equals`: argument `arg` is an object literal whose `property` is one of `values`.
 * - `argument`: argument `arg` is the thing the pattern is about (a URL, request parameters).
 */
export type FlowCondition =
  | { readonly kind: 'always' }
  | { readonly kind: 'argument-equals'; readonly arg: number; readonly value: string }
  | { readonly kind: 'options-lack'; readonly arg: number; readonly properties: readonly string[] }
  | { readonly kind: 'option-equals'; readonly arg: number; readonly property: string; readonly values: readonly (string | boolean)[] }
  | { readonly kind: 'argument'; readonly arg: number };

export interface FlowApiRow {
  /** Stable id, unique in the catalogue. */
  readonly id: string;
  readonly pattern: FlowPattern;
  /** Module specifiers as written in imports (subpaths match too). */
  readonly modules: readonly string[];
  /**
   * Export path (as `resolveImportedName` returns it) of a called, constructed or referenced export.
   * Absent for instance methods.
   */
  readonly path?: readonly string[];
  /**
   * Instance method, matched by name in files that import one of `modules` (the receiver is an
   * instance the rule cannot type without the checker): `oauth.passwordGrant(…)` with auth0.
   */
  readonly method?: string;
  /** For `method`: the receiver must be a member of this name (`client.owner.getToken`). */
  readonly receiver?: string;
  /** `call`, `new`, or `reference` (any use of the export, e.g. a flag passed in an array). */
  readonly invocation: 'call' | 'new' | 'reference';
  readonly when: readonly FlowCondition[];
  /** Name shown in messages. */
  readonly label: string;
  /** The fix, named in the message (`pkce: 'S256'`). */
  readonly fix?: string;
  /** Where the fact comes from. */
  readonly source: string;
}

const ALWAYS: readonly FlowCondition[] = [{ kind: 'always' }];

/** Strategies built on passport-oauth2 that pass `state`, `pkce` and `store` through to it. */
const PASSPORT_OAUTH2_STRATEGIES: readonly { readonly module: string; readonly paths: readonly (readonly string[])[] }[] = [
  { module: 'passport-oauth2', paths: [[], ['Strategy'], ['OAuth2Strategy']] },
  { module: 'passport-google-oauth20', paths: [[], ['Strategy']] },
  { module: 'passport-github2', paths: [[], ['Strategy']] },
  { module: 'passport-microsoft', paths: [[], ['Strategy']] },
];

function passportRows(pattern: 'no-pkce' | 'no-state'): FlowApiRow[] {
  return PASSPORT_OAUTH2_STRATEGIES.flatMap(({ module, paths }) =>
    paths.map(
      (path): FlowApiRow => ({
        id: `${module}/${path.join('.') || 'default'}/${pattern}`,
        pattern,
        modules: [module],
        path,
        invocation: 'new',
        when:
          pattern === 'no-pkce'
            ? [
                { kind: 'options-lack', arg: 0, properties: ['pkce'] },
                { kind: 'option-equals', arg: 0, property: 'pkce', values: [false, 'plain'] },
              ]
            : [
                { kind: 'options-lack', arg: 0, properties: ['state', 'store', 'pkce'] },
                { kind: 'option-equals', arg: 0, property: 'state', values: [false] },
              ],
        label: `${module} strategy`,
        fix: pattern === 'no-pkce' ? "set `pkce: 'S256'` (with `state: true`)" : 'set `state: true` (or `pkce: true`, or a `store`)',
        source: 'passport-oauth2 1.8.0 lib/strategy.js L102-113',
      }),
    ),
  );
}

export const FLOW_API_ROWS: readonly FlowApiRow[] = [
  // W1 — resource-owner password credentials (RFC 9700 §2.4)
  { id: 'simple-oauth2/ResourceOwnerPassword', pattern: 'password-grant', modules: ['simple-oauth2'], path: ['ResourceOwnerPassword'], invocation: 'new', when: ALWAYS, label: 'simple-oauth2 `ResourceOwnerPassword`', source: 'simple-oauth2 5.1.0 lib/resource-owner-password-grant-type.js' },
  { id: '@azure/identity/UsernamePasswordCredential', pattern: 'password-grant', modules: ['@azure/identity'], path: ['UsernamePasswordCredential'], invocation: 'new', when: ALWAYS, label: '@azure/identity `UsernamePasswordCredential`', source: 'learn.microsoft.com @azure/identity usernamepasswordcredential (deprecated)' },
  { id: 'openid-client/genericGrantRequest', pattern: 'password-grant', modules: ['openid-client'], path: ['genericGrantRequest'], invocation: 'call', when: [{ kind: 'argument-equals', arg: 1, value: 'password' }], label: 'openid-client `genericGrantRequest`', source: 'openid-client 6.8.7 src/index.ts L4425' },
  { id: 'oauth4webapi/genericTokenEndpointRequest', pattern: 'password-grant', modules: ['oauth4webapi'], path: ['genericTokenEndpointRequest'], invocation: 'call', when: [{ kind: 'argument-equals', arg: 3, value: 'password' }], label: 'oauth4webapi `genericTokenEndpointRequest`', source: 'oauth4webapi 3.8.7 src/index.ts L4638' },
  { id: '@azure/msal-node#acquireTokenByUsernamePassword', pattern: 'password-grant', modules: ['@azure/msal-node'], method: 'acquireTokenByUsernamePassword', invocation: 'call', when: ALWAYS, label: 'MSAL `acquireTokenByUsernamePassword`', source: 'msal-node 3.2.3 (@deprecated)' },
  { id: 'client-oauth2#owner.getToken', pattern: 'password-grant', modules: ['client-oauth2'], method: 'getToken', receiver: 'owner', invocation: 'call', when: ALWAYS, label: 'client-oauth2 `owner.getToken`', source: 'mulesoft-labs/js-client-oauth2 README' },
  { id: '@badgateway/oauth2-client#password', pattern: 'password-grant', modules: ['@badgateway/oauth2-client'], method: 'password', invocation: 'call', when: ALWAYS, label: '@badgateway/oauth2-client `password()`', source: 'badgateway/oauth2-client README' },
  { id: 'auth0#passwordGrant', pattern: 'password-grant', modules: ['auth0'], method: 'passwordGrant', invocation: 'call', when: ALWAYS, label: 'auth0 `passwordGrant`', source: 'auth0/node-auth0 src/auth/oauth.ts' },

  // W2 — implicit grant (RFC 9700 §2.1.2)
  { id: 'client-oauth2#token.getUri', pattern: 'implicit-flow', modules: ['client-oauth2'], method: 'getUri', receiver: 'token', invocation: 'call', when: ALWAYS, label: 'client-oauth2 `token.getUri`', source: 'mulesoft-labs/js-client-oauth2 README' },
  { id: 'client-oauth2#token.getToken', pattern: 'implicit-flow', modules: ['client-oauth2'], method: 'getToken', receiver: 'token', invocation: 'call', when: ALWAYS, label: 'client-oauth2 `token.getToken`', source: 'mulesoft-labs/js-client-oauth2 README' },

  // W4 — authorization code without PKCE (RFC 9700 §2.1.1)
  { id: 'openid-client/authorizationCodeGrant/no-pkce', pattern: 'no-pkce', modules: ['openid-client'], path: ['authorizationCodeGrant'], invocation: 'call', when: [{ kind: 'options-lack', arg: 2, properties: ['pkceCodeVerifier'] }], label: 'openid-client `authorizationCodeGrant`', fix: 'pass `{ pkceCodeVerifier }` from `randomPKCECodeVerifier()`', source: 'openid-client 6.8.7 src/index.ts L3551 (no verifier → oauth.nopkce)' },
  { id: 'oauth4webapi/nopkce', pattern: 'no-pkce', modules: ['oauth4webapi'], path: ['nopkce'], invocation: 'reference', when: ALWAYS, label: 'oauth4webapi `nopkce`', fix: 'pass the code verifier from `generateRandomCodeVerifier()`', source: 'oauth4webapi 3.8.7 src/index.ts L4015' },
  { id: 'openid-client/Strategy/usePKCE', pattern: 'no-pkce', modules: ['openid-client', 'openid-client/passport'], path: ['Strategy'], invocation: 'new', when: [{ kind: 'option-equals', arg: 0, property: 'usePKCE', values: [false] }], label: 'openid-client passport `Strategy`', fix: 'remove `usePKCE: false`', source: 'openid-client v5.7.1 lib/passport_strategy.js L21-72' },
  ...['callback', 'oauthCallback'].map(
    (method): FlowApiRow => ({
      id: `openid-client#${method}/no-pkce`,
      pattern: 'no-pkce',
      modules: ['openid-client'],
      method,
      invocation: 'call',
      when: [{ kind: 'options-lack', arg: 2, properties: ['code_verifier'] }],
      label: `openid-client v5 \`client.${method}\``,
      fix: 'pass `{ code_verifier }` from `generators.codeVerifier()` in the checks',
      source: 'openid-client v5.7.1 types/index.d.ts (CallbackChecks)',
    }),
  ),
  { id: 'auth0#authorizationCodeGrant', pattern: 'no-pkce', modules: ['auth0'], method: 'authorizationCodeGrant', invocation: 'call', when: ALWAYS, label: 'auth0 `authorizationCodeGrant`', fix: 'use `authorizationCodeGrantWithPKCE({ code, code_verifier })`', source: 'auth0/node-auth0 src/auth/oauth.ts (authorizationCodeGrantWithPKCE)' },
  ...passportRows('no-pkce'),

  // W5 — CSRF protection on redirect flows (RFC 9700 §2.1, §4.7)
  { id: 'openid-client/authorizationCodeGrant/no-state', pattern: 'no-state', modules: ['openid-client'], path: ['authorizationCodeGrant'], invocation: 'call', when: [{ kind: 'options-lack', arg: 2, properties: ['pkceCodeVerifier', 'expectedState', 'expectedNonce'] }], label: 'openid-client `authorizationCodeGrant`', fix: 'pass `{ pkceCodeVerifier }` or `{ expectedState }`', source: 'openid-client 6.8.7 src/index.ts authorizationCodeGrant checks' },
  ...['callback', 'oauthCallback'].map(
    (method): FlowApiRow => ({
      id: `openid-client#${method}/no-state`,
      pattern: 'no-state',
      modules: ['openid-client'],
      method,
      invocation: 'call',
      when: [{ kind: 'options-lack', arg: 2, properties: ['code_verifier', 'state', 'nonce'] }],
      label: `openid-client v5 \`client.${method}\``,
      fix: 'pass `{ code_verifier }` or the `{ state }` kept in the session in the checks',
      source: 'openid-client v5.7.1 types/index.d.ts (CallbackChecks)',
    }),
  ),
  ...passportRows('no-state'),

  // W4/W5 — calls that build an authorization URL from request parameters
  { id: 'openid-client/buildAuthorizationUrl', pattern: 'authorization-url', modules: ['openid-client'], path: ['buildAuthorizationUrl'], invocation: 'call', when: [{ kind: 'argument', arg: 1 }], label: 'openid-client `buildAuthorizationUrl`', source: 'openid-client 6.8.7 src/index.ts L3870' },
  { id: 'openid-client#authorizationUrl', pattern: 'authorization-url', modules: ['openid-client'], method: 'authorizationUrl', invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'openid-client `client.authorizationUrl`', source: 'openid-client v5.7.1 types/index.d.ts' },
  { id: 'google-auth-library#generateAuthUrl', pattern: 'authorization-url', modules: ['google-auth-library', 'googleapis'], method: 'generateAuthUrl', invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'google-auth-library `generateAuthUrl`', source: 'google-auth-library src/auth/oauth2client.ts' },

  // W7 — insecure switches and issuer URLs (OAuth 2.1 §1.5)
  { id: 'openid-client/allowInsecureRequests', pattern: 'insecure-requests', modules: ['openid-client'], path: ['allowInsecureRequests'], invocation: 'reference', when: ALWAYS, label: 'openid-client `allowInsecureRequests`', source: 'openid-client 6.8.7 src/index.ts L2700-2727' },
  { id: 'oauth4webapi/allowInsecureRequests', pattern: 'insecure-requests', modules: ['oauth4webapi'], path: ['allowInsecureRequests'], invocation: 'reference', when: ALWAYS, label: 'oauth4webapi `allowInsecureRequests`', source: 'oauth4webapi 3.8.7 src/index.ts L270-278, L1350' },
  { id: 'openid-client/discovery', pattern: 'issuer-url', modules: ['openid-client'], path: ['discovery'], invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'openid-client `discovery`', source: 'openid-client 6.8.7 src/index.ts L1332' },
  { id: 'openid-client/Issuer.discover', pattern: 'issuer-url', modules: ['openid-client'], path: ['Issuer', 'discover'], invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'openid-client `Issuer.discover`', source: 'openid-client v5.7.1 types/index.d.ts' },
  { id: 'oauth4webapi/discoveryRequest', pattern: 'issuer-url', modules: ['oauth4webapi'], path: ['discoveryRequest'], invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'oauth4webapi `discoveryRequest`', source: 'oauth4webapi 3.8.7 src/index.ts' },

  // W9 — requests that are client-credentials grants by construction (RFC 6749 §4.4.3)
  { id: 'openid-client/clientCredentialsGrant', pattern: 'client-credentials', modules: ['openid-client'], path: ['clientCredentialsGrant'], invocation: 'call', when: [{ kind: 'argument', arg: 1 }], label: 'openid-client `clientCredentialsGrant`', source: 'openid-client 6.8.7 src/index.ts L3785' },
  { id: 'oauth4webapi/clientCredentialsGrantRequest', pattern: 'client-credentials', modules: ['oauth4webapi'], path: ['clientCredentialsGrantRequest'], invocation: 'call', when: [{ kind: 'argument', arg: 3 }], label: 'oauth4webapi `clientCredentialsGrantRequest`', source: 'oauth4webapi 3.8.7 src/index.ts L4596' },
  { id: '@azure/msal-node#acquireTokenByClientCredential', pattern: 'client-credentials', modules: ['@azure/msal-node'], method: 'acquireTokenByClientCredential', invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: 'MSAL `acquireTokenByClientCredential`', source: 'msal-node ConfidentialClientApplication' },
  { id: '@badgateway/oauth2-client#clientCredentials', pattern: 'client-credentials', modules: ['@badgateway/oauth2-client'], method: 'clientCredentials', invocation: 'call', when: [{ kind: 'argument', arg: 0 }], label: '@badgateway/oauth2-client `clientCredentials()`', source: 'badgateway/oauth2-client README' },
];

/**
 * Auth.js / next-auth provider `checks` (`OAuth2Config.checks`, default `['pkce']`): which of PKCE,
 * `state` and `nonce` the provider uses; `none` turns them all off.
 */
export const AUTHJS_CHECK_NAMES: readonly string[] = ['pkce', 'state', 'nonce', 'none'];

/** Grant types as sent in `grant_type`. */
export const GRANT_TYPES = {
  password: ['password', 'http://auth0.com/oauth/grant-type/password-realm'],
  clientCredentials: ['client_credentials'],
  authorizationCode: ['authorization_code'],
} as const;

/** Canonical parameter names (see `canonicalParameterName`) the flow rules read. */
export const PARAMETER = {
  grantType: 'granttype',
  responseType: 'responsetype',
  responseTypes: 'responsetypes',
  codeChallenge: 'codechallenge',
  codeChallengeMethod: 'codechallengemethod',
  state: 'state',
  nonce: 'nonce',
  scope: 'scope',
  scopes: 'scopes',
  clientId: 'clientid',
  redirectUri: 'redirecturi',
} as const;

/**
 * Query parameters that must never be in a URL: client credentials (RFC 6749 §2.3.1, OAuth 2.1
 * §2.4.1), bearer tokens (RFC 9700 §4.3.2, OAuth 2.1 §7.1.3.7), user passwords and API keys.
 * Canonical names.
 */
export const SECRET_QUERY_PARAMETERS: ReadonlyMap<string, string> = new Map([
  ['clientsecret', 'client_secret'],
  ['password', 'password'],
  ['accesstoken', 'access_token'],
  ['refreshtoken', 'refresh_token'],
  ['apikey', 'api_key'],
]);

/** Property names under which OAuth endpoints and base URLs are configured (canonical). */
export const ENDPOINT_PROPERTIES: ReadonlySet<string> = new Set([
  'issuer',
  'issuerurl',
  'issuerbaseurl',
  'authority',
  'authorityurl',
  'knownauthorities',
  'authorizationurl',
  'authorizationuri',
  'authorizationendpoint',
  'authorizeurl',
  'authorizeuri',
  'authorizehost',
  'authorizepath',
  'tokenurl',
  'tokenuri',
  'tokenendpoint',
  'tokenhost',
  'accesstokenuri',
  'accesstokenurl',
  'userinfourl',
  'userinfouri',
  'userinfoendpoint',
  'userprofileurl',
  'jwksuri',
  'jwksurl',
  'jwksendpoint',
  'introspectionendpoint',
  'revocationendpoint',
  'endsessionendpoint',
  'wellknown',
  'wellknownurl',
  'discoveryurl',
  'metadataurl',
  'authserverurl',
  'orgurl',
  'baseurl',
]);

/** URL path endings of OAuth / OIDC endpoints (any host). */
export const ENDPOINT_PATHS: readonly RegExp[] = [
  /\/(?:oauth2?|connect|openid-connect|v[12]\.0|identity\/connect|as)\/(?:token|authorize|auth|userinfo|introspect|revoke)\/?$/iu,
  /\/oauth2?\/(?:v\d\/)?(?:token|authorize)\/?$/iu,
  /\/\.well-known\/(?:openid-configuration|oauth-authorization-server)\/?$/iu,
  /\/(?:jwks|certs)(?:\.json)?\/?$/iu,
];

/**
 * Signals, searched in a file's text, that its requests go to Acumatica ERP (sinks reference §3.2):
 * a client id `<GUID>@<Tenant>` in a string, the REST `/entity/` paths, an `*.acumatica.com`
 * host, or settings named for it (`process.env.ACUMATICA_CLIENT_ID`). The
 * `/identity/connect/token` path alone is IdentityServer's default (Bitwarden, Checkmarx, …) and
 * proves nothing.
 */
export const ACUMATICA_SIGNALS: readonly RegExp[] = [
  /['"`][\da-f]{8}(?:-[\da-f]{4}){3}-[\da-f]{12}@[\w.-]+['"`]/iu,
  /\/entity\/(?:auth\/login|Default\/\d)/u,
  /[\w-]\.acumatica\.com\b/iu,
  /\bACUMATICA_[A-Z\d_]+/u,
];

/** The Acumatica REST cookie sign-in (a password login that bypasses two-factor authentication). */
export const ACUMATICA_LOGIN_PATH = /\/entity\/auth\/login\/?$/u;
