import { describe, expect, it } from 'vitest';
import { ENDPOINT_PATHS, ENDPOINT_PROPERTIES } from '../../../src/catalogue/flows.js';
import { ENDPOINT_TAIL, LOOPBACK_HOST, mayReport } from '../../../src/detectors/text-gates/no-insecure-oauth-endpoint.js';
import { isLoopbackHost } from '../../../src/util/urls.js';

describe('no-insecure-oauth-endpoint text gate', () => {
  it.each([
    ["const config = { issuer: 'http://idp.example.com' };"],
    ["new ConfidentialClientApplication({ auth: { authority: `http://login.example.com/${tenant}` } });"],
    ["const res = await fetch('http://erp.example.com/oauth/token', { method: 'POST' });"],
    ["const discovery = 'http://idp.example.com/.well-known/openid-configuration';"],
    ["const jwks = 'http://idp.example.com/jwks.json';"],
    // Held by a constant and used under an endpoint key, or joined to a path.
    ["const IDP = 'http://idp.example.com';\nexport const oauth = { tokenUrl: IDP };"],
    ["const settings = { idp: { url: 'http://idp.example.com' } };\nconst client = { issuer: settings.idp.url };"],
    ["const IDP = 'http://idp.example.com';\nconst tokenEndpoint = IDP + '/oauth/token';"],
    ["const issuer = 'http://idp.example.com';\nnew Issuer({ issuer });"],
    ["const IDP = 'http://idp.example.com';\nexport const oauth = { tokenUrl: IDP as string }"],
    ["const IDP = 'http://idp.example.com';\nexport const oauth = { tokenUrl: IDP!, issuer: IDP }"],
    // Continued strings and dynamic hosts.
    ["const url = 'http://' + host + TOKEN_PATH;"],
    ["const url = `http://${host}/connect/token`;"],
    // Discovery modules and the switch.
    ["import * as client from 'openid-client';\nconst issuer = new URL('http://idp.example.com');\nawait client.discovery(issuer, id);"],
    ["client.allowInsecureRequests(config);"],
    ["const url = 'HTTP://IDP.EXAMPLE.COM/OAUTH/TOKEN';"],
  ])('lets %j through', (text) => {
    expect(mayReport(text)).toBe(true);
  });

  it.each([
    // Bundle-like code: `http:` everywhere, no endpoint.
    ['var SVG_NS = "http://www.w3.org/2000/svg"; var XLINK = "http://www.w3.org/1999/xlink"; el.setAttributeNS(SVG_NS, "token", t);'],
    ["const docs = 'http://example.com/docs/authorization'; throw new Error('see ' + docs);"],
    ["const config = { issuer: 'http://localhost:8080/realms/pos' };"],
    ["const config = { tokenUrl: 'http://127.0.0.1:4000/oauth/token' };"],
    ["const url = `http://localhost:${port}/oauth/token`;"],
    ["const config = { issuer: 'https://idp.example.com', homepage: 'http://example.com' };"],
    ['// see http://tools.ietf.org/html/rfc6749 for the token endpoint'],
  ])('stops %j', (text) => {
    expect(mayReport(text)).toBe(false);
  });

  it.each([
    // A template continued by an expression: its path ends in its own text (expressions are dynamic parts).
    ['const list = await fetch(`http://${inspector.host}/json/list`);', false],
    ['const { pathname } = new URL(`http://n${req.url}`);', false],
    ['const url = `http://${host}/oauth2/token?grant=${grant}`;', true],
    ['const url = `http://${host}/${tenant}/oauth2/v2.0/token`;', true],
    ['const url = `http://${host}` + TOKEN_PATH;', true],
    ['const url = `http://${host}\n/oauth/token`;', true],
    ["const config = { issuer: `http://${host}` };", true],
    // A variable named like an endpoint key counts where it is used as one, not where it is assigned.
    ['function base(baseUrl) { baseUrl = `http://${baseUrl}`; return new URL(PATH, baseUrl).href; }', false],
    ['let baseUrl = `http://${host}`;\nconst client = new Client({ baseUrl });', true],
    ['let baseUrl = `http://${host}`;\nconst client = new Client({ retries, baseUrl, timeout });', true],
    ["const issuer = 'http://idp.example.com';\nconst docs = `${issuer}`;", false],
    // An escaped quote inside another string starts no string.
    ['console.error(`use a destination that starts with \\`http://\\` or \\`https://\\``);', false],
    ["const url = 'http:\\/\\/idp.example.com\\/oauth\\/token';", true],
  ])('%j → %s', (text, expected) => {
    expect(mayReport(text)).toBe(expected);
  });

  it.each([
    '/oauth/token', '/oauth2/authorize', '/connect/userinfo', '/oauth2/v2.0/token', '/as/introspect', '/identity/connect/revoke', '/openid-connect/auth',
    '/.well-known/openid-configuration', '/.well-known/oauth-authorization-server', '/jwks', '/certs.json',
  ])('finds a word of ENDPOINT_TAIL in the endpoint path %s', (path) => {
    expect(ENDPOINT_PATHS.some((pattern) => pattern.test(path))).toBe(true);
    expect(ENDPOINT_TAIL.test(path)).toBe(true);
  });

  it.each([...ENDPOINT_PROPERTIES])('lets an http URL under every endpoint key of the catalogue through (%s)', (key) => {
    expect(mayReport(`const config = { ${key}: 'http://idp.example.com/x' };`)).toBe(true);
  });

  it.each(['localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[0:0:0:0:0:0:0:1]', 'pos.localhost', 'LOCALHOST', 'localhost.example.com', 'example.com', '128.0.0.1', '[::2]'])(
    'agrees with the rule on whether %s is loopback',
    (host) => {
      expect(LOOPBACK_HOST.test(host)).toBe(isLoopbackHost(host));
    },
  );
});
