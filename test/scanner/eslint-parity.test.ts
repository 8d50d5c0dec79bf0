/**
 * The scanner's per-file pass and `eslint` with the plugin report the same problems: same rule
 * ids, messages, positions and `eslint-disable` handling, because the scanner runs the plugin's
 * own rules through ESLint's `Linter`. Whole-program findings are switched off here; they are
 * what the scanner adds on top.
 */
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { run } from '../../src/scanner/index.js';

const root = join(import.meta.dirname, '..', '..');
const projects = [join(root, 'test', 'fixtures', 'scanner', 'parity'), join(root, 'examples', 'pos-sync-service')];

async function eslintFindings(cwd: string, strict: boolean): Promise<string[]> {
  const config: Linter.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { 'credential-hygiene': plugin },
      rules: (strict ? plugin.configs.strict.rules : plugin.configs.recommended.rules) as Linter.RulesRecord,
    },
    { files: ['**/*.{cjs,cts}'], languageOptions: { sourceType: 'commonjs' } },
  ];
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${relative(cwd, result.filePath)}:${message.line}:${message.column}-${message.endLine ?? message.line}:${message.endColumn ?? message.column} ${message.severity === 2 ? 'error' : 'warn'} ${message.ruleId ?? ''} ${message.message}`,
    ),
  );
}

async function scannerFindings(cwd: string, strict: boolean): Promise<string[]> {
  const result = await run({ cwd, wholeProgram: false, rules: (strict ? plugin.configs.strict.rules : plugin.configs.recommended.rules) as Linter.RulesRecord });
  return result.findings
    .filter((finding) => /\.[cm]?[jt]sx?$/u.test(finding.file))
    .map((finding) => `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.severity} credential-hygiene/${finding.ruleId} ${finding.message}`);
}

describe('scanner and ESLint agree', () => {
  for (const project of projects) {
    for (const strict of [false, true]) {
      it(`on ${relative(root, project)} with the ${strict ? 'strict' : 'recommended'} config`, async () => {
        const [fromEslint, fromScanner] = await Promise.all([eslintFindings(project, strict), scannerFindings(project, strict)]);
        expect(fromEslint.length).toBeGreaterThan(2);
        expect([...fromScanner].sort()).toEqual([...fromEslint].sort());
      });
    }
  }
});
