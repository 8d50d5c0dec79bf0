/**
 * Environment-variable names for a hard-coded credential, derived from its context. Shared by the
 * ESLint suggestions and the `fix` command so that both propose the same name.
 */
import { classifySecretName, splitIdentifierWords, type CredentialKind } from '../detectors/index.js';

export interface EnvVarNameContext {
  /** What the value is; decides the last words of the name (`CLIENT_SECRET`, `PASSWORD`…). */
  readonly kind: CredentialKind;
  /**
   * A full name the library or provider reads by convention (`AZURE_CLIENT_SECRET`,
   * `AUTH_GITHUB_SECRET`, from the catalogue row's slot). Used as is, without `prefix`: the library
   * already looks it up under that name.
   */
  readonly convention?: string;
  /** A provider or product word that qualifies the name: `kensium-pos`, `acumatica`. */
  readonly provider?: string;
  /** The enclosing object or the variable it is bound to: `kensiumConfig`, `acumatica`. */
  readonly objectName?: string;
  /** The property the value is assigned to: `clientSecret`, `jwtSecret`. */
  readonly propertyName?: string;
  /** The variable the value is bound to: `KENSIUM_CLIENT_SECRET`, `posSecret`. */
  readonly variableName?: string;
  /**
   * The file path; its base name is the last resort qualifier (`acumatica-client.ts` → `ACUMATICA`),
   * or, when that name says nothing (`client.ts`), the nearest folder below `src` that does
   * (`src/connectors/shopify/client.ts` → `SHOPIFY`).
   */
  readonly fileName?: string;
  /** A prefix put before every derived name (`APP` → `APP_KENSIUM_CLIENT_SECRET`). */
  readonly prefix?: string;
  /** Names already used in the file or project; the result never equals one of them. */
  readonly taken?: Iterable<string>;
}

/** The words each kind ends with when nothing more specific is known. */
const KIND_WORDS: Readonly<Record<CredentialKind, readonly string[]>> = {
  'client-secret': ['client', 'secret'],
  'client-id': ['client', 'id'],
  password: ['password'],
  'api-key': ['api', 'key'],
  token: ['token'],
  'private-key': ['private', 'key'],
  'signing-secret': ['signing', 'secret'],
  secret: ['secret'],
};

/** Words that say nothing about which credential it is: left out of qualifiers. */
const GENERIC_WORDS = new Set([
  'config', 'configuration', 'conf', 'cfg', 'options', 'opts', 'option', 'settings', 'setting', 'params', 'parameters', 'param',
  'credentials', 'credential', 'creds', 'cred', 'auth', 'oauth', 'oauth2', 'oidc', 'client', 'clients', 'api', 'app', 'application',
  'body', 'data', 'payload', 'form', 'request', 'req', 'init', 'props', 'args', 'env', 'environment', 'default', 'defaults', 'my',
  'the', 'new', 'service', 'services', 'sdk', 'connection', 'conn', 'provider', 'providers', 'index', 'main', 'src', 'lib', 'ts', 'js',
  'mjs', 'cjs', 'tsx', 'jsx', 'mts', 'cts', 'this', 'module', 'exports', 'export', 'secrets', 'secret', 'keys', 'key', 'token', 'tokens',
  'id', 'password', 'pass', 'passwd', 'pwd', 'utils', 'util', 'helpers', 'helper', 'common', 'shared', 'test', 'spec', 'local', 'prod', 'dev', 'http', 'https',
  'server', 'instance', 'strategy', 'setup', 'init', 'constants', 'const', 'a', 'an', 'to', 'for', 'of', 'and', 'with', 'x',
  // File names that say what the file is in a framework, not which credential it holds.
  'route', 'routes', 'page', 'layout', 'middleware', 'handler', 'handlers', 'action', 'actions', 'plugin', 'plugins', 'router', 'controller', 'loader',
  // Dependency-injection wiring (Nest's `{ provide, useValue }`) and plain holders of a value.
  'use', 'value', 'values', 'factory', 'header', 'headers',
]);

/**
 * Words that say which sort of credential it is, not whose: `ACCESS_TOKEN` still needs the product
 * (`HUBSPOT_ACCESS_TOKEN`), where `KENSIUM_CLIENT_SECRET` has it.
 */
const DESCRIPTOR_WORDS = new Set(['access', 'refresh', 'bearer']);

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/u;

const PASSWORD_ABBREVIATIONS = new Set(['pass', 'passwd', 'pwd']);

function screaming(words: readonly string[]): string {
  return words.join('_').toUpperCase().replace(/[^A-Z0-9_]/gu, '_');
}

function qualifierWords(name: string | undefined): string[] {
  if (name === undefined) return [];
  return splitIdentifierWords(name).filter((word) => !GENERIC_WORDS.has(word) && !/^\d+$/u.test(word));
}

/**
 * Folders that hold a project's or a package's code: the folders above one name the project or the
 * workspace (or a temporary folder), not the credential, so the folder qualifier never looks past them.
 */
