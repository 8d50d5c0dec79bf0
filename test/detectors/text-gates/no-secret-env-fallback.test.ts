import { describe, expect, it } from 'vitest';
import { mayReport } from '../../../src/detectors/text-gates/no-secret-env-fallback.js';

// Fake secret, assembled so that no whole secret sits in one literal of this file.
const SECRET = ['Zq8vL2mNx4Rt', '7YpKw1Bs9DfH3JcA0eUg'].join('');

describe('no-secret-env-fallback text gate', () => {
  it.each([
    ['an `||` fallback on a secret env var', `const s = process.env.KENSIUM_CLIENT_SECRET || '${SECRET}';`],
    ['a `??` fallback in brackets', "const s = process.env['ACUMATICA_CLIENT_SECRET'] ?? 'keyboard cat';"],
    ['a quoted env object', "const s = process['env'].ERP_PASSWORD || 'x';"],
    ['a fallback on the next line, past a comment', "const s = process.env.API_TOKEN // from the vault\n  || FALLBACK;"],
    ['a fallback through a type wrapper', "const s = (process.env.API_TOKEN as string) ?? 'x';"],
    ['a wrapped env object', "const s = (process.env as Env).API_TOKEN || 'x';"],
    ['a secret slot with a plain env name', `const config = { clientSecret: process.env.POS_KEY_2 || '${SECRET}' };`],
    ['a chain of env reads', 'const s = process.env.SESSION_SECRET || process.env.NEXTAUTH_SECRET || FALLBACK;'],
    ['a ternary on the same variable', "const s = process.env.JWT_SECRET ? process.env.JWT_SECRET : 'dev';"],
    ['a negated ternary to a secret slot', "const apiToken = !import.meta.env.VITE_X ? 'dev' : import.meta.env.VITE_X;"],
    ['a typed secret slot', "const clientSecret: string | undefined = process.env.POS_KEY ?? 'x';"],
    ['a secret slot with a generic type', "const secret: Record<string, string> | string = process.env.X_1 || 'x';"],
    ['a member assignment to a secret slot', "config.password = (process.env.DB_PW || 'x');"],
    ['a quoted secret key', "const c = { 'api-key': process.env.KEY_1 || 'x' };"],
    ['Deno and Bun env objects', "const a = Deno.env.get('ERP_PASSWORD') || 'x';"],
    ['Bun env', "const a = Bun.env.ERP_PASSWORD ?? 'x';"],
    ['a destructuring default from the environment', "const {\n  PORT = '3000',\n  ERP_CLIENT_SECRET = 'x',\n} = process.env;"],
    ['an empty fallback (reported unless the option is off)', "const s = process.env.API_SECRET ?? '';"],
    ['a parameter default', `function connect(clientSecret = '${SECRET}') {}`],
    ['a typed parameter default', `const connect = async (url: string, apiKey: string = '${SECRET}') => url;`],
    ['a parameter default from a constant', 'function connect(password = DEFAULT_PASSWORD) {}'],
    ['a parameter default on the next line', `export function make(\n  host,\n  token = '${SECRET}',\n) {}`],
    ['a parameter default after a comment', `function f(/* from the vault */ apiToken = '${SECRET}') {}`],
    ['a parameter default built by concatenation', `function f(secret = 'abc' + SUFFIX) {}`],
  ])('lets through %s', (_label, text) => {
    expect(mayReport(text, { filename: '/repo/src/config.ts' })).toBe(true);
  });

  it.each([
    ['env reads without a fallback', "const s = process.env.KENSIUM_CLIENT_SECRET;\nif (process.env.NODE_ENV === 'production') start();"],
    ['fallbacks for names that are not secrets', "const u = process.env.TOKEN_URL || 'https://pos.example.com/token';\nconst port = process.env.PORT || 3000;"],
    ['a client id fallback', "const clientId = process.env.KENSIUM_CLIENT_ID ?? 'pos-sync';"],
    ['`&&` is not a fallback', "const h = process.env.API_TOKEN && 'Bearer ' + process.env.API_TOKEN;"],
    ['destructuring defaults from other objects', `const { clientSecret = '${SECRET}' } = options;`],
    ['a destructuring from the environment without a secret', "const { PORT = '3000', HOST = 'localhost' } = process.env;"],
    ['parameter defaults that are not strings', 'function f(token = null, secret = {}, password = 3, apiKey = () => k) {}'],
    ['parameter defaults with harmless literals', "function f(clientSecret = '', password = 'YOUR_PASSWORD', tokenUrl = 'https://x.example.com') {}"],
    ['assignments and comparisons', 'token = next(); if (token == null) token = lexer.token; const x = { token: a };'],
    ['bundle text that names tokens and the environment', "var e=process.env.NODE_ENV,t=function(n){return n.token};function r(n){n.secretKey=t(n)}"],
  ])('stops %s', (_label, text) => {
    expect(mayReport(text, { filename: '/repo/src/config.ts' })).toBe(false);
  });

  it.each([
    // A default whose leftmost operand is a call is never resolved to a string.
    ['async function decryptJWE(jwe, shared, key, token = shareJWE(jwe)) {}', false],
    ['function connect(host, token = vault.read(path) + suffix) {}', false],
    ['function connect(host, token = tag`x`) {}', false],
    ['function connect(host, token = DEFAULT_TOKEN) {}', true],
    ['function connect(host, token = config.defaults.token) {}', true],
    ["function connect(host, token = ('s3cr' + 'etValue9x')) {}", true],
    // A key of an object literal is no parameter, however far the next `=` is.
    ["const manifest = {\n  node: actions,\n  encryptionKey: 'process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY'\n};\nconst json = JSON.stringify(manifest);", false],
    ["this.credentials = { expiry_date: 1, refresh_token: 'compute-placeholder' };\nthis.email = options.email;", false],
    ["function connect(host, token: { value: string; kind: 'bearer' } = DEFAULT_TOKEN) {}", true],
    ["function connect(host, token: Array<string> | '}' = DEFAULT_TOKEN) {}", true],
    ["function connect(host, apiKey: string = DEFAULT_KEY) {}", true],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text, { filename: 'src/client.ts' })).toBe(expected);
  });

  it('decides a plain literal default as the rule does, test files included', () => {
    const text = "function connect(clientSecret = 'test-secret') {}";
    expect(mayReport(text, { filename: '/repo/src/pos.ts' })).toBe(true);
    expect(mayReport(text, { filename: '/repo/test/pos.test.ts' })).toBe(false);
  });

  it('lets through every env source the rule reads', () => {
    for (const read of ['process.env.API_SECRET', 'globalThis.process.env.API_SECRET', 'import.meta.env.API_SECRET', 'Bun.env.API_SECRET', "Deno.env.get('API_SECRET')", 'process?.env?.API_SECRET', 'process.env!.API_SECRET']) {
      expect(mayReport(`const s = ${read} || 'x';`), read).toBe(true);
      expect(mayReport(`const s = ${read.replace('API_SECRET', 'API_URL')} || 'x';`), read).toBe(false);
    }
  });
});
