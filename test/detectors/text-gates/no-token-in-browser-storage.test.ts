import { describe, expect, it } from 'vitest';
import { classifySecretName } from '../../../src/detectors/index.js';
import { credentialKindOf, mayReport } from '../../../src/detectors/text-gates/no-token-in-browser-storage.js';

const APP = { filename: '/repo/src/auth/session.ts' };

describe('no-token-in-browser-storage text gate', () => {
  it.each([
    ['setItem with a token key', "localStorage.setItem('access_token', value);"],
    ['setItem with a token value', "window.sessionStorage.setItem('auth', JSON.stringify(session.accessToken));"],
    ['setItem through a type wrapper', "(window.localStorage as Storage).setItem('jwt', t);"],
    ['setItem with a key from a constant', "const KEY = 'refresh_token';\nexport function save(v) { localStorage.setItem(KEY, v); }"],
    ['setItem over several lines', "localStorage.setItem(\n  'cfg',\n  JSON.stringify({ idToken }),\n);"],
    ['a property write', 'localStorage.token = response.data;'],
    ['a bracket write', "globalThis.localStorage['id_token'] = t;"],
    ['a bracket write with a value', 'localStorage[key] = accessToken;'],
    ['a cookie with a token name', 'document.cookie = `access_token=${t}; path=/; secure`;'],
    ['a cookie built by concatenation', "document.cookie = 'session_secret=' + value + '; path=/';"],
    ['a cookie whose name is an expression', 'document.cookie = `${accessToken}; path=/`;'],
    ['an IndexedDB object store write', "db.transaction('auth', 'readwrite').objectStore('auth').put(idToken, 'current');"],
    ['a storage library', "import { set } from 'idb-keyval';\nawait set('token', t);"],
    ['a storage library required', "const { set } = require('idb-keyval');\nawait set('jwt', t);"],
    ['localforage under another name', "import store from 'localforage';\nstore.setItem('jwt', t);"],
    ['an MSAL cache location', "new PublicClientApplication({ cache: { cacheLocation: 'localStorage' } });"],
    ['an MSAL cache location enum', 'const c = { cacheLocation: BrowserCacheLocation.LocalStorage };'],
    ['a cache location from a constant', "const where = 'localstorage';\ncreateAuth0Client({ cacheLocation: where });"],
    ['an oidc-client-ts state store', 'new UserManager({ userStore: new WebStorageStateStore({ store: window.localStorage }) });'],
  ])('lets through %s', (_label, text) => {
    expect(mayReport(text, APP)).toBe(true);
  });

  it.each([
    ['reads and non-credential writes', "const t = localStorage.getItem('access_token');\nlocalStorage.setItem('theme', 'dark');\nsessionStorage.clear();"],
    ['a cookie read and a cookie for a preference', "const c = document.cookie;\ndocument.cookie = 'lang=' + lang + '; path=/';"],
    ['storage written in a test file', "localStorage.setItem('access_token', value);"],
    ['an in-memory cache location', "const c = { cacheLocation: 'memory' };\ninterface Config { cacheLocation: CacheLocation; }"],
    ['a session storage state store', 'new WebStorageStateStore({ store: window.sessionStorage });'],
    ['a value the rule never calls a credential', "sessionStorage.setItem('auth', JSON.stringify(tokens));\ndocument.cookie = `${tokenName}=${value}`;"],
    ['bundle text that mentions storage and tokens elsewhere', "var s=typeof localStorage!=='undefined'?localStorage:null;function n(e){return e.token}var store=db.objectStore('x');"],
  ])('stops %s', (label, text) => {
    expect(mayReport(text, label.includes('test file') ? { filename: '/repo/src/auth/session.test.ts' } : APP)).toBe(false);
  });

  it('names a credential as the rule does', () => {
    for (const name of ['token', 'jwt', 'JWT', 'access_token', 'refreshToken', 'id-token', 'bearer', 'clientSecret', 'password', 'apiKey']) {
      expect(credentialKindOf(name), name).toBeDefined();
    }
    for (const name of ['theme', 'clientId', 'tokenUrl', 'csrfToken', 'tokens']) {
      expect(credentialKindOf(name), name).toBeUndefined();
      expect(mayReport(`localStorage.setItem('${name}', v);`, APP), name).toBe(false);
    }
    // Every name the classifier calls a credential, except client ids, is one here too.
    for (const name of ['erpPassword', 'API_SECRET', 'signingKey', 'githubPat']) {
      expect(classifySecretName(name)).toBeDefined();
      expect(mayReport(`localStorage.setItem('${name}', v);`, APP), name).toBe(true);
    }
  });
});
