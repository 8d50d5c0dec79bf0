import { describe, expect, it } from 'vitest';
import { ACUMATICA_SIGNALS, ENDPOINT_PATHS, FLOW_API_ROWS } from '../../src/catalogue/flows.js';

describe('FLOW_API_ROWS', () => {
  it('has unique ids', () => {
    const ids = FLOW_API_ROWS.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names either an export path or an instance method, never both', () => {
    for (const row of FLOW_API_ROWS) expect([row.path !== undefined, row.method !== undefined], row.id).toEqual(row.path ? [true, false] : [false, true]);
  });

  it('gives every row a module, a label, a source and at least one condition', () => {
    for (const row of FLOW_API_ROWS) {
      expect(row.modules.length, row.id).toBeGreaterThan(0);
      expect(row.label, row.id).not.toBe('');
      expect(row.source, row.id).not.toBe('');
      expect(row.when.length, row.id).toBeGreaterThan(0);
    }
  });

  it('names the fix in every PKCE and state row (their messages print it)', () => {
    for (const row of FLOW_API_ROWS.filter((candidate) => candidate.pattern === 'no-pkce' || candidate.pattern === 'no-state')) expect(row.fix, row.id).toBeTruthy();
  });
});

describe('ACUMATICA_SIGNALS', () => {
  const isAcumatica = (text: string): boolean => ACUMATICA_SIGNALS.some((signal) => signal.test(text));

  it('recognises the client id shape, REST paths, hosts and settings', () => {
    expect(isAcumatica("client_id: '88358B02-A48D-A50E-F710-39C1636C30F6@MyTenant'")).toBe(true);
    expect(isAcumatica('`${base}/entity/auth/login`')).toBe(true);
    expect(isAcumatica("'/entity/Default/23.200.001/StockItem'")).toBe(true);
    expect(isAcumatica("'https://acme.acumatica.com'")).toBe(true);
    expect(isAcumatica('process.env.ACUMATICA_CLIENT_SECRET')).toBe(true);
  });

  it('does not take the IdentityServer token path for Acumatica', () => {
    expect(isAcumatica("fetch(`${vault}/identity/connect/token`)")).toBe(false);
    expect(isAcumatica("const id = '88358B02-A48D-A50E-F710-39C1636C30F6';")).toBe(false);
  });
});

describe('ENDPOINT_PATHS', () => {
  const isEndpoint = (path: string): boolean => ENDPOINT_PATHS.some((pattern) => pattern.test(path));

  it('matches token, authorization, discovery and key endpoints', () => {
    for (const path of ['/connect/token', '/identity/connect/token', '/oauth2/v2.0/token', '/realms/pos/protocol/openid-connect/token', '/oauth/authorize', '/.well-known/openid-configuration', '/jwks.json']) {
      expect(isEndpoint(path), path).toBe(true);
    }
  });

  it('leaves API and grant-type URIs alone', () => {
    for (const path of ['/api/orders', '/oauth/grant-type/password-realm', '/entity/Default/23.200.001/SalesOrder', '/token-status']) expect(isEndpoint(path), path).toBe(false);
  });
});
