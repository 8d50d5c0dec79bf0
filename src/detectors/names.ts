/**
 * Secret-ish identifier and property names: `clientSecret`, `CLIENT_SECRET`, `client-secret`,
 * `secretAccessKey`, `passwd`… with the exclusions real code needs (`tokenUrl`, `secretName`,
 * `passwordField`, `isSecret`, `nextPageToken`, `maxTokens`).
 */

/** What kind of credential a name, a slot or a value stands for. */
export type CredentialKind =
  | 'client-secret'
  | 'client-id'
  | 'password'
  | 'api-key'
  | 'token'
  | 'private-key'
  | 'signing-secret'
  | 'secret';

/** Human wording for each kind, used in messages. */
export const CREDENTIAL_KIND_LABELS: Readonly<Record<CredentialKind, string>> = {
  'client-secret': 'client secret',
  'client-id': 'client id',
  password: 'password',
  'api-key': 'API key',
  token: 'token',
  'private-key': 'private key',
  'signing-secret': 'signing secret',
  secret: 'secret',
};

/** A credential label with its indefinite article, for messages: `a client secret`, `an API key`. */
export function kindWithArticle(kind: CredentialKind): string {
  const label = CREDENTIAL_KIND_LABELS[kind];
  return `${/^(?:[aeio]|API\b)/u.test(label) ? 'an' : 'a'} ${label}`;
}

/** Compound words written without a separator, split so the word rules below see them. */
const COMPOUNDS: Readonly<Record<string, readonly string[]>> = {
  clientsecret: ['client', 'secret'],
  clientid: ['client', 'id'],
  apikey: ['api', 'key'],
  apisecret: ['api', 'secret'],
  apitoken: ['api', 'token'],
  accesstoken: ['access', 'token'],
  accesskey: ['access', 'key'],
  refreshtoken: ['refresh', 'token'],
  idtoken: ['id', 'token'],
  authtoken: ['auth', 'token'],
  bearertoken: ['bearer', 'token'],
  privatekey: ['private', 'key'],
  secretkey: ['secret', 'key'],
  signingkey: ['signing', 'key'],
  sessionsecret: ['session', 'secret'],
  jwtsecret: ['jwt', 'secret'],
  appsecret: ['app', 'secret'],
  consumersecret: ['consumer', 'secret'],
  consumerkey: ['consumer', 'key'],
  nextauth: ['next', 'auth'],
};

/**
 * Splits an identifier into lower-case words: `clientSecret` → client, secret;
 * `KENSIUM_CLIENT_SECRET` → kensium, client, secret; `APIKey` → api, key; `clientID` → client, id.
 */
export function splitIdentifierWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase();
  const words: string[] = [];
  for (const word of spaced.split(/[^a-z0-9]+/u)) {
    if (word === '') continue;
    const compound = Object.hasOwn(COMPOUNDS, word) ? COMPOUNDS[word] : undefined;
    if (compound) words.push(...compound);
    else words.push(word);
  }
  return words;
}

/** Words after the credential word that make the name about something else (a URL, a label…). */
const NON_VALUE_SUFFIXES = new Set([
  'url', 'uri', 'urls', 'endpoint', 'endpoints', 'path', 'paths', 'host', 'file', 'filename', 'dir',
  'name', 'names', 'field', 'fields', 'label', 'type', 'types', 'kind', 'ref', 'refs', 'reference',
  'ids', 'length', 'len', 'size', 'count', 'min', 'max', 'limit', 'policy', 'pattern', 'regex',
  'regexp', 'format', 'header', 'param', 'parameter', 'placeholder', 'prompt', 'message', 'msg',
  'error', 'errors', 'hint', 'text', 'title', 'description', 'desc', 'env', 'var', 'variable',
  'expiry', 'expires', 'expiration', 'ttl', 'lifetime', 'timeout', 'age', 'version', 'versions',
  'mode', 'method', 'methods', 'strategy', 'store', 'storage', 'cache', 'provider', 'providers',
  'manager', 'service', 'client', 'options', 'config', 'settings', 'schema', 'validator', 'input',
  'box', 'visible', 'visibility', 'strength', 'status', 'state', 'location', 'source', 'audience',
  'issuer', 'algorithm', 'alg', 'encoding', 'rotation', 'index', 'arn', 'id', 'hash', 'hashed',
  'digest', 'salt', 'rounds', 'reset', 'changed', 'required', 'request', 'response', 'callback',
  'handler', 'component', 'prefix', 'suffix', 'position', 'pos', 'start', 'end', 'set', 'list',
  'map', 'keys', 'question', 'rule', 'rules', 'check', 'checks', 'valid', 'invalid', 'enabled',
  'disabled', 'supported', 'exists', 'present', 'missing', 'loaded', 'selector', 'element', 'el',
  'ui', 'form', 'dialog', 'modal', 'button', 'link', 'route', 'page', 'view', 'key_name', 'bytes',
  'bits', 'usage', 'usages', 'scope', 'scopes', 'verifier', 'challenge', 'attribute', 'attr', 'match',
  'matcher', 'matches', 'patterns', 'words', 'chars', 'characters', 'alphabet', 'charset', 'dictionary',
  'wordlist', 'blocklist', 'denylist',
  // Where credentials are kept, not one: `OAuthAccessTokenTable`, `passwordPolicies`.
  'table', 'tables', 'column', 'columns', 'collection', 'model', 'entity', 'policies',
  // Measures and settings about a credential: `tokenRenewalOffsetSeconds`, `issuerTokenAlgs`.
  'seconds', 'secs', 'sec', 'ms', 'millis', 'milliseconds', 'minutes', 'mins', 'hours', 'days', 'offset',
  'renewal', 'algs', 'algorithms', 'interval', 'threshold', 'delay', 'retries', 'attempts',
  // Events and outcomes: `PASSWORD_CHANGE_FAILED`, `tokenRefreshed`.
  'failed', 'failure', 'succeeded', 'success', 'refreshed', 'revoked', 'received', 'event', 'events',
]);

