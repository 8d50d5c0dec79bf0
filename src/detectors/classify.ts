/**
 * `classifySecretValue`: what a string value is, when it sits where a credential could be.
 * Pure: no AST, no I/O. Every front end asks this one function.
 */
import { characterClassCount, shannonEntropy } from './entropy.js';
import { connectionUserInfo, findKnownSecrets, isDefaultPassword, isLocalHost } from './known-formats.js';
import { classifySecretName, splitIdentifierWords, type CredentialKind } from './names.js';

export type SecretValueKind =
  /** `''` or white space only. */
  | 'empty'
  /** `YOUR_CLIENT_SECRET`, `<client-secret>`, `changeme`, `xxxx`, `***`, `${SECRET}`, `{{ secrets.X }}`, `TODO`. */
  | 'placeholder'
  /** A reference to where the secret really lives: `env:X`, a vault path, a secrets-manager ARN, `op://…`. */
  | 'reference'
  /**
   * An obvious test value (`test-secret`, `foo`, `password123`) in a test file, or a URL whose
   * password is a local default (`postgres://postgres:postgres@localhost/test`) anywhere.
   */
  | 'dummy'
  /** A short, dictionary or low-entropy value: still a secret if it reaches a sink, and a weak one. */
  | 'weak'
  /** Credential-shaped: long enough, varied characters or hex/base64/GUID shaped. */
  | 'credential'
  /** A recognised token format (AWS, GitHub, Slack, Google, Stripe, private keys, JWTs…). */
  | 'known-format'
  /** Clearly not a secret: a URL without credentials, a file path, prose, UI text in any language, a header name. */
  | 'not-secret';

export type Confidence = 'low' | 'medium' | 'high';

export interface SecretValueClassification {
  readonly kind: SecretValueKind;
  readonly confidence: Confidence;
  /** One short sentence fragment for messages and docs; never contains the value. */
  readonly reason: string;
  /** Shape or format id: `hex`, `guid`, `base64`, `acumatica-client-id`, `aws-secret-access-key`… */
  readonly format?: string;
  /** Label of a recognised format, e.g. "AWS secret access key". */
  readonly formatLabel?: string;
}

export interface ClassifyContext {
  /** The identifier, property key or slot name the value is bound to. */
  readonly name?: string;
  /** Whether the value stands in a test file (see `isTestFile`). */
  readonly isTestFile?: boolean;
  /** The kind of credential the slot expects, when known. */
  readonly expectedKind?: CredentialKind;
  /**
   * The value is passed to an API that takes a credential (a catalogue sink): it is used as a
   * secret whatever it looks like, so it is never read as a label of its name.
   */
  readonly atSink?: boolean;
}

