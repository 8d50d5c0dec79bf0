#!/usr/bin/env node
// Deterministic generator of a typed integration monorepo for the benchmarks: shared libraries
// (core, config, http, oauth, models), POS/ERP/CRM connector packages whose OAuth clients read
// their credentials from env vars, sync services that use every connector, a browser admin app,
// committed config files, and a few seeded fake credentials so the scanners have something to
// find. Same output for the same seed, byte for byte.
//
// usage: node bench/generate-monorepo.mjs [--out DIR] [--seed N] [--scale N]
//   --scale multiplies the number of connectors (default 1: ~2,700 files).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pascal = (s) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase());
const camel = (s) => {
  const p = pascal(s);
  return p[0].toLowerCase() + p.slice(1);
};
const snake = (s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
const upper = (s) => snake(s).toUpperCase();

const CONNECTORS = [
  ['pos', 'kensium'], ['pos', 'square'], ['pos', 'lightspeed'], ['pos', 'clover'], ['pos', 'toast'],
  ['pos', 'revel'], ['pos', 'vend'], ['pos', 'shopkeep'], ['erp', 'netsuite'], ['erp', 'sap-b1'],
  ['erp', 'dynamics'], ['erp', 'odoo'], ['erp', 'acumatica'], ['erp', 'sage-intacct'], ['erp', 'epicor'],
  ['erp', 'infor'], ['crm', 'salesforce'], ['crm', 'hubspot'], ['crm', 'zoho'], ['crm', 'pipedrive'],
  ['ecom', 'shopify'], ['ecom', 'bigcommerce'], ['ecom', 'magento'], ['ecom', 'woocommerce'],
];

const ENTITIES = [
  'product', 'order', 'customer', 'inventory-level', 'invoice', 'payment', 'refund', 'location',
  'employee', 'tax-rate', 'discount', 'gift-card', 'supplier', 'purchase-order', 'shipment', 'category',
];

const FIELD_POOL = [
  ['name', 'string'], ['code', 'string'], ['status', 'string'], ['description', 'string'],
  ['amount', 'number'], ['currency', 'string'], ['quantity', 'number'], ['email', 'string'],
  ['phone', 'string'], ['locationId', 'string'], ['externalRef', 'string'], ['createdAt', 'string'],
  ['updatedAt', 'string'], ['active', 'boolean'], ['taxable', 'boolean'], ['sku', 'string'],
  ['unitPrice', 'number'], ['discountRate', 'number'], ['notes', 'string'], ['version', 'number'],
];

const SYNC_SERVICES = ['sync-products', 'sync-orders', 'sync-customers', 'sync-inventory', 'sync-invoices',
  'sync-payments', 'sync-suppliers', 'sync-shipments'];
const SERVICE_ENTITY = {
  'sync-products': 'product', 'sync-orders': 'order', 'sync-customers': 'customer',
  'sync-inventory': 'inventory-level', 'sync-invoices': 'invoice', 'sync-payments': 'payment',
  'sync-suppliers': 'supplier', 'sync-shipments': 'shipment',
};

export function generate({ out, seed = 20240611, scale = 1 }) {
  const rnd = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const token = (alphabet, n) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
  const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const HEX = '0123456789abcdef';

  rmSync(out, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const seeded = [];
  const write = (rel, text) => {
    const p = join(out, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const json = (v) => `${JSON.stringify(v, null, 2)}\n`;

  const connectors = [];
  for (let s = 0; s < scale; s++) {
    for (const [kind, name] of CONNECTORS) connectors.push([kind, s === 0 ? name : `${name}-${s + 1}`]);
  }

  // entity fields, fixed per entity
  const fields = {};
  for (const e of ENTITIES) {
    const chosen = new Map([['id', 'string']]);
    const n = 6 + Math.floor(rnd() * 8);
    while (chosen.size < n) {
      const [f, t] = pick(FIELD_POOL);
      chosen.set(f, t);
    }
    fields[e] = [...chosen];
  }
  const dflt = (t) => (t === 'string' ? "''" : t === 'number' ? '0' : 'false');

  // ---- root
  write('package.json', json({ name: 'acme-integrations', private: true, type: 'module', workspaces: ['packages/*', 'services/*', 'apps/*'] }));
  write('.gitignore', 'node_modules/\ndist/\n*.tsbuildinfo\n');
  const compilerOptions = {
    target: 'ES2022', lib: ['ES2022', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true,
    noUncheckedIndexedAccess: true, skipLibCheck: true, esModuleInterop: true, resolveJsonModule: true,
    types: ['node'], paths: { '@acme/*': ['./packages/*/src/index.ts'] },
  };
  const refs = [];
  const pkgTsconfig = (dir, deps) => {
    refs.push({ path: `./${dir}` });
    write(`${dir}/tsconfig.json`, json({
      extends: '../../tsconfig.base.json',
      compilerOptions: { composite: true, rootDir: 'src', outDir: 'dist' },
      include: ['src'],
      references: deps.map((d) => ({ path: `../../packages/${d}` })),
    }));
  };

  // ---- shared packages
  const pkg = (dir, name, deps) => {
    write(`${dir}/package.json`, json({
      name, version: '1.0.0', private: true, type: 'module', main: 'dist/index.js', types: 'dist/index.d.ts',
      dependencies: Object.fromEntries(deps.map((d) => [`@acme/${d}`, 'workspace:*'])),
    }));
    pkgTsconfig(dir, deps);
  };

  pkg('packages/core', '@acme/core', []);
  write('packages/core/src/logger.ts', `export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  child(bindings: Record<string, unknown>): Logger;
}

export function createLogger(bindings: Record<string, unknown> = {}, sink: (line: string) => void = console.log): Logger {
  return {
    log(level, message, fields = {}) {
      sink(JSON.stringify({ level, message, time: new Date().toISOString(), ...bindings, ...fields }));
    },
    child(more) {
      return createLogger({ ...bindings, ...more }, sink);
    },
  };
}
`);
  write('packages/core/src/result.ts', `export type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export function unwrap<T, E>(r: Result<T, E>): T {
  if (r.ok) return r.value;
  throw r.error instanceof Error ? r.error : new Error(String(r.error));
}
`);
  write('packages/core/src/retry.ts', `export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  retryOn?: (error: unknown) => boolean;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  let last: unknown;
  for (let attempt = 1; attempt <= opts.attempts; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      last = error;
      if (opts.retryOn && !opts.retryOn(error)) break;
      await sleep(Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
  throw last;
}
`);
  write('packages/core/src/errors.ts', `export class IntegrationError extends Error {
  constructor(message: string, readonly system: string, readonly status?: number) {
    super(message);
    this.name = 'IntegrationError';
  }
}

export class ValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ValidationError';
  }
}

export const isRetryable = (e: unknown): boolean =>
  e instanceof IntegrationError && (e.status === undefined || e.status === 429 || e.status >= 500);
`);
  write('packages/core/src/page.ts', `export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export async function* paginate<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}
`);
  write('packages/core/src/sync.ts', `import type { Logger } from './logger.js';

export interface SyncSink<T> {
  upsert(items: T[]): Promise<number>;
  checkpoint(system: string, entity: string, cursor: string): Promise<void>;
}

export interface SyncReport {
  system: string;
  entity: string;
  read: number;
  written: number;
  rejected: number;
  durationMs: number;
}

export function emptyReport(system: string, entity: string): SyncReport {
  return { system, entity, read: 0, written: 0, rejected: 0, durationMs: 0 };
}

export function logReport(logger: Logger, report: SyncReport): void {
  logger.log(report.rejected > 0 ? 'warn' : 'info', 'sync finished', { ...report });
}
`);
  write('packages/core/src/index.ts', `export * from './logger.js';
export * from './result.js';
export * from './retry.js';
export * from './errors.js';
export * from './page.js';
export * from './sync.js';
`);

  pkg('packages/config', '@acme/config', []);
  write('packages/config/src/env.ts', `export type Env = Record<string, string | undefined>;

export function requireEnv(env: Env, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(\`missing required environment variable \${name}\`);
  }
  return value;
}

export function optionalEnv(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function optionalNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : fallback;
}
`);
  write('packages/config/src/index.ts', `export * from './env.js';\n`);

  pkg('packages/http', '@acme/http', ['core']);
  write('packages/http/src/http-client.ts', `import { IntegrationError, retry, isRetryable } from '@acme/core';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export class HttpClient {
  constructor(
    private readonly system: string,
    private readonly timeoutMs: number,
  ) {}

  async send<T>(req: HttpRequest): Promise<T> {
    return retry(
      async () => {
        const res = await fetch(req.url, {
          method: req.method,
          headers: { accept: 'application/json', 'content-type': 'application/json', ...(req.headers ?? {}) },
          body: req.body === undefined ? null : JSON.stringify(req.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (!res.ok) throw new IntegrationError(\`\${req.method} \${new URL(req.url).pathname} failed\`, this.system, res.status);
        return (await res.json()) as T;
      },
      { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000, retryOn: isRetryable },
    );
  }
}
`);
  write('packages/http/src/index.ts', `export * from './http-client.js';\n`);

  pkg('packages/oauth', '@acme/oauth', ['core']);
  write('packages/oauth/src/token-provider.ts', `import { IntegrationError } from '@acme/core';

export interface TokenProvider {
  getAccessToken(): Promise<string>;
}

export interface ClientCredentialsOptions {
  system: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  audience?: string;
}

interface TokenResponse {
  access_token: string;
  expires_in?: number;
  token_type: string;
}

export class ClientCredentialsTokenProvider implements TokenProvider {
  private cached: { token: string; expiresAt: number } | null = null;

  constructor(private readonly options: ClientCredentialsOptions) {}

  async getAccessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now() + 30_000) return this.cached.token;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.options.scope) body.set('scope', this.options.scope);
    if (this.options.audience) body.set('audience', this.options.audience);
    const basic = Buffer.from(\`\${encodeURIComponent(this.options.clientId)}:\${encodeURIComponent(this.options.clientSecret)}\`).toString('base64');
    const res = await fetch(this.options.tokenUrl, {
      method: 'POST',
      headers: { authorization: \`Basic \${basic}\`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    if (!res.ok) throw new IntegrationError('token request failed', this.options.system, res.status);
    const json = (await res.json()) as TokenResponse;
    this.cached = { token: json.access_token, expiresAt: Date.now() + (json.expires_in ?? 300) * 1000 };
    return json.access_token;
  }
}
`);
  write('packages/oauth/src/index.ts', `export * from './token-provider.js';\n`);

  // ---- models
  pkg('packages/models', '@acme/models', []);
  for (const e of ENTITIES) {
    write(`packages/models/src/${e}.ts`, `export interface ${pascal(e)} {\n${fields[e].map(([f, t]) => `  ${f}: ${t};`).join('\n')}\n}\n\nexport function empty${pascal(e)}(id: string): ${pascal(e)} {\n  return {\n${fields[e].map(([f, t]) => `    ${f}: ${f === 'id' ? 'id' : dflt(t)},`).join('\n')}\n  };\n}\n`);
  }
  write('packages/models/src/index.ts', ENTITIES.map((e) => `export * from './${e}.js';`).join('\n') + '\n');

  // ---- connectors
  const seedKinds = ['hardcoded-secret', 'env-fallback', 'aws-key', 'github-token', 'basic-auth-url', 'http-token-url',
    'fixture-dummy'];
  connectors.forEach(([kind, name], ci) => {
    const dir = `packages/${kind}-${name}`;
    const P = pascal(name);
    const U = upper(name);
    pkg(dir, `@acme/${kind}-${name}`, ['core', 'config', 'http', 'oauth', 'models']);
    const seed = ci % 3 === 2 ? seedKinds[((ci / 3) | 0) % seedKinds.length] : ci % 7 === 3 ? 'env-fallback' : null;
    let secretExpr = `requireEnv(env, '${U}_CLIENT_SECRET')`;
    let tokenUrl = `https://auth.${name}.example.com/oauth2/token`;
    let extra = '';
    if (seed === 'hardcoded-secret') {
      secretExpr = `'${token(B62, 40)}'`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'hard-coded client secret' });
    } else if (seed === 'env-fallback') {
      secretExpr = `env['${U}_CLIENT_SECRET'] || '${token(B62, 32)}'`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'env fallback literal' });
    } else if (seed === 'aws-key') {
      extra = `\nexport const ARCHIVE_BUCKET_CREDENTIALS = {\n  accessKeyId: 'AKIA${token('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}',\n  secretAccessKey: '${token(B62 + '/+', 40)}',\n};\n`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'AWS access key pair' });
    } else if (seed === 'github-token') {
      extra = `\nexport const RELEASE_NOTES_TOKEN = 'ghp_${token(B62, 36)}';\n`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'GitHub token' });
    } else if (seed === 'basic-auth-url') {
      extra = `\nexport const LEGACY_EXPORT_URL = 'https://sync-bot:${token(B62, 18)}@legacy.${name}.example.com/export';\n`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'password in URL' });
    } else if (seed === 'http-token-url') {
      // eslint-disable-next-line credential-hygiene/no-insecure-oauth-endpoint -- a seeded finding the benchmark expects
      tokenUrl = `http://auth.${name}.example.com/oauth2/token`;
      seeded.push({ file: `${dir}/src/config.ts`, kind: 'http:// token endpoint' });
    }
    write(`${dir}/src/config.ts`, `import { optionalEnv, optionalNumber, requireEnv, type Env } from '@acme/config';

export interface ${P}Config {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  timeoutMs: number;
  pageSize: number;
}

export function load${P}Config(env: Env = process.env): ${P}Config {
  return {
    baseUrl: optionalEnv(env, '${U}_BASE_URL', 'https://api.${name}.example.com/v${1 + (ci % 3)}'),
    tokenUrl: optionalEnv(env, '${U}_TOKEN_URL', '${tokenUrl}'),
    clientId: requireEnv(env, '${U}_CLIENT_ID'),
    clientSecret: ${secretExpr},
    scope: optionalEnv(env, '${U}_SCOPE', '${kind}.read ${kind}.write'),
    timeoutMs: optionalNumber(env, '${U}_TIMEOUT_MS', ${5000 + 1000 * (ci % 5)}),
    pageSize: optionalNumber(env, '${U}_PAGE_SIZE', ${[50, 100, 200, 250][ci % 4]}),
  };
}
${extra}`);
    write(`${dir}/src/auth.ts`, `import { ClientCredentialsTokenProvider, type TokenProvider } from '@acme/oauth';
import type { ${P}Config } from './config.js';

export function create${P}TokenProvider(config: ${P}Config): TokenProvider {
  return new ClientCredentialsTokenProvider({
    system: '${name}',
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scope: config.scope,
  });
}
`);
    write(`${dir}/src/client.ts`, `import { HttpClient } from '@acme/http';
import type { Page } from '@acme/core';
import type { TokenProvider } from '@acme/oauth';
import type { ${P}Config } from './config.js';

export interface ${P}ListResponse<T> {
  data: T[];
  ${ci % 2 ? 'next_page_token' : 'cursor'}: string | null;
}

export class ${P}Client {
  private readonly http: HttpClient;

  constructor(
    private readonly config: ${P}Config,
    private readonly tokens: TokenProvider,
  ) {
    this.http = new HttpClient('${name}', config.timeoutMs);
  }

  private async headers(): Promise<Record<string, string>> {
    return { authorization: \`Bearer \${await this.tokens.getAccessToken()}\`, 'x-client': 'acme-integrations' };
  }

  async list<T>(path: string, cursor: string | null): Promise<Page<T>> {
    const url = new URL(path, this.config.baseUrl);
    url.searchParams.set('limit', String(this.config.pageSize));
    if (cursor) url.searchParams.set('${ci % 2 ? 'page_token' : 'cursor'}', cursor);
    const res = await this.http.send<${P}ListResponse<T>>({ method: 'GET', url: url.toString(), headers: await this.headers() });
    return { items: res.data, nextCursor: res.${ci % 2 ? 'next_page_token' : 'cursor'} };
  }

  async get<T>(path: string): Promise<T> {
    return this.http.send<T>({ method: 'GET', url: new URL(path, this.config.baseUrl).toString(), headers: await this.headers() });
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.http.send<T>({ method: 'PUT', url: new URL(path, this.config.baseUrl).toString(), headers: await this.headers(), body });
  }
}
`);
    const idx = [`export * from './config.js';`, `export * from './auth.js';`, `export * from './client.js';`];
    for (const e of ENTITIES) {
      const E = pascal(e);
      const dto = `${P}${E}Dto`;
      const fs = fields[e];
      const route = `/${e.replace(/y$/, 'ie')}s`;
      write(`${dir}/src/resources/${e}.ts`, `import type { Page } from '@acme/core';
import type { ${P}Client } from '../client.js';

export interface ${dto} {
${fs.map(([f, t]) => `  ${snake(f)}: ${t}${f === 'id' ? '' : ' | null'};`).join('\n')}
  ${snake(name)}_ref?: string;
}

export class ${P}${E}Resource {
  constructor(private readonly client: ${P}Client) {}

  list(cursor: string | null): Promise<Page<${dto}>> {
    return this.client.list<${dto}>('${route}', cursor);
  }

  get(id: string): Promise<${dto}> {
    return this.client.get<${dto}>(\`${route}/\${encodeURIComponent(id)}\`);
  }

  upsert(item: ${dto}): Promise<${dto}> {
    return this.client.put<${dto}>(\`${route}/\${encodeURIComponent(item.id)}\`, item);
  }
}
`);
      write(`${dir}/src/mappers/${e}.ts`, `import type { ${E} } from '@acme/models';
import type { ${dto} } from '../resources/${e}.js';

export function map${P}${E}(dto: ${dto}): ${E} {
  return {
${fs.map(([f, t]) => `    ${f}: ${f === 'id' ? 'dto.id' : `dto.${snake(f)} ?? ${dflt(t)}`},`).join('\n')}
  };
}

export function to${P}${E}(model: ${E}): ${dto} {
  return {
${fs.map(([f]) => `    ${snake(f)}: model.${f},`).join('\n')}
  };
}
`);
      write(`${dir}/src/validators/${e}.ts`, `import type { ${E} } from '@acme/models';

export function validate${P}${E}(item: ${E}): string[] {
  const problems: string[] = [];
  if (!item.id) problems.push('id is required');
${fs.filter(([, t]) => t === 'number').map(([f]) => `  if (!Number.isFinite(item.${f}) || item.${f} < 0) problems.push('${f} must be a non-negative number');`).join('\n')}
${fs.filter(([f]) => f === 'email').map(() => `  if (item.email && !/^[^@\\s]+@[^@\\s]+$/.test(item.email)) problems.push('email is malformed');`).join('\n')}
  return problems;
}
`);
      write(`${dir}/src/sync/${e}.ts`, `import { emptyReport, paginate, type Logger, type SyncReport, type SyncSink } from '@acme/core';
import type { ${E} } from '@acme/models';
import { map${P}${E} } from '../mappers/${e}.js';
import type { ${P}${E}Resource } from '../resources/${e}.js';
import { validate${P}${E} } from '../validators/${e}.js';

export async function sync${P}${E}s(resource: ${P}${E}Resource, sink: SyncSink<${E}>, logger: Logger, batchSize = ${50 + (ci % 4) * 50}): Promise<SyncReport> {
  const started = Date.now();
  const report = emptyReport('${name}', '${e}');
  let batch: ${E}[] = [];
  for await (const dto of paginate((cursor) => resource.list(cursor))) {
    report.read++;
    const item = map${P}${E}(dto);
    const problems = validate${P}${E}(item);
    if (problems.length > 0) {
      report.rejected++;
      logger.log('warn', '${e} rejected', { id: item.id, problems });
      continue;
    }
    batch.push(item);
    if (batch.length >= batchSize) {
      report.written += await sink.upsert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) report.written += await sink.upsert(batch);
  report.durationMs = Date.now() - started;
  return report;
}
`);
      const fx = Array.from({ length: 3 }, (_, k) => `  {\n${fs.map(([f, t]) => `    ${snake(f)}: ${f === 'id' ? `'${e}-${k + 1}'` : t === 'string' ? `'${f === 'email' ? `buyer${k}@example.com` : `${f}-${k}`}'` : t === 'number' ? String((k + 1) * 7) : 'true'},`).join('\n')}\n  },`).join('\n');
      write(`${dir}/src/fixtures/${e}.ts`, `import type { ${dto} } from '../resources/${e}.js';\n\nexport const ${camel(e)}Fixtures: ${dto}[] = [\n${fx}\n];\n`);
      idx.push(`export * from './resources/${e}.js';`, `export * from './mappers/${e}.js';`,
        `export * from './validators/${e}.js';`, `export * from './sync/${e}.js';`);
    }
    if (seed === 'fixture-dummy') {
      write(`${dir}/src/fixtures/credentials.ts`, `// Test dummies: not real credentials.\nexport const TEST_CLIENT_ID = 'test-client-id';\nexport const TEST_CLIENT_SECRET = 'test-secret';\n`);
      seeded.push({ file: `${dir}/src/fixtures/credentials.ts`, kind: 'test dummy (should not be reported)' });
    }
    write(`${dir}/src/index.ts`, `${idx.join('\n')}\n`);
  });

  // ---- sync services: one job per connector for the service's entity
  for (const svc of SYNC_SERVICES) {
    const e = SERVICE_ENTITY[svc];
    const E = pascal(e);
    const dir = `services/${svc}`;
    const deps = ['core', 'config', 'models', ...connectors.map(([k, n]) => `${k}-${n}`)];
    pkg(dir, `@acme/${svc}`, deps);
    const jobs = [];
    for (const [kind, name] of connectors) {
      const P = pascal(name);
      write(`${dir}/src/jobs/${name}.ts`, `import type { Logger, SyncReport, SyncSink } from '@acme/core';
import type { ${E} } from '@acme/models';
import { ${P}Client, ${P}${E}Resource, create${P}TokenProvider, load${P}Config, sync${P}${E}s } from '@acme/${kind}-${name}';

export async function run${P}Job(sink: SyncSink<${E}>, logger: Logger): Promise<SyncReport> {
  const config = load${P}Config();
  const client = new ${P}Client(config, create${P}TokenProvider(config));
  return sync${P}${E}s(new ${P}${E}Resource(client), sink, logger.child({ system: '${name}' }));
}
`);
      jobs.push([P, name]);
    }
    write(`${dir}/src/sink.ts`, `import type { SyncSink } from '@acme/core';
import type { ${E} } from '@acme/models';

export class Memory${E}Sink implements SyncSink<${E}> {
  readonly items = new Map<string, ${E}>();
  readonly cursors = new Map<string, string>();

  async upsert(items: ${E}[]): Promise<number> {
    for (const item of items) this.items.set(item.id, item);
    return items.length;
  }

  async checkpoint(system: string, entity: string, cursor: string): Promise<void> {
    this.cursors.set(\`\${system}:\${entity}\`, cursor);
  }
}
`);
    write(`${dir}/src/main.ts`, `import { createLogger, logReport } from '@acme/core';
import { optionalEnv } from '@acme/config';
import { Memory${E}Sink } from './sink.js';
${jobs.map(([P, n]) => `import { run${P}Job } from './jobs/${n}.js';`).join('\n')}

const jobs = {
${jobs.map(([P, n]) => `  '${n}': run${P}Job,`).join('\n')}
} as const;

export async function main(): Promise<void> {
  const logger = createLogger({ service: '${svc}' });
  const enabled = optionalEnv(process.env, 'ENABLED_SYSTEMS', Object.keys(jobs).join(',')).split(',');
  const sink = new Memory${E}Sink();
  for (const [name, job] of Object.entries(jobs)) {
    if (!enabled.includes(name)) continue;
    logReport(logger, await job(sink, logger));
  }
}
`);
    write(`${dir}/src/index.ts`, `export * from './main.js';\nexport * from './sink.js';\n`);
  }

  // ---- webhook gateway (verifies signatures with secrets from env)
  {
    const dir = 'services/webhook-gateway';
    pkg(dir, '@acme/webhook-gateway', ['core', 'config']);
    const hs = [];
    for (const [, name] of connectors) {
      const P = pascal(name);
      const U = upper(name);
      write(`${dir}/src/handlers/${name}.ts`, `import { createHmac, timingSafeEqual } from 'node:crypto';
import { requireEnv } from '@acme/config';
import type { Logger } from '@acme/core';

export function verify${P}Signature(body: string, signature: string): boolean {
  const secret = requireEnv(process.env, '${U}_WEBHOOK_SECRET');
  const expected = createHmac('sha256', secret).update(body).digest('hex');
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function handle${P}Webhook(body: string, signature: string, logger: Logger): number {
  if (!verify${P}Signature(body, signature)) {
    logger.log('warn', 'bad webhook signature', { system: '${name}' });
    return 401;
  }
  logger.log('info', 'webhook accepted', { system: '${name}', size: body.length });
  return 202;
}
`);
      hs.push(`export * from './handlers/${name}.js';`);
    }
    write(`${dir}/src/index.ts`, `${hs.join('\n')}\n`);
  }

  // ---- browser admin app: public env vars, one seeded secret with a public prefix
  {
    const dir = 'apps/admin-web';
    pkg(dir, '@acme/admin-web', ['core', 'models']);
    write(`${dir}/src/env.ts`, `'use client';

export const publicEnv = {
  apiBaseUrl: process.env.NEXT_PUBLIC_API_BASE_URL ?? 'https://admin.acme.example.com/api',
  kensiumClientId: process.env.NEXT_PUBLIC_KENSIUM_CLIENT_ID ?? '',
  kensiumClientSecret: process.env.NEXT_PUBLIC_KENSIUM_CLIENT_SECRET ?? '',
};
`);
    seeded.push({ file: `${dir}/src/env.ts`, kind: 'secret env var with NEXT_PUBLIC_ prefix in client code' });
    for (const e of ENTITIES) {
      const E = pascal(e);
      write(`${dir}/src/views/${e}-list.ts`, `'use client';
import type { ${E} } from '@acme/models';
import { publicEnv } from '../env.js';

export interface ${E}ListState {
  items: ${E}[];
  loading: boolean;
  error: string | null;
}

export async function load${E}List(signal?: AbortSignal): Promise<${E}ListState> {
  try {
    const res = await fetch(\`\${publicEnv.apiBaseUrl}/${e}s\`, { credentials: 'include', signal: signal ?? null });
    if (!res.ok) return { items: [], loading: false, error: \`HTTP \${res.status}\` };
    return { items: (await res.json()) as ${E}[], loading: false, error: null };
  } catch (e) {
    return { items: [], loading: false, error: e instanceof Error ? e.message : String(e) };
  }
}
`);
    }
    write(`${dir}/src/index.ts`, ENTITIES.map((e) => `export * from './views/${e}-list.js';`).join('\n') + '\n');
  }

  // ---- committed config and env files (non-code targets)
  write('services/sync-orders/.env.example', `KENSIUM_CLIENT_ID=\nKENSIUM_CLIENT_SECRET=\nSQUARE_CLIENT_ID=\nSQUARE_CLIENT_SECRET=\n`);
  write('services/sync-products/.env', `KENSIUM_CLIENT_ID=${token(HEX, 32)}\nKENSIUM_CLIENT_SECRET=${token(B62, 48)}\n`);
  seeded.push({ file: 'services/sync-products/.env', kind: 'committed .env with client secret' });
  write('services/sync-inventory/config/netsuite.json', json({
    account: 'TSTDRV123456', tokenUrl: 'https://123456.suitetalk.api.netsuite.example.com/oauth2/token',
    clientId: token(HEX, 64), clientSecret: token(HEX, 64),
  }));
  seeded.push({ file: 'services/sync-inventory/config/netsuite.json', kind: 'client secret in committed JSON' });
  write('services/sync-customers/config/private-key.pem', `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => token(B62 + '+/', 64)).join('\n')}\n-----END RSA PRIVATE KEY-----\n`);
  seeded.push({ file: 'services/sync-customers/config/private-key.pem', kind: 'private key' });
  void UP;

  // ---- tsconfigs: whole-program root (for tsc --noEmit -p / scan --project) and a solution
  write('tsconfig.base.json', json({ compilerOptions: { ...compilerOptions, paths: undefined, declaration: true } }));
  write('tsconfig.json', json({
    compilerOptions: { ...compilerOptions, noEmit: true },
    include: ['packages/*/src', 'services/*/src', 'apps/*/src'],
  }));
  write('tsconfig.build.json', json({ files: [], references: refs }));

  const manifest = { seed, scale, files, bytes, packages: refs.length, seeded };
  writeFileSync(join(out, 'bench-manifest.json'), json(manifest));
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
  const out = resolve(opt('--out', join(ROOT, '.cache', 'bench-typed')));
  const m = generate({ out, seed: Number(opt('--seed', '20240611')), scale: Number(opt('--scale', '1')) });
  console.log(`generated ${m.files} files (${(m.bytes / 1e6).toFixed(1)} MB) in ${m.packages} packages into ${out}; seeded findings: ${m.seeded.length}`);
  for (const s of m.seeded) console.log(`  ${s.kind}: ${s.file}`);
}