/** First words that make the name a flag, an action or a question rather than a value. */
const NON_VALUE_PREFIXES = new Set([
  'is', 'has', 'should', 'can', 'use', 'uses', 'enable', 'enabled', 'disable', 'require', 'requires',
  'allow', 'show', 'hide', 'toggle', 'validate', 'check', 'verify', 'get', 'fetch', 'load', 'read',
  'generate', 'create', 'reset', 'forgot', 'change', 'update', 'on', 'handle', 'with', 'without',
  'no', 'skip', 'ignore', 'mask', 'masked', 'redact', 'redacted', 'hidden', 'min', 'max', 'num',
  // `hashedPassword`: the hash a login is checked against.
  'hashed',
]);

/** Words before `token` that make it protocol state rather than a credential. */
const NON_CREDENTIAL_TOKEN_QUALIFIERS = new Set([
  'page', 'continuation', 'cancel', 'cancellation', 'sync', 'resume', 'csrf', 'xsrf', 'next',
  'pagination', 'delta', 'change', 'skip', 'state', 'nonce', 'request', 'max', 'output', 'input',
  'prompt', 'completion', 'total', 'stop', 'end', 'start', 'special', 'eos', 'bos', 'pad', 'unk',
]);

/** Words that never name a credential wherever they stand (LLM and lexer tokens, pagination). */
const NEVER_CREDENTIAL_WORDS = new Set(['tokens', 'tokenizer', 'tokenize', 'tokenized', 'lexer', 'pagination']);

export interface SecretName {
  readonly kind: CredentialKind;
  readonly words: readonly string[];
}

function hasPair(words: readonly string[], first: string, second: string): number {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] === first && words[i + 1] === second) return i + 1;
  }
  return -1;
}

/**
 * Says whether `name` (an identifier, property key or env-var name) names a credential, and of
 * which kind. Returns `undefined` for names that only mention one (`tokenUrl`, `secretName`).
 */
export function classifySecretName(name: string): SecretName | undefined {
  const known = classified.get(name);
  if (known !== undefined) return known ?? undefined;
  const result = classifyUncached(name);
  if (classified.size >= CLASSIFIED_LIMIT) classified.clear();
  classified.set(name, result ? Object.freeze({ kind: result.kind, words: Object.freeze([...result.words]) }) : null);
  return classified.get(name) ?? undefined;
}

/**
 * The answers given so far, by name: the gates, the rules and the whole-program facts ask about
 * the same few thousand names in file after file (`token`, `clientSecret`, `apiKey`). Frozen, so
 * that no caller can change another's answer; emptied when it grows past the limit.
 */
const classified = new Map<string, SecretName | null>();
const CLASSIFIED_LIMIT = 50_000;

