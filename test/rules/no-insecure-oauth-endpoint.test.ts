import rule from '../../rules/no-insecure-oauth-endpoint.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-insecure-oauth-endpoint', rule, {
  valid: [
    "const strategy = { authorizationURL: 'https://pos.example.com/connect/authorize', tokenURL: 'https://pos.example.com/connect/token' };",
    // Loopback hosts never cross a network (OAuth 2.1 §1.5, §8.4.2).
    "const keycloak = { baseUrl: 'http://localhost:8080', realmName: 'pos' };",
    "const cfg = { issuer: 'http://127.0.0.1:4000' };",
    "const cfg = { tokenHost: 'http://[::1]:9000' };",
    "await fetch('http://localhost:3000/oauth/token', { method: 'POST', body });",
    // Not an OAuth URL property, not an endpoint path, not a grant-type URI.
    "const links = { homepage: 'http://pos.example.com' };",
    "await fetch('http://pos.example.com/status');",
    "const form = { grant_type: 'http://auth0.com/oauth/grant-type/password-realm' };",
    "const ns = 'http://www.w3.org/2000/svg';",
    "import * as client from 'openid-client';\nconst config = await client.discovery(new URL('https://pos.example.com'), clientId, clientSecret);",
    "import * as client from 'openid-client';\nconst config = await client.discovery(new URL(process.env.KENSIUM_POS_ISSUER), clientId);",
    // A local function of the same name is not the library switch.
    "function allowInsecureRequests() {}\nallowInsecureRequests();",
    "import { allowInsecureRequests } from './dev-flags';\nuse(allowInsecureRequests);",
    // Passing a computed setting on (as openid-client does internally) is not turning it on.
    "import * as oauth from 'oauth4webapi';\nawait oauth.discoveryRequest(issuer, { [oauth.allowInsecureRequests]: !tlsOnly });",
    "import * as oauth from 'oauth4webapi';\nif (options[oauth.allowInsecureRequests]) warn();",
  ],
  invalid: [
    {
      code: "const strategy = { tokenURL: 'http://pos.example.com/connect/token' };",
      errors: [{ messageId: 'insecureEndpoint', line: 1, column: 30, endLine: 1, endColumn: 68, data: { what: '`tokenURL`', origin: 'http://pos.example.com' } }],
    },
    {
      code: "const auth = { authority: `http://${host}/${tenantId}` };",
      errors: [{ messageId: 'insecureEndpoint', line: 1, column: 27, endLine: 1, endColumn: 55, data: { what: '`authority`', origin: 'http://…' } }],
    },
    {
      code: "const ISSUER = 'http://erp.example.com/identity';\nconst cfg = { issuerBaseURL: ISSUER };",
      errors: [{ messageId: 'insecureEndpoint', line: 2, column: 30, endLine: 2, endColumn: 36, data: { what: '`issuerBaseURL`', origin: 'http://erp.example.com' } }],
    },
    {
      code: "const api = axios.create({ baseURL: 'http://erp.example.com/entity/Default/22.200.001' });",
      errors: [{ messageId: 'insecureEndpoint', line: 1, column: 37, endLine: 1, endColumn: 87, data: { what: '`baseURL`', origin: 'http://erp.example.com' } }],
    },
    {
      code: "await fetch(`http://${erpHost}/identity/connect/token`, { method: 'POST', body });",
      errors: [{ messageId: 'insecureEndpoint', line: 1, column: 13, endLine: 1, endColumn: 55, data: { what: 'OAuth endpoint', origin: 'http://…' } }],
    },
    {
      code: "const wellKnown = 'http://pos.example.com/.well-known/openid-configuration';",
      errors: [{ messageId: 'insecureEndpoint', line: 1, column: 19, endLine: 1, endColumn: 76, data: { what: 'OAuth endpoint', origin: 'http://pos.example.com' } }],
    },
    {
      code: "import * as client from 'openid-client';\nconst config = await client.discovery(new URL('http://pos.example.com'), clientId, clientSecret);",
      errors: [{ messageId: 'insecureEndpoint', line: 2, column: 39, endLine: 2, endColumn: 72, data: { what: 'The issuer passed to openid-client `discovery`', origin: 'http://pos.example.com' } }],
    },
    {
      code: "const { Issuer } = require('openid-client');\nconst issuer = await Issuer.discover('http://sso.example.com/realms/pos');",
      errors: [{ messageId: 'insecureEndpoint', line: 2, column: 38, endLine: 2, endColumn: 73, data: { what: 'The issuer passed to openid-client `Issuer.discover`', origin: 'http://sso.example.com' } }],
    },
    {
      code: "import * as client from 'openid-client';\nconst config = await client.discovery(server, clientId, secret, undefined, { execute: [client.allowInsecureRequests] });",
      errors: [{ messageId: 'insecureSwitch', line: 2, column: 88, endLine: 2, endColumn: 116, data: { api: 'openid-client `allowInsecureRequests`' } }],
    },
    {
      code: "import { allowInsecureRequests } from 'openid-client';\nallowInsecureRequests(config);",
      errors: [{ messageId: 'insecureSwitch', line: 2, column: 1, endLine: 2, endColumn: 22, data: { api: 'openid-client `allowInsecureRequests`' } }],
    },
    {
      code: "import * as oauth from 'oauth4webapi';\nawait oauth.discoveryRequest(issuer, { [oauth.allowInsecureRequests]: true });",
      errors: [{ messageId: 'insecureSwitch', line: 2, column: 41, endLine: 2, endColumn: 68, data: { api: 'oauth4webapi `allowInsecureRequests`' } }],
    },
  ],
});
