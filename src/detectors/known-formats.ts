/**
 * Recognised token formats: secretlint's recommended preset, run synchronously, plus a few
 * OAuth-specific formats the preset does not know (Google OAuth client secrets, Azure AD client
 * secrets, Stripe keys, Google API keys, JWTs).
 *
 * ESLint rules are synchronous while secretlint's `lintSource` is async. Every rule of the
 * preset except the GCP `.p12` check (binary files only) reports synchronously from its `file`
 * handler, so we call the rule creators directly with a minimal rule context and collect the
 * reports. `test/detectors/known-formats.test.ts` checks that this agrees with `lintSource`.
 */
import { extname } from 'node:path';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';

export interface KnownSecret {
  /** Short id of the format, e.g. `aws-secret-access-key`, `github-token`. */
  readonly format: string;
  /** Human label for messages, e.g. "AWS secret access key". Never contains the value. */
  readonly label: string;
  /** `[start, end)` offsets of the secret in the scanned text. */
  readonly range: readonly [number, number];
  /** Where the detection comes from: the secretlint rule id, or `credential-hygiene`. */
  readonly source: string;
}

interface PresetReport {
  readonly message: { readonly messageId: string };
  readonly range: readonly [number, number];
}

/** Preset rules that only filter other rules' results, or only look at binary files. */
const SKIPPED_PRESET_RULES = new Set(['@secretlint/secretlint-rule-filter-comments']);

/** Labels for the preset's message ids; unknown ids fall back to a readable form of the id. */
const PRESET_LABELS: Record<string, string> = {
  AWSSecretAccessKey: 'AWS secret access key',
  AWSAccessKeyID: 'AWS access key id',
  AWSAccountID: 'AWS account id',
  PrivateKeyJSON: 'GCP service account key',
  PackageJSON_xOauthToken: 'GitHub OAuth token in package.json',
  Npmrc_authToken: 'npm auth token',
  NPM_ACCESS_TOKEN: 'npm access token',
  SLACK_TOKEN: 'Slack token',
  IncomingWebhook: 'Slack incoming webhook URL',
  BasicAuth: 'basic-auth password in a URL',
  OPENAI_TOKEN: 'OpenAI API key',
  ANTHROPIC_API_KEY: 'Anthropic API key',
  LINEAR_API_TOKEN: 'Linear API key',
  PrivateKey: 'private key',
  SENDGRID_KEY: 'SendGrid API key',
  SHOPIFY_KEY: 'Shopify access token',
  GITHUB_TOKEN: 'GitHub token',
  OPS_TOKEN: '1Password service account token',
  MongoDBConnection: 'MongoDB connection string with a password',
  MySQLConnection: 'MySQL connection string with a password',
  PostgreSQLConnection: 'PostgreSQL connection string with a password',
};

interface ExtraFormat {
  readonly format: string;
  readonly label: string;
  /** Must be global; group 1, when present, is the secret itself. */
  readonly pattern: RegExp;
}

/** Formats the preset does not cover, chosen for OAuth/OIDC integration code. */
const EXTRA_FORMATS: readonly ExtraFormat[] = [
  { format: 'google-oauth-client-secret', label: 'Google OAuth client secret', pattern: /\b(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/gu },
  // A PEM private key block (secretlint's PrivateKey rule wants a full-length body; a short or
  // truncated one in code is still a private key).
  { format: 'private-key-pem', label: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s\\]{16,}?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/gu },
  { format: 'google-api-key', label: 'Google API key', pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/gu },
  { format: 'azure-ad-client-secret', label: 'Azure AD client secret', pattern: /(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/gu },
  { format: 'stripe-secret-key', label: 'Stripe secret key', pattern: /\b((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99})\b/gu },
  // Starts only where a run of base64url characters starts: with `\b`, text such as `eyJ-eyJ-eyJ-…`
  // offered a start inside every run and each one scanned to the run's end (quadratic time).
  { format: 'jwt', label: 'JSON Web Token', pattern: /(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_-])/gu },
];

