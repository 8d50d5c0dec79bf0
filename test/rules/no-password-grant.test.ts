import rule from '../../rules/no-password-grant.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-password-grant', rule, {
  valid: [
    // Client credentials: the grant the POS documents for server integrations.
    "const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'pos.api' });",
    "params.set('grant_type', 'client_credentials');",
    "const body = 'grant_type=client_credentials&scope=pos.api';",
    // A password field that is not a grant type.
    "const form = { grant_type: 'authorization_code', code, password_hint: 'password' };",
    // The enum's other member, a numeric enum, and an enum declared twice (merged: not followed).
    "enum GrantType { ClientCredentials = 'client_credentials', Password = 'password' }\nconst body = new URLSearchParams({ grant_type: GrantType.ClientCredentials });",
    "enum Grant { Password, Code }\nconst body = { grant_type: Grant.Password };",
    "const label = 'grant_type is password-protected';",
    // A local class that happens to share a library name.
    "class ResourceOwnerPassword {} new ResourceOwnerPassword();",
    "import { ClientCredentials } from 'simple-oauth2'; new ClientCredentials(config);",
    "import { UsernamePasswordCredential } from './local-credentials'; new UsernamePasswordCredential('t', 'c', 'u', 'p');",
    "import * as client from 'openid-client'; await client.genericGrantRequest(config, 'urn:ietf:params:oauth:grant-type:token-exchange', params);",
    "import * as oauth from 'oauth4webapi'; await oauth.genericTokenEndpointRequest(as, c, auth, 'client_credentials', params);",
    // Instance methods are matched only in files that use the library.
    "const result = await pca.acquireTokenByUsernamePassword(request);",
    "import { ConfidentialClientApplication } from '@azure/msal-node'; await cca.acquireTokenByClientCredential({ scopes });",
    "await github.owner.getToken('user', 'pass');",
    "import ClientOAuth2 from 'client-oauth2'; await github.credentials.getToken();",
    "import { OAuth2Client } from '@badgateway/oauth2-client'; await client.clientCredentials();",
    "await form.password({ username, password });",
    // The module named in a comment or a string is not an import.
    "// delivery channels: 'sms', 'voice', or 'auth0'\nawait api.oauth.passwordGrant({ username, password });",
    "import { AuthenticationClient } from 'auth0'; await auth.oauth.clientCredentialsGrant({ audience });",
    "import KcAdminClient from '@keycloak/keycloak-admin-client'; await kcAdmin.auth({ grantType: 'client_credentials', clientId, clientSecret });",
    // A non-login /entity/ path is an API call, not a sign-in (the /identity/connect/token path alone is covered among the invalid cases).
    "fetch('https://erp.example.com/entity/Default/22.200.001/SalesOrder', { headers });",
    "if (url.endsWith('/entity/auth/login')) retry();",
  ],
  invalid: [
    {
      code: "const body = new URLSearchParams({ grant_type: 'password', username, password });\nawait fetch(`${vaultUrl}/identity/connect/token`, { method: 'POST', body });",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 48, endLine: 1, endColumn: 58, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "const body = new URLSearchParams({ grant_type: 'password', username, password, scope: 'api' });",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 48, endLine: 1, endColumn: 58, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "await axios.post(tokenUrl, { grantType: 'password', clientId, username, password });",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 41, endLine: 1, endColumn: 51, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "const request = { grant_type: 'password' as const, username, password } satisfies TokenRequest;",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 31, endLine: 1, endColumn: 50, data: { form: 'grant_type `password`' } }],
    },
    {
      // A string enum of grant types (NestJS style) and a frozen constants object.
      code: "enum GrantType { ClientCredentials = 'client_credentials', Password = 'password' }\nconst body = new URLSearchParams({ grant_type: GrantType.Password, username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 48, endLine: 2, endColumn: 66, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "const GRANTS = Object.freeze({ PASSWORD: 'password' });\nbody.append('grant_type', GRANTS.PASSWORD);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 27, endLine: 2, endColumn: 42, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "const GRANT = 'password';\nbody.append('grant_type', GRANT);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 27, endLine: 2, endColumn: 32, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "await auth.oauth.token({ grant_type: 'http://auth0.com/oauth/grant-type/password-realm', realm: 'staff' });",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 38, endLine: 1, endColumn: 88, data: { form: 'grant_type `http://auth0.com/oauth/grant-type/password-realm`' } }],
    },
    {
      code: 'const body = `grant_type=password&username=${user}&password=${pass}&client_id=${id}`;',
      errors: [{ messageId: 'passwordGrant', line: 1, column: 14, endLine: 1, endColumn: 85, data: { form: '`grant_type=password`' } }],
    },
    {
      code: "const body = 'grant_type=password&username=' + user + '&password=' + pass;",
      errors: [{ messageId: 'passwordGrant', line: 1, column: 14, endLine: 1, endColumn: 74, data: { form: '`grant_type=password`' } }],
    },
    {
      code: "const issuer = await Issuer.discover(url);\nconst tokens = await issuer.client.grant({ grant_type: 'password', username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 56, endLine: 2, endColumn: 66, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "import * as client from 'openid-client';\nawait client.genericGrantRequest(config, 'password', { username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 42, endLine: 2, endColumn: 52, data: { form: 'openid-client `genericGrantRequest`' } }],
    },
    {
      code: "import * as oauth from 'oauth4webapi';\nawait oauth.genericTokenEndpointRequest(as, c, auth, 'password', params);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 54, endLine: 2, endColumn: 64, data: { form: 'oauth4webapi `genericTokenEndpointRequest`' } }],
    },
    {
      code: "const { ResourceOwnerPassword } = require('simple-oauth2');\nconst client = new ResourceOwnerPassword(config);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 20, endLine: 2, endColumn: 41, data: { form: 'simple-oauth2 `ResourceOwnerPassword`' } }],
    },
    {
      code: "import { UsernamePasswordCredential } from '@azure/identity';\nconst credential = new UsernamePasswordCredential(tenantId, clientId, user, pass);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 24, endLine: 2, endColumn: 50, data: { form: '@azure/identity `UsernamePasswordCredential`' } }],
    },
    {
      code: "import { PublicClientApplication } from '@azure/msal-node';\nconst result = await pca.acquireTokenByUsernamePassword(request);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 22, endLine: 2, endColumn: 56, data: { form: 'MSAL `acquireTokenByUsernamePassword`' } }],
    },
    {
      code: "import ClientOAuth2 from 'client-oauth2';\nconst token = await github.owner.getToken(user, pass);",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 21, endLine: 2, endColumn: 42, data: { form: 'client-oauth2 `owner.getToken`' } }],
    },
    {
      code: "import { OAuth2Client } from '@badgateway/oauth2-client';\nconst token = await client.password({ username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 21, endLine: 2, endColumn: 36, data: { form: '@badgateway/oauth2-client `password()`' } }],
    },
    {
      code: "import { AuthenticationClient } from 'auth0';\nconst { data } = await auth.oauth.passwordGrant({ username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 24, endLine: 2, endColumn: 48, data: { form: 'auth0 `passwordGrant`' } }],
    },
    {
      code: "import KcAdminClient from '@keycloak/keycloak-admin-client';\nawait kcAdmin.auth({ grantType: 'password', clientId: 'admin-cli', username, password });",
      errors: [{ messageId: 'passwordGrant', line: 2, column: 33, endLine: 2, endColumn: 43, data: { form: 'grant_type `password`' } }],
    },
    // Acumatica: the GUID@Tenant client id makes the message explain the authorization-code route.
    {
      code: "const body = new URLSearchParams({\n  grant_type: 'password',\n  client_id: '88358B02-A48D-A50E-F710-39C1636C30F6@MyTenant',\n  username, password, scope: 'api',\n});\nawait fetch(`${process.env.ACUMATICA_URL}/identity/connect/token`, { method: 'POST', body });",
      errors: [{ messageId: 'acumaticaPasswordGrant', line: 2, column: 15, endLine: 2, endColumn: 25, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "const base = 'https://acme.acumatica.com';\nconst body = 'grant_type=password&username=' + user;",
      errors: [{ messageId: 'acumaticaPasswordGrant', line: 2, column: 14, endLine: 2, endColumn: 52, data: { form: '`grant_type=password`' } }],
    },
    {
      code: "const form = { grant_type: 'password', client_id: process.env.ACUMATICA_CLIENT_ID, client_secret, username, password };",
      errors: [{ messageId: 'acumaticaPasswordGrant', line: 1, column: 28, endLine: 1, endColumn: 38, data: { form: 'grant_type `password`' } }],
    },
    {
      code: "await axios.post(`${erpUrl}/entity/auth/login`, { name, password, tenant: 'Company' });",
      errors: [{ messageId: 'acumaticaLogin', line: 1, column: 18, endLine: 1, endColumn: 47, data: { path: '/entity/auth/login' } }],
    },
  ],
});
