import rule from '../../rules/no-implicit-flow.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-implicit-flow', rule, {
  valid: [
    "const settings = { authority, client_id: 'pos-web', redirect_uri, response_type: 'code' };",
    // OIDC `id_token` alone carries no access token (OAuth 2.1 §10.1 leaves it alone).
    "const settings = { authority, client_id: 'pos-web', response_type: 'id_token' };",
    "const metadata = { response_types: ['code', 'id_token'] };",
    "params.set('response_type', 'code');",
    "const url = `${issuer}/authorize?response_type=code&client_id=${id}&code_challenge=${challenge}`;",
    // axios' responseType is about the HTTP body, never `token`.
    "await axios.get(url, { responseType: 'json' });",
    "const tokenType = 'token';",
    // client-oauth2 code flow, and a `token.getUri` outside files that use the library.
    "import ClientOAuth2 from 'client-oauth2'; const uri = erp.code.getUri();",
    "const uri = widget.token.getUri();",
    // A token request with Azure AD v1's legacy response_type is not an authorization request.
    "const query = new URLSearchParams({ response_type: 'token', grant_type: 'client_credentials', client_id, client_secret, scope });",
  ],
  invalid: [
    {
      code: "const settings = { authority, client_id: 'pos-web', redirect_uri, response_type: 'id_token token' };",
      errors: [{ messageId: 'implicitResponseType', line: 1, column: 82, endLine: 1, endColumn: 98, data: { value: 'id_token token' } }],
    },
    {
      code: "const strategy = { responseType: 'token', clientID };",
      errors: [{ messageId: 'implicitResponseType', line: 1, column: 34, endLine: 1, endColumn: 41, data: { value: 'token' } }],
    },
    {
      code: "const metadata = { response_types: ['code', 'code id_token token'] };",
      errors: [{ messageId: 'implicitResponseType', line: 1, column: 45, endLine: 1, endColumn: 66, data: { value: 'code id_token token' } }],
    },
    {
      code: "const IMPLICIT = 'token';\nurl.searchParams.set('response_type', IMPLICIT);",
      errors: [{ messageId: 'implicitResponseType', line: 2, column: 39, endLine: 2, endColumn: 47, data: { value: 'token' } }],
    },
    {
      code: "window.location.href = `${issuer}/authorize?response_type=id_token%20token&client_id=${id}&nonce=${nonce}`;",
      errors: [{ messageId: 'implicitResponseType', line: 1, column: 24, endLine: 1, endColumn: 107, data: { value: 'id_token token' } }],
    },
    {
      code: "const url = authorizeUrl + '?response_type=token&client_id=' + clientId;",
      errors: [{ messageId: 'implicitResponseType', line: 1, column: 13, endLine: 1, endColumn: 72, data: { value: 'token' } }],
    },
    {
      code: "import ClientOAuth2 from 'client-oauth2';\nwindow.location.href = shopify.token.getUri();",
      errors: [{ messageId: 'implicitApi', line: 2, column: 24, endLine: 2, endColumn: 44, data: { api: 'client-oauth2 `token.getUri`', fix: '`code.getUri()` with PKCE, then `code.getToken()`' } }],
    },
  ],
});