function presetFormatId(messageId: string): string {
  return messageId
    .replace(/([a-z0-9])([A-Z])/gu, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1-$2')
    .replace(/_/gu, '-')
    .toLowerCase();
}

function presetLabel(messageId: string): string {
  return PRESET_LABELS[messageId] ?? presetFormatId(messageId).replace(/-/gu, ' ');
}

interface MinimalSource {
  readonly content: string;
  readonly filePath: string | undefined;
  readonly ext: string;
  readonly contentType: 'text';
}

type FileHandler = (source: MinimalSource) => unknown;

/** Where the shared handlers' reports go during one `runPresetRules` call (calls never nest: all synchronous). */
let reportsOfCurrentRun: KnownSecret[] = [];
let presetHandlers: readonly FileHandler[] | undefined;

/**
 * The preset's `file` handlers, created once: a rule's `create` only binds its context and
 * options (none here), and creating fifteen of them for every string and comment was the largest
 * own cost of the known-format search.
 */
function getPresetHandlers(): readonly FileHandler[] {
  if (presetHandlers) return presetHandlers;
  const handlers: FileHandler[] = [];
  for (const rule of presetRules) {
    const id = rule.meta.id;
    if (SKIPPED_PRESET_RULES.has(id)) continue;
    const context = {
      sharedOptions: {},
      createTranslator:
        (messages: Record<string, unknown>) =>
        (messageId: string, data?: unknown) => ({ messageId, data, message: messageId, messages }),
      report(descriptor: PresetReport) {
        const { messageId } = descriptor.message;
        reportsOfCurrentRun.push({ format: presetFormatId(messageId), label: presetLabel(messageId), range: [descriptor.range[0], descriptor.range[1]], source: id });
      },
      ignore() {},
    };
    // The preset's rule context type is wider than what the rules use; this is the part they call.
    const created = rule.create(context as never, {} as never) as { file?: FileHandler };
    if (created.file) handlers.push(created.file);
  }
  presetHandlers = handlers;
  return handlers;
}

function runPresetRules(content: string, filePath: string | undefined): KnownSecret[] {
  const source: MinimalSource = {
    content,
    filePath,
    ext: filePath === undefined ? '.txt' : extname(filePath),
    contentType: 'text',
  };
  const found: KnownSecret[] = [];
  reportsOfCurrentRun = found;
  try {
    for (const file of getPresetHandlers()) {
      const result = file(source);
      if (result instanceof Promise) {
        // Only the GCP .p12 check is async, and it reads binary files we never pass here.
        result.catch(() => undefined);
      }
    }
  } finally {
    reportsOfCurrentRun = [];
  }
  return found;
}

function runExtraFormats(content: string): KnownSecret[] {
  const found: KnownSecret[] = [];
  for (const { format, label, pattern } of EXTRA_FORMATS) {
    pattern.lastIndex = 0;
    for (const match of content.matchAll(pattern)) {
      const secret = match[1] ?? match[0];
      const start = match.index + match[0].indexOf(secret);
      found.push({ format, label, range: [start, start + secret.length], source: 'credential-hygiene' });
    }
  }
  return found;
}

/**
 * Whether a match of a known format can be a live credential of that format, for reporting (masking
 * keeps every match). secretlint's Slack pattern takes `xox[baprs]-` and any ten characters of
 * digits, letters and dashes, so a pagination cursor in an SDK's example (the prefix, then three
 * short groups of digits) matches;
 * every token Slack issues ends in a random part of 24 (bot), 32 (user) or more characters.
 */
export function isPlausibleKnownSecret(format: string, value: string): boolean {
  if (format === 'slack-token') return /(?:^|-)[\dA-Za-z]{20,}(?:$|-)/u.test(value) && /[A-Za-z]/u.test(value.slice(5));
  return true;
}

/** Formats whose match is a URL or connection string with a user and a password in it. */
const CONNECTION_FORMATS = new Set(['basic-auth', 'mongo-db-connection', 'my-sql-connection', 'postgre-sql-connection']);

/**
 * Passwords that images, brokers and databases ship with, or that only say what they are:
 * `postgres`, `root`, `guest`, `changeme`, `secret`, `test`… A product name is a default of that
 * product's image (`POSTGRES_PASSWORD=postgres`, `MYSQL_ROOT_PASSWORD=mysql`, RabbitMQ's
 * `guest`, MinIO's `minioadmin`).
 */
const DEFAULT_PASSWORD_WORDS =
  'postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|redis|rabbitmq|rabbit|guest|amqp|oracle|sa|mssql|sqlserver|keycloak|minio|minioadmin|neo4j|elastic|kibana|couchdb|cassandra|clickhouse|airflow|grafana|prisma|docker|' +
  'root|toor|admin|administrator|user|username|owner|app|db|database|default|password|passwd|pass|pwd|secret|changeme|changeit|example|sample|demo|test|testing|dev|development|local|localhost|ci|dummy|fake|mock|foo|bar|qwerty|letmein|abc';
const DEFAULT_PASSWORD = new RegExp(`^(?:${DEFAULT_PASSWORD_WORDS})(?:[_.-]?(?:${DEFAULT_PASSWORD_WORDS}))?[_.-]?\\d{0,6}$|^\\d{1,8}$`, 'iu');

/**
 * Whether a password in a connection string is a local default rather than a secret: a
 * well-known default (`postgres`, `guest`, `root`, `password`, `changeme`, `test`, `dev`, a few
 * digits…), or the user name again (`app:app`), possibly with `pass`/`password`/digits after it.
 * Such URLs fill docker-compose files, CI service containers and `.env.test`. Callers also ask
 * `isLocalHost`: the same password on a routable host is a weak real one, and a random password
 * is a secret on any host, localhost included.
 */
export function isDefaultPassword(password: string, user = ''): boolean {
  if (password === '' || password.length > 40) return false;
  if (DEFAULT_PASSWORD.test(password)) return true;
  if (user === '') return false;
  const lowerPassword = password.toLowerCase();
  const lowerUser = user.toLowerCase();
  if (!lowerPassword.startsWith(lowerUser)) return false;
  return /^(?:[_.-]?(?:pass|password|passwd|pwd|secret))?[_.-]?\d{0,6}$/u.test(lowerPassword.slice(lowerUser.length));
}

/**
 * A host that only a developer's machine, a CI job or a container network resolves: `localhost`,
 * loopback and unspecified addresses, `host.docker.internal`, `*.local`, and a name without a dot
 * (a compose or Kubernetes service: `db`, `postgres`, `redis-master`). A default password on such a
 * host is a development set-up; on a routable name (`db.acme.com`) it is a weak real password.
 */
export function isLocalHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/gu, '').toLowerCase();
  if (name === '' || name === '::1' || name === '0.0.0.0' || /^127\./u.test(name)) return true;
  if (name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.local') || name === 'host.docker.internal') return true;
  return !name.includes('.') && !name.includes(':');
}

