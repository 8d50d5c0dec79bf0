import rule from '../../rules/no-hardcoded-client-id.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** An Acumatica-style client id, assembled from fragments. */
const ACU_ID = ['88358B02-A48D-A50E-F710-39C1636C30F6', '@KensiumTenant'].join('');

ruleTester.run('no-hardcoded-client-id', rule, {
  valid: [
    "import * as client from 'openid-client';\nconst config = await client.discovery(server, process.env.KENSIUM_CLIENT_ID, process.env.KENSIUM_CLIENT_SECRET);",
    "const acumatica = { client_id: process.env.ACUMATICA_CLIENT_ID };",
    "const kensium = { clientId: 'YOUR_CLIENT_ID' };",
    "const kensium = { clientId: '' };",
    // Parameter names and labels are not ids.
    "const CLIENT_ID_PARAM = 'client_id';",
    "const fields = { clientIdField: 'client_id', clientIdLabel: 'Client ID' };",
    "const labels = { clientId: 'Client ID' };",
    // A GUID without the `@tenant` part, in a string that is not bound to a client-id name.
    "const correlationId = '88358B02-A48D-A50E-F710-39C1636C30F6';",
    // The client secret is another rule's business.
    `const kensium = { clientId: process.env.KENSIUM_CLIENT_ID, clientSecret: '${['Zq8vL2mN', 'x4Rt7YpK'].join('')}' };`,
    // A local `discovery` is not openid-client's.
    "function discovery(server: URL, id: string) {}\ndiscovery(server, 'pos-sync');",
    // Short dummy ids in test files.
    { code: "const body = new URLSearchParams({ client_id: 'pos-sync' });", filename: 'src/__tests__/token.test.ts' },
  ],
  invalid: [
    {
      code: "import * as client from 'openid-client';\nconst config = await client.discovery(server, 'pos-sync', process.env.KENSIUM_CLIENT_SECRET);",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 2, column: 47, endLine: 2, endColumn: 57,
          data: { kind: "client id", where: "passed to `discovery`", masked: "**** (8 chars)", reason: "a short value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_ID" }, output: "import * as client from 'openid-client';\nconst config = await client.discovery(server, process.env.POS_SYNC_CLIENT_ID, process.env.KENSIUM_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `const acumatica = { client_id: '${ACU_ID}', client_secret: process.env.ACUMATICA_CLIENT_SECRET };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 32, endLine: 1, endColumn: 84,
          data: { kind: "client id", where: "assigned to `client_id`", masked: "8835…nant (50 chars)", reason: "an Acumatica-style `<GUID>@<tenant>` client id" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_CLIENT_ID" }, output: "const acumatica = { client_id: process.env.ACUMATICA_CLIENT_ID, client_secret: process.env.ACUMATICA_CLIENT_SECRET };" },
          ],
        },
      ],
    },
    {
      code: "import { ClientSecretCredential } from '@azure/identity';\nconst credential = new ClientSecretCredential(tenantId, '04b07795-8ddb-461a-bbee-02f9e1bf7b46', process.env.AZURE_CLIENT_SECRET);",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 2, column: 57, endLine: 2, endColumn: 95,
          data: { kind: "client id", where: "passed to `ClientSecretCredential`", masked: "04b0…7b46 (36 chars)", reason: "a GUID-shaped value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "AZURE_CLIENT_ID" }, output: "import { ClientSecretCredential } from '@azure/identity';\nconst credential = new ClientSecretCredential(tenantId, process.env.AZURE_CLIENT_ID, process.env.AZURE_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: "import { OAuth2Client } from 'google-auth-library';\nconst auth = new OAuth2Client('123456789012-abcdefghijklmnopqrstuvwxyz123456.apps.googleusercontent.com', process.env.GOOGLE_CLIENT_SECRET);",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 2, column: 31, endLine: 2, endColumn: 105,
          data: { kind: "client id", where: "passed to `OAuth2Client`", masked: "1234….com (72 chars)", reason: "a Google OAuth client id" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "GOOGLE_CLIENT_ID" }, output: "import { OAuth2Client } from 'google-auth-library';\nconst auth = new OAuth2Client(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET);" },
          ],
        },
      ],
    },
    {
      code: `const body = new URLSearchParams({ grant_type: 'password', client_id: '${ACU_ID}', username, password });`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 71, endLine: 1, endColumn: 123,
          data: { kind: "client id", where: "sent as `client_id` in a request body", masked: "8835…nant (50 chars)", reason: "an Acumatica-style `<GUID>@<tenant>` client id" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "POS_SYNC_CLIENT_ID" }, output: "const body = new URLSearchParams({ grant_type: 'password', client_id: process.env.POS_SYNC_CLIENT_ID, username, password });" },
          ],
        },
      ],
    },
    {
      code: "const KENSIUM_CLIENT_ID = 'kensium-pos-sync';",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 27, endLine: 1, endColumn: 45,
          data: { kind: "client id", where: "assigned to `KENSIUM_CLIENT_ID`", masked: "ke…nc (16 chars)", reason: "a credential-shaped random value" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "KENSIUM_CLIENT_ID" }, output: "const KENSIUM_CLIENT_ID = process.env.KENSIUM_CLIENT_ID;" },
          ],
        },
      ],
    },
    {
      code: "const body = `grant_type=client_credentials&client_id=pos-sync&client_secret=${secret}`;",
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 55, endLine: 1, endColumn: 63,
          data: { kind: "client id", where: "sent as `client_id` in a query string or form body", masked: "**** (8 chars)", reason: "a short value" },
          suggestions: [],
        },
      ],
    },
    {
      code: `const acumatica = { client_id: '${ACU_ID}' };`,
      filename: "src/pos-sync.ts",
      options: [{"requireEnv":{"importPath":"#config/env"}}],
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 32, endLine: 1, endColumn: 84,
          data: { kind: "client id", where: "assigned to `client_id`", masked: "8835…nant (50 chars)", reason: "an Acumatica-style `<GUID>@<tenant>` client id" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_CLIENT_ID" }, output: "import { requireEnv } from '#config/env';\nconst acumatica = { client_id: requireEnv('ACUMATICA_CLIENT_ID') };" },
          ],
        },
      ],
    },
    {
      code: `const acumatica = { client_id: '${ACU_ID}' };`,
      filename: "src/pos-sync.ts",
      options: [{"fixToEnv":true,"envPrefix":"ERP"}],
      output: "const acumatica = { client_id: process.env.ERP_ACUMATICA_CLIENT_ID };",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 32, endLine: 1, endColumn: 84,
          data: { kind: "client id", where: "assigned to `client_id`", masked: "8835…nant (50 chars)", reason: "an Acumatica-style `<GUID>@<tenant>` client id" },
          suggestions: [],
        },
      ],
    },
    {
      code: `export const ERP_LOGIN = { tenant: 'Kensium', id: '${ACU_ID}' };`,
      filename: "src/pos-sync.ts",
      errors: [
        {
          messageId: "hardcodedClientId", line: 1, column: 51, endLine: 1, endColumn: 103,
          data: { kind: "client id", where: "written as an Acumatica `<GUID>@<tenant>` client id", masked: "8835…nant (50 chars)", reason: "an Acumatica-style `<GUID>@<tenant>` client id" },
          suggestions: [
            { messageId: "replaceWithEnv", data: { name: "ACUMATICA_CLIENT_ID" }, output: "export const ERP_LOGIN = { tenant: 'Kensium', id: process.env.ACUMATICA_CLIENT_ID };" },
          ],
        },
      ],
    },
  ],
});

