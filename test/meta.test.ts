/**
 * Keeps rules, the plugin index, tests and docs listing the same names, and proves the configs
 * load through ESLint's own API with `defineConfig` + `extends`, for espree and typescript-eslint.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'eslint/config';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import plugin from '../src/index.js';
import { presetRules } from '../src/configs.js';
import { RULE_DOCS } from '../src/rule-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const namesIn = (dir: string, suffix: string): string[] =>
  readdirSync(join(root, dir))
    .filter((file) => file.endsWith(suffix) && file !== `index${suffix}`)
    .map((file) => file.slice(0, -suffix.length))
    .sort();

const ruleNames = Object.keys(rules).sort();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** Assembled so that the repository never holds this fake secret as one literal outside fixtures. */
const fakeSecret = ['Zq8vL2mN', 'x4Rt7YpK', 'w1Bs9DfH', '3JcA0eUg'].join('');
const badSnippet = `export const kensium = { clientId: 'pos-sync', clientSecret: '${fakeSecret}' };\n`;

describe('plugin layout', () => {
  it('lists the same rules in rules/, the plugin, test/rules/ and docs/rules/', () => {
    expect(namesIn('rules', '.ts')).toEqual(ruleNames);
    expect(namesIn('test/rules', '.test.ts')).toEqual(ruleNames);
    expect(namesIn('docs/rules', '.md')).toEqual(ruleNames);
  });

  it('exports the same rule objects as rules/index.ts', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleNames);
    for (const name of ruleNames) expect(plugin.rules[name]).toBe(rules[name as keyof typeof rules]);
  });

  it('reads meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'credential-hygiene' });
  });

  it.each(ruleNames)('gives %s complete metadata', (name) => {
    const rule = rules[name as keyof typeof rules];
    expect(rule.meta.type).toMatch(/^(problem|suggestion)$/u);
    expect(rule.meta.docs?.description).toMatch(/^[A-Z][^.]*[^.]$/u);
    expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`, 'u'));
    expect(Array.isArray(rule.meta.schema)).toBe(true);
  });

  it('keeps the rule table the CLI and the scanner read without loading the rules equal to the rules', () => {
    expect(Object.keys(RULE_DOCS).sort()).toEqual(ruleNames);
    for (const name of ruleNames) {
      const { url, ...docs } = rules[name as keyof typeof rules].meta.docs ?? {};
      expect(url, name).toBeDefined();
      expect(docs, name).toEqual(RULE_DOCS[name as keyof typeof RULE_DOCS]);
    }
    for (const name of ['recommended', 'strict', 'recommended-type-checked'] as const) expect(presetRules(name), name).toEqual(plugin.configs[name].rules);
  });

  it('points every config back at the one plugin object', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.['credential-hygiene']).toBe(plugin);
    }
  });

  it('puts every rule in strict and only recommended rules in recommended', () => {
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(ruleNames.map((name) => `credential-hygiene/${name}`));
    for (const [id, level] of Object.entries(plugin.configs.recommended.rules ?? {})) {
      const rule = rules[id.replace('credential-hygiene/', '') as keyof typeof rules];
      expect(level).toBe(rule.meta.docs?.recommended);
    }
  });
});

describe('configs through ESLint', () => {
  async function lint(fileName: string, extra: Parameters<typeof defineConfig>[0][] = []) {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: defineConfig(...extra, {
        files: ['**/*.js', '**/*.ts'],
        plugins: { 'credential-hygiene': plugin },
        extends: ['credential-hygiene/recommended'],
      }),
    });
    const [result] = await eslint.lintText(badSnippet, { filePath: join(root, 'virtual', fileName) });
    return result!;
  }

  it('reports on a .js file parsed by espree', async () => {
    const result = await lint('kensium-client.js');
    expect(result.messages.map((message) => message.ruleId)).toContain('credential-hygiene/no-hardcoded-client-secret');
    expect(result.messages.every((message) => !message.message.includes(fakeSecret))).toBe(true);
  });

  it('reports on a .ts file parsed by typescript-eslint', async () => {
    const result = await lint('kensium-client.ts', [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }]);
    expect(result.messages.map((message) => message.ruleId)).toContain('credential-hygiene/no-hardcoded-client-secret');
  });

  it.each(['recommended', 'strict', 'recommended-type-checked'] as const)('calculates the %s config for a file', async (name) => {
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs[name] as never] });
    const calculated = (await eslint.calculateConfigForFile(join(root, 'virtual', 'a.js'))) as { rules: Record<string, unknown> };
    for (const id of Object.keys(plugin.configs[name].rules ?? {})) expect(calculated.rules[id]).toBeDefined();
  });
});