const SOURCE_ROOTS = new Set(['src', 'lib', 'source', 'sources', 'app', 'apps', 'packages', 'services', 'functions', 'server', 'backend']);

/** Folders inside a source root that group code without naming a product: looked through. */
const GROUPING_FOLDERS = new Set([
  'connectors', 'connector', 'integrations', 'integration', 'adapters', 'adapter', 'vendors', 'vendor', 'clients', 'client', 'providers',
  'provider', 'modules', 'module', 'handlers', 'handler', 'controllers', 'controller', 'routes', 'route', 'api', 'apis', 'auth', 'oauth',
  'jobs', 'workers', 'worker', 'lambdas', 'lambda', 'config', 'configs', 'core', 'internal', 'infra', 'infrastructure',
  'callback', 'login', 'webhooks', 'webhook', 'v1', 'v2', 'v3', 'pages', 'components', 'features', 'domain', 'domains',
]);

/**
 * The words of the nearest folder that can name the credential's product, for a file whose own
 * name says nothing (`src/connectors/shopify/client.ts` → shopify, `packages/erp-sync/src/auth.ts`
 * → erp, sync). Only folders below a source root (`src`, `lib`, `packages`…) count, and the
 * package folder right under `packages`/`apps`/`services`, so that an absolute path's home or
 * temporary folders never become part of a name.
 */
function folderQualifier(folders: readonly string[]): string[] {
  let root = -1;
  for (let index = folders.length - 1; index >= 0; index--) {
    if (SOURCE_ROOTS.has((folders[index] ?? '').toLowerCase())) {
      root = index;
      break;
    }
  }
  if (root === -1) return [];
  for (let index = folders.length - 1; index > root; index--) {
    const folder = folders[index] ?? '';
    if (GROUPING_FOLDERS.has(folder.toLowerCase()) || folder.startsWith('(') || folder.startsWith('[')) continue;
    const words = qualifierWords(folder);
    if (words.length > 0) return words;
  }
  // `packages/erp-sync/src/auth.ts`: the workspace package's folder.
  const rootName = (folders[root] ?? '').toLowerCase();
  const container = (folders[root - 2] ?? '').toLowerCase();
  if ((rootName === 'src' || rootName === 'lib') && (container === 'packages' || container === 'apps' || container === 'services')) {
    return qualifierWords(folders[root - 1]);
  }
  return [];
}

function fileQualifier(fileName: string | undefined): string[] {
  if (fileName === undefined) return [];
  const segments = fileName.replace(/\\/gu, '/').split('/');
  const base = segments.at(-1) ?? '';
  const stem = base.replace(/\.[^.]*$/u, '').replace(/\.(?:test|spec|config|server|client)$/u, '');
  const words = qualifierWords(stem);
  return words.length > 0 ? words : folderQualifier(segments.slice(0, -1));
}

/**
 * The words of a name that already says which credential it is: `KENSIUM_CLIENT_SECRET` →
 * kensium, client, secret; `jwtSecret` → jwt, secret. Undefined when the name says another kind.
 */
function specificWords(name: string | undefined, kind: CredentialKind): string[] | undefined {
  if (name === undefined) return undefined;
  const classified = classifySecretName(name);
  if (!classified || classified.kind !== kind) {
    // `SESSION_SECRET`, `cookieSecret` still fit a signing secret.
    if (!(classified?.kind === 'secret' && kind === 'signing-secret')) return undefined;
    if (splitIdentifierWords(name).length < 2) return undefined;
  }
  // `dbPass`, `PG_PWD` → `DB_PASSWORD`, `PG_PASSWORD`: the env name spells the kind out.
  const words = splitIdentifierWords(name)
    .filter((word) => word !== 'this')
    .map((word) => (kind === 'password' && PASSWORD_ABBREVIATIONS.has(word) ? 'password' : word));
  return words.length > 0 ? words : undefined;
}

function withoutOverlap(qualifier: readonly string[], base: readonly string[]): string[] {
  return qualifier.filter((word) => !base.includes(word));
}

/**
 * Derives a SCREAMING_SNAKE env-var name for a hard-coded credential:
 *
 * 1. the provider convention (`convention`, e.g. `AZURE_CLIENT_SECRET`) when there is one;
 * 2. else the variable or property name when it already names the credential and a product
 *    (`KENSIUM_CLIENT_SECRET`, `acumaticaPassword` → `ACUMATICA_PASSWORD`);
 * 3. else a qualifier (`provider`, then the enclosing object or variable, then the file name) before
 *    the kind's words or the property's words (`kensiumConfig` + `clientSecret` →
 *    `KENSIUM_CLIENT_SECRET`);
 *
 * then `prefix` (for derived names), and a numeric suffix when the name is in `taken`
 * (`KENSIUM_CLIENT_SECRET_2`).
 */
