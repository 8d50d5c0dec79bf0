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
    // Told by the endpoint (no `response_type`): a one-time state, PKCE or a nonce is there.
    'res.redirect(`https://github.com/login/oauth/authorize?client_id=${process.env.GITHUB_CLIENT_ID}&redirect_uri=${cb}&scope=repo&state=${state}`);',
    "const params = new URLSearchParams({ client_id: clientId, redirect_uri: callbackUrl, scope: 'identify' });\nparams.set('state', req.session.oauthState);\nres.redirect(`https://discord.com/oauth2/authorize?${params}`);",
    "const url = new URL('https://github.com/login/oauth/authorize');\nurl.searchParams.set('client_id', clientId);\nurl.searchParams.set('scope', 'repo');\nurl.searchParams.set('state', state);\nres.redirect(url.href);",
    "const url = new URL(`https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`);\nurl.searchParams.set('state', state);\nres.redirect(url.href);",
    'res.redirect(`https://slack.com/oauth/v2/authorize?client_id=${clientId}&scope=${scopes}&code_challenge=${challenge}&code_challenge_method=S256`);',
    // The state added later: appended to the variable, joined in another template, or by the caller of the function that returns the URL.
    'let url = `https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`;\nif (state) url += `&state=${state}`;\nreturn url;',
    'const url = `https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`;\nres.redirect(`${url}&state=${state}`);',
    'function githubLoginUrl() {\n  return `https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`;\n}\nres.redirect(`${githubLoginUrl()}&state=${state}`);',
    'class GitHubLogin {\n  url() {\n    return `https://github.com/login/oauth/authorize?client_id=${this.clientId}&scope=repo`;\n  }\n  start(res, state) {\n    res.redirect(`${this.url()}&state=${state}`);\n  }\n}',
    "import qs from 'qs';\nconst query = { client_id: clientId, redirect_uri: callbackUrl, scope: 'repo' };\nif (state) query.state = state;\nres.redirect('https://github.com/login/oauth/authorize?' + qs.stringify(query));",
    "const params = new URLSearchParams({ client_id: clientId, redirect_uri: callbackUrl, ...extraParams });\nres.redirect(`https://slack.com/oauth/v2/authorize?${params}`);",
    // Endpoints a library completes (and adds its own state to), and base URLs without the request.
    "new GitHubStrategy({ authorizationURL: 'https://github.com/login/oauth/authorize', tokenURL, clientID, clientSecret, state: true }, verify);",
    "const provider = { authorizationURL: 'https://github.com/login/oauth/authorize?client_id=pos-app&scope=repo', tokenURL };",
    "const provider = { id: 'github', authorization: { url: 'https://github.com/login/oauth/authorize?client_id=pos-app&scope=read:user' } };",
    "res.redirect('https://github.com/login/oauth/authorize?scope=repo');",
    // Not an authorization request for a redirect: implicit flow (no-implicit-flow), token and device endpoints, a payment authorization, a camel-case name no provider reads.
    'res.redirect(`https://login.example.com/oauth2/authorize?response_type=token&client_id=${clientId}&redirect_uri=${cb}`);',
    'await fetch(`https://github.com/login/oauth/access_token?client_id=${clientId}&redirect_uri=${cb}&code=${code}`);',
    'await fetch(`https://${domain}/oauth2/v1/device/authorize?client_id=${clientId}&scope=openid`);',
    'await fetch(`https://api.pos.example.com/v1/payments/authorize?client_id=${clientId}&amount=${total}`);',
    'res.redirect(`https://github.com/login/oauth/authorize?clientId=${clientId}&scope=repo`);',
    // A path alone is the server's own endpoint (its tests call it), and test files are left out.
    "await request(app).get('/oauth/authorize?client_id=pos-web&redirect_uri=http://localhost/cb&scope=read');",
    {
      code: 'await page.goto(`https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`);',
      filename: 'e2e/login.spec.ts',
    },
    // Compared or asserted, not sent; prose.
    'expect(res.headers.location).toBe(`https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo`);',
    "expect(redirectUrl).toEqual(expect.stringContaining('https://slack.com/oauth/v2/authorize?client_id=1234&scope=chat:write'));",
    "const expected = 'https://slack.com/oauth/v2/authorize?client_id=1234&scope=chat:write';\nexpect(res.headers.location).toBe(expected);",
    "const help = 'Open https://github.com/login/oauth/authorize?client_id=pos-app&scope=repo in a browser';",
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
      code: 'res.redirect(`https://github.com/login/oauth/authorize?client_id=${process.env.GITHUB_CLIENT_ID}&redirect_uri=${cb}&scope=repo`);',
      errors: [{ messageId: 'missingState', line: 1, column: 14, endLine: 1, endColumn: 128 }],
    },
    {
      code: 'const installUrl = `https://${shop}/admin/oauth/authorize?client_id=${apiKey}&scope=${scopes}&redirect_uri=${redirectUri}`;\nres.redirect(installUrl);',
      errors: [{ messageId: 'missingState', line: 1, column: 20, endLine: 1, endColumn: 123 }],
    },
    {
      code: "res.redirect('https://slack.com/oauth/v2/authorize?client_id=' + clientId + '&scope=' + scopes.join(','));",
      errors: [{ messageId: 'missingState', line: 1, column: 14, endLine: 1, endColumn: 105 }],
    },
    {
      code: 'window.location.href = `https://www.facebook.com/v19.0/dialog/oauth?client_id=${appId}&redirect_uri=${encodeURIComponent(cb)}`;',
      errors: [{ messageId: 'missingState', line: 1, column: 24, endLine: 1, endColumn: 127 }],
    },
    {
      code: "const params = new URLSearchParams({ client_id: clientId, redirect_uri: callbackUrl, scope: 'identify' });\nres.redirect(`https://discord.com/oauth2/authorize?${params}`);",
      errors: [{ messageId: 'missingState', line: 2, column: 14, endLine: 2, endColumn: 62 }],
    },
    {
      code: "import qs from 'qs';\nconst AUTHORIZE_URL = 'https://auth.atlassian.com/authorize';\nres.redirect(AUTHORIZE_URL + '?' + qs.stringify({ audience: 'api.atlassian.com', client_id: clientId, scope: 'read:jira-work', redirect_uri: cb }));",
      errors: [{ messageId: 'missingState', line: 3, column: 14, endLine: 3, endColumn: 147 }],
    },
    {
      code: "const GITHUB_AUTHORIZE = 'https://github.com/login/oauth/authorize';\nres.redirect(`${GITHUB_AUTHORIZE}?client_id=${clientId}&scope=repo`);",
      errors: [{ messageId: 'missingState', line: 2, column: 14, endLine: 2, endColumn: 68 }],
    },
    {
      code: 'res.redirect(`${config.github.authorizeUrl}?client_id=${clientId}&redirect_uri=${cb}`);',
      errors: [{ messageId: 'missingState', line: 1, column: 14, endLine: 1, endColumn: 86 }],
    },
    {
      code: "const url = new URL('https://github.com/login/oauth/authorize');\nurl.searchParams.set('client_id', clientId);\nurl.searchParams.set('scope', 'repo');\nres.redirect(url.href);",
      errors: [{ messageId: 'missingState', line: 2, column: 1, endLine: 2, endColumn: 44 }],
    },
    {
      code: "const url = new URL('https://github.com/login/oauth/authorize');\nurl.search = new URLSearchParams({ client_id: clientId, redirect_uri: cb, scope: 'repo' }).toString();\nres.redirect(url.toString());",
      errors: [{ messageId: 'missingState', line: 2, column: 1, endLine: 2, endColumn: 102 }],
    },
    {
      code: 'let url = `https://github.com/login/oauth/authorize?client_id=${clientId}`;\nurl += `&scope=${scope}`;\nreturn url;',
      errors: [{ messageId: 'missingState', line: 1, column: 11, endLine: 1, endColumn: 75 }],
    },
    {
      code: 'res.redirect(`https://github.com/login/oauth/authorize?client_id=${clientId}&scope=repo&state=github-login`);',
      errors: [{ messageId: 'constantState', line: 1, column: 14, endLine: 1, endColumn: 108 }],
    },
    {
      code: "const params = new URLSearchParams({ client_id: clientId, redirect_uri: cb, state: 'login' });\nres.redirect(`https://slack.com/oauth/v2/authorize?${params}`);",
      errors: [{ messageId: 'constantState', line: 1, column: 84, endLine: 1, endColumn: 91 }],
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
