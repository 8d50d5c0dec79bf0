import rule from '../../rules/require-pkce.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

const FIX = 'send `code_challenge` = BASE64URL(SHA-256(code_verifier)) with `code_challenge_method=S256`, and the `code_verifier` with the token request';

ruleTester.run('require-pkce', rule, {
  valid: [
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, redirect_uri, state, code_challenge: challenge, code_challenge_method: 'S256' });",
    // A spread may carry the challenge: nothing is known to be missing.
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, ...pkceParams });",
    "const query = new URLSearchParams({ response_type: 'code', client_id: id });\naddPkce(query);",
    "const query = new URLSearchParams({ response_type: 'code', client_id: id });\nquery.set('code_challenge', challenge);\nquery.set('code_challenge_method', 'S256');",
    // Configuration of a library that adds PKCE itself is not a request.
    "const settings = { authority, client_id: 'pos-web', redirect_uri, response_type: 'code' };",
    // A token request is not an authorization request.
    "const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri });",
    'const url = `${issuer}/authorize?response_type=code&client_id=${id}&code_challenge=${challenge}&code_challenge_method=S256`;',
    'const url = `${issuer}/authorize?response_type=code&client_id=${id}&${pkce}`;',
    'let url = `${baseUrl}?response_type=code&client_id=${clientId}`;\nurl += `&state=${state}`;\nurl += `&code_challenge_method=S256&code_challenge=${challenge}`;\nreturn url;',
    "import * as client from 'openid-client';\nclient.buildAuthorizationUrl(config, { redirect_uri, scope, code_challenge, code_challenge_method: 'S256' });",
    "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: verifier, expectedState: state });",
    "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, checks);",
    "import * as oauth from 'oauth4webapi';\nawait oauth.authorizationCodeGrantRequest(as, c, auth, params, redirectUri, codeVerifier);",
    "const nopkce = Symbol('local');\nuse(nopkce);",
    // The library's own fallback when no verifier is given is not a call site choosing no PKCE.
    "import * as oauth from 'oauth4webapi';\nawait oauth.authorizationCodeGrantRequest(as, c, auth, params, redirectUri, checks?.pkceCodeVerifier || oauth.nopkce);",
    // A provider's base authorization URL (no client_id) is completed by the library.
    "const freshbooks = { authorizationUrl: 'https://auth.freshbooks.com/service/auth/oauth/authorize?response_type=code' };",
    // A provider definition says what the provider supports.
    "export default function Naver(options) {\n  return { id: 'naver', type: 'oauth', checks: ['state'], options };\n}",
    "import { Strategy } from 'passport-oauth2';\nnew Strategy({ authorizationURL, tokenURL, clientID, clientSecret, callbackURL, state: true, pkce: true }, verify);",
    "import { Strategy } from 'passport-oauth2';\nnew Strategy(options, verify);",
    "import { Strategy } from 'openid-client/passport';\nnew Strategy({ config, scope });",
    "import { AuthenticationClient } from 'auth0';\nawait auth.oauth.authorizationCodeGrantWithPKCE({ code, code_verifier });",
    "const { Issuer } = require('openid-client');\nconst tokenSet = await client.callback(redirectUri, params, { code_verifier: req.session.verifier, state });",
    "const tokenSet = await client.callback(redirectUri, params);",
    "const kensium = { id: 'kensium', type: 'oidc', issuer, clientId, clientSecret, checks: ['pkce', 'state'] };",
    "const job = { checks: ['lint', 'test'] };",
    "const url = new URL(`${issuer}/connect/authorize`);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', clientId);\nurl.searchParams.set('code_challenge', challenge);\nurl.searchParams.set('code_challenge_method', 'S256');\nres.redirect(url.toString());",
    // Handed to a helper that may add the challenge.
    "const url = new URL(`${issuer}/connect/authorize`);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', clientId);\naddPkce(url);\nres.redirect(url.href);",
    "function authorizeUrl() {\n  const url = new URL(authorizeEndpoint);\n  url.searchParams.set('response_type', 'code');\n  url.searchParams.set('client_id', clientId);\n  return url;\n}",
    "import { google } from 'googleapis';\nconst url = oauth2.generateAuthUrl({ scope, state, code_challenge: challenge, code_challenge_method: 'S256' });",
  ],
  invalid: [
    {
      code: "const query = new URLSearchParams({ response_type: 'code', client_id: id, redirect_uri, state });",
      errors: [{ messageId: 'missingPkce', line: 1, column: 15, endLine: 1, endColumn: 97, data: { fix: FIX } }],
    },
    {
      code: "const query = new URLSearchParams();\nquery.set('response_type', 'code');\nquery.set('client_id', id);",
      errors: [{ messageId: 'missingPkce', line: 1, column: 15, endLine: 1, endColumn: 36, data: { fix: FIX } }],
    },
    {
      code: "const url = new URL(`${issuer}/connect/authorize`);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', clientId);\nurl.searchParams.set('state', state);\nres.redirect(url.toString());",
      errors: [{ messageId: 'missingPkce', line: 2, column: 1, endLine: 2, endColumn: 46, data: { fix: FIX } }],
    },
    {
      code: "const query = qs.stringify({ response_type: 'code', client_id: id, state });\nimport qs from 'qs';",
      errors: [{ messageId: 'missingPkce', line: 1, column: 28, endLine: 1, endColumn: 75, data: { fix: FIX } }],
    },
    {
      code: 'res.redirect(`${issuer}/connect/authorize?response_type=code&client_id=${id}&state=${state}`);',
      errors: [{ messageId: 'missingPkce', line: 1, column: 14, endLine: 1, endColumn: 93, data: { fix: FIX } }],
    },
    {
      code: "const query = new URLSearchParams({ response_type: 'code', client_id: id, code_challenge: challenge, code_challenge_method: 'plain' });",
      errors: [{ messageId: 'plainPkce', line: 1, column: 125, endLine: 1, endColumn: 132 }],
    },
    {
      code: "url.searchParams.set('code_challenge_method', 'plain');",
      errors: [{ messageId: 'plainPkce', line: 1, column: 47, endLine: 1, endColumn: 54 }],
    },
    {
      code: 'const url = `${issuer}/authorize?response_type=code&client_id=${id}&code_challenge=${verifier}&code_challenge_method=plain`;',
      errors: [{ messageId: 'plainPkce', line: 1, column: 13, endLine: 1, endColumn: 124 }],
    },
    {
      code: "import * as client from 'openid-client';\nclient.buildAuthorizationUrl(config, { redirect_uri, scope, state });",
      errors: [{ messageId: 'missingPkce', line: 2, column: 38, endLine: 2, endColumn: 68, data: { fix: FIX } }],
    },
    {
      code: "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, { expectedState: state });",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 57, endLine: 2, endColumn: 81, data: { api: 'openid-client `authorizationCodeGrant`', fix: 'pass `{ pkceCodeVerifier }` from `randomPKCECodeVerifier()`' } }],
    },
    {
      code: "import { authorizationCodeGrant } from 'openid-client';\nawait authorizationCodeGrant(config, currentUrl);",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 7, endLine: 2, endColumn: 29, data: { api: 'openid-client `authorizationCodeGrant`', fix: 'pass `{ pkceCodeVerifier }` from `randomPKCECodeVerifier()`' } }],
    },
    {
      code: "import * as oauth from 'oauth4webapi';\nawait oauth.authorizationCodeGrantRequest(as, c, auth, params, redirectUri, oauth.nopkce);",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 77, endLine: 2, endColumn: 89, data: { api: 'oauth4webapi `nopkce`', fix: 'pass the code verifier from `generateRandomCodeVerifier()`' } }],
    },
    {
      code: "import { Strategy } from 'passport-oauth2';\nnew Strategy({ authorizationURL, tokenURL, clientID, clientSecret, callbackURL, state: true }, verify);",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 14, endLine: 2, endColumn: 94, data: { api: 'passport-oauth2 strategy', fix: "set `pkce: 'S256'` (with `state: true`)" } }],
    },
    {
      code: "const OAuth2Strategy = require('passport-oauth2');\nnew OAuth2Strategy({ clientID, clientSecret, callbackURL, state: true, pkce: 'plain' }, verify);",
      errors: [{ messageId: 'plainPkce', line: 2, column: 72, endLine: 2, endColumn: 85 }],
    },
    {
      code: "import { Strategy as GoogleStrategy } from 'passport-google-oauth20';\nnew GoogleStrategy({ clientID, clientSecret, callbackURL, state: true, pkce: false }, verify);",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 72, endLine: 2, endColumn: 83, data: { api: 'passport-google-oauth20 strategy', fix: "set `pkce: 'S256'` (with `state: true`)" } }],
    },
    {
      code: "import { Strategy } from 'openid-client';\nnew Strategy({ client, usePKCE: false }, verify);",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 24, endLine: 2, endColumn: 38, data: { api: 'openid-client passport `Strategy`', fix: 'remove `usePKCE: false`' } }],
    },
    {
      code: "const { Issuer } = require('openid-client');\nconst tokenSet = await client.callback(redirectUri, params, { state: req.session.state });",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 61, endLine: 2, endColumn: 89, data: { api: 'openid-client v5 `client.callback`', fix: 'pass `{ code_verifier }` from `generators.codeVerifier()` in the checks' } }],
    },
    {
      code: "import { AuthenticationClient } from 'auth0';\nawait auth.oauth.authorizationCodeGrant({ code, redirect_uri });",
      errors: [{ messageId: 'libraryWithoutPkce', line: 2, column: 7, endLine: 2, endColumn: 40, data: { api: 'auth0 `authorizationCodeGrant`', fix: 'use `authorizationCodeGrantWithPKCE({ code, code_verifier })`' } }],
    },
    {
      code: "const kensium = { id: 'kensium', type: 'oidc', issuer, clientId, clientSecret, checks: ['state'] };",
      errors: [{ messageId: 'checksWithoutPkce', line: 1, column: 88, endLine: 1, endColumn: 97 }],
    },
    {
      code: "import { google } from 'googleapis';\nconst url = oauth2.generateAuthUrl({ access_type: 'offline', scope, state });",
      errors: [{ messageId: 'missingPkce', line: 2, column: 36, endLine: 2, endColumn: 76, data: { fix: FIX } }],
    },
  ],
});