/** A team's own POS SDK wrapper, declared with the `sinks` option. */
const SINKS = [
  {
    module: '@acme/kensium-sdk',
    export: 'KensiumClient',
    call: 'new',
    slots: [
      { arg: 1, kind: 'client-id', envName: 'KENSIUM_CLIENT_ID' },
      { arg: 2, kind: 'client-secret', envName: 'KENSIUM_CLIENT_SECRET' },
    ],
  },
] as const;

ruleTester.run('no-hardcoded-client-id (sinks option)', rule, {
  valid: [
    { code: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient(baseUrl, process.env.KENSIUM_CLIENT_ID, process.env.KENSIUM_CLIENT_SECRET);", options: [{ sinks: SINKS }] },
    // The base URL is no declared slot.
    { code: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient('pos-sync', process.env.KENSIUM_CLIENT_ID, process.env.KENSIUM_CLIENT_SECRET);", options: [{ sinks: SINKS }] },
    // Another package's class of the same name.
    { code: "import { KensiumClient } from '@acme/kensium-sdk-mock';\nconst pos = new KensiumClient(baseUrl, 'pos-sync', process.env.KENSIUM_CLIENT_SECRET);", options: [{ sinks: SINKS }] },
  ],
  invalid: [
    {
      code: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient(baseUrl, 'pos-sync', process.env.KENSIUM_CLIENT_SECRET);",
      options: [{ sinks: SINKS }],
      filename: 'src/pos-sync.ts',
      errors: [
        {
          messageId: 'hardcodedClientId', line: 2, column: 40, endLine: 2, endColumn: 50,
          data: { where: 'passed to `KensiumClient`', masked: '**** (8 chars)' },
          suggestions: [
            { messageId: 'replaceWithEnv', data: { name: 'KENSIUM_CLIENT_ID' }, output: "import { KensiumClient } from '@acme/kensium-sdk';\nconst pos = new KensiumClient(baseUrl, process.env.KENSIUM_CLIENT_ID, process.env.KENSIUM_CLIENT_SECRET);" },
          ],
        },
      ],
    },
  ],
});
