import rule from '../../rules/no-hardcoded-credentials.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** Fake credentials are assembled from fragments so that no whole one sits in the repository as one literal. */
const PASSWORD = ['T7vqL9xR', 'm2Wp4z8K'].join('');
const SECRET = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');
const AWS_ID = ['AKIA', 'Q3EGRT5N7X2LKM4P'].join('');
const AWS_KEY = ['k8Vd3Qm7Zp2Lx9Rt5Yw1', 'Hs6Nb4Fj0Gc8Ue3Ta7Ko'].join('');
const STRIPE = ['sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');
const GITHUB = ['ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');
const JWT = ['eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiJwb3Mtc3luYyJ9', '.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk'].join('');
const PEM_BODY = ['MIIEvQIBADANBgkqhkiG9w0BAQEF', 'AASCBKcwggSjAgEAAoIBAQC7'].join('');
const JWK_D = ['hD8f3kq9Xz2Lm5Rt', '7Yp1Bs4Nc6Vw8Qe0'].join('');
const BASIC = Buffer.from(`pos-sync:${PASSWORD}${PASSWORD}`).toString('base64');
const HEX_TOKEN = ['9f8e7d6c5b4a3928', '1706f5e4d3c2b1a0'].join('');
const SLACK = ['xoxb-', '123456789012-', '1234567890123-', 'AbCdEfGhIjKlMnOpQrStUvWx'].join('');

