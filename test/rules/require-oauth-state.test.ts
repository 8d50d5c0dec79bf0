import rule from '../../rules/require-oauth-state.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('require-oauth-state', rule, {
  valid: [
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, redirect_uri, state: session.oauthState });",
    // PKCE or an OIDC nonce stands in for state (RFC 9700 §2.1).
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, code_challenge, code_challenge_method: 'S256' });",
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, scope: 'openid', nonce });",
    "const query = new URLSearchParams({ response_type: 'code', client_id: id, ...extra });",
    'const url = `${issuer}/authorize?response_type=code&client_id=${id}&state=${crypto.randomUUID()}`;',
    "const url = `${issuer}/authorize?response_type=code&client_id=${id}&state=`;",
    "const settings = { authority, client_id: 'pos-web', response_type: 'code' };",
    "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: verifier });",
    "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, { expectedState: req.session.state });",
    "import { Strategy } from 'passport-oauth2';\nnew Strategy({ clientID, clientSecret, callbackURL, state: true }, verify);",
    "import { Strategy } from 'passport-oauth2';\nnew Strategy({ clientID, clientSecret, callbackURL, store: new RedisStateStore() }, verify);",
    "import { Strategy } from 'passport-oauth2';\nnew Strategy({ clientID, clientSecret, callbackURL, pkce: true, state: true }, verify);",
    "const provider = { id: 'kensium', type: 'oauth', checks: ['state'] };",
    "import { Issuer } from 'openid-client';\nconst tokenSet = await client.callback(redirectUri, params, { code_verifier: verifier });",
    // Filled in by helpers before the call (next-auth's own callback handler).
    "import { Issuer } from 'openid-client';\nconst checks = {};\nawait useStateCheck(cookies, checks);\nconst tokenSet = await client.oauthCallback(callbackUrl, params, checks);",
    "const url = new URL(authorizeEndpoint);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', clientId);\nurl.searchParams.set('state', req.session.state);\nres.redirect(url.href);",
    "const job = { checks: [] as string[], name: 'lint' };",
    "const freshbooks = { authorizationUrl: 'https://auth.freshbooks.com/service/auth/oauth/authorize?response_type=code' };",
    // The state appended to the URL afterwards (Dropbox's SDK), or by a part that cannot be read.
    'let url = `${baseUrl}?response_type=code&client_id=${clientId}`;\nif (redirectUri) url += `&redirect_uri=${redirectUri}`;\nurl += `&state=${state}`;\nreturn url;',
    'let url = `${baseUrl}?response_type=code&client_id=${clientId}`;\nurl += extraParameters();\nreturn url;',
    // A test comparing the URL a library builds with what it expects.
    "const authUrl = auth.getAuthorizeUrl({ responseType: 'code' });\nif (authUrl !== 'https://account.box.com/api/oauth2/authorize?client_id=OAUTH_CLIENT_ID&response_type=code') throw new Error('Assertion failed');",
    'expect(client.authorizationUrl()).toBe(`https://pos.example.com/oauth/authorize?response_type=code&client_id=${clientId}`);',
    'assert.strictEqual(url, `https://pos.example.com/oauth/authorize?response_type=code&client_id=${clientId}`);',
  ],
  invalid: [
    {
      code: "let url = `${baseUrl}?response_type=code&client_id=${clientId}`;\nurl += '&state=pos-login';\nreturn url;",
      errors: [{ messageId: 'constantState', line: 2, column: 8, endLine: 2, endColumn: 26 }],
    },
    {
      code: 'let url = `${baseUrl}?response_type=code&client_id=${clientId}`;\nurl += `&scope=${scope}`;\nreturn url;',
      errors: [{ messageId: 'missingState', line: 1, column: 11, endLine: 1, endColumn: 64 }],
    },
    {
      code: "const query = new URLSearchParams({ response_type: 'code', client_id: id, redirect_uri });",
      errors: [{ messageId: 'missingState', line: 1, column: 15, endLine: 1, endColumn: 90 }],
    },
    {
      code: "const query = new URLSearchParams({ response_type: 'code', client_id: id, code_challenge, state: 'pos-login' });",
      errors: [{ messageId: 'constantState', line: 1, column: 98, endLine: 1, endColumn: 109 }],
    },
    {
      code: "const STATE = 'xyz';\nconst url = new URL(`${issuer}/authorize`);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', id);\nurl.searchParams.set('state', STATE);",
      errors: [{ messageId: 'constantState', line: 5, column: 31, endLine: 5, endColumn: 36 }],
    },
    {
      code: "const url = new URL(authorizeEndpoint);\nurl.searchParams.set('response_type', 'code');\nurl.searchParams.set('client_id', clientId);\nres.redirect(url.href);",
      errors: [{ messageId: 'missingState', line: 2, column: 1, endLine: 2, endColumn: 46 }],
    },
    {
      code: 'res.redirect(`${issuer}/authorize?response_type=code&client_id=${id}&state=12345`);',
      errors: [{ messageId: 'constantState', line: 1, column: 14, endLine: 1, endColumn: 82 }],
    },
    {
      code: "res.redirect(authorizeUrl + '?response_type=code&client_id=' + encodeURIComponent(id) + '&redirect_uri=' + cb);",
      errors: [{ messageId: 'missingState', line: 1, column: 14, endLine: 1, endColumn: 110 }],
    },
    {
      code: "import * as client from 'openid-client';\nawait client.authorizationCodeGrant(config, currentUrl, {});",
      errors: [{ messageId: 'libraryWithoutState', line: 2, column: 57, endLine: 2, endColumn: 59, data: { api: 'openid-client `authorizationCodeGrant`', fix: 'pass `{ pkceCodeVerifier }` or `{ expectedState }`' } }],
    },
    {
      code: "import { Issuer } from 'openid-client';\nconst tokenSet = await client.oauthCallback(redirectUri, params);",
      errors: [{ messageId: 'libraryWithoutState', line: 2, column: 24, endLine: 2, endColumn: 44, data: { api: 'openid-client v5 `client.oauthCallback`', fix: 'pass `{ code_verifier }` or the `{ state }` kept in the session in the checks' } }],
    },
    {
      code: "import { Strategy } from 'passport-oauth2';\nnew Strategy({ authorizationURL, tokenURL, clientID, clientSecret, callbackURL }, verify);",
      errors: [{ messageId: 'libraryWithoutState', line: 2, column: 14, endLine: 2, endColumn: 81, data: { api: 'passport-oauth2 strategy', fix: 'set `state: true` (or `pkce: true`, or a `store`)' } }],
    },
    {
      code: "const GitHubStrategy = require('passport-github2').Strategy;\nnew GitHubStrategy({ clientID, clientSecret, callbackURL, state: false }, verify);",
      errors: [{ messageId: 'libraryWithoutState', line: 2, column: 59, endLine: 2, endColumn: 71, data: { api: 'passport-github2 strategy', fix: 'set `state: true` (or `pkce: true`, or a `store`)' } }],
    },
    {
      code: "const provider = { id: 'kensium', type: 'oauth', checks: ['none'] };",
      errors: [{ messageId: 'checksWithoutState', line: 1, column: 58, endLine: 1, endColumn: 66 }],
    },
  ],
});