function classifyUncached(name: string): SecretName | undefined {
  if (name.length > 200) return undefined;
  const words = splitIdentifierWords(name);
  if (words.length === 0) return undefined;
  if (words.some((word) => NEVER_CREDENTIAL_WORDS.has(word))) return undefined;
  if (NON_VALUE_PREFIXES.has(words[0] ?? '') && words.length > 1) return undefined;
  // Kubernetes Secret references: Helm's `existingSecret`, `existingSecretKey`, `existingSecretPasswordKey`
  // and `secretKeyRef` / `secretProviderClass` name a Secret object or a key in one, never a credential.
  if (isSecretReference(words)) return undefined;

  const found = findKind(words);
  if (!found) return undefined;
  // A word after the credential word decides: `clientSecretPath`, `tokenEndpoint` are not values.
  const after = words.slice(found.lastIndex + 1);
  // openid-client's and xero-node's `TokenSet`: the token response itself.
  if (found.kind === 'token' && after.length === 1 && after[0] === 'set') return { kind: found.kind, words };
  if (after.some((word) => NON_VALUE_SUFFIXES.has(word))) return undefined;
  // Storage keys: `tokenKey`, `passwordKey`, `sessionKey` name where a value is kept.
  if (after[0] === 'key' && found.kind !== 'api-key' && found.kind !== 'private-key') return undefined;
  return { kind: found.kind, words };
}

/** Words after `secret` that make it a Kubernetes Secret, or a key in one, that is named rather than held. */
const SECRET_REFERENCE_SUFFIXES = new Set(['name', 'ref', 'refs', 'key', 'keys', 'provider', 'class', 'store', 'selector', 'namespace']);

function isSecretReference(words: readonly string[]): boolean {
  // `existingSecret…`: the chart reads the credential from a Secret that already exists.
  if (words[0] === 'existing' && (words[1] === 'secret' || words[1] === 'secrets')) return true;
  // `secretKeyRef`, `tokenSecretRef`, `passwordSecretName`, `secretProviderClass`: `secret` followed only by words naming it.
  const index = words.lastIndexOf('secret');
  if (index < 0 || index === words.length - 1) return false;
  const after = words.slice(index + 1);
  return after.some((word) => word === 'ref' || word === 'refs' || word === 'name' || word === 'provider') && after.every((word) => SECRET_REFERENCE_SUFFIXES.has(word));
}

function findKind(words: readonly string[]): { kind: CredentialKind; lastIndex: number } | undefined {
  let index: number;
  if ((index = hasPair(words, 'secret', 'or')) >= 0) return { kind: 'signing-secret', lastIndex: words.length - 1 };
  if ((index = hasPair(words, 'client', 'secret')) >= 0) return { kind: 'client-secret', lastIndex: index };
  if ((index = hasPair(words, 'consumer', 'secret')) >= 0) return { kind: 'client-secret', lastIndex: index };
  if ((index = hasPair(words, 'app', 'secret')) >= 0) return { kind: 'client-secret', lastIndex: index };
  if ((index = hasPair(words, 'client', 'id')) >= 0) return { kind: 'client-id', lastIndex: index };
  if ((index = hasPair(words, 'consumer', 'key')) >= 0) return { kind: 'client-id', lastIndex: index };
  if ((index = hasPair(words, 'private', 'key')) >= 0) return { kind: 'private-key', lastIndex: index };
  for (const signing of ['session', 'jwt', 'cookie', 'signing', 'hmac', 'encryption', 'auth', 'webhook']) {
    if ((index = hasPair(words, signing, 'secret')) >= 0) return { kind: 'signing-secret', lastIndex: index };
    if ((index = hasPair(words, signing, 'key')) >= 0 && signing !== 'auth' && signing !== 'session' && signing !== 'cookie') {
      return { kind: 'signing-secret', lastIndex: index };
    }
  }
  if ((index = hasPair(words, 'api', 'key')) >= 0) return { kind: 'api-key', lastIndex: index };
  if ((index = hasPair(words, 'access', 'key')) >= 0) return { kind: 'api-key', lastIndex: index };
  if ((index = hasPair(words, 'secret', 'key')) >= 0) return { kind: 'api-key', lastIndex: index };
  for (const key of ['subscription', 'account', 'master', 'license']) {
    if ((index = hasPair(words, key, 'key')) >= 0) return { kind: 'api-key', lastIndex: index };
  }
  for (const passwordWord of ['password', 'passwd', 'pwd', 'passphrase', 'pass']) {
    index = words.lastIndexOf(passwordWord);
    if (index >= 0 && !(passwordWord === 'pass' && index !== words.length - 1)) return { kind: 'password', lastIndex: index };
  }
  index = words.lastIndexOf('token');
  if (index >= 0) {
    // `nextPageToken`, `cancelToken`, `csrfToken`: protocol state, not a credential.
    if (NON_CREDENTIAL_TOKEN_QUALIFIERS.has(words[index - 1] ?? '')) return undefined;
    return { kind: 'token', lastIndex: index };
  }
  for (const tokenWord of ['bearer', 'authorization', 'pat']) {
    index = words.lastIndexOf(tokenWord);
    if (index >= 0 && index === words.length - 1) return { kind: 'token', lastIndex: index };
  }
  index = words.lastIndexOf('secret');
  if (index >= 0) return { kind: 'secret', lastIndex: index };
  return undefined;
}
