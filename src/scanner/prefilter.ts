/**
 * The cheap text prefilter: a code file whose text contains none of the words any enabled rule
 * could fire on is not parsed for the per-file rules. The conditions live here, in one table keyed
 * by rule id; a rule without a row turns the prefilter off (every file is parsed), so a new rule
 * can never be silently skipped. `test/scanner/prefilter.test.ts` checks that no file with a
 * finding is ever filtered out.
 *
 * Each row is an over-approximation of the rule's own conditions: the rule's own text gate where
 * it has one (`no-implicit-flow`, `no-password-grant`, …), otherwise the words every name, module
 * or value it reports on must contain. A row that is too wide only costs a parse; a row that is
 * too narrow loses findings, so when a rule learns a new trigger its row must learn it too.
 */
import { FLOW_API_ROWS } from '../catalogue/flows.js';
import { HTTP_CLIENT_ROWS, SINK_ROWS } from '../catalogue/index.js';
import { findKnownSecrets } from '../detectors/index.js';

/** A list of words (case-insensitive, any one passes) or a test on the whole text. */
export type PrefilterRow = readonly string[] | ((text: string) => boolean);

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

/**
 * Text without which no identifier, property key or env-var name is a credential name for
 * `classifySecretName`: every kind needs one of these words (`secret`, `password`, `token`,
 * `client id`, `api key`, `pat` as the last word…), written with any separator or casing.
 */
const CREDENTIAL_NAME =
  /secret|passw|pwd|passphrase|pass(?![a-z0-9])|token|bearer|authoriz|pat(?![a-z0-9])|client[^a-z0-9]*id|(?:private|api|access|secret|subscription|account|master|license|consumer|signing|jwt|hmac|encryption|webhook|session|cookie|auth)[^a-z0-9]*key/iu;

/** Every module of the sink and flow catalogues, as a quoted import specifier (`'openid-client'`, `"@aws-sdk/…"`). */
const CATALOGUE_MODULE = new RegExp(
  `['"\`](?:node:)?(?:${[...new Set([...SINK_ROWS, ...HTTP_CLIENT_ROWS, ...FLOW_API_ROWS].flatMap((row) => row.modules))].map(escapeRegExp).join('|')})(?:/[^'"\`\\n]*)?['"\`]`,
  'u',
);

/** Cheap literal hints of `findKnownSecrets` (its own gate, per string). */
const KNOWN_FORMAT_HINT =
  /A3T|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|key|account|x-oauth-basic|_auth|npm_|xox|xapp|hooks\.slack|:\/\/|sk-|sk_|rk_|lin_api|PRIVATE KEY|SG\.|shp|gh[pousr]_|github_pat|ops_|GOCSPX-|AIza|Q~|eyJ/iu;

/** Where the credential rules find sites: credential names, catalogue sinks, JWK `d`, `Basic` headers built with `btoa`/`Buffer`. */
function mayHaveCredentialSite(text: string): boolean {
  return CREDENTIAL_NAME.test(text) || CATALOGUE_MODULE.test(text) || text.includes('kty') || (/btoa|Buffer/u.test(text) && /basic|auth/iu.test(text));
}

/**
 * A recognised token format anywhere in the text (strings and comments are parts of it). Runs the
 * detector on the whole file, which costs one regular-expression pass per format: far less than a
 * parse, and only for files that pass the detector's own literal hints.
 */
function mayHaveKnownFormat(text: string): boolean {
  return KNOWN_FORMAT_HINT.test(text) && findKnownSecrets(text).length > 0;
}

/** Path and property words of OAuth endpoints (`ENDPOINT_PATHS`, `ENDPOINT_PROPERTIES`). */
const ENDPOINT_WORD = /issuer|authority|auth|token|userinfo|userprofile|jwks|certs|introspect|revo|endsession|well-?known|openid|discovery|metadata|org[^a-z0-9]*ur[il]|base[^a-z0-9]*ur[il]/iu;

/** Storage APIs of `no-token-in-browser-storage`. */
const BROWSER_STORAGE = /localstorage|sessionstorage|objectstore|cookie|idb-keyval|localforage|cachelocation/iu;

/**
 * What each rule cannot report without. Rules with a text gate of their own at the top of
 * `create()` repeat it here (keep them in step).
 */