ruleTester.run('no-hardcoded-credentials', rule, {
  valid: [
    // Read from the environment or a secret store.
    "await fetch(`${erpUrl}/entity/auth/login`, { method: 'POST', body: JSON.stringify({ name: process.env.ACUMATICA_USER, password: process.env.ACUMATICA_PASSWORD }) });",
    "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: storeId }, requireEnv('JWT_SECRET'));",
    "import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));",
    "import pg from 'pg';\nconst pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });",
    // SaaS SDKs given their credentials from the environment; the account SID is no secret.
    "import twilio from 'twilio';\nconst sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);",
    "import { Octokit } from '@octokit/rest';\nconst gh = new Octokit({ auth: process.env.GITHUB_TOKEN, userAgent: 'pos-sync/1.4.0' });",
    "import * as hubspot from '@hubspot/api-client';\nconst hs = new hubspot.Client({ accessToken: requireEnv('HUBSPOT_ACCESS_TOKEN'), basePath: 'https://api.hubapi.com' });",
    // Placeholders, empty values, and URLs or connection strings without a password.
    "const erp = { password: 'changeme', apiKey: '<api-key>', token: '' };",
    "import pg from 'pg';\nconst pool = new pg.Pool({ connectionString: 'postgres://localhost:5432/pos' });",
    "const erpUrl = 'https://erp.example.com/entity/Default/24.200.001';",
    // Names that only mention a credential, and labels.
    "const form = { passwordField: 'password', tokenUrl: 'https://erp.example.com/identity/connect/token', apiKeyHeader: 'X-Api-Key' };",
    "const input = { type: 'password', placeholder: 'Password' };",
    // A seed user's password hash, a table name and a key template under credential-like names.
    `export const seedUser = { email: 'admin@acme.example.com', password: '${['$2b$12$', 'KIXQJfZ1yHq5sFv4J9oQ7eXo8x1Y2Z3a4B5c6D7e8F9g0H1i2J3k4'].join('')}' };\nexport const hashedPassword = seedUser.password;`,
    "var OAuthAccessTokenTable = 'oauth2accesstoken';\nvar keys = { refreshToken: 'refresh_tokens:%s', accessToken: 'access_tokens:%s' };",
    // A Basic header of an obvious dummy, base64-encoded (`my-client-id:my-secret`, `test:test`), in a test.
    { code: "nock('https://github.com', { reqheaders: { authorization: 'Basic bXktY2xpZW50LWlkOm15LXNlY3JldA==' } }).post('/login/oauth/access_token').reply(200, {});", filename: 'test/oauth.test.js' },
    { code: "const headers = { authorization: 'Basic dGVzdDp0ZXN0' };", filename: 'test/pos-client.test.ts' },
    // A pagination cursor in an SDK's example has the prefix of a Slack token, not its random part.
    "/**\n * @example\n *   await client.labor.searchScheduledShifts({ cursor: \"xoxp-1234-5678-90123\" })\n */\nexport {};",
    "const page = await client.labor.searchScheduledShifts({ cursor: 'xoxb-1234-5678-90123' });",
    "const REFRESH_TOKEN = 'refresh_token';",
    "const mapping = { password: 'AuthenticatorMethodSimple', yubikey_token: 'AuthenticatorKeyYubikey' };",
    "const ENCRYPTION_KEY = 'msal.cache.encryption';",
    "const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';",
    "const page = { nextPageToken: 'CgwI4pK9BhDA3fG5Aw' };",
    // A short word behind a credential name that no sink receives is a mode or a label, not a secret.
    "const auth = { token: 'Bearer' };",
    // superagent `.auth` with values from the environment, and a local `auth` method.
    "import request from 'superagent';\nconst items = await request.get(stockItemsUrl).auth(process.env.ACUMATICA_USER!, process.env.ACUMATICA_PASSWORD!);",
    "const session = { auth(user: string, pass: string) {} };\nsession.auth('pos-sync', 'T7vqL9xRm2Wp4z8K');",
    // A local `sign` is not jsonwebtoken's.
    "function sign(payload: object, key: string) {}\nsign({ sub: storeId }, 'shhhhh');",
    // A JWK without `kty` is not a key, and a public JWK has no `d`.
    `const point = { x: 1, y: 2, d: '${JWK_D}' };`,
    "const publicJwk = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };",
    // Catalogued sinks fed from the environment or a secret store.
    "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'pos', keys: [process.env.SESSION_KEY_CURRENT!, process.env.SESSION_KEY_PREVIOUS!] }));",
    "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: getJwks, algorithms: ['RS256'] }));",
    "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ host: 'db.internal', user: 'pos_sync', password: process.env.MYSQL_PASSWORD, database: 'pos' });",
    "import AWS from 'aws-sdk';\nAWS.config.update({ region: 'us-east-1' });",
    "import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ region: 'us-east-1' });",
    "import NextAuth from 'next-auth';\nexport const { handlers } = NextAuth({ providers });",
    "import okta from '@okta/okta-sdk-nodejs';\nconst client = new okta.Client({ orgUrl, token: process.env.OKTA_CLIENT_TOKEN });",
    // Obvious dummies in test files.
    { code: "const erp = { password: 'password123' };", filename: 'src/erp.test.ts' },
    { code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: 'store-1' }, 'test-secret');", filename: 'test/token.spec.ts' },
    // Known formats can be turned off.
    { code: `const notes = 'use ${GITHUB} for the registry';`, options: [{ checkKnownFormats: false }] },
    { code: `// deploy token: ${GITHUB}\nexport {};`, options: [{ checkComments: false }] },
  ],
  invalid: [
    {
      code: `await fetch(\`\${erpUrl}/entity/auth/login\`, { method: 'POST', body: JSON.stringify({ name: 'pos-sync', password: '${PASSWORD}', tenant: 'Kensium' }) });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 113, endLine: 1, endColumn: 131,
          data: { kind: "password", where: "sent as `password` in a request body", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_PASSWORD" }, output: "await fetch(`${erpUrl}/entity/auth/login`, { method: 'POST', body: JSON.stringify({ name: 'pos-sync', password: process.env.POS_SYNC_PASSWORD, tenant: 'Kensium' }) });" },
          ],
        },
      ],
    },
    {
      code: `const ACUMATICA_PASSWORD = '${PASSWORD}';`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 28, endLine: 1, endColumn: 46,
          data: { kind: "password", where: "assigned to `ACUMATICA_PASSWORD`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_PASSWORD" }, output: "const ACUMATICA_PASSWORD = process.env.ACUMATICA_PASSWORD;" },
          ],
        },
      ],
    },
    {
      code: `const stripe = { apiKey: '${STRIPE}' };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 26, endLine: 1, endColumn: 60,
          data: { kind: "API key", where: "assigned to `apiKey`", masked: "sk_l…p7dc (32 chars)", reason: "a Stripe secret key" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "STRIPE_API_KEY" }, output: "const stripe = { apiKey: process.env.STRIPE_API_KEY };" },
          ],
        },
      ],
    },
    {
      code: `const headers = { Authorization: 'Bearer ${JWT}' };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 42, endLine: 1, endColumn: 130,
          data: { kind: "token", where: "assigned to `Authorization`", masked: "eyJh…EjXk (88 chars)", reason: "a JSON Web Token" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const privateKey = '-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----';`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 20, endLine: 1, endColumn: 130,
          data: { kind: "private key", where: "assigned to `privateKey`", masked: "----…---- (106 chars)", reason: "a private key" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "PRIVATE_KEY" }, output: "const privateKey = process.env.PRIVATE_KEY;" },
          ],
        },
      ],
    },
    {
      code: `import { importJWK } from 'jose';\nconst key = await importJWK({ kty: 'EC', crv: 'P-256', x, y, d: '${JWK_D}' }, 'ES256');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 65, endLine: 2, endColumn: 99,
          data: { kind: "private key", where: "passed to `importJWK`", masked: "hD8f…8Qe0 (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "PRIVATE_KEY" }, output: "import { importJWK } from 'jose';\nconst key = await importJWK({ kty: 'EC', crv: 'P-256', x, y, d: process.env.PRIVATE_KEY }, 'ES256');" },
          ],
        },
      ],
    },
    {
      code: `const signingJwk = { kty: 'EC', crv: 'P-256', x, y, d: '${JWK_D}' };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 56, endLine: 1, endColumn: 90,
          data: { kind: "private key", where: "as the private `d` of a JSON Web Key", masked: "hD8f…8Qe0 (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "PRIVATE_KEY" }, output: "const signingJwk = { kty: 'EC', crv: 'P-256', x, y, d: process.env.PRIVATE_KEY };" },
          ],
        },
      ],
    },
    {
      code: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: storeId }, 'shhhhh');",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 2, column: 42, endLine: 2, endColumn: 50,
          data: { kind: "signing secret", where: "passed to `jwt.sign`", masked: "**** (6 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "JWT_SECRET" }, output: "import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: storeId }, process.env.JWT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `import * as jose from 'jose';\nconst jwt = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('${SECRET}'));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 111, endLine: 2, endColumn: 145,
          data: { kind: "signing secret", where: "passed to `SignJWT.sign`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "JWT_SECRET" }, output: "import * as jose from 'jose';\nconst jwt = await new jose.SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(process.env.JWT_SECRET));" },
          ],
        },
      ],
    },
    {
      // SaaS SDKs that take the credential positionally or under a neutral key.
      code: `import twilio from 'twilio';\nconst sms = twilio('AC' + sid, '${HEX_TOKEN}');`,
      filename: "src/notify.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 32, endLine: 2, endColumn: 66,
          data: { kind: "token", where: "passed to `twilio`", masked: "9f8e…b1a0 (32 chars)", reason: "a hex-encoded value" },
          suggestions: [{ messageId: "replaceWithEnv", data: { name: "TWILIO_AUTH_TOKEN" }, output: "import twilio from 'twilio';\nconst sms = twilio('AC' + sid, process.env.TWILIO_AUTH_TOKEN);" }],
        },
      ],
    },
    {
      code: `const { Octokit } = require('@octokit/rest');\nconst gh = new Octokit({ auth: '${HEX_TOKEN}' });`,
      filename: "src/github.js",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 32, endLine: 2, endColumn: 66,
          data: { kind: "token", where: "passed to `Octokit`", masked: "9f8e…b1a0 (32 chars)", reason: "a hex-encoded value" },
          suggestions: [{ messageId: "replaceWithEnv", data: { name: "GITHUB_TOKEN" }, output: "const { Octokit } = require('@octokit/rest');\nconst gh = new Octokit({ auth: process.env.GITHUB_TOKEN });" }],
        },
      ],
    },
    {
      code: `import session from 'express-session';\napp.use(session({ secret: ['keyboard cat', '${SECRET}'], resave: false }));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 2, column: 28, endLine: 2, endColumn: 42,
          data: { kind: "signing secret", where: "passed to `express-session`", masked: "**** (12 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "SESSION_SECRET" }, output: `import session from 'express-session';\napp.use(session({ secret: [process.env.SESSION_SECRET, '${SECRET}'], resave: false }));` },
          ],
        },
        {
          messageId: "hardcoded", line: 2, column: 44, endLine: 2, endColumn: 78,
          data: { kind: "signing secret", where: "passed to `express-session`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "SESSION_SECRET_2" }, output: "import session from 'express-session';\napp.use(session({ secret: ['keyboard cat', process.env.SESSION_SECRET_2], resave: false }));" },
          ],
        },
      ],
    },
    {
      code: `import { createHmac } from 'node:crypto';\nconst signature = createHmac('sha256', '${SECRET}').update(payload).digest('hex');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 40, endLine: 2, endColumn: 74,
          data: { kind: "signing secret", where: "passed to `crypto.createHmac`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "HMAC_SECRET" }, output: "import { createHmac } from 'node:crypto';\nconst signature = createHmac('sha256', process.env.HMAC_SECRET).update(payload).digest('hex');" },
          ],
        },
      ],
    },
    {
      code: `import pg from 'pg';\nconst pool = new pg.Pool({ connectionString: 'postgres://pos_sync:${PASSWORD}@db.internal:5432/pos' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 67, endLine: 2, endColumn: 83,
          data: { kind: "password", where: "passed to `pg.Pool`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "DATABASE_URL" }, output: "import pg from 'pg';\nconst pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });" },
          ],
        },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb';\nconst client = new MongoClient('mongodb+srv://sync:${PASSWORD}@cluster0.example.net/pos');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 52, endLine: 2, endColumn: 68,
          data: { kind: "password", where: "passed to `MongoClient`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "MONGODB_URI" }, output: "import { MongoClient } from 'mongodb';\nconst client = new MongoClient(process.env.MONGODB_URI);" },
          ],
        },
      ],
    },
    {
      code: `const erpUrl = 'https://pos-sync:${PASSWORD}@erp.example.com/entity/Default/24.200.001';`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "knownFormat", line: 1, column: 34, endLine: 1, endColumn: 50,
          data: { label: "basic-auth password in a URL", masked: "T7…8K (16 chars)", container: "a string" },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ region, credentials: { accessKeyId: '${AWS_ID}', secretAccessKey: '${AWS_KEY}' } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 63, endLine: 2, endColumn: 85,
          data: { kind: "API key", where: "passed to `the AWS SDK client`", masked: "AK…4P (20 chars)", reason: "a credential-shaped random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AWS_ACCESS_KEY_ID" }, output: `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ region, credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '${AWS_KEY}' } });` },
          ],
        },
        {
          messageId: "hardcoded", line: 2, column: 104, endLine: 2, endColumn: 146,
          data: { kind: "API key", where: "passed to `the AWS SDK client`", masked: "k8Vd…a7Ko (40 chars)", reason: "an AWS secret access key" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AWS_SECRET_ACCESS_KEY" }, output: `import { S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({ region, credentials: { accessKeyId: '${AWS_ID}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });` },
          ],
        },
      ],
    },
    {
      // The password a Basic credential carries is judged as written out: a random one is reported.
      code: `const headers = { authorization: 'Basic ${BASIC}' };`,
      filename: "test/pos-client.test.ts",
      errors: [{ messageId: "hardcoded" }],
    },
    {
      code: `// alerts bot: ${SLACK}\nexport {};`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "knownFormat", line: 1, column: 16, endLine: 1, endColumn: 16 + SLACK.length,
          data: { label: "Slack token", masked: "xoxb…UvWx (56 chars)", container: "a comment" },
          suggestions: [],
        },
      ],
    },
    {
      code: `// deploy token: ${GITHUB}\nexport {};`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "knownFormat", line: 1, column: 18, endLine: 1, endColumn: 58,
          data: { label: "GitHub token", masked: "ghp_…Q7r8 (40 chars)", container: "a comment" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const headers = { Authorization: 'Basic ' + Buffer.from('pos-sync:${PASSWORD}').toString('base64') };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 67, endLine: 1, endColumn: 83,
          data: { kind: "password", where: "encoded into a `Basic` authorization header", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const notes = 'use ${GITHUB} for the registry';`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "knownFormat", line: 1, column: 20, endLine: 1, endColumn: 60,
          data: { label: "GitHub token", masked: "ghp_…Q7r8 (40 chars)", container: "a string" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const ACUMATICA_PASSWORD = '${PASSWORD}';`,
      filename: "src/pos-sync.ts",
      options: [{"fixToEnv":true}],
      output: "const ACUMATICA_PASSWORD = process.env.ACUMATICA_PASSWORD;",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 28, endLine: 1, endColumn: 46,
          data: { kind: "password", where: "assigned to `ACUMATICA_PASSWORD`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const ACUMATICA_PASSWORD = '${PASSWORD}';`,
      filename: "src/erp.test.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 28, endLine: 1, endColumn: 46,
          data: { kind: "password", where: "assigned to `ACUMATICA_PASSWORD`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_PASSWORD" }, output: "const ACUMATICA_PASSWORD = process.env.ACUMATICA_PASSWORD;" },
          ],
        },
      ],
    },
    {
      code: `import request from 'superagent';\nconst items = await request.get(\`\${erpUrl}/entity/Default/24.200.001/StockItem\`).auth('pos-sync', '${PASSWORD}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 99, endLine: 2, endColumn: 117,
          data: { kind: "password", where: "passed to superagent `.auth`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_PASSWORD" }, output: "import request from 'superagent';\nconst items = await request.get(`${erpUrl}/entity/Default/24.200.001/StockItem`).auth('pos-sync', process.env.POS_SYNC_PASSWORD);" },
          ],
        },
      ],
    },
    {
      code: `import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'pos', keys: ['${SECRET}'] }));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 45, endLine: 2, endColumn: 79,
          data: { kind: "signing secret", where: "passed to `cookie-session`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "SESSION_KEYS" }, output: "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'pos', keys: [process.env.SESSION_KEYS] }));" },
          ],
        },
      ],
    },
    {
      code: `import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: '${SECRET}', algorithms: ['HS256'] }));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 30, endLine: 2, endColumn: 64,
          data: { kind: "signing secret", where: "passed to `expressjwt`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "JWT_SECRET" }, output: "import { expressjwt } from 'express-jwt';\napp.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));" },
          ],
        },
      ],
    },
    {
      code: `import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: '${SECRET}' }));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 26, endLine: 2, endColumn: 60,
          data: { kind: "signing secret", where: "passed to `koa-jwt`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "JWT_SECRET" }, output: "import koaJwt from 'koa-jwt';\napp.use(koaJwt({ secret: process.env.JWT_SECRET }));" },
          ],
        },
      ],
    },
    {
      code: `import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: '${SECRET}' }, verify));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 61, endLine: 2, endColumn: 95,
          data: { kind: "signing secret", where: "passed to `JwtStrategy`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "JWT_SECRET" }, output: "import { Strategy as JwtStrategy } from 'passport-jwt';\npassport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET }, verify));" },
          ],
        },
      ],
    },
    {
      code: `import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ host: 'db.internal', user: 'pos_sync', password: '${PASSWORD}', database: 'pos' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 82, endLine: 2, endColumn: 100,
          data: { kind: "password", where: "passed to `mysql.createPool`", masked: "T7…8K (16 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "MYSQL_PASSWORD" }, output: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ host: 'db.internal', user: 'pos_sync', password: process.env.MYSQL_PASSWORD, database: 'pos' });" },
          ],
        },
      ],
    },
    {
      code: `import AWS from 'aws-sdk';\nAWS.config.update({ accessKeyId: '${AWS_ID}', secretAccessKey: '${AWS_KEY}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 34, endLine: 2, endColumn: 56,
          data: { kind: "API key", where: "passed to `AWS.config.update`", masked: "AK…4P (20 chars)", reason: "a credential-shaped random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AWS_ACCESS_KEY_ID" }, output: `import AWS from 'aws-sdk';\nAWS.config.update({ accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '${AWS_KEY}' });` },
          ],
        },
        {
          messageId: "hardcoded", line: 2, column: 75, endLine: 2, endColumn: 117,
          data: { kind: "API key", where: "passed to `AWS.config.update`", masked: "k8Vd…a7Ko (40 chars)", reason: "an AWS secret access key" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AWS_SECRET_ACCESS_KEY" }, output: `import AWS from 'aws-sdk';\nAWS.config.update({ accessKeyId: '${AWS_ID}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY });` },
          ],
        },
      ],
    },
    {
      code: `import { StorageSharedKeyCredential } from '@azure/storage-blob';\nconst credential = new StorageSharedKeyCredential('posexports', '${SECRET}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 65, endLine: 2, endColumn: 99,
          data: { kind: "API key", where: "passed to `StorageSharedKeyCredential`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AZURE_STORAGE_ACCOUNT_KEY" }, output: "import { StorageSharedKeyCredential } from '@azure/storage-blob';\nconst credential = new StorageSharedKeyCredential('posexports', process.env.AZURE_STORAGE_ACCOUNT_KEY);" },
          ],
        },
      ],
    },
    {
      code: `import { Storage } from '@google-cloud/storage';\nconst storage = new Storage({ credentials: { client_email: email, private_key: '${PEM_BODY}' } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 80, endLine: 2, endColumn: 134,
          data: { kind: "private key", where: "passed to `the Google Cloud client`", masked: "MIIE…AQC7 (52 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "PRIVATE_KEY" }, output: "import { Storage } from '@google-cloud/storage';\nconst storage = new Storage({ credentials: { client_email: email, private_key: process.env.PRIVATE_KEY } });" },
          ],
        },
      ],
    },
    {
      code: `import NextAuth from 'next-auth';\nexport const { handlers } = NextAuth({ secret: '${SECRET}', providers });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 48, endLine: 2, endColumn: 82,
          data: { kind: "signing secret", where: "passed to `NextAuth`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AUTH_SECRET" }, output: "import NextAuth from 'next-auth';\nexport const { handlers } = NextAuth({ secret: process.env.AUTH_SECRET, providers });" },
          ],
        },
      ],
    },
    {
      code: `import okta from '@okta/okta-sdk-nodejs';\nconst client = new okta.Client({ orgUrl, token: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 49, endLine: 2, endColumn: 83,
          data: { kind: "API key", where: "passed to `okta.Client`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "OKTA_CLIENT_TOKEN" }, output: "import okta from '@okta/okta-sdk-nodejs';\nconst client = new okta.Client({ orgUrl, token: process.env.OKTA_CLIENT_TOKEN });" },
          ],
        },
      ],
    },
    {
      code: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nconst kcAdmin = new KcAdminClient();\nawait kcAdmin.auth({ grantType: 'password', clientId: 'admin-cli', username: 'admin', password: 'admin' });",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 3, column: 97, endLine: 3, endColumn: 104,
          data: { kind: "password", where: "passed to `KeycloakAdminClient.auth`", masked: "**** (5 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KEYCLOAK_PASSWORD" }, output: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nconst kcAdmin = new KcAdminClient();\nawait kcAdmin.auth({ grantType: 'password', clientId: 'admin-cli', username: 'admin', password: process.env.KEYCLOAK_PASSWORD });" },
          ],
        },
      ],
    },
  ],
});

