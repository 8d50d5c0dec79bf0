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