/** `scheme://user:password@host…`: the user, the (URL-decoded) password and the first host, when the text has them. */
export function connectionUserInfo(url: string): { readonly user: string; readonly password: string; readonly host: string } | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)/iu.exec(url);
  if (!match) return undefined;
  const authority = match[1] ?? '';
  const at = authority.lastIndexOf('@');
  if (at <= 0) return undefined;
  const userInfo = authority.slice(0, at);
  const colon = userInfo.indexOf(':');
  if (colon < 0) return undefined;
  // `user:pw@host:5432`, `user:pw@[::1]:5432`, Mongo's `user:pw@h1:27017,h2:27017`.
  const hostPart = authority.slice(at + 1).split(',')[0] ?? '';
  const host = hostPart.startsWith('[') ? hostPart.slice(0, hostPart.indexOf(']') + 1) : (hostPart.split(':')[0] ?? '');
  return { user: decodeSafely(userInfo.slice(0, colon)), password: decodeSafely(userInfo.slice(colon + 1)), host };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A connection string to a local host whose password is a default (`postgres://postgres:postgres@db/app`). */
function hasDefaultPassword(format: string, match: string): boolean {
  if (!CONNECTION_FORMATS.has(format)) return false;
  const userInfo = connectionUserInfo(match);
  return userInfo !== undefined && isLocalHost(userInfo.host) && isDefaultPassword(userInfo.password, userInfo.user);
}

/** Cheap literal hints: text that contains none of them cannot match any known format. */
const KNOWN_FORMAT_HINT =
  /A3T|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|key|account|x-oauth-basic|_auth|npm_|xox|xapp|hooks\.slack|:\/\/|sk-|sk_|rk_|lin_api|PRIVATE KEY|SG\.|shp|gh[pousr]_|github_pat|ops_|GOCSPX-|AIza|Q~|eyJ/iu;

/**
 * Finds every recognised token format in `text`. Ranges point at the secret itself. Results are
 * sorted by position and de-duplicated by range. A connection string whose password is a local
 * default (`isDefaultPassword`) is not a secret and is left out.
 */
export function findKnownSecrets(text: string, options: { filePath?: string } = {}): KnownSecret[] {
  if (!KNOWN_FORMAT_HINT.test(text)) return [];
  const all = [...runPresetRules(text, options.filePath), ...runExtraFormats(text)];
  const seen = new Set<string>();
  const unique: KnownSecret[] = [];
  for (const secret of all.sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1])) {
    const key = `${secret.range[0]}:${secret.range[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // `postgres://postgres:postgres@localhost:5432/test`: the image's default on a local host, not a secret.
    if (hasDefaultPassword(secret.format, text.slice(secret.range[0], secret.range[1]))) continue;
    unique.push(secret.format === 'shopify-key' ? { ...secret, label: shopifyLabel(text.slice(secret.range[0], secret.range[0] + 6)) } : secret);
  }
  return unique;
}

/**
 * secretlint reports every Shopify prefix as one format; the prefix says which credential it is.
 * `shpss_` is the app's shared secret, the OAuth client secret of a Shopify app.
 */
const SHOPIFY_LABELS: Readonly<Record<string, string>> = {
  shpss_: 'Shopify app shared secret (the app\'s client secret)',
  shpat_: 'Shopify Admin API access token',
  shpca_: 'Shopify custom app access token',
  shppa_: 'Shopify private app access token',
};

function shopifyLabel(prefix: string): string {
  return SHOPIFY_LABELS[prefix] ?? 'Shopify access token';
}
