/**
 * Sinks declared in the scanner's config file: they reach the hard-coded rules as their option and
 * the cross-file check, so a literal exported from one module and passed to a team's own SDK
 * wrapper in another is reported at the literal.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRunOptions } from '../../src/cli/scan-command.js';
import { ConfigError, loadConfigFile, mergeConfig, validateConfig } from '../../src/cli/scan-config.js';
import plugin from '../../src/index.js';
import { run } from '../../src/scanner/index.js';
import type * as Scanner from '../../src/scanner/index.js';

// A fake value, assembled so that this file holds none whole.
const SECRET = ['Qm4vN8xK2pT6', 'wZ9bR3cL7hYd5gFs1Ae0'].join('');

const CONFIG = {
  sinks: [
    {
      module: '@acme/kensium-sdk',
      export: 'KensiumClient',
      call: 'new',
      slots: [
        { arg: 0, property: 'oauth.clientId', kind: 'client-id' },
        { arg: 0, property: 'oauth.key', kind: 'client-secret', envName: 'KENSIUM_CLIENT_SECRET' },
      ],
    },
  ],
};

const SETTINGS = `export const kensium = {\n  baseUrl: 'https://pos.kensium.example',\n  access: '${SECRET}',\n};\n`;
const POS = [
  "import { KensiumClient } from '@acme/kensium-sdk';",
  "import { kensium } from './settings';",
  '',
  'export const pos = new KensiumClient({ baseUrl: kensium.baseUrl, oauth: { clientId: process.env.KENSIUM_CLIENT_ID, key: kensium.access } });',
  '',
].join('\n');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credential-hygiene-user-sinks-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function scan(dir: string): Promise<Awaited<ReturnType<typeof run>>> {
  const { config } = loadConfigFile(dir, undefined);
  return run({ ...toRunOptions(mergeConfig(config, {}), dir, []), workers: 0 });
}

describe('sinks in the config file', () => {
  it('reports a literal from another module that reaches a declared slot, at the literal, with a trace to the call', async () => {
    const dir = project('cross-file', { 'credential-hygiene.config.json': JSON.stringify(CONFIG), 'src/settings.ts': SETTINGS, 'src/pos.ts': POS });
    const result = await scan(dir);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => ({ file: finding.file, line: finding.line, column: finding.column, endColumn: finding.endColumn, ruleId: finding.ruleId, kind: finding.kind }))).toEqual([
      { file: 'src/settings.ts', line: 3, column: 11, endColumn: 45, ruleId: 'no-hardcoded-client-secret', kind: 'client-secret' },
    ]);
    const [finding] = result.findings;
    expect(finding?.message).toContain('passed to `KensiumClient` (@acme/kensium-sdk) as the client secret in src/pos.ts:4');
    expect(finding?.message).not.toContain(SECRET);
    expect(finding?.trace?.at(-1)).toMatchObject({ file: 'src/pos.ts', line: 4 });
  });

  it('reports nothing there without the declaration', async () => {
    const dir = project('undeclared', { 'src/settings.ts': SETTINGS, 'src/pos.ts': POS });
    const result = await scan(dir);
    expect(result.findings).toEqual([]);
  });

  it('reports nothing for the same call imported from another package', async () => {
    const dir = project('other-module', {
      'credential-hygiene.config.json': JSON.stringify(CONFIG),
      'src/settings.ts': SETTINGS,
      'src/pos.ts': POS.replace('@acme/kensium-sdk', '@acme/kensium-mock'),
    });
    const result = await scan(dir);
    expect(result.findings).toEqual([]);
  });

  it('gives the declaration to the per-file rules, also when only keyword-prefiltered rules are on', async () => {
    // Only no-hardcoded-client-secret, whose keyword (`secret`) this file does not contain.
    const OTHER_RULES_OFF = Object.fromEntries([...Object.keys(plugin.rules), 'no-committed-env-file'].filter((id) => id !== 'no-hardcoded-client-secret').map((id) => [id, 'off']));
    const pos = `import { KensiumClient } from '@acme/kensium-sdk';\nexport const pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });\n`;
    const dir = project('per-file', {
      'credential-hygiene.config.json': JSON.stringify({ ...CONFIG, preset: 'strict', rules: OTHER_RULES_OFF }),
      'src/pos.ts': pos,
    });
    const result = await scan(dir);
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(['src/pos.ts:2:73 no-hardcoded-client-secret']);
    expect(result.findings[0]?.message).toContain('passed to `KensiumClient`');
  });

  it('reaches the per-file pass in worker threads (the built package, as `npm test` builds it)', async () => {
    const built = (await import(pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'src', 'scanner', 'index.js')).href)) as typeof Scanner;
    const pos = `import { KensiumClient } from '@acme/kensium-sdk';\nexport const pos = new KensiumClient({ baseUrl, oauth: { clientId, key: '${SECRET}' } });\n`;
    const dir = project('workers', { 'credential-hygiene.config.json': JSON.stringify(CONFIG), 'src/settings.ts': SETTINGS, 'src/pos.ts': POS, 'src/direct.ts': pos });
    const { config } = loadConfigFile(dir, undefined);
    const result = await built.run({ ...toRunOptions(mergeConfig(config, {}), dir, []), workers: 2 });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      'src/direct.ts:2:73 no-hardcoded-client-secret',
      'src/settings.ts:3:11 no-hardcoded-client-secret',
    ]);
  });

  it('rejects an invalid declaration with the place of the problem', () => {
    expect(() => validateConfig('c.json', { sinks: [{ module: '@acme/kensium-sdk', export: 'KensiumClient', slots: [{ arg: 0, kind: 'pin' }] }] })).toThrow(ConfigError);
    expect(() => validateConfig('c.json', { sinks: [{ module: '@acme/kensium-sdk', export: 'KensiumClient', slots: [{ arg: 0, kind: 'pin' }] }] })).toThrow(/"sinks" item 0, slot 0: kind must be one of "client-secret"/u);
    expect(() => validateConfig('c.json', { sinks: { module: 'x' } })).toThrow(/"sinks" must be an array of sink declarations/u);
    expect(() => validateConfig('c.json', { sinks: [{ module: 'x', export: 'Client', slots: [] }] })).toThrow(/"sinks" item 0: slots must be a non-empty array/u);
    expect(validateConfig('c.json', CONFIG)).toEqual(CONFIG);
  });
});
