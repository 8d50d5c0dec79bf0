import { describe, expect, it } from 'vitest';
import { credentialSiteReason, CLIENT_SECRET_SITES, unescapeJs } from '../../../src/detectors/text-gates/credential-sites.js';
import { mayReport } from '../../../src/detectors/text-gates/no-hardcoded-client-secret.js';
import { classifySecretName } from '../../../src/detectors/names.js';

/** Fake secrets are assembled from fragments so that no whole one sits in the repository as one literal. */
const SECRET = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');

const TS = { filename: 'src/erp/client.ts' };
const JS = { filename: 'dist/bundle.js' };

describe('no-hardcoded-client-secret text gate', () => {
  it.each([
    ['an object property', `const kensium = { clientSecret: '${SECRET}' };`],
    ['a quoted key', `const form = { 'client-secret': '${SECRET}' };`],
    ['a constant', `const KENSIUM_CLIENT_SECRET = '${SECRET}';`],
    ['a class field with a type', `class Erp { private readonly clientSecret: string = '${SECRET}'; }`],
    ['a default parameter', `export function connect(clientSecret = '${SECRET}') {}`],
    ['a member assignment', `this.clientSecret = "${SECRET}";`],
    ['a JSX attribute', `<KensiumProvider client-secret="${SECRET}" />`],
    ['a value through a const with another name', `const value = '${SECRET}';\nconst config = { clientSecret: value };`],
    ['a member read of a const object', `const erp = { secret: '${SECRET}' };\nconst config = { clientSecret: erp.secret };`],
    ['a value through `as const` and parentheses', `const config = { clientSecret: ('${SECRET}' as const) };`],
    ['a concatenation (not evaluated)', `const config = { clientSecret: 'Zq8vL2mN' + rest };`],
    ['a weak value under a client-secret name', "const config = { clientSecret: 'hunter2' };"],
    ['a query string', "const body = `grant_type=client_credentials&client_secret=" + SECRET + "`;"],
    ['URLSearchParams.set', `const body = new URLSearchParams();\nbody.set('client_secret', 'abc');`],
    ['a positional catalogue slot', `import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential(tenant, id, '${SECRET}');`],
    ['a catalogue slot read through a const', `import { ClientSecretCredential } from '@azure/identity';\nconst s = 'abc';\nnew ClientSecretCredential(tenant, id, s);`],
    ['a property slot of a catalogue sink', `import { ConfidentialClientApplication } from '@azure/msal-node';\nnew ConfidentialClientApplication({ auth: { clientId: id, clientSecret: 'weak' } });`],
    ['a renamed catalogue export', `import { ClientSecretCredential as C } from '@azure/identity';\nnew C(t, i, s);`],
    ['a catalogue export renamed in a require pattern', `const { ClientSecretCredential: Credential } = require('@azure/identity');\nnew Credential(t, i, s);`],
    ['a catalogue export read into a variable', `const identity = require('@azure/identity');\nconst Credential = identity . ClientSecretCredential;\nnew Credential(t, i, s);`],
    ['a catalogue export read by a quoted name', `import * as identity from '@azure/identity';\nconst Credential = identity['ClientSecretCredential'];`],
    ['a catalogue export default-exported again', `import { ClientSecretCredential } from '@azure/identity';\nexport default ClientSecretCredential;`],
    ['a positional slot with space before the call', `import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential (tenant, id, '${SECRET}');`],
    ['a Basic header', "const headers = { Authorization: 'Basic ' + btoa(clientId + ':' + 'abc') };"],
    ['a token request password', `import axios from 'axios';\nawait axios.post('https://erp.example.com/connect/token', body, { auth: { username: id, password: 'weak' } });`],
  ])('lets through %s', (_label, text) => {
    expect(mayReport(text, TS)).toBe(true);
  });

  it.each([
    ['a secret read from the environment', 'const config = { clientSecret: process.env.KENSIUM_CLIENT_SECRET };'],
    ['a placeholder', "const config = { clientSecret: 'YOUR_CLIENT_SECRET' };"],
    ['an empty value', "const config = { clientSecret: '' };"],
    ['a label naming the value', "const CLIENT_SECRET = 'client_secret';"],
    ['a name without a value', 'interface Options { clientSecret?: string; clientId: string }'],
    ['a function parameter', 'function f(clientSecret) { return sign(clientSecret); }'],
    ['optional chaining', 'const config = { clientSecret: options?.clientSecret };'],
    ['a destructuring pattern', 'const { clientSecret: secret } = options;'],
    ['a template with expressions', 'const config = { clientSecret: `${prefix}-x` };'],
    ['a catalogue export never called', "import crypto from 'crypto';\nconst h = crypto.randomBytes(16);"],
    ['a catalogue export called by its name with an env value', "import { ClientSecretCredential } from '@azure/identity';\nconst c = new ClientSecretCredential(tenant, id, process.env.AZURE_CLIENT_SECRET);"],
    ['a catalogue export called on its module with an env value', "const identity = require('@azure/identity');\nconst c = new identity.ClientSecretCredential (tenant, id, process.env.AZURE_CLIENT_SECRET);"],
    ['a bundle lexer', 'function next(){var token=this.lexer.token;if(token.type===TOKEN_STRING){return token.value}}'],
    ['a minified password-less token request', "fetch(url,{method:'POST',headers:{authorization:e}})"],
    ['a secret word in prose', '// The client secret is read from the vault at start-up.'],
  ])('stops %s', (_label, text) => {
    expect(credentialSiteReason(text, CLIENT_SECRET_SITES, JS)).toBeUndefined();
    expect(mayReport(text, JS)).toBe(false);
  });

  it('finds every name classifySecretName calls a client secret (the rule’s own vocabulary)', () => {
    for (const name of ['clientSecret', 'CLIENT_SECRET', 'client_secret', 'ClientSecret', 'consumerSecret', 'APP_SECRET', 'kensiumClientSecret', 'clientsecret']) {
      expect(classifySecretName(name)?.kind).toBe('client-secret');
      expect(mayReport(`const x = { ${name}: '${SECRET}' };`, JS)).toBe(true);
    }
  });

  it('decodes string escapes the way the parser does', () => {
    expect(unescapeJs('a\\x41\\u0042\\u{43}\\n')).toBe('aABC\n');
    expect(unescapeJs('\\1')).toBeUndefined();
  });
});
