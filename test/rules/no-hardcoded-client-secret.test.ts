import rule from '../../rules/no-hardcoded-client-secret.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** Fake secrets are assembled from fragments so that no whole one sits in the repository as one literal. */
const SECRET = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');
const GOOGLE = ['GOCSPX-', 'Ab3dEf6hIj9k', 'Lm2nOp5qRs8tUv1w'].join('');

ruleTester.run('no-hardcoded-client-secret', rule, {
  valid: [
    // Read from the environment or a secret store: nothing is hard-coded.
    "const kensium = { clientId: process.env.KENSIUM_CLIENT_ID, clientSecret: process.env.KENSIUM_CLIENT_SECRET };",
    "import * as client from 'openid-client';\nconst config = await client.discovery(server, requireEnv('KENSIUM_CLIENT_ID'), requireEnv('KENSIUM_CLIENT_SECRET'));",
    "import { ClientSecretCredential } from '@azure/identity';\nconst credential = new ClientSecretCredential(tenantId, clientId, await vault.getSecret('acumatica-client-secret'));",
    // Empty values and placeholders.
    "const kensium = { clientSecret: '' };",
    "const kensium = { clientSecret: 'YOUR_CLIENT_SECRET' };",
    "const kensium = { clientSecret: '<client-secret>' };",
    "const kensium = { clientSecret: '${KENSIUM_CLIENT_SECRET}' };",
    // Names that only mention a secret.
    "const kensium = { clientSecretPath: '/run/secrets/kensium', clientSecretEnv: 'KENSIUM_CLIENT_SECRET' };",
    // A label that repeats its own name, and a parameter name held in a constant.
    "const labels = { clientSecret: 'Client secret' };",
    "const CLIENT_SECRET_PARAM = 'client_secret';",
    // A discriminator map from auth method to class name (generated SDK models).
    "const mapping = { client_secret_post: 'InlineHookOAuthClientSecretConfig', client_secret_basic: 'ClientSecretBasicConfig' };",
    // A local function that happens to be called `discovery` is not the openid-client sink.
    `function discovery(server: URL, id: string, secret: string) {}\ndiscovery(server, 'pos-sync', '${SECRET}');`,
    // The third argument of openid-client `discovery` is only the secret when it is a string.
    "import * as client from 'openid-client';\nconst config = await client.discovery(server, clientId, { token_endpoint_auth_method: 'private_key_jwt' });",
    // A Basic header built from variables only, and a query string whose secret is interpolated.
    "const headers = { Authorization: 'Basic ' + Buffer.from(`${clientId}:${clientSecret}`).toString('base64') };",
    "const body = `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`;",
    "const body = new URLSearchParams();\nbody.set('client_secret', process.env.KENSIUM_CLIENT_SECRET ?? '');",
    // `auth` on a request that is not a token request is not a client secret (no-hardcoded-credentials covers passwords).
    "import axios from 'axios';\nawait axios.get('https://erp.example.com/entity/Default/24.200.001/StockItem', { auth: { username, password } });",
    // Catalogued sinks fed from the environment.
    "import { Strategy as OAuth2Strategy } from 'passport-oauth2';\npassport.use(new OAuth2Strategy({ authorizationURL, tokenURL, clientID: process.env.ERP_CLIENT_ID, clientSecret: process.env.ERP_CLIENT_SECRET, callbackURL }, verify));",
    "const { OAuth2 } = require('oauth');\nconst oauth2 = new OAuth2(clientId, process.env.ERP_CLIENT_SECRET, 'https://erp.example.com/', null, 'oauth2/token', null);",
    "import { AuthenticationClient } from 'auth0';\nconst auth0 = new AuthenticationClient({ domain, clientId, clientSecret: process.env.AUTH0_CLIENT_SECRET });",
    "import Keycloak from 'keycloak-connect';\nconst keycloak = new Keycloak({ store }, { realm: 'pos', resource: process.env.KEYCLOAK_CLIENT_ID, credentials: { secret: process.env.KEYCLOAK_CLIENT_SECRET } });",
    "import { ConfidentialClientApplication } from '@azure/msal-node';\nconst msalConfig = { auth: { clientId, authority, clientSecret: process.env.AZURE_CLIENT_SECRET } };\nconst cca = new ConfidentialClientApplication(msalConfig);",
    // A local class named like a sink is not one.
    "class OAuth2 { constructor(id: string, secret: string) {} }\nconst oauth2 = new OAuth2('pos-sync', 'hunter2');",
    // Obvious dummies in test files.
    { code: "const kensium = { clientSecret: 'test-secret' };", filename: 'src/__tests__/kensium.test.ts' },
    { code: "const kensium = { clientSecret: 'secret' };", filename: 'test/kensium.spec.ts' },
    { code: "const kensium = { clientSecret: 'fake' };", filename: 'checks/kensium.ts', options: [{ testFilePatterns: ['checks/**'] }] },
    // A metadata schema's types, not values (jsforce).
    "export const schema = { AuthProvider: { props: { consumerKey: '?string', consumerSecret: '?string', passwordPolicies: '?PasswordPolicies' } } };",
    // The env var's name where its value goes, in a documented or tested token request.
    "const body = 'grant_type=client_credentials&client_id=OAUTH_CLIENT_ID&client_secret=OAUTH_CLIENT_SECRET';",
    // Helpers and mock servers only tests load.
    { code: "export const testAuth = { socialProviders: { github: { clientId: 'test', clientSecret: 'test' } } };", filename: 'src/test-utils/test-instance.ts' },
    { code: "http.post('https://pos.example.com/oauth/token', () => HttpResponse.json({ ok: true }));\nexport const posApp = { clientSecret: 'mock-secret' };", filename: 'src/mocks/handlers.ts' },
  ],
  invalid: [
    {
      code: `import * as client from 'openid-client';\nconst config = await client.discovery(new URL('https://pos.kensium.example'), 'pos-sync', '${SECRET}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 91, endLine: 2, endColumn: 125,
          data: { kind: "client secret", where: "passed to `discovery`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import * as client from 'openid-client';\nconst config = await client.discovery(new URL('https://pos.kensium.example'), 'pos-sync', process.env.POS_SYNC_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `import { discovery } from 'openid-client';\nconst kensium = await discovery(issuer, clientId, { client_secret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 68, endLine: 2, endColumn: 102,
          data: { kind: "client secret", where: "passed to `discovery`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "import { discovery } from 'openid-client';\nconst kensium = await discovery(issuer, clientId, { client_secret: process.env.KENSIUM_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `import { Configuration } from 'openid-client';\nconst config = new Configuration(metadata, clientId, '${SECRET}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 54, endLine: 2, endColumn: 88,
          data: { kind: "client secret", where: "passed to `Configuration`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import { Configuration } from 'openid-client';\nconst config = new Configuration(metadata, clientId, process.env.POS_SYNC_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `import * as oauth from 'oauth4webapi';\nconst clientAuth = oauth.ClientSecretBasic('${SECRET}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 44, endLine: 2, endColumn: 78,
          data: { kind: "client secret", where: "passed to `ClientSecretBasic`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import * as oauth from 'oauth4webapi';\nconst clientAuth = oauth.ClientSecretBasic(process.env.POS_SYNC_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `import { ClientCredentials } from 'simple-oauth2';\nconst acumatica = new ClientCredentials({ client: { id: clientId, secret: '${SECRET}' }, auth: { tokenHost } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 75, endLine: 2, endColumn: 109,
          data: { kind: "client secret", where: "passed to `ClientCredentials`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_CLIENT_SECRET" }, output: "import { ClientCredentials } from 'simple-oauth2';\nconst acumatica = new ClientCredentials({ client: { id: clientId, secret: process.env.ACUMATICA_CLIENT_SECRET }, auth: { tokenHost } });" },
          ],
        },
      ],
    },
    {
      code: `import { ConfidentialClientApplication } from '@azure/msal-node';\nconst cca = new ConfidentialClientApplication({ auth: { clientId, authority, clientSecret: '${SECRET}' } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 92, endLine: 2, endColumn: 126,
          data: { kind: "client secret", where: "passed to `ConfidentialClientApplication`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AZURE_CLIENT_SECRET" }, output: "import { ConfidentialClientApplication } from '@azure/msal-node';\nconst cca = new ConfidentialClientApplication({ auth: { clientId, authority, clientSecret: process.env.AZURE_CLIENT_SECRET } });" },
          ],
        },
      ],
    },
    {
      code: "import { ClientSecretCredential } from '@azure/identity';\nconst credential = new ClientSecretCredential(tenantId, clientId, 'abc123');",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 2, column: 67, endLine: 2, endColumn: 75,
          data: { kind: "client secret", where: "passed to `ClientSecretCredential`", masked: "**** (6 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AZURE_CLIENT_SECRET" }, output: "import { ClientSecretCredential } from '@azure/identity';\nconst credential = new ClientSecretCredential(tenantId, clientId, process.env.AZURE_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `const { google } = require('googleapis');\nconst auth = new google.auth.OAuth2(clientId, '${GOOGLE}', redirectUri);`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 47, endLine: 2, endColumn: 84,
          data: { kind: "client secret", where: "passed to `google.auth.OAuth2`", masked: "GOCS…Uv1w (35 chars)", reason: "a Google OAuth client secret" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "GOOGLE_CLIENT_SECRET" }, output: "const { google } = require('googleapis');\nconst auth = new google.auth.OAuth2(clientId, process.env.GOOGLE_CLIENT_SECRET, redirectUri);" },
          ],
        },
      ],
    },
    {
      code: `import GitHub from 'next-auth/providers/github';\nexport const providers = [GitHub({ clientId, clientSecret: '${SECRET}' })];`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 60, endLine: 2, endColumn: 94,
          data: { kind: "client secret", where: "passed to `the Auth.js provider`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AUTH_GITHUB_SECRET" }, output: "import GitHub from 'next-auth/providers/github';\nexport const providers = [GitHub({ clientId, clientSecret: process.env.AUTH_GITHUB_SECRET })];" },
          ],
        },
      ],
    },
    {
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client';\nconst kcAdmin = new KcAdminClient({ baseUrl });\nawait kcAdmin.auth({ grantType: 'client_credentials', clientId: 'pos-sync', clientSecret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 3, column: 91, endLine: 3, endColumn: 125,
          data: { kind: "client secret", where: "passed to `KeycloakAdminClient.auth`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KEYCLOAK_CLIENT_SECRET" }, output: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nconst kcAdmin = new KcAdminClient({ baseUrl });\nawait kcAdmin.auth({ grantType: 'client_credentials', clientId: 'pos-sync', clientSecret: process.env.KEYCLOAK_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `import { Issuer } from 'openid-client';\nconst issuer = await Issuer.discover(url);\nconst client = new issuer.Client({ client_id: clientId, client_secret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 3, column: 72, endLine: 3, endColumn: 106,
          data: { kind: "client secret", where: "passed to `issuer.Client`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import { Issuer } from 'openid-client';\nconst issuer = await Issuer.discover(url);\nconst client = new issuer.Client({ client_id: clientId, client_secret: process.env.POS_SYNC_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `import * as client from 'openid-client';\nconst KENSIUM_CLIENT_SECRET = '${SECRET}';\nconst config = await client.discovery(server, clientId, KENSIUM_CLIENT_SECRET);`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 31, endLine: 2, endColumn: 65,
          data: { kind: "client secret", where: "passed to `discovery`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "import * as client from 'openid-client';\nconst KENSIUM_CLIENT_SECRET = process.env.KENSIUM_CLIENT_SECRET;\nconst config = await client.discovery(server, clientId, KENSIUM_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `const erp = { clientSecret: \`${SECRET}\` };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 29, endLine: 1, endColumn: 63,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ERP_CLIENT_SECRET" }, output: "const erp = { clientSecret: process.env.ERP_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: "const erp = { clientSecret: 'Zq8vL2mNx4Rt7YpK' + 'w1Bs9DfH3JcA0eUg' };",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 29, endLine: 1, endColumn: 68,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ERP_CLIENT_SECRET" }, output: "const erp = { clientSecret: process.env.ERP_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}' as const };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}' } satisfies Record<string, string>;`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET } satisfies Record<string, string>;" },
          ],
        },
      ],
    },
    {
      code: `function connect({ clientSecret = '${SECRET}' } = {}) {}`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 35, endLine: 1, endColumn: 69,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "function connect({ clientSecret = process.env.POS_SYNC_CLIENT_SECRET } = {}) {}" },
          ],
        },
      ],
    },
    {
      code: `function connect(clientSecret = '${SECRET}') {}`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "function connect(clientSecret = process.env.POS_SYNC_CLIENT_SECRET) {}" },
          ],
        },
      ],
    },
    {
      code: `class AcumaticaClient {\n  private clientSecret = '${SECRET}';\n}`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 26, endLine: 2, endColumn: 60,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_CLIENT_SECRET" }, output: "class AcumaticaClient {\n  private clientSecret = process.env.ACUMATICA_CLIENT_SECRET;\n}" },
          ],
        },
      ],
    },
    {
      code: `this.clientSecret = '${SECRET}';`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 21, endLine: 1, endColumn: 55,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "this.clientSecret = process.env.POS_SYNC_CLIENT_SECRET;" },
          ],
        },
      ],
    },
    {
      code: `const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 106, endLine: 1, endColumn: 140,
          data: { kind: "client secret", where: "sent as `client_secret` in a request body", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: process.env.POS_SYNC_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `const body = new URLSearchParams();\nbody.set('client_secret', '${SECRET}');`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 27, endLine: 2, endColumn: 61,
          data: { kind: "client secret", where: "sent as `client_secret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "const body = new URLSearchParams();\nbody.set('client_secret', process.env.POS_SYNC_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `const body = \`grant_type=client_credentials&client_id=\${clientId}&client_secret=${SECRET}\`;`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 81, endLine: 1, endColumn: 113,
          data: { kind: "client secret", where: "sent as `client_secret` in a query string or form body", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: "await fetch(tokenUrl, { method: 'POST', body: JSON.stringify({ clientId, clientSecret: 'hunter2' }) });",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 1, column: 88, endLine: 1, endColumn: 97,
          data: { kind: "client secret", where: "sent as `clientSecret` in a request body", masked: "**** (7 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "await fetch(tokenUrl, { method: 'POST', body: JSON.stringify({ clientId, clientSecret: process.env.POS_SYNC_CLIENT_SECRET }) });" },
          ],
        },
      ],
    },
    {
      code: `const headers = { Authorization: 'Basic ' + Buffer.from(\`\${clientId}:${SECRET}\`).toString('base64') };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 70, endLine: 1, endColumn: 102,
          data: { kind: "client secret", where: "encoded into a `Basic` authorization header", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const POS_CLIENT_ID = process.env.POS_CLIENT_ID!;\nexport const headers = { Authorization: 'Basic ' + Buffer.from(POS_CLIENT_ID + ':' + '${SECRET}').toString('base64') };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 86, endLine: 2, endColumn: 120,
          data: { kind: "client secret", where: "encoded into a `Basic` authorization header", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "const POS_CLIENT_ID = process.env.POS_CLIENT_ID!;\nexport const headers = { Authorization: 'Basic ' + Buffer.from(POS_CLIENT_ID + ':' + process.env.POS_SYNC_CLIENT_SECRET).toString('base64') };" },
          ],
        },
      ],
    },
    {
      code: `const authorization = \`Basic \${btoa(clientId + ':${SECRET}')}\`;`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 50, endLine: 1, endColumn: 82,
          data: { kind: "client secret", where: "encoded into a `Basic` authorization header", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `import axios from 'axios';\nawait axios.post('https://erp.example.com/identity/connect/token', body, { auth: { username: clientId, password: '${SECRET}' } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 114, endLine: 2, endColumn: 148,
          data: { kind: "client secret", where: "sent as the client secret of a token request", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import axios from 'axios';\nawait axios.post('https://erp.example.com/identity/connect/token', body, { auth: { username: clientId, password: process.env.POS_SYNC_CLIENT_SECRET } });" },
          ],
        },
      ],
    },
    {
      code: "const kensium = { clientSecret: 'secret' };",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedWeak", line: 1, column: 33, endLine: 1, endColumn: 41,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "**** (6 chars)", reason: "a dictionary or dummy value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.ts",
      options: [{"envPrefix":"POS"}],
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_KENSIUM_CLIENT_SECRET" }, output: "const kensium = { clientSecret: process.env.POS_KENSIUM_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `import { helper } from './helper.js';\nconst kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.ts",
      options: [{"requireEnv":{"importPath":"./env.js"}}],
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 33, endLine: 2, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "import { helper } from './helper.js';\nimport { requireEnv } from './env.js';\nconst kensium = { clientSecret: requireEnv('KENSIUM_CLIENT_SECRET') };" },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios';\nconst kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.ts",
      options: [{"requireEnv":{"importPath":"./env.js","helperName":"mustEnv"},"fixToEnv":true}],
      output: "import axios from 'axios';\nimport { mustEnv } from './env.js';\nconst kensium = { clientSecret: mustEnv('KENSIUM_CLIENT_SECRET') };",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 33, endLine: 2, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.ts",
      options: [{"fixToEnv":true}],
      output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `'use client';\nconst kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 33, endLine: 2, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}', other: process.env.KENSIUM_CLIENT_SECRET };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET_2" }, output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET_2, other: process.env.KENSIUM_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `const kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/__tests__/kensium.test.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "const kensium = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `export const testAuth = { github: { clientId: 'test', clientSecret: '${SECRET}' } };`,
      filename: "src/test-utils/test-instance.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 69, endLine: 1, endColumn: 103,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "GITHUB_CLIENT_SECRET" }, output: "export const testAuth = { github: { clientId: 'test', clientSecret: process.env.GITHUB_CLIENT_SECRET } };" },
          ],
        },
      ],
    },
    {
      code: `const config = { client_secret: '${GOOGLE}' };`,
      filename: "test/google.test.ts",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 33, endLine: 1, endColumn: 70,
          data: { kind: "client secret", where: "assigned to `client_secret`", masked: "GOCS…Uv1w (35 chars)", reason: "a Google OAuth client secret" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "GOOGLE_CLIENT_SECRET" }, output: "const config = { client_secret: process.env.GOOGLE_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: `<KensiumProvider clientSecret="${SECRET}" />;`,
      filename: "src/server.tsx",
      errors: [
        {
          messageId: "hardcoded", line: 1, column: 31, endLine: 1, endColumn: 65,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_SECRET" }, output: "<KensiumProvider clientSecret={process.env.KENSIUM_CLIENT_SECRET} />;" },
          ],
        },
      ],
    },
    {
      code: `import superagent from 'superagent';\nconst res = await superagent.post('https://pos.kensium.example/connect/token').type('form').auth(clientId, '${SECRET}').send({ grant_type: 'client_credentials' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 108, endLine: 2, endColumn: 142,
          data: { kind: "client secret", where: "sent as the client secret of a token request", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import superagent from 'superagent';\nconst res = await superagent.post('https://pos.kensium.example/connect/token').type('form').auth(clientId, process.env.POS_SYNC_CLIENT_SECRET).send({ grant_type: 'client_credentials' });" },
          ],
        },
      ],
    },
    {
      code: `const axios = require('axios');\nconst kensium = { clientSecret: '${SECRET}' };`,
      filename: "src/pos-sync.js",
      languageOptions: { parserOptions: {"sourceType":"script"} },
      options: [{"fixToEnv":true,"requireEnv":{"importPath":"./env.js"}}],
      output: "const { requireEnv } = require('./env.js');\nconst axios = require('axios');\nconst kensium = { clientSecret: requireEnv('KENSIUM_CLIENT_SECRET') };",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 33, endLine: 2, endColumn: 67,
          data: { kind: "client secret", where: "assigned to `clientSecret`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `import { Strategy as OAuth2Strategy } from 'passport-oauth2';\npassport.use(new OAuth2Strategy({ authorizationURL, tokenURL, clientID: process.env.ERP_CLIENT_ID, clientSecret: '${SECRET}', callbackURL }, verify));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 114, endLine: 2, endColumn: 148,
          data: { kind: "client secret", where: "passed to `OAuth2Strategy`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import { Strategy as OAuth2Strategy } from 'passport-oauth2';\npassport.use(new OAuth2Strategy({ authorizationURL, tokenURL, clientID: process.env.ERP_CLIENT_ID, clientSecret: process.env.POS_SYNC_CLIENT_SECRET, callbackURL }, verify));" },
          ],
        },
      ],
    },
    {
      code: `const { OAuth2 } = require('oauth');\nconst oauth2 = new OAuth2(clientId, '${SECRET}', 'https://erp.example.com/', null, 'oauth2/token', null);`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 37, endLine: 2, endColumn: 71,
          data: { kind: "client secret", where: "passed to `OAuth2`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "const { OAuth2 } = require('oauth');\nconst oauth2 = new OAuth2(clientId, process.env.POS_SYNC_CLIENT_SECRET, 'https://erp.example.com/', null, 'oauth2/token', null);" },
          ],
        },
      ],
    },
    {
      code: `import { AuthenticationClient } from 'auth0';\nconst auth0 = new AuthenticationClient({ domain, clientId, clientSecret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 74, endLine: 2, endColumn: 108,
          data: { kind: "client secret", where: "passed to `AuthenticationClient`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AUTH0_CLIENT_SECRET" }, output: "import { AuthenticationClient } from 'auth0';\nconst auth0 = new AuthenticationClient({ domain, clientId, clientSecret: process.env.AUTH0_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `import { auth } from 'express-openid-connect';\napp.use(auth({ issuerBaseURL, baseURL, clientID, clientSecret: '${SECRET}', secret: process.env.SESSION_SECRET }));`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 64, endLine: 2, endColumn: 98,
          data: { kind: "client secret", where: "passed to `auth`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_SECRET" }, output: "import { auth } from 'express-openid-connect';\napp.use(auth({ issuerBaseURL, baseURL, clientID, clientSecret: process.env.POS_SYNC_CLIENT_SECRET, secret: process.env.SESSION_SECRET }));" },
          ],
        },
      ],
    },
    {
      code: `import Keycloak from 'keycloak-connect';\nconst keycloak = new Keycloak({ store }, { realm: 'pos', 'auth-server-url': url, resource: 'pos-sync', credentials: { secret: '${SECRET}' } });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 127, endLine: 2, endColumn: 161,
          data: { kind: "client secret", where: "passed to `Keycloak`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KEYCLOAK_CLIENT_SECRET" }, output: "import Keycloak from 'keycloak-connect';\nconst keycloak = new Keycloak({ store }, { realm: 'pos', 'auth-server-url': url, resource: 'pos-sync', credentials: { secret: process.env.KEYCLOAK_CLIENT_SECRET } });" },
          ],
        },
      ],
    },
    {
      code: `import ClientOAuth2 from 'client-oauth2';\nconst erpAuth = new ClientOAuth2({ clientId, clientSecret: '${SECRET}', accessTokenUri });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 60, endLine: 2, endColumn: 94,
          data: { kind: "client secret", where: "passed to `ClientOAuth2`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ERP_CLIENT_SECRET" }, output: "import ClientOAuth2 from 'client-oauth2';\nconst erpAuth = new ClientOAuth2({ clientId, clientSecret: process.env.ERP_CLIENT_SECRET, accessTokenUri });" },
          ],
        },
      ],
    },
    {
      code: `import { OAuth2Client } from '@badgateway/oauth2-client';\nconst erp = new OAuth2Client({ server, clientId, clientSecret: '${SECRET}' });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 64, endLine: 2, endColumn: 98,
          data: { kind: "client secret", where: "passed to `OAuth2Client`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ERP_CLIENT_SECRET" }, output: "import { OAuth2Client } from '@badgateway/oauth2-client';\nconst erp = new OAuth2Client({ server, clientId, clientSecret: process.env.ERP_CLIENT_SECRET });" },
          ],
        },
      ],
    },
    {
      code: `import { ConfidentialClientApplication } from '@azure/msal-node';\nconst msalConfig = { auth: { clientId, authority, clientSecret: '${SECRET}' } };\nconst cca = new ConfidentialClientApplication(msalConfig);`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcoded", line: 2, column: 65, endLine: 2, endColumn: 99,
          data: { kind: "client secret", where: "passed to `ConfidentialClientApplication`", masked: "Zq8v…0eUg (32 chars)", reason: "a base64-encoded random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AZURE_CLIENT_SECRET" }, output: "import { ConfidentialClientApplication } from '@azure/msal-node';\nconst msalConfig = { auth: { clientId, authority, clientSecret: process.env.AZURE_CLIENT_SECRET } };\nconst cca = new ConfidentialClientApplication(msalConfig);" },
          ],
        },
      ],
    },
  ],
});

