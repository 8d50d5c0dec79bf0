import { describe, expect, it } from 'vitest';
import { mayHaveKnownFormatToken } from '../../../src/detectors/text-gates/credential-sites.js';
import { mayReport } from '../../../src/detectors/text-gates/no-hardcoded-credentials.js';
import { classifySecretName } from '../../../src/detectors/names.js';

const KEY = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');
const GITHUB = ['ghp', '_', 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6'].join('');
const PW = ['s3cr', '3tPw'].join('');
const JS = { filename: 'dist/bundle.js' };

describe('no-hardcoded-credentials text gate', () => {
  it.each([
    ['an API key property', `const erp = { apiKey: '${KEY}' };`],
    ['a password in a connection string', `const pool = new Pool({ connectionString: 'postgres://sync:${PW}@db/erp' });`],
    ['a weak password in a request body', "await fetch(url, { body: new URLSearchParams({ username: 'svc', password: 'hunter2' }) });"],
    ['a weak password in a catalogue slot', "import { Pool } from 'pg';\nconst pool = new Pool({ user: 'svc', password: 'hunter2' });"],
    ['a signing secret array', "import session from 'express-session';\napp.use(session({ secret: ['keyboard cat', 'old'] }));"],
    ['a JWK private part', `const jwk = { kty: 'EC', crv: 'P-256', d: '${KEY}' };`],
    ['a bearer token', `const headers = { Authorization: 'Bearer ${KEY}' };`],
    ['a known token format in a comment', `// token: ${GITHUB}`],
    ['a known token format in any string', `log('${GITHUB}');`],
  ])('lets through %s', (_label, text) => {
    expect(mayReport(text, JS)).toBe(true);
  });

  it.each([
    ['a weak password outside any sink', "const i18n = { password: 'Password' };"],
    ['a lexer token', 'var token = this.next(); if (token.type === "punct") return token;'],
    ['a password field name', "const field = { passwordField: 'password' };"],
    ['a placeholder key', "const erp = { apiKey: 'YOUR_API_KEY' };"],
    ['a JWK without its private part', "const jwk = { kty: 'RSA', n: modulus, e: 'AQAB' };"],
    ['a token format with a placeholder-free hint word only', 'const PRIVATE_KEY_HEADER_NAME = makeName();'],
  ])('stops %s', (_label, text) => {
    expect(mayReport(text, JS)).toBe(false);
  });

  it('does not run the known-format pre-check when checkKnownFormats is off', () => {
    expect(mayReport(`log('${GITHUB}');`, { ...JS, options: { checkKnownFormats: false } })).toBe(false);
  });

  it('the known-format pre-check agrees with findKnownSecrets on recognised formats', () => {
    expect(mayHaveKnownFormatToken(`x = '${GITHUB}'`)).toBe(true);
    expect(mayHaveKnownFormatToken(`x = 'https://user:${PW}@example.com/path'`)).toBe(true);
    expect(mayHaveKnownFormatToken(`x = 'mongodb://sync:${PW}@db.example.com/erp'`)).toBe(true);
    expect(mayHaveKnownFormatToken("const url = 'https://example.com/path?key=value';")).toBe(false);
  });

  it('finds names of every other credential kind', () => {
    for (const [name, kind] of [['password', 'password'], ['apiKey', 'api-key'], ['accessToken', 'token'], ['privateKey', 'private-key'], ['jwtSecret', 'signing-secret'], ['secret', 'secret'], ['DB_PASSWD', 'password'], ['githubPat', 'token']] as const) {
      expect(classifySecretName(name)?.kind).toBe(kind);
      expect(mayReport(`const x = { ${name}: '${KEY}' };`, JS)).toBe(true);
    }
  });
});
