/**
 * The editor and the command agree: for the same finding, applying the ESLint rule's suggestion
 * gives the same file as `credential-hygiene fix`, in both lookup styles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixCommand } from '../../src/cli/fix-command.js';
import { clearProjectFactsCache } from '../../src/fix/apply/index.js';
import plugin from '../../src/index.js';
import { cleanupProjects, tempDir, writeProject } from './project.js';

afterAll(cleanupProjects);

const SECRET_A = ['Zq8vR2mK9xLp', 'T4wN7bYc3fHd', '6jGs1A0cE'].join('');
const SECRET_B = ['F3kP9vQ2wX7m', 'R4tY8zB1nC6h', 'J0sL5dGa'].join('');
const SECRET_C = ['Hb4nW8qZ2vXk', 'P7mT3cR9yLs1', 'D6fG0jAe'].join('');

/** One finding per file, each file already importing something (so both add the import the same way). */
const SOURCES: Readonly<Record<string, string>> = {
  'src/kensium.ts': `import { URL } from 'node:url';\n\nexport const kensium = {\n  tokenUrl: new URL('https://auth.kensium.example/connect/token'),\n  clientSecret: '${SECRET_A}', // from the partner portal\n};\n`,
  'src/acumatica.ts': `import { URL } from 'node:url';\n\nexport const ACUMATICA_CLIENT_SECRET = '${SECRET_B}' as const;\nexport const endpoint = new URL('https://erp.example/identity/connect/token');\n`,
  'src/pos-client.ts': `import { URL } from 'node:url';\n\nexport class PosClient {\n  readonly tokenUrl = new URL('https://pos.example/oauth/token');\n  private readonly clientSecret = '${SECRET_C}';\n}\n`,
};

function project(): string {
  const dir = tempDir();
  writeProject(dir, {
    'package.json': '{ "type": "module" }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true } }\n',
    ...SOURCES,
  });
  return dir;
}

/** The file after applying the (single) env-var suggestion of the hard-coded rules. */
function withSuggestion(file: string, text: string, ruleOptions: Record<string, unknown>): string {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const rules: Linter.RulesRecord = {};
  for (const rule of ['no-hardcoded-client-secret', 'no-hardcoded-client-id', 'no-hardcoded-credentials']) if (rule in plugin.rules) rules[`credential-hygiene/${rule}`] = ['error', ruleOptions];
  const messages = linter.verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser }, plugins: { 'credential-hygiene': plugin }, rules }], { filename: file });
  const suggestions = messages.flatMap((message) => message.suggestions ?? []).filter((suggestion) => suggestion.messageId === 'replaceWithEnv');
  expect(suggestions).toHaveLength(1);
  const { fix } = suggestions[0] as Linter.LintSuggestion;
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

async function fixed(dir: string, style: string): Promise<Map<string, string>> {
  clearProjectFactsCache();
  const sink = { write: () => true };
  await runFixCommand(['--style', style, '--helper-path', 'src/require-env.ts'], { stdout: sink, stderr: sink }, dir);
  return new Map(Object.keys(SOURCES).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

describe('ESLint suggestion and fix command', () => {
  it('produce the same file with requireEnv', async () => {
    const dir = project();
    const expected = new Map(Object.entries(SOURCES).map(([path, text]) => [path, withSuggestion(join(dir, path), text, { requireEnv: { importPath: './require-env.js' } })]));
    const actual = await fixed(dir, 'require-env');
    expect(actual).toEqual(expected);
    expect(actual.get('src/kensium.ts')).toContain("clientSecret: requireEnv('KENSIUM_CLIENT_SECRET'), // from the partner portal");
    expect(actual.get('src/acumatica.ts')).toContain("export const ACUMATICA_CLIENT_SECRET = requireEnv('ACUMATICA_CLIENT_SECRET');");
  });

  it('produce the same file with process.env', async () => {
    const dir = project();
    const expected = new Map(Object.entries(SOURCES).map(([path, text]) => [path, withSuggestion(join(dir, path), text, {})]));
    const actual = await fixed(dir, 'process-env');
    expect(actual).toEqual(expected);
    expect(actual.get('src/pos-client.ts')).toContain('private readonly clientSecret = process.env.POS_CLIENT_SECRET;');
  });
});
