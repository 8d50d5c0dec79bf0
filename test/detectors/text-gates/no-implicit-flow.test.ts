import { describe, expect, it } from 'vitest';
import { FLOW_API_ROWS } from '../../../src/catalogue/flows.js';
import { mayReport, ROWS } from '../../../src/detectors/text-gates/no-implicit-flow.js';

describe('no-implicit-flow text gate', () => {
  it('passes every spelling of response_type the rule reads', () => {
    for (const name of ['response_type', 'responseType', 'ResponseType', 'RESPONSE_TYPE', 'response-type', 'responsetype', 'response_types']) {
      expect(mayReport(`const request = { ${JSON.stringify(name)}: 'token' };`), name).toBe(true);
    }
    expect(mayReport('location.href = `${authority}/authorize?response_type=id_token%20token`;')).toBe(true);
  });

  it('passes the catalogue implicit-flow APIs with their module', () => {
    expect(ROWS).toEqual(FLOW_API_ROWS.filter((row) => row.pattern === 'implicit-flow'));
    for (const row of ROWS) {
      expect(mayReport(`import ClientOAuth2 from '${row.modules[0] ?? ''}';\nauth.${row.receiver ?? ''}.${row.method ?? ''}();`), row.id).toBe(true);
      expect(mayReport(`auth.${row.receiver ?? ''}.${row.method ?? ''}();`), `${row.id} without import`).toBe(false);
    }
  });

  it('stops bundle-like text', () => {
    expect(mayReport('var t = typeof x; xhr.responseText; var token = res.token; client.token.getUri; type Response = {};')).toBe(false);
  });

  it('passes response types that split off the word token, and stops XHR response types', () => {
    expect(mayReport("const params = { response_type: 'id_token token' };")).toBe(true);
    expect(mayReport("const url = `${base}/authorize?response_type=code+token&client_id=${id}`;")).toBe(true);
    expect(mayReport("const RESPONSE = 'token';\nconst params = { response_type: RESPONSE };")).toBe(true);
    expect(mayReport("const params = { response_type: 'id_token\\ttoken' };")).toBe(true);
    // XHR and fetch wrappers: a response type, but never one that returns a token.
    expect(mayReport("xhr.responseType = 'json';\nconst bearer = readToken(request);\nif (bearer.token.type === 'bearer') send(options.token);")).toBe(false);
    // A variable named token, spaced like a value's word, still lets the file through (the gate only reads characters).
    expect(mayReport("xhr.responseType = 'json';\nconst token = readToken(request);")).toBe(true);
    expect(mayReport("const params = { response_type: 'code id_token' };")).toBe(false);
  });
});
