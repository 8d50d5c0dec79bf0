import { describe, expect, it } from 'vitest';
import { FLOW_API_ROWS } from '../../../src/catalogue/flows.js';
import { readChecksAt } from '../../../src/detectors/text-gates/flow-text.js';
import { mayReport, ROWS } from '../../../src/detectors/text-gates/require-pkce.js';

/** The text of a call of a catalogue row: its module imported, its name used. */
function callOf(row: (typeof FLOW_API_ROWS)[number]): string {
  const module = row.modules[0] ?? '';
  if (row.method !== undefined) return `const lib = require('${module}');\nlib${row.receiver === undefined ? '' : `.${row.receiver}`}.${row.method}(a, b, c);\n`;
  const name = row.path?.at(-1);
  return name === undefined ? `import Strategy from '${module}';\nnew Strategy(verify);\n` : `import { ${name} } from '${module}';\n${name}(a, b, c);\n`;
}

describe('require-pkce text gate', () => {
  it('passes hand-built authorization requests', () => {
    expect(mayReport("const url = `${issuer}/authorize?response_type=code&client_id=${id}`;")).toBe(true);
    expect(mayReport('const params = new URLSearchParams({ responseType: "code", clientId });')).toBe(true);
    expect(mayReport('qs.stringify({ RESPONSE_TYPE: "code", CLIENT_ID: id })')).toBe(true);
    expect(mayReport("p.set('Response-Type', 'code'); p.set('client-id', id);")).toBe(true);
  });

  it('passes code_challenge_method in any spelling of the words', () => {
    expect(mayReport("{ code_challenge_method: 'plain' }")).toBe(true);
    expect(mayReport("{ codeChallengeMethod: 'plain' }")).toBe(true);
    expect(mayReport("params.set('CODE_CHALLENGE_METHOD', 'plain')")).toBe(true);
    expect(mayReport("{ 'code-challenge-method': m }")).toBe(true);
  });

  it('passes Auth.js checks without pkce, and checks it cannot read', () => {
    expect(mayReport("GitHub({ checks: ['state'] })")).toBe(true);
    expect(mayReport('GitHub({"checks":["none"]})')).toBe(true);
    expect(mayReport("GitHub({ checks: /* off */ ['state'] })")).toBe(true);
    expect(mayReport("GitHub({ checks: <Check[]>['state'] })")).toBe(true);
  });

  it('stops Auth.js checks with pkce, other arrays and other keys', () => {
    expect(mayReport("GitHub({ checks: ['pkce', 'state'] })")).toBe(false);
    expect(mayReport("const checks = ['state'];")).toBe(false);
    expect(mayReport("run({ checks: [lint, test] }); run({ healthchecks: ['state'] })")).toBe(false);
    expect(mayReport('run({ checks: [] })')).toBe(false);
    // A `/` after the word that starts no comment: a module path, a division, a regular expression.
    expect(mayReport('var v1alpha_13 = require("./apis/checks/v1alpha");')).toBe(false);
    expect(mayReport('const rate = { checks: checks / total };')).toBe(false);
    expect(mayReport("GitHub({ checks: /state/ })")).toBe(false);
    expect(mayReport("GitHub({ checks: ['state', /pkce/] })")).toBe(false);
    // Comments anywhere in it are not read, so they pass.
    expect(mayReport("GitHub({ checks // no pkce\n: ['state'] })")).toBe(true);
    expect(mayReport("GitHub({ checks: ['state' /* , 'pkce' */] })")).toBe(true);
    expect(mayReport("GitHub({ checks: [/* 'pkce', */ 'state'] })")).toBe(true);
  });

  it('reads checks arrays as the rule reads them', () => {
    const text = "x = { checks: ['state', \"nonce\",] }";
    expect(readChecksAt(text, text.indexOf('checks'))).toEqual(['state', 'nonce']);
    const computed = "x = { ['checks']: ['none'] }";
    expect(readChecksAt(computed, computed.indexOf('checks'))).toEqual(['none']);
    const template = 'x = { checks: [`state`] }';
    expect(readChecksAt(template, template.indexOf('checks'))).toBeUndefined();
    const escaped = "x = { checks: ['st\\u0061te'] }";
    expect(readChecksAt(escaped, escaped.indexOf('checks'))).toBe('unknown');
  });

  it('stops bundle-like text that names only common words and catalogue modules', () => {
    const bundle = [
      "var https = require('https'); var axios = require('axios');",
      'function callback(err, token) { if (typeof token === "string") return token; }',
      'const Strategy = { challenge: 1, method: "GET", type: "text/plain" };',
      'export { Strategy }; var checks = []; var responseText = xhr.responseText;',
    ].join('\n');
    expect(mayReport(bundle)).toBe(false);
  });

  it('passes a call of every catalogue row the rule reads, and needs the import for it', () => {
    expect(ROWS).toEqual(FLOW_API_ROWS.filter((row) => row.pattern === 'no-pkce' || row.pattern === 'authorization-url'));
    for (const row of ROWS) {
      expect(mayReport(callOf(row)), row.id).toBe(true);
      for (const module of row.modules) expect(mayReport(callOf({ ...row, modules: [module] })), `${row.id} ${module}`).toBe(true);
      const name = row.method ?? row.path?.at(-1);
      if (name !== undefined) expect(mayReport(`${row.receiver ?? 'lib'}.${name}(a, b, c);`), `${row.id} without import`).toBe(false);
    }
  });

  it('stops a catalogue module imported for something else', () => {
    expect(mayReport("import { discovery } from 'openid-client';\nawait discovery(issuer, id);")).toBe(false);
    expect(mayReport("import { refreshTokenGrant } from 'openid-client';\nawait refreshTokenGrant(config, token);")).toBe(false);
  });
});
