import { describe, expect, it } from 'vitest';
import { FLOW_API_ROWS, GRANT_TYPES } from '../../../src/catalogue/flows.js';
import { ACUMATICA_LOGIN_TEXT, GRANT_VALUE_WORD, mayReport, ROWS } from '../../../src/detectors/text-gates/no-password-grant.js';

describe('no-password-grant text gate', () => {
  it('anchors on a word every password grant value contains', () => {
    for (const value of GRANT_TYPES.password) expect(value).toContain(GRANT_VALUE_WORD);
  });

  it('passes a password grant type under a grant_type name', () => {
    expect(mayReport("const body = { grant_type: 'password', username, password };")).toBe(true);
    expect(mayReport("form.set('grantType', GRANT); const GRANT = 'password';")).toBe(true);
    expect(mayReport("post(url, 'GRANT_TYPE=password&username=' + u)")).toBe(true);
    expect(mayReport("{ grant_type: 'http://auth0.com/oauth/grant-type/password-realm' }")).toBe(true);
  });

  it('stops a password without a grant type, and a grant type without a password', () => {
    expect(mayReport("const login = { username, password: process.env.PASSWORD };")).toBe(false);
    expect(mayReport("const body = { grant_type: 'client_credentials' };")).toBe(false);
  });

  it('passes the Acumatica sign-in path', () => {
    expect(mayReport(`await fetch(\`\${base}${ACUMATICA_LOGIN_TEXT}\`, { method: 'POST' });`)).toBe(true);
  });

  it('passes a call of every catalogue password-grant row, and needs the import for it', () => {
    expect(ROWS).toEqual(FLOW_API_ROWS.filter((row) => row.pattern === 'password-grant'));
    for (const row of ROWS) {
      const name = row.method ?? row.path?.at(-1) ?? '';
      const use = `${row.receiver === undefined ? 'lib' : `lib.${row.receiver}`}.${name}(a, b, c);`;
      for (const module of row.modules) expect(mayReport(`import * as lib from "${module}";\n${use}`), `${row.id} ${module}`).toBe(true);
      // Without the module the names alone ("password") are not enough, unless they hold a grant type name.
      expect(mayReport(use.replace(/password/giu, 'secretWord')), `${row.id} without import`).toBe(false);
    }
  });
});
