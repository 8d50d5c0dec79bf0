import { describe, expect, it } from 'vitest';
import { FLOW_API_ROWS } from '../../../src/catalogue/flows.js';
import { mayReport, ROWS } from '../../../src/detectors/text-gates/require-oauth-state.js';

function callOf(row: (typeof FLOW_API_ROWS)[number], module: string): string {
  if (row.method !== undefined) return `const lib = require("${module}");\nlib${row.receiver === undefined ? '' : `.${row.receiver}`}.${row.method}(a, b, c);\n`;
  const name = row.path?.at(-1);
  return name === undefined ? `const S = require("${module}");\nnew S(verify);\n` : `const { ${name} } = require("${module}");\n${name}(a, b, c);\n`;
}

describe('require-oauth-state text gate', () => {
  it('passes hand-built authorization requests (response_type and client_id)', () => {
    expect(mayReport("fetch(base + '/authorize?response_type=code&client_id=' + id)")).toBe(true);
    expect(mayReport('new URLSearchParams({ response_type: "code", clientId: id })')).toBe(true);
  });

  it('stops response_type without client_id (a library completes that URL)', () => {
    expect(mayReport("const authorizationUrl = `${base}/authorize?response_type=code`;")).toBe(false);
    expect(mayReport('const contentType = res.headers["content-type"]; const clientId = 1;')).toBe(false);
  });

  it('passes requests told by their endpoint where the rule reads them', () => {
    expect(mayReport('res.redirect(`https://github.com/login/oauth/authorize?client_id=${id}&scope=repo`);')).toBe(true);
    expect(mayReport("res.redirect('https://slack.com/oauth/v2/authorize/?client_id=' + id + '&scope=chat');")).toBe(true);
    expect(mayReport("const u = new URL('https://github.com/login/oauth/authorize');\nu.searchParams.set('client_id', id);\nu.searchParams.set('scope', s);")).toBe(true);
    expect(mayReport("const u = new URL(`https://${shop}/admin/oauth/authorize`);\nu.searchParams.set('client_id', id);\nu.searchParams.set('scope', s);")).toBe(true);
    expect(mayReport("const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';\nlocation.assign(`${AUTH}?client_id=${id}&redirect_uri=${cb}`);")).toBe(true);
    expect(mayReport('location.href = `https://www.facebook.com/v19.0/dialog/oauth?client_id=${id}&redirect_uri=${cb}`;')).toBe(true);
    expect(mayReport("location.href = 'https://login.live.com/oauth20_authorize.srf?client_id=' + id + '&scope=wl.basic';")).toBe(true);
    expect(mayReport('res.redirect(`${config.authorizeUrl}?client_id=${id}&scope=repo`);')).toBe(true);
    expect(mayReport("res.redirect(AUTHORIZATION_ENDPOINT + '?client_id=' + id + '&scope=openid');")).toBe(true);
    expect(mayReport("const u = new URL(discovery['authorization_endpoint']);\nu.searchParams.set('client_id', id);\nu.searchParams.set('scope', s);")).toBe(true);
  });

  it('stops endpoint words that no request uses', () => {
    // Without `client_id`, or without `redirect_uri`/`scope`.
    expect(mayReport("res.redirect('https://github.com/login/oauth/authorize?scope=repo');")).toBe(false);
    expect(mayReport("res.redirect('https://github.com/login/oauth/authorize?client_id=' + id);")).toBe(false);
    // Header names, scope URLs, prose, and a URL template used as a value.
    const headers = "headers['authorization'] = token; const q = { client_id: id, scope: 'https://www.googleapis.com/auth/cloud-platform' };";
    expect(mayReport(headers)).toBe(false);
    expect(mayReport('// calls the /authorize endpoint with client_id and redirect_uri')).toBe(false);
    expect(mayReport('const metadata = { authorization_endpoint: `https://${host}/oauth2/v2.0/authorize`, client_id: id, scope };')).toBe(false);
    expect(mayReport('fetch(config.authorizationUrl, { body: { client_id: id, scope } });')).toBe(false);
  });

  it('passes Auth.js checks that turn CSRF protection off, and stops those that keep it', () => {
    expect(mayReport("Okta({ checks: ['none'] })")).toBe(true);
    expect(mayReport("Okta({ checks: ['pkce', 'none'] })")).toBe(true);
    expect(mayReport("Okta({ checks: ['state'] })")).toBe(false);
    expect(mayReport("Okta({ checks: ['pkce'] })")).toBe(false);
  });

  it('passes a call of every catalogue row the rule reads, through each of its modules', () => {
    expect(ROWS).toEqual(FLOW_API_ROWS.filter((row) => row.pattern === 'no-state' || row.pattern === 'authorization-url'));
    for (const row of ROWS) for (const module of row.modules) expect(mayReport(callOf(row, module)), `${row.id} ${module}`).toBe(true);
  });

  it('stops bundle-like text', () => {
    const bundle = "var r = require('axios'); function f(callback) { return callback(null, { state: 'done', checks: 2 }); } // response type";
    expect(mayReport(bundle)).toBe(false);
  });
});