const TEMPLATE_REFERENCE = [
  /^\$\{\{?\s*[\w.:-]+\s*\}?\}$/u, // ${SECRET}, ${{ secrets.X }}
  /^\{\{\s*[\w.:|' -]+\s*\}\}$/u, // {{ secrets.X }}
  /^\$[A-Z_][A-Z0-9_]*$/u, // $CLIENT_SECRET
  /^\$env:[A-Za-z_][\w]*$/u, // $env:CLIENT_SECRET
  /^%[A-Za-z_][\w]*%$/u, // %CLIENT_SECRET%
  /^<%=?\s*[\w.]+\s*%>$/u, // <%= secret %>
  /^#\{[\w.]+\}$/u, // #{secret}
  /^\$\{env\.[\w]+(?::[^}]*)?\}$/u, // ${env.X} / ${env.X:fallback} (keycloak)
];

/** `secret-goes-here`, `<put your key here>`: a bounded word run ending in "here" (no nested quantifiers). */
const PLACEHOLDER_HERE = /^[<[{(]?[\w .-]{0,60}[ _.-](?:goes[ _.-])?here[>\]})]?$/iu;

const PLACEHOLDER_TOKENS = new Set([
  'changeme', 'change_me', 'change-me', 'changethis', 'change_this', 'change-this', 'changeit', 'todo', 'fixme', 'tbd', 'tba',
  'redacted', 'placeholder', 'replace_me', 'replaceme', 'replace-me', 'none', 'null', 'undefined', 'nil', 'n/a', 'na', 'unset',
  'secret_here', 'your_secret', 'your-secret', 'notasecret', 'not-a-secret', 'not_a_secret', 'dummy', 'sample', 'example', 'xxx',
]);

const REFERENCE_PATTERNS = [
  /^(?:env|environment|secret|secrets|vault|ssm|sm|awssm|aws-sm|gcpsm|azkv|keyvault|op|file|exec|ref):(?:\/\/)?[\w./:#@-]+$/iu,
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):[\w-]*:\d*:[\w/+=.@:-]+$/u,
  /^projects\/[\w-]+\/secrets\/[\w-]+(?:\/versions\/[\w-]+)?$/u,
  /^https:\/\/[\w-]+\.vault\.azure\.net\/secrets\/[\w-]+(?:\/[\w-]+)?$/u,
  /^@Microsoft\.KeyVault\(.+\)$/u,
  /^op:\/\/[^\n]{1,200}$/u,
  /^(?:process\.env|import\.meta\.env|Deno\.env\.get|Bun\.env)[.[(]/u,
];

/** Obvious dummies: allowed in test files, reported as weak elsewhere. */
const DUMMY_PATTERN =
  /^(?:(?:test|testing|fake|mock|mocked|dummy|stub|sample|example|demo|local|dev|foo|bar|baz|qux)(?:[ _.-]?(?:client|api|app|access|refresh|id|jwt|session|signing|auth|private|bearer)?[ _.-]?(?:secret|password|passwd|pass|pwd|key|token|value|id|string)?)?(?:[ _.-]?\d{0,6})?|(?:secret|password|passwd|pass|token|key|apikey|api-key|api_key|abc|abcdef|xyz|qwerty|letmein|admin|root|user|hunter2|s3cr3t|pa55word|passw0rd|p@ssw0rd|keyboard cat|shhhhh|shh|1234|12345|123456|1234567|12345678|123456789|0000|foobar|foobarbaz)(?:[ _.-]?\d{0,6})?)$/iu;

const HEX = /^[0-9a-f]+$/iu;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ACUMATICA_CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@[^@\s]+$/iu;
const GOOGLE_CLIENT_ID = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/u;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;
const BASE64URL = /^[A-Za-z0-9_-]+$/u;
const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/iu;
const FILE_PATH = /^(?:\.{1,2}\/|~\/|\/(?!\/)|[A-Za-z]:[\\/])[^\s]*$|^[\w.-]+\/[\w./-]+\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env)$/u;

/** Password hashes in the crypt formats: bcrypt, argon2, SHA-crypt and passlib's PBKDF2. */
const PASSWORD_HASH =
  /^\$(?:2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}|argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,}\$[A-Za-z0-9+/]{16,}|[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|pbkdf2-sha(?:1|256|512)\$\d+\$[./A-Za-z0-9+]{8,}\$[./A-Za-z0-9+]{16,})$/u;

function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (/^(.)\1{2,}$/u.test(trimmed) || /^[xX*•.#_-]{3,}$/u.test(trimmed)) return true;
  // Placeholders are short; the patterns below are only run on short values to keep time linear.
  if (trimmed.length > 200) return false;
  const lower = trimmed.toLowerCase();
  if (TEMPLATE_REFERENCE.some((pattern) => pattern.test(trimmed))) return true;
  if (/^<[^<>]{1,80}>$/u.test(trimmed) || /^\[[^[\]]{1,80}\]$/u.test(trimmed) || /^\{[A-Za-z_][\w .-]{0,78}\}$/u.test(trimmed)) return true;
  if (/^__[A-Z0-9_]+__$/u.test(trimmed)) return true;
  // A schema's type where a value goes: jsforce's `consumerSecret: '?string'`, an OpenAPI example's
  // `client_secret: 'string'`.
  if (/^\?[A-Za-z][\w.]{0,60}(?:\[\])?$/u.test(trimmed) || /^(?:string|str|text)$/iu.test(trimmed)) return true;
  if (PLACEHOLDER_TOKENS.has(lower)) return true;
  if (/^(?:your|my)[ _.-]/iu.test(trimmed) && /^[\w .-]{1,80}$/u.test(trimmed) && !/\d{4,}/u.test(trimmed)) return true;
  if (/^(?:insert|enter|replace|paste|put|add)[ _-](?:your|the|a|an)?[ _-]?[\w .-]{1,60}$/iu.test(trimmed)) return true;
  if (trimmed.length <= 64 && PLACEHOLDER_HERE.test(trimmed)) return true;
  // Mostly masked: `sk_live_xxxxxxxx`, `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, `abcd****`.
  const unmasked = trimmed.replace(/x{4,}|X{4,}|\*{3,}|•{3,}|\.{3,}|…+/gu, '');
  if (unmasked.length < trimmed.length && unmasked.replace(/[-_.]/gu, '').length <= 12) return true;
  if (/\b(?:replace|change|insert)[ _-]?(?:me|this|with)\b/iu.test(trimmed) && trimmed.length <= 80) return true;
  // `refresh_tokens:%s`, `tokens/{0}`: a key or message template with a slot for the value.
  if (trimmed.length <= 120 && /(?:^|[:/_.=-])(?:%[sd]|\{\d?\})(?:$|[:/_.=-])/u.test(trimmed)) return true;
  // `compute-placeholder`, `REDACTED_TOKEN`: a value that says what it is.
  if (trimmed.length <= 80 && /(?:^|[-_.\s:])(?:placeholder|redacted)(?:$|[-_.\s:])/iu.test(trimmed)) return true;
  return false;
}

function isProse(value: string): boolean {
  const words = value.trim().split(/\s+/u);
  if (words.length >= 3) return true;
  if (words.length === 2 && /[.:!?]$/u.test(value.trim())) return true;
  return /^(?:please|enter|invalid|missing|required|your|the|a|an)\s/iu.test(value.trim());
}

/** `urn:ietf:params:oauth:grant-type:jwt-bearer`: a protocol identifier. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:[\w.:%~!$&'()*+,;=/?#@-]+$/iu;
/** Regular-expression source: a character class with a quantifier, an escape class, anchors. */
const REGEX_SOURCE = /\[[^\]]{1,80}\][+*?{]|\\[dwsbDWS]|^\^.*\$$|\(\?[:=!<]/u;
const IDENTIFIER_LIKE = /^[A-Za-z][A-Za-z0-9]*(?:[_.:-][A-Za-z0-9]+)*$/u;

/**
 * `{ 'client-secret': 'client secret' }`, `{ password: 'Password' }`: the value only repeats its
 * name. Also a value that is itself a credential parameter or field name (`REFRESH_TOKEN =
 * 'refresh_token'`, `BROKER_CLIENT_ID = 'brk_client_id'`, `ClientSecretPost = 'ClientSecretPost'`).
 */
function isLabelFor(value: string, name: string): boolean {
  if (value.length > 100) return false;
  if (value.length <= 64 && IDENTIFIER_LIKE.test(value) && splitIdentifierWords(value).length >= 2 && classifySecretName(value) !== undefined) return true;
  // A single word (`secret: 'secret'`) is the classic weak secret, not a label.
  if (!/[\s_-]/u.test(value.trim())) return false;
  const valueWords = splitIdentifierWords(value);
  if (valueWords.length < 2) return false;
  const nameWords = new Set(splitIdentifierWords(name));
  return valueWords.every((word) => nameWords.has(word));
}

function classifyUrl(value: string): SecretValueClassification | undefined {
  if (!URL_PATTERN.test(value)) return undefined;
  const userInfo = connectionUserInfo(value);
  if (userInfo) {
    const { user, password } = userInfo;
    if (password === '' || isPlaceholder(password)) return { kind: 'placeholder', confidence: 'medium', reason: 'a URL with a placeholder password' };
    // `postgres://postgres:postgres@db:5432/app`, `amqp://guest:guest@localhost`: the image's
    // default on a local host, which compose files, CI service containers and `.env.test` are full
    // of. On a routable host it is a weak real password; a random one is reported on any host.
    if (DUMMY_PATTERN.test(password) || (isLocalHost(userInfo.host) && isDefaultPassword(password, user))) {
      return { kind: 'dummy', confidence: 'high', reason: 'a URL with a local default password', format: 'url-default-password' };
    }
    return { kind: 'credential', confidence: 'high', reason: 'a URL with an embedded password', format: 'url-with-password' };
  }
  return { kind: 'not-secret', confidence: 'high', reason: 'a URL without credentials', format: 'url' };
}

/** A word in any script: letters and combining marks (`Schlüssel`, `dostępu`, `Contraseña`, `d'accès`). */
const LETTER_WORD = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?$/u;
/** A word as UI text writes it: `Client`, `klienta`, `API`. Not `aBc` or `XyZw`: random text mixes case. */
const TEXT_WORD = /^(?:\p{Lu}?[\p{Ll}\p{M}]+(?:['’][\p{Ll}\p{M}]+)?|\p{Lu}{1,6})$/u;

/**
 * Text in a natural language, as translation files and UI constants hold under credential keys
 * (`"token": "Zugangsschlüssel"`, `clientSecret: 'Sekret klienta'`, `"apiKey": "API-Schlüssel"`):
 * - letters only, with a letter outside ASCII: generated secrets (hex, base64, alphanumeric)
 *   are ASCII, and a hand-made password with an umlaut and nothing else is a word;
 * - two or more words joined by single spaces or hyphens, the first capitalised, each a word as
 *   text writes it (`Client-Geheimnis`, `Klucz API`): a label in sentence or title case;
 * - one capitalised word of letters only (`Geheimnis`, `Secreto`): a label. English dictionary
 *   words (`Secret`, `Password`) are caught earlier as dictionary values and stay weak.
 * Lower-case phrases (`super secret`) are not text here: they are the classic weak secret.
 * Digits or symbols (`Summer2024!`, `P@ssw0rd`) never make text.
 */
function isNaturalLanguageText(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 3 || trimmed.length > 80) return false;
  const words = trimmed.split(/[ -]/u);
  if (!words.every((word) => LETTER_WORD.test(word))) return false;
  if (/[^\x00-\x7f]/u.test(trimmed)) return true;
  if (!/^\p{Lu}/u.test(trimmed) || !words.every((word) => TEXT_WORD.test(word))) return false;
  if (words.length >= 2) return /\p{Ll}/u.test(trimmed);
  return /^\p{Lu}\p{Ll}{2,}$/u.test(trimmed);
}

/**
 * `msal.cache.encryption`, `public-client`, `AuthenticatorMethodSimple`: letters only, in two or
 * more lower-case words joined by `-`, `_` or `.`, or in CamelCase. Identifiers and slugs, which
 * library code is full of; random secrets have digits or no word structure.
 */
function isReadableName(value: string): boolean {
  if (value.length > 64) return false;
  if (/^[a-z]{2,}(?:[-_.][a-z]{2,})+$/u.test(value)) return true;
  return /^(?:[A-Z][a-z]+|[A-Z]{1,5}(?=[A-Z][a-z]|$)){2,}$/u.test(value) || /^[a-z]+(?:[A-Z][a-z]+)+$/u.test(value);
}

function classifyShape(value: string): SecretValueClassification {
  const length = Array.from(value).length;
  const entropy = shannonEntropy(value);
  const classes = characterClassCount(value);
  if (ACUMATICA_CLIENT_ID.test(value)) {
    return { kind: 'credential', confidence: 'high', reason: 'an Acumatica-style `<GUID>@<tenant>` client id', format: 'acumatica-client-id' };
  }
  if (GOOGLE_CLIENT_ID.test(value)) {
    return { kind: 'credential', confidence: 'high', reason: 'a Google OAuth client id', format: 'google-client-id' };
  }
  if (GUID.test(value)) {
    return { kind: 'credential', confidence: 'medium', reason: 'a GUID-shaped value', format: 'guid' };
  }
  if (length >= 16 && HEX.test(value) && /[0-9]/u.test(value) && /[a-f]/iu.test(value)) {
    return { kind: 'credential', confidence: length >= 32 ? 'high' : 'medium', reason: 'a hex-encoded value', format: 'hex' };
  }
  if (length >= 16 && (BASE64.test(value) || BASE64URL.test(value)) && classes >= 3 && entropy >= 3.5) {
    return { kind: 'credential', confidence: length >= 32 ? 'high' : 'medium', reason: 'a base64-encoded random value', format: 'base64' };
  }
  if (/\s/u.test(value)) {
    return { kind: 'weak', confidence: 'medium', reason: 'a phrase, not a random value', format: 'phrase' };
  }
  if (isReadableName(value)) {
    return { kind: 'weak', confidence: 'medium', reason: 'a readable name, not a random value', format: 'words' };
  }
  if (length >= 12 && classes >= 2 && entropy >= 3.0) {
    return { kind: 'credential', confidence: length >= 24 && entropy >= 3.8 ? 'high' : 'medium', reason: 'a credential-shaped random value', format: 'random' };
  }
  return {
    kind: 'weak',
    confidence: 'medium',
    reason: length < 12 ? 'a short value' : 'a low-entropy value',
    format: 'weak',
  };
}

/**
 * Classifies a string value that stands where a credential could be. The order matters: a
 * recognised token format wins over every other reading, and placeholders win over shape.
 */
export function classifySecretValue(value: string, context: ClassifyContext = {}): SecretValueClassification {
  if (value.trim() === '') return { kind: 'empty', confidence: 'high', reason: 'an empty value' };
  if (isPlaceholder(value)) return { kind: 'placeholder', confidence: 'high', reason: 'a placeholder' };
  if (value.length > 20_000) {
    // A blob this size is data (a bundle, a certificate chain); only recognised formats matter.
    const known = findKnownSecrets(value.slice(0, 20_000));
    if (known[0]) return knownFormat(known[0].format, known[0].label);
    return { kind: 'not-secret', confidence: 'low', reason: 'a large text blob' };
  }
  // Some formats are only recognised next to their name (an AWS secret key is 40 base64 characters).
  const known = findKnownSecrets(value)[0] ?? (context.name === undefined ? undefined : findKnownSecrets(`${context.name}="${value}"`)[0]);
  if (known) return knownFormat(known.format, known.label);
  if (value.length <= 2048 && REFERENCE_PATTERNS.some((pattern) => pattern.test(value.trim()))) {
    return { kind: 'reference', confidence: 'high', reason: 'a reference to an environment variable or secret store' };
  }
  const url = classifyUrl(value.trim());
  if (url) return url;
  if (FILE_PATH.test(value.trim())) return { kind: 'not-secret', confidence: 'medium', reason: 'a file path', format: 'path' };
  // A seed user's `$2b$12$…`: what a login is checked against, not what logs in.
  if (PASSWORD_HASH.test(value.trim())) return { kind: 'not-secret', confidence: 'high', reason: 'a password hash', format: 'password-hash' };
  if (value.length <= 64 && DUMMY_PATTERN.test(value.trim())) {
    return context.isTestFile === true
      ? { kind: 'dummy', confidence: 'high', reason: 'an obvious test value in a test file' }
      : { kind: 'weak', confidence: 'high', reason: 'a dictionary or dummy value', format: 'dictionary' };
  }
  if (value.length <= 2048 && URN.test(value.trim())) return { kind: 'not-secret', confidence: 'high', reason: 'a URN', format: 'urn' };
  if (value.length <= 2048 && REGEX_SOURCE.test(value)) return { kind: 'not-secret', confidence: 'medium', reason: 'a regular expression', format: 'regex' };
  // `client_id=OAUTH_CLIENT_ID` in a documented or tested request: the name of the environment
  // variable that holds the value, standing where the value goes, even at a sink.
  if (context.name !== undefined && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/u.test(value.trim()) && isLabelFor(value, context.name)) {
    return { kind: 'placeholder', confidence: 'high', reason: 'the name of an environment variable' };
  }
  if (context.atSink !== true && context.name !== undefined && isLabelFor(value, context.name)) {
    return { kind: 'not-secret', confidence: 'high', reason: 'a label that names the value', format: 'label' };
  }
  if (isProse(value)) return { kind: 'not-secret', confidence: 'medium', reason: 'prose, not a secret', format: 'prose' };
  if (isNaturalLanguageText(value)) {
    // At a sink the text is used as the secret: a weak one, not a random value.
    return context.atSink === true
      ? { kind: 'weak', confidence: 'medium', reason: 'a word or phrase, not a random value', format: 'phrase' }
      : { kind: 'not-secret', confidence: 'medium', reason: 'text in a natural language (a label)', format: 'text' };
  }
  return classifyShape(value);
}

function knownFormat(format: string, label: string): SecretValueClassification {
  const article = /^[AEIOaeio]|^npm\b|^1Password/u.test(label) ? 'an' : 'a';
  return { kind: 'known-format', confidence: 'high', reason: `${article} ${label}`, format, formatLabel: label };
}

/** Kinds that a rule must not report: nothing is hard-coded. */
export function isHarmlessValueKind(kind: SecretValueKind): boolean {
  return kind === 'empty' || kind === 'placeholder' || kind === 'reference' || kind === 'dummy' || kind === 'not-secret';
}

/**
 * Whether a value in a credential slot is reported by the hard-coded-credential rules: never a
 * harmless kind; a weak value only at a sink, as a client id, or as a client secret that is not a
 * readable name; never a weak value in a test file. One definition for the rules and their text
 * gates, so the gates can never be narrower than the rules.
 */
export function isReportedCredentialValue(classification: SecretValueClassification, slot: { readonly kind: CredentialKind; readonly atSink: boolean; readonly isTestFile: boolean }): boolean {
  if (isHarmlessValueKind(classification.kind)) return false;
  if (classification.kind !== 'weak') return true;
  if (slot.isTestFile) return false;
  // Only the name says credential: a short word there is often a label or a mode, not a secret,
  // and an identifier behind a client-secret key is a discriminator (`client_secret_post:
  // 'ClientSecretPostConfig'`). Client ids are often readable slugs, so those still count.
  if (slot.atSink || slot.kind === 'client-id') return true;
  return slot.kind === 'client-secret' && classification.format !== 'words';
}
