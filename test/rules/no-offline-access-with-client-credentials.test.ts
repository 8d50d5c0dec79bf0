import rule from '../../rules/no-offline-access-with-client-credentials.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-offline-access-with-client-credentials', rule, {
  valid: [
    "const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'pos.api' });",
    // Authorization code (Acumatica's recommended server flow) is where offline_access belongs.
    "const query = new URLSearchParams({ response_type: 'code', client_id: '88358B02-A48D-A50E-F710-39C1636C30F6@MyTenant', scope: 'api offline_access', code_challenge });",
    "const body = new URLSearchParams({ grant_type: 'authorization_code', code, scope: 'api offline_access' });",
    "const body = 'grant_type=refresh_token&scope=api%20offline_access&refresh_token=' + token;",
    "import * as client from 'openid-client';\nclient.buildAuthorizationUrl(config, { scope: 'openid offline_access', code_challenge });",
    "import * as client from 'openid-client';\nawait client.clientCredentialsGrant(config, { scope: 'pos.api' });",
    "import * as client from 'openid-client';\nawait client.refreshTokenGrant(config, refreshToken, { scope: 'api offline_access' });",
    "import KcAdminClient from '@keycloak/keycloak-admin-client';\nawait kcAdmin.auth({ grantType: 'password', clientId, username, password, offlineToken: true });",
    // Unrelated objects with a scope.
    "const job = { scope: 'offline_access docs', kind: 'docs' };",
  ],
  invalid: [
    {
      code: "const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'pos.api offline_access' });",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 1,
          column: 77,
          endLine: 1,
          endColumn: 101,
          suggestions: [{ messageId: 'removeScope', output: "const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'pos.api' });" }],
        },
      ],
    },
    {
      code: "const body = new URLSearchParams();\nbody.set('grant_type', 'client_credentials');\nbody.set('scope', 'offline_access ros');",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 39,
          suggestions: [{ messageId: 'removeScope', output: "const body = new URLSearchParams();\nbody.set('grant_type', 'client_credentials');\nbody.set('scope', 'ros');" }],
        },
      ],
    },
    {
      code: "await axios.post(tokenUrl, 'grant_type=client_credentials&scope=ros+offline_access', { auth });",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 1,
          column: 28,
          endLine: 1,
          endColumn: 84,
          suggestions: [{ messageId: 'removeScope', output: "await axios.post(tokenUrl, 'grant_type=client_credentials&scope=ros', { auth });" }],
        },
      ],
    },
    {
      code: "import * as client from 'openid-client';\nawait client.clientCredentialsGrant(config, { scope: 'pos.api offline_access' });",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 2,
          column: 54,
          endLine: 2,
          endColumn: 78,
          suggestions: [{ messageId: 'removeScope', output: "import * as client from 'openid-client';\nawait client.clientCredentialsGrant(config, { scope: 'pos.api' });" }],
        },
      ],
    },
    {
      code: "import * as oauth from 'oauth4webapi';\nconst params = new URLSearchParams({ scope: 'offline_access pos.api' });\nawait oauth.clientCredentialsGrantRequest(as, c, auth, params);",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 2,
          column: 45,
          endLine: 2,
          endColumn: 69,
          suggestions: [{ messageId: 'removeScope', output: "import * as oauth from 'oauth4webapi';\nconst params = new URLSearchParams({ scope: 'pos.api' });\nawait oauth.clientCredentialsGrantRequest(as, c, auth, params);" }],
        },
      ],
    },
    {
      code: "import { ConfidentialClientApplication } from '@azure/msal-node';\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default', 'offline_access'] });",
      errors: [
        {
          messageId: 'offlineAccess',
          line: 2,
          column: 93,
          endLine: 2,
          endColumn: 109,
          suggestions: [{ messageId: 'removeScope', output: "import { ConfidentialClientApplication } from '@azure/msal-node';\nawait cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });" }],
        },
      ],
    },
    {
      code: "const SCOPE = 'api offline_access';\nconst form = { grantType: 'client_credentials', clientId, clientSecret, scope: SCOPE };",
      errors: [{ messageId: 'offlineAccess', line: 2, column: 80, endLine: 2, endColumn: 85, suggestions: [] }],
    },
    {
      code: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nawait kcAdmin.auth({ grantType: 'client_credentials', clientId, clientSecret, offlineToken: true });",
      errors: [
        {
          messageId: 'offlineToken',
          line: 2,
          column: 79,
          endLine: 2,
          endColumn: 97,
          suggestions: [{ messageId: 'removeOfflineToken', output: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nawait kcAdmin.auth({ grantType: 'client_credentials', clientId, clientSecret });" }],
        },
      ],
    },
  ],
});
