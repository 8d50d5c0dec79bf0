import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifySecretName } from '../../src/detectors/index.js';
import plugin from '../../src/index.js';
import { createPrefilter, mayReadSecretEnv, mayUseImportedSecretName, mayUseSecretName, RULE_GATES } from '../../src/scanner/prefilter.js';
import { isSecretEnvName } from '../../src/scanner/program-text.js';

// Fragments assembled at run time: no whole fake secret in the source.
const fakeGoogleClientSecret = ['GOCSPX-', 'Zq8vR3mTx5Wp9LkB2nYc7dFg4hJs'].join('');
const fakeGithubToken = ['ghp_', 'Zq8vR3mTx5Wp9LkB2nYc7dFg4hJs6aQe1uVo'].join('');
const fakeRandomValue = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH'].join('');

describe('prefilter rows', () => {
  it('has a row for every rule of the plugin, so the prefilter is on for every shipped config', () => {
    expect(Object.keys(RULE_GATES).sort()).toEqual(Object.keys(plugin.rules).sort());
    expect(createPrefilter(Object.keys(plugin.rules))).toBeTypeOf('function');
  });

  it('lets through every name classifySecretName calls a credential, whatever the casing and separators', () => {
    const words = ['client', 'secret', 'id', 'api', 'key', 'access', 'token', 'refresh', 'password', 'pass', 'pwd', 'passphrase', 'private', 'signing', 'jwt', 'webhook', 'consumer', 'app', 'bearer', 'authorization', 'pat', 'github', 'user', 'db', 'erp', 'value', 'auth', 'session', 'master', 'license', 'or'];
    const styles: ((parts: string[]) => string)[] = [
      (parts) => parts.join('_').toUpperCase(),
      (parts) => parts.join('-'),
      (parts) => parts.join('.'),
      (parts) => parts.join(''),
      (parts) => parts.map((part, index) => (index === 0 ? part : `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`)).join(''),
      (parts) => parts.map((part) => part.toUpperCase()).join(''),
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: styles.length - 1 }), (parts, style) => {
        const name = (styles[style] as (parts: string[]) => string)(parts);
        if (!classifySecretName(name)) return;
        const text = `export const settings = { ${JSON.stringify(name)}: value };`;
        expect(mayUseSecretName(text), name).toBe(true);
        // The hard-coded rules' gates want a value they could report under the name, not the name alone.
        expect(createPrefilter(['no-hardcoded-credentials', 'no-hardcoded-client-secret', 'no-hardcoded-client-id'])?.(`export const settings = { ${JSON.stringify(name)}: '${fakeRandomValue}' };`), name).toBe(true);
        // A cross-file use site: the name holds a value imported from another module.
        expect(mayUseImportedSecretName(`import { erp } from './config';\nexport const settings = { ${JSON.stringify(name)}: erp.value };`), name).toBe(true);
        // A secret env read: exactly the names the facts rule records (no client ids).
        const envName = name.replace(/[^A-Za-z0-9_]/gu, '_');
        expect(mayReadSecretEnv(`const value = process.env.${envName};`), envName).toBe(isSecretEnvName(envName));
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a file that holds none of the words, modules or formats any rule needs', () => {
    const prefilter = createPrefilter(Object.keys(plugin.rules));
    expect(prefilter?.("import { sum } from './math.js';\nexport const total = (items) => sum(items.map((item) => item.price));\n")).toBe(false);
    expect(mayUseSecretName("import { sum } from './math.js';\n")).toBe(false);
    // Words inside names that classifySecretName splits otherwise: `stop|At`, `passive`, `compass`, `P|Wd`.
    for (const name of ['stopAt', 'passive', 'compassHeading', 'XXU_PWd', 'bypassCache']) {
      expect(classifySecretName(name), name).toBeUndefined();
      expect(mayUseSecretName(`import { nav } from './nav.js';\nexport const view = { ${name}: nav.${name} };\n`), name).toBe(false);
    }
    for (const name of ['passwd', 'SSH_PASSPHRASE', 'user_pass', 'BASIC_AUTH_PASS']) expect(mayUseSecretName(`export const login = { ${name}: cfg.value };`), name).toBe(true);
    expect(mayReadSecretEnv('const port = Number(process.env.PORT ?? 8080);')).toBe(false);
  });

  it('lets through a recognised token format where no name gives it away, and sinks of catalogue modules', () => {
    const prefilter = createPrefilter(['no-hardcoded-credentials']);
    expect(prefilter?.(`const fixture = '${fakeGoogleClientSecret}';`)).toBe(true);
    expect(prefilter?.(`// ${fakeGithubToken}\nexport {};`)).toBe(true);
    expect(createPrefilter(['no-hardcoded-client-secret'])?.(`import * as client from 'openid-client';\nconst value = '${fakeRandomValue}';\nawait client.discovery(issuer, id, value);`)).toBe(true);
    expect(mayUseSecretName("const { Issuer } = require('openid-client');")).toBe(true);
    expect(mayUseImportedSecretName("const { Issuer } = require('openid-client');")).toBe(true);
  });
});
