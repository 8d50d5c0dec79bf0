import { describe, expect, it } from 'vitest';
import { anchoredHits, taggedHits, word } from '../../../src/detectors/text-gates/anchors.js';
import { credentialSiteReason, hasKnownFormatLooseForm, KNOWN_FORMAT_LOOSE, mayHaveKnownFormatToken, OTHER_CREDENTIAL_SITES } from '../../../src/detectors/text-gates/credential-sites.js';
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

  describe('an object literal under a credential name', () => {
    // The rule resolves no object literal: only the credential-named properties inside are sites.
    it.each([
      ['a credential-named property inside', `token = { accessToken: '${KEY}', type: 'bearer' };`],
      ['a JSX expression container holding a literal', `const el = <ErpClient token={'${KEY}'} />;`],
      ['a JSX expression container holding a const', `const ERP_TOKEN = '${KEY}';\nconst el = <ErpClient token={ERP_TOKEN} />;`],
    ])('lets through %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(true);
    });

    it.each([
      ['a parser token (next’s compiled @vercel/og)', `var type = '${KEY}';\ntoken = { type: "string", sourceIndex: pos, quote };`],
      ['shorthand members', "var value = 'Zq8vL2mNx4Rt7YpK';\ntoken = { value, end };"],
      ['a spread', `var base = '${KEY}';\ntoken = { ...base, kind: 'word' };`],
    ])('stops %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(false);
    });
  });

  describe('a value that is a logical, conditional or other binary expression', () => {
    it.each([
      ['a conditional of a declared name (next’s compiled @vercel/og)', 'var i = "Zq8vL2mNx4Rt7YpK";\nvar tokenDescriptor = i < 0 || arguments.length <= i ? void 0 : arguments[i];'],
      ['a logical expression', `const fallback = '${KEY}';\nconst apiToken = fallback || process.env.API_TOKEN;`],
      ['a concatenation with a member of `this` (google-auth-library)', "const headers = new Headers({ authorization: 'Bearer ' + this.credentials.id_token });"],
      ['a concatenation with a call', `const ERP = '${KEY}';\nconst apiToken = ERP + suffix();`],
      ['a concatenation with a number', `const apiToken = '${KEY}' + 1;`],
    ])('stops %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(false);
    });

    it.each([
      ['a declared name', `const ERP = '${KEY}';\nconst apiToken = ERP;`],
      ['a declared name before a comment', `const ERP = '${KEY}';\nconst apiToken = ERP // the ERP key\n;`],
      ['a declared name before a statement starting with --', `const ERP = '${KEY}';\nlet apiToken = ERP\n--retries;`],
      ['a concatenation (not evaluated)', "const apiToken = ERP + '-x';"],
      ['a concatenation with a const', `const ERP = '${KEY}';\nconst headers = { authorization: 'Bearer ' + ERP };`],
      ['a literal argument before a `+` outside the call', `params.set('password', '${KEY}') + this.suffix;`],
    ])('lets through %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(true);
    });
  });

  describe('a Basic header', () => {
    it.each([
      ['a literal password', `const headers = { Authorization: 'Basic ' + Buffer.from('pos-sync:${PW}').toString('base64') };`],
      ['a literal password after an expression', `const headers = { Authorization: \`Basic \${btoa(\`\${user}:${PW}\`)}\` };`],
      ['a const password', `const ERP_PASSWORD = '${PW}';\nconst auth = 'Basic ' + btoa(user + ':' + ERP_PASSWORD);`],
      ['a member read of a const object', `const ERP = { pw: '${PW}' };\nconst auth = \`Basic \${btoa(\`\${user}:\${ERP.pw}\`)}\`;`],
      ['an argument the text test cannot split', 'const auth = \'Basic \' + btoa(user + \':\' + (pw || fallback));'],
    ])('lets through %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(true);
    });

    it.each([
      [
        'decoded URL parts (next’s compiled @edge-runtime)',
        'const { username, password } = url;\nheaders["proxy-authorization"] = `Basic ${Buffer.from(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`).toString("base64")}`;',
      ],
      ['parameters', 'function basic(username, password) { const credentials = btoa(`${username}:${password}`); return `Basic ${credentials}`; }'],
      ['a member read of a parameter', 'function auth(opts) { return "Basic " + Buffer.from(opts.user + ":" + opts.pass).toString("base64"); }'],
      ['an already encoded value', 'headers["proxy-authorization"] = `Basic ${opts.auth}`;'],
    ])('stops %s', (_label, text) => {
      expect(mayReport(text, JS)).toBe(false);
    });
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

  it('the loose known-format search agrees with its regular expression', () => {
    const texts = [
      '-----BEGIN PRIVATE KEY-----',
      'npm_x',
      'https://x-oauth-basic@github.com',
      'xoxb-1',
      'xoxz-1',
      'SG.',
      'shpat_',
      'shpxx_',
      'ghp_',
      'gha_',
      'sk_live_',
      'pk_live_',
      'aws_secret_access_key',
      'SECRET_ACCESS_KEY',
      'SecretAccessKey',
      'secretAccess',
      'SECRETaccess',
      'sEcretAccess',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0',
      'eyJhbGc.eyJ',
      `postgres://sync:${PW}@db`,
      'https://example.com/path:8080@x',
      'https://example.com/a',
      'Q~',
      'AIza',
      'a Slack hook',
      'SLACK',
      'sLack',
      'const x = 1;',
    ];
    for (const text of texts) expect([text, hasKnownFormatLooseForm(text)]).toEqual([text, KNOWN_FORMAT_LOOSE.test(text)]);
  });

  it('anchored hits find every accepted occurrence once, in order', () => {
    const find = anchoredHits([{ word: 'key' }, { word: 'Key' }, { word: 'zip', accept: (text, start) => text.charAt(start + 3) === '!' }]);
    expect(find('apiKey = key; zip zip! Key')).toEqual([3, 9, 18, 23]);
    expect(find('nothing here')).toEqual([]);
  });

  it('tagged hits keep the hits of each tag apart', () => {
    const find = taggedHits([word({ word: 'key' }, 'name'), word({ word: 'Key' }, 'name'), word({ word: 'PRIVATE KEY' }, 'known')]);
    const hits = find('const apiKey = "-----BEGIN PRIVATE KEY-----"; key');
    expect(hits.get('name')).toEqual([9, 46]);
    expect(hits.get('known')).toEqual([27]);
    expect(find('none').size).toBe(0);
  });

  it.each([
    ['a capitalised name', `const ErpToken = '${KEY}';`],
    ['a name in capitals', `const ERP_API_KEY = '${KEY}';`],
    ['a key after a separator', `const headers = { 'X-Api-Key': '${KEY}' };`],
    ['a password as the last word', `const dbPass = '${KEY}';`],
    ['a PAT', `const githubPAT = '${KEY}';`],
  ])('finds the credential word of %s', (_label, text) => {
    expect(credentialSiteReason(text, OTHER_CREDENTIAL_SITES, JS)).toMatch(/^name /u);
  });

  it.each([
    ['a path', `const npmPath = '${KEY}';`],
    ['a key without a credential word before it', `const cacheKey = '${KEY}';`],
  ])('finds no credential name in %s', (_label, text) => {
    expect(credentialSiteReason(text, OTHER_CREDENTIAL_SITES, JS)).toBeUndefined();
  });

  it('finds names of every other credential kind', () => {
    for (const [name, kind] of [['password', 'password'], ['apiKey', 'api-key'], ['accessToken', 'token'], ['privateKey', 'private-key'], ['jwtSecret', 'signing-secret'], ['secret', 'secret'], ['DB_PASSWD', 'password'], ['githubPat', 'token']] as const) {
      expect(classifySecretName(name)?.kind).toBe(kind);
      expect(mayReport(`const x = { ${name}: '${KEY}' };`, JS)).toBe(true);
    }
  });
});