/** A team's own ERP and POS SDK wrappers, declared with the `sinks` option. */
const SINKS = [
  { module: '@acme/erp-client', export: 'createErpSession', slots: [{ arg: 2, kind: 'password' }] },
  { module: '@acme/lightspeed-sdk', export: '', call: 'either', slots: [{ arg: 0, property: 'account.access', kind: 'token', envName: 'LIGHTSPEED_ACCESS_TOKEN' }] },
  { module: '@acme/erp-client', export: 'ErpClient', method: 'login', slots: [{ arg: 1, kind: 'password', envName: 'ERP_PASSWORD' }] },
] as const;

ruleTester.run('no-hardcoded-credentials (sinks option)', rule, {
  valid: [
    { code: "import { createErpSession } from '@acme/erp-client';\nconst session = await createErpSession(erpUrl, 'svc-sync', requireEnv('ERP_PASSWORD'));", options: [{ sinks: SINKS }] },
    { code: "import { createErpSession } from '@acme/erp-client';\nconst session = await createErpSession(erpUrl, 'svc-sync', 'changeme');", options: [{ sinks: SINKS }] },
    // The user name is no declared slot.
    { code: `import { createErpSession } from '@acme/erp-client';\nconst session = await createErpSession(erpUrl, '${PASSWORD}', process.env.ERP_PASSWORD);`, options: [{ sinks: SINKS }] },
    // Another package's function of the same name.
    { code: `import { createErpSession } from '@acme/erp-client-mock';\nconst session = await createErpSession(erpUrl, 'svc-sync', '${PASSWORD}');`, options: [{ sinks: SINKS }] },
    { code: `import Lightspeed from '@acme/lightspeed-sdk';\nconst pos = new Lightspeed({ account: { code: 'AB12', access: process.env.LIGHTSPEED_ACCESS_TOKEN } });`, options: [{ sinks: SINKS }] },
    // `login` of an object that is no `ErpClient`.
    { code: `import { ErpClient } from '@acme/erp-client';\nconst erp = new ErpClient(erpUrl);\nawait cache.login('svc-sync', '${PASSWORD}');`, options: [{ sinks: SINKS }] },
  ],
  invalid: [
    {
      code: `import { createErpSession } from '@acme/erp-client';\nconst session = await createErpSession(erpUrl, 'svc-sync', '${PASSWORD}');`,
      options: [{ sinks: SINKS }],
      filename: 'src/erp-sync.ts',
      errors: [
        {
          messageId: 'hardcoded', line: 2, column: 60, endLine: 2, endColumn: 78,
          data: { kind: 'password', where: 'passed to `createErpSession`', masked: 'T7…8K (16 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'SESSION_PASSWORD' }, output: "import { createErpSession } from '@acme/erp-client';\nconst session = await createErpSession(erpUrl, 'svc-sync', process.env.SESSION_PASSWORD);" },
          ],
        },
      ],
    },
    {
      // `either`: the default export called with `new` or without.
      code: `import Lightspeed from '@acme/lightspeed-sdk';\nconst pos = Lightspeed({ account: { code: 'AB12', access: '${SECRET}' } });`,
      options: [{ sinks: SINKS }],
      filename: 'src/pos-sync.ts',
      errors: [
        {
          messageId: 'hardcoded', line: 2, column: 59, endLine: 2, endColumn: 93,
          data: { kind: 'token', where: 'passed to `@acme/lightspeed-sdk`', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'LIGHTSPEED_ACCESS_TOKEN' }, output: "import Lightspeed from '@acme/lightspeed-sdk';\nconst pos = Lightspeed({ account: { code: 'AB12', access: process.env.LIGHTSPEED_ACCESS_TOKEN } });" },
          ],
        },
      ],
    },
    {
      // A method of an instance of the declared export.
      code: `import { ErpClient } from '@acme/erp-client';\nconst erp = new ErpClient(erpUrl);\nawait erp.login('svc-sync', '${PASSWORD}');`,
      options: [{ sinks: SINKS }],
      filename: 'src/erp-sync.ts',
      errors: [
        {
          messageId: 'hardcoded', line: 3, column: 29, endLine: 3, endColumn: 47,
          data: { kind: 'password', where: 'passed to `ErpClient#login`', masked: 'T7…8K (16 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'ERP_PASSWORD' }, output: "import { ErpClient } from '@acme/erp-client';\nconst erp = new ErpClient(erpUrl);\nawait erp.login('svc-sync', process.env.ERP_PASSWORD);" },
          ],
        },
      ],
    },
  ],
});