export function envVarNameFor(context: EnvVarNameContext): string {
  const taken = new Set(context.taken ?? []);
  let name: string;
  if (context.convention !== undefined && ENV_NAME.test(context.convention)) {
    name = context.convention;
  } else {
    const fromVariable = specificWords(context.variableName, context.kind);
    // `client: { id, secret }` (@fastify/oauth2, simple-oauth2): the client's secret and id.
    const clientPart = splitIdentifierWords(context.objectName ?? '').at(-1) === 'client' && /^(?:secret|id)$/iu.test(context.propertyName ?? '') ? ['client', (context.propertyName ?? '').toLowerCase()] : undefined;
    const fromProperty = clientPart ?? specificWords(context.propertyName, context.kind);
    const base = fromProperty ?? fromVariable ?? [...KIND_WORDS[context.kind]];
    const qualifiers = [qualifierWords(context.provider), qualifierWords(context.objectName), qualifierWords(context.variableName), fileQualifier(context.fileName)];
    let qualifier: string[] = [];
    // A qualifier already in the base (`KENSIUM_CLIENT_SECRET` as the variable) adds nothing.
    const baseHasQualifier = qualifierWords(base.join('_')).some((word) => !DESCRIPTOR_WORDS.has(word));
    if (!baseHasQualifier) {
      for (const candidate of qualifiers) {
        const words = withoutOverlap(candidate, base);
        if (words.length > 0) {
          qualifier = words;
          break;
        }
      }
    }
    const prefix = qualifierWordsOrAll(context.prefix);
    const words = [...prefix, ...qualifier, ...base];
    // An env-var name cannot start with a digit (`2fa-client.ts` gives no `2FA_…` name).
    while (words.length > 0 && /^\d/u.test(words[0] ?? '')) words.shift();
    name = screaming(withoutLeadingDuplicates(words.length > 0 ? words : [...KIND_WORDS[context.kind]]));
  }
  if (!taken.has(name)) return name;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${name}_${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function qualifierWordsOrAll(prefix: string | undefined): string[] {
  if (prefix === undefined || prefix === '') return [];
  return prefix.replace(/_+$/u, '').split(/[^A-Za-z0-9]+/u).filter(Boolean);
}

/** `KENSIUM_KENSIUM_CLIENT_SECRET` → `KENSIUM_CLIENT_SECRET`. */
function withoutLeadingDuplicates(words: readonly string[]): string[] {
  const result: string[] = [];
  for (const word of words) {
    if (result.at(-1)?.toLowerCase() !== word.toLowerCase()) result.push(word);
  }
  return result;
}

/** Names the libraries and platforms read a connection string from, by URL scheme. */
const CONNECTION_STRING_NAMES: Readonly<Record<string, string>> = {
  postgres: 'DATABASE_URL',
  postgresql: 'DATABASE_URL',
  mysql: 'DATABASE_URL',
  mariadb: 'DATABASE_URL',
  mssql: 'DATABASE_URL',
  sqlserver: 'DATABASE_URL',
  cockroachdb: 'DATABASE_URL',
  mongodb: 'MONGODB_URI',
  'mongodb+srv': 'MONGODB_URI',
  redis: 'REDIS_URL',
  rediss: 'REDIS_URL',
  amqp: 'AMQP_URL',
  amqps: 'AMQP_URL',
};

/** Words that name a URL rather than the service it points at. */
const URL_WORDS = new Set(['url', 'uri', 'base', 'endpoint', 'href', 'dsn', 'string', 'host', 'address', 'addr', 'link']);

/**
 * The env-var name for a whole URL that carries a password (`postgres://user:pw@host/db`): the
 * name its library reads by convention (`DATABASE_URL`, `MONGODB_URI`, `REDIS_URL`), else a
 * qualifier from the context and `_URL` (`legacyErp` → `LEGACY_ERP_URL`), with `prefix` for a
 * derived name and a numeric suffix when taken.
 */
export function connectionStringEnvName(scheme: string, context: Omit<EnvVarNameContext, 'kind'>): string {
  const convention = CONNECTION_STRING_NAMES[scheme.toLowerCase()];
  if (convention !== undefined) return envVarNameFor({ kind: 'password', convention, ...(context.taken ? { taken: context.taken } : {}) });
  const candidates = [context.provider, context.objectName, context.variableName].map((name) => qualifierWords(name).filter((word) => !URL_WORDS.has(word)));
  candidates.push(fileQualifier(context.fileName).filter((word) => !URL_WORDS.has(word)));
  const qualifier = candidates.find((words) => words.length > 0) ?? [scheme.replace(/[^a-z0-9]/giu, '_')];
  const words = [...qualifierWordsOrAll(context.prefix), ...qualifier, 'url'];
  while (words.length > 0 && /^\d/u.test(words[0] ?? '')) words.shift();
  return envVarNameFor({ kind: 'password', convention: screaming(withoutLeadingDuplicates(words)), ...(context.taken ? { taken: context.taken } : {}) });
}