/** A team's own POS and ERP SDK wrappers, declared with the `sinks` option. */
const SINKS = [
  {
    module: '@acme/kensium-sdk',
    export: 'KensiumClient',
    call: 'new',
    slots: [
      { arg: 0, property: 'oauth.clientId', kind: 'client-id' },
      { arg: 0, property: 'oauth.key', kind: 'client-secret', envName: 'KENSIUM_CLIENT_SECRET' },
    ],
  },
  {
    module: ['@acme/erp-client', '@acme/erp-client-legacy'],
    export: 'erp.createSession',
    slots: [
      { arg: 1, kind: 'client-id' },
      { arg: 2, kind: 'client-secret' },
    ],
  },
] as const;

ruleTester.run('no-hardcoded-client-secret (sinks option)', rule, {
  valid: [
    // The declared slot read from the environment, or holding a placeholder.
    { code: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: process.env.KENSIUM_CLIENT_SECRET } });", options: [{ sinks: SINKS }] },
    { code: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: 'YOUR_CLIENT_SECRET' } });", options: [{ sinks: SINKS }] },
    // The same call from another module is not the declared sink.
    { code: `import { KensiumClient } from '@acme/kensium-mock';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });`, options: [{ sinks: SINKS }] },
    // Without the option, a `key` is no client secret.
    `import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });`,
    // Declared with `new`: a plain call is another API.
    { code: `import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });`, options: [{ sinks: SINKS }] },
    // An argument no slot declares (the fourth: a tenant name).
    { code: `import { erp } from '@acme/erp-client';\nconst session = await erp.createSession(url, clientId, process.env.ERP_CLIENT_SECRET, '${SECRET}');`, options: [{ sinks: SINKS }] },
    // A local function of the same name.
    { code: `const erp = { createSession(url: string, id: string, secret: string) {} };\nerp.createSession(url, 'svc-sync', '${SECRET}');`, options: [{ sinks: SINKS }] },
  ],
  invalid: [
    {
      code: `import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });`,
      options: [{ sinks: SINKS }],
      filename: 'src/pos-sync.ts',
      errors: [
        {
          messageId: 'hardcoded', line: 2, column: 66, endLine: 2, endColumn: 100,
          data: { kind: 'client secret', where: 'passed to `KensiumClient`', masked: 'Zq8v…0eUg (32 chars)', reason: 'a base64-encoded random value' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'KENSIUM_CLIENT_SECRET' }, output: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient({ baseUrl, oauth: { clientId, key: process.env.KENSIUM_CLIENT_SECRET } });" },
          ],
        },
      ],
    },
    {
      // A weak value at a declared slot is still reported, as at a catalogued sink; a subpath of a declared module matches.
      code: "import { erp } from '@acme/erp-client-legacy/v1';\nconst session = await erp.createSession(url, clientId, 'hunter22');",
      options: [{ sinks: SINKS }],
      filename: 'src/erp-sync.ts',
      errors: [
        {
          messageId: 'hardcodedWeak', line: 2, column: 56, endLine: 2, endColumn: 66,
          data: { kind: 'client secret', where: 'passed to `erp.createSession`', masked: '**** (8 chars)', reason: 'a dictionary or dummy value' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'SESSION_CLIENT_SECRET' }, output: "import { erp } from '@acme/erp-client-legacy/v1';\nconst session = await erp.createSession(url, clientId, process.env.SESSION_CLIENT_SECRET);" },
          ],
        },
      ],
    },
  ],
});
