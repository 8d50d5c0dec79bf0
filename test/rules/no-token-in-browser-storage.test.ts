import rule from '../../rules/no-token-in-browser-storage.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-token-in-browser-storage', rule, {
  valid: [
    // UI state and non-credential values in Web Storage.
    "localStorage.setItem('theme', theme);",
    "sessionStorage.setItem('returnTo', window.location.pathname);",
    "localStorage.setItem('tokenExpiresAt', String(expiresAt));",
    'localStorage.setItem(key, value);',
    // PKCE state lives in session storage by design; it is not a credential.
    "sessionStorage.setItem('pkce_code_verifier', verifier); sessionStorage.setItem('oauth_state', state);",
    // Reading or removing is fine.
    "const t = localStorage.getItem('access_token'); localStorage.removeItem('access_token');",
    // Cookies that are not credentials.
    "document.cookie = 'locale=' + locale + '; path=/';",
    'document.cookie = `consent=${consent}; Secure; SameSite=Lax`;',
    // A flag or an expiry about a token is no token; a value that is not right after `=` is not the cookie's value.
    'document.cookie = `logged_in=${Boolean(accessToken)}; path=/`;',
    'document.cookie = `session_expires=${tokenExpiresAt}; path=/`;',
    "document.cookie = 'theme=' + theme + '; max-age=' + refreshTokenTtl;",
    // In-memory and session caches.
    "new PublicClientApplication({ auth: { clientId }, cache: { cacheLocation: 'sessionStorage' } });",
    "createAuth0Client({ domain, clientId, cacheLocation: 'memory' });",
    'new UserManager({ authority, client_id, userStore: new WebStorageStateStore({ store: window.sessionStorage }) });',
    // Tests seed storage; the application code that writes it is what gets reported.
    { code: "localStorage.setItem('access_token', 'test-token');", filename: 'src/__tests__/api.test.ts' },
    // Storage objects that are not the browser's.
    "cache.setItem('access_token', token); redis.set('access_token', token);",
    "import { set } from 'idb-keyval';\nset('preferences', prefs);",
    // An object without a credential, and a count of tokens that is no token.
    "localStorage.setItem('pos_session', JSON.stringify({ storeId, expiresAt: Date.now() }));",
    "localStorage.setItem('usage', JSON.stringify({ tokenCount: usage.total }));",
  ],
  invalid: [
    {
      code: "localStorage.setItem('pos_session', JSON.stringify({ accessToken, expiresAt: Date.now() }));",
      errors: [{ messageId: 'tokenInWebStorage', line: 1, column: 1, endLine: 1, endColumn: 92, data: { article: 'A', kind: 'token', name: 'accessToken', storage: '`localStorage`' } }],
    },
    {
      code: "localStorage.setItem('access_token', tokens.access_token);",
      errors: [
        {
          messageId: 'tokenInWebStorage',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 58,
          data: { article: 'A', kind: 'token', name: 'access_token', storage: '`localStorage`' },
        },
      ],
    },
    {
      // The value names the credential even under a neutral key.
      code: "window.sessionStorage.setItem('pos', JSON.stringify(refreshToken));",
      errors: [
        {
          messageId: 'tokenInWebStorage',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 67,
          data: { article: 'A', kind: 'token', name: 'refreshToken', storage: '`sessionStorage`' },
        },
      ],
    },
    {
      code: "const KEY = 'jwt';\nlocalStorage[KEY] = response.data.token;\nlocalStorage.clientSecret = secret;",
      errors: [
        {
          messageId: 'tokenInWebStorage',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 40,
          data: { article: 'A', kind: 'token', name: 'jwt', storage: '`localStorage`' },
        },
        {
          messageId: 'tokenInWebStorage',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 35,
          data: { article: 'A', kind: 'client secret', name: 'clientSecret', storage: '`localStorage`' },
        },
      ],
    },
    {
      // The cookie's name says nothing; its value is the token.
      code: "document.cookie = `rt=${data.refreshToken}; path=/`;\ndocument.cookie = 'session=' + data.accessToken + '; Secure';",
      errors: [
        { messageId: 'tokenInCookie', line: 1, data: { article: 'A', kind: 'token', name: 'refreshToken' } },
        { messageId: 'tokenInCookie', line: 2, data: { article: 'A', kind: 'token', name: 'accessToken' } },
      ],
    },
    {
      code: "document.cookie = `access_token=${accessToken}; Secure`;\ndocument.cookie = 'id_token=' + idToken;",
      errors: [
        {
          messageId: 'tokenInCookie',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 56,
          data: { article: 'A', kind: 'token', name: 'access_token' },
        },
        {
          messageId: 'tokenInCookie',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 40,
          data: { article: 'A', kind: 'token', name: 'id_token' },
        },
      ],
    },
    {
      code: "import { set } from 'idb-keyval';\nimport localforage from 'localforage';\nawait set('auth_token', token);\nawait localforage.setItem('refresh_token', refreshToken);\ndb.transaction('auth', 'readwrite').objectStore('auth').put(tokens.access_token, 'at');",
      errors: [
        {
          messageId: 'tokenInIndexedDb',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 31,
          data: { article: 'A', kind: 'token', name: 'auth_token', callee: 'idb-keyval set' },
        },
        {
          messageId: 'tokenInIndexedDb',
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 57,
          data: { article: 'A', kind: 'token', name: 'refresh_token', callee: 'localforage.setItem' },
        },
        {
          messageId: 'tokenInIndexedDb',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 87,
          data: { article: 'A', kind: 'token', name: 'access_token', callee: 'objectStore().put' },
        },
      ],
    },
    {
      // msal-browser and auth0-spa-js token caches in localStorage; oidc-client-ts user store.
      code: "new PublicClientApplication({ auth: { clientId }, cache: { cacheLocation: BrowserCacheLocation.LocalStorage } });\ncreateAuth0Client({ domain, clientId, cacheLocation: 'localstorage' });\nnew UserManager({ authority, userStore: new WebStorageStateStore({ store: window.localStorage }) });",
      errors: [
        {
          messageId: 'webStorageCache',
          line: 1,
          column: 60,
          endLine: 1,
          endColumn: 108,
          data: { name: 'cacheLocation', value: 'BrowserCacheLocation.LocalStorage', storage: '`localStorage`' },
        },
        {
          messageId: 'webStorageCache',
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 68,
          data: { name: 'cacheLocation', value: "'localstorage'", storage: '`localStorage`' },
        },
        {
          messageId: 'webStorageCache',
          line: 3,
          column: 68,
          endLine: 3,
          endColumn: 94,
          data: { name: 'store', value: 'window.localStorage', storage: '`localStorage`' },
        },
      ],
    },
  ],
});