export const RULE_KEYWORDS: Readonly<Record<string, PrefilterRow>> = {
  // Names (`clientSecret`, `CLIENT_ID`), sinks of catalogue modules, Basic headers, JWKs.
  'no-hardcoded-client-secret': mayHaveCredentialSite,
  'no-hardcoded-client-id': mayHaveCredentialSite,
  // …and every recognised token format in a string or a comment.
  'no-hardcoded-credentials': (text) => mayHaveCredentialSite(text) || mayHaveKnownFormat(text),
  // The rule's own gate.
  'no-implicit-flow': (text) => /response[_-]?type|\.token\.get/iu.test(text),
  // The rule's own gate (`http:` or the switch), narrowed to endpoint words, catalogue modules and the switch.
  'no-insecure-oauth-endpoint': (text) => /allowInsecureRequests/iu.test(text) || (/http:/iu.test(text) && (ENDPOINT_WORD.test(text) || CATALOGUE_MODULE.test(text))),
  // The rule's own gate.
  'no-offline-access-with-client-credentials': (text) => text.includes('offline'),
  // The rule's own gate.
  'no-password-grant': (text) => /password|owner\.getToken|entity\/auth\/login/iu.test(text),
  // An env read (`process.env`, `import.meta.env`, `Deno.env`, `Bun.env`) under a credential name.
  'no-secret-env-fallback': (text) => text.includes('env') && CREDENTIAL_NAME.test(text),
  // Credential names (client secrets, secret env vars), the client-credentials grant, catalogue flows.
  'no-secret-in-client-code': (text) => CREDENTIAL_NAME.test(text) || /client[^a-z0-9]*credentials/iu.test(text) || CATALOGUE_MODULE.test(text),
  // Query parameters `client_secret`, `password`, `access_token`, `refresh_token`, `api_key`.
  'no-secret-in-url': (text) => CREDENTIAL_NAME.test(text),
  // Credential names, token APIs (`grant`, `clientCredentials`, `exchangeCode…`) and token endpoints.
  'no-secret-logging': (text) => CREDENTIAL_NAME.test(text) || /grant|credentials|exchangecode/iu.test(text),
  // The rule's own gate.
  'no-tls-verification-bypass': (text) => /rejectUnauthorized|strictSSL|NODE_TLS_REJECT_UNAUTHORIZED|disableTLSCerts|checkServerIdentity/u.test(text),
  // Web Storage, cookies, IndexedDB object stores, storage libraries and `cacheLocation` options.
  'no-token-in-browser-storage': (text) => BROWSER_STORAGE.test(text),
  // Hand-built requests (`response_type`), catalogue flow APIs, Auth.js `checks`.
  'require-oauth-state': (text) => /response[_-]?type|checks/iu.test(text) || CATALOGUE_MODULE.test(text),
  // …and `code_challenge_method`, `nopkce`.
  'require-pkce': (text) => /response[_-]?type|checks|code[^a-z0-9]*challenge|nopkce/iu.test(text) || CATALOGUE_MODULE.test(text),
};

/**
 * The prefilter for a set of enabled rule ids: `undefined` when some rule has no row (then
 * nothing is filtered), otherwise a test that says whether a text needs parsing.
 */
export function createPrefilter(enabledRules: Iterable<string>, { reportUnusedDisableDirectives = false } = {}): ((text: string) => boolean) | undefined {
  // An unused `eslint-disable credential-hygiene/…` comment is itself a report.
  const words = new Set<string>(reportUnusedDisableDirectives ? ['credential-hygiene/'] : []);
  const tests = new Set<(text: string) => boolean>();
  for (const rule of enabledRules) {
    const row = RULE_KEYWORDS[rule];
    if (!row) return undefined;
    if (typeof row === 'function') tests.add(row);
    else for (const word of row) words.add(word);
  }
  const pattern = words.size > 0 ? new RegExp([...words].map(escapeRegExp).join('|'), 'iu') : undefined;
  // The known-format detector is the costly test: it runs last, when nothing cheaper passed.
  const ordered = [...tests].sort((a, b) => Number(a === RULE_KEYWORDS['no-hardcoded-credentials']) - Number(b === RULE_KEYWORDS['no-hardcoded-credentials']));
  if (!pattern && ordered.length === 0) return () => false;
  return (text) => (pattern?.test(text) ?? false) || ordered.some((test) => test(text));
}

/**
 * Whether a file may use a value under a secret name or pass one to a catalogue sink, so be the
 * using end of a cross-file flow: `classifySecretName` needs one of the credential words, a sink
 * needs an import of a catalogue module.
 */
export function mayUseSecretName(text: string): boolean {
  return CREDENTIAL_NAME.test(text) || CATALOGUE_MODULE.test(text);
}

/** Whether a file may read a secret from the environment (an env object and a credential name). */
export function mayReadSecretEnv(text: string): boolean {
  return text.includes('env') && CREDENTIAL_NAME.test(text);
}

/**
 * Whether a file may be client-side by its text: a directive, a client module, a browser global
 * or a public env prefix from the catalogue. Files that match none (and no client glob) are never
 * roots of the client-bundle walk, so they need no parse for it.
 */
export function createClientSignalTest(words: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(words.map((word) => word.replace(/\*$/u, '').replace(/[\\^$.*+?()[\]{}|]/gu, '\\$&')).join('|'), 'u');
  return (text) => pattern.test(text);
}
