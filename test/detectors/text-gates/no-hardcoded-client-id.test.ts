import { describe, expect, it } from 'vitest';
import { mayReport } from '../../../src/detectors/text-gates/no-hardcoded-client-id.js';
import { classifySecretName } from '../../../src/detectors/names.js';

const GUID = ['3f2b8c1e', '9d4a', '4e7b', 'a1c5', '6f0e2d8b7a94'].join('-');
const JS = { filename: 'dist/bundle.js' };

describe('no-hardcoded-client-id text gate', () => {
  it.each([
    ['an object property', `const kensium = { clientId: '${GUID}' };`],
    ['a readable slug (client ids are reported weak)', "const kensium = { client_id: 'pos-sync' };"],
    ['an Acumatica id anywhere', `login('${GUID}@Company');`],
    ['a catalogue slot', `import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential(tenant, '${GUID}', secret);`],
    ['a token request username', `import got from 'got';\nawait got.post('https://erp.example.com/oauth/token', { username: 'pos-sync', password: secret });`],
    ['a consumer key', `const twitter = { consumerKey: '${GUID}' };`],
    ['a quoted header name with dashes', `const headers = { 'X-Client-Id': '${GUID}' };`],
    ['a JSX attribute with dashes', `<ErpProvider client-id="${GUID}" />`],
    ['a consumer key in capitals', `const CONSUMER_KEY = '${GUID}';`],
    ['a property after a conditional', "const erp = { mode: prod ? 'live' : 'test', clientId: 'pos-sync' };"],
    ['a member assignment', "this.clientId = 'pos-sync';"],
  ])('lets through %s', (_label, text) => {
    expect(mayReport(text, JS)).toBe(true);
  });

  it.each([
    ['a label naming the value', 'const CLIENT_ID = "client_id";'],
    ['a value from the environment', 'const config = { clientId: process.env.CLIENT_ID };'],
    ['a parameter forwarded', 'function f(e){return{clientId:e.clientId,username:e.username}}'],
    ['a setter of a URL username', 'class U{set username(e){this[i].username=e}}'],
    ['an email address in a string', "const contact = 'support@example.com';"],
    ['a client identifier that is no client id', `const clientIdentity = '${GUID}';`],
    ['a client name', "const clientName = 'pos-sync';"],
    [
      'member reads in a conditional (msal-node’s managed identity sources)',
      'const Names = { MANAGED_IDENTITY_CLIENT_ID_2017: "clientid", MANAGED_IDENTITY_CLIENT_ID: "client_id" };\nfunction param(v2017) {\n  log(`[API version ${v2017 ? "2017+" : "2019+"}]`);\n  return v2017\n    ? Names.MANAGED_IDENTITY_CLIENT_ID_2017\n    : Names.MANAGED_IDENTITY_CLIENT_ID;\n}',
    ],
    ['a name in a conditional', "const fallback = 'pos-sync';\nconst id = fromEnv ? clientId : fallback;"],
  ])('stops %s', (_label, text) => {
    expect(mayReport(text, JS)).toBe(false);
  });

  it('finds every name classifySecretName calls a client id', () => {
    for (const name of ['clientId', 'CLIENT_ID', 'client_id', 'clientID', 'ClientId', 'consumerKey', 'KENSIUM_CLIENT_ID', 'clientid']) {
      expect(classifySecretName(name)?.kind).toBe('client-id');
      expect(mayReport(`const x = { ${name}: '${GUID}' };`, JS)).toBe(true);
    }
  });
});
