/**
 * The scanner and the plugin load TypeScript (a 9 MB bundle, about 0.2 s) only when they use it:
 * a scan starts its workers first, and a `--staged` run that needs no parse never loads it. ESLint
 * itself (about 0.1 s with what `@typescript-eslint/utils` brings along) is loaded only by the
 * threads that lint: the main thread of a scan in workers never does. Checked in a fresh process
 * on the built package, which `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * Whether the main file of package `name` is in the require cache after importing `entry` (and
 * running `use` on the module, an async function body with the module as `m`).
 */
function loadsPackage(name: string, entry: string, use = ''): boolean {
  const script = `
    const { createRequire } = require('node:module');
    const main = createRequire(${JSON.stringify(join(root, 'package.json'))}).resolve(${JSON.stringify(name)});
    import(${JSON.stringify(pathToFileURL(join(root, 'dist', entry)).href)}).then(async (m) => {
      ${use}
      process.stdout.write(String(require.cache[main] !== undefined));
    });`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }) === 'true';
}

const loadsTypeScript = (entry: string, use = ''): boolean => loadsPackage('typescript', entry, use);

describe('loading TypeScript', () => {
  it('is left to the first use: importing the scanner, the plugin or the CLI does not load it', () => {
    expect(loadsTypeScript('src/scanner/index.js')).toBe(false);
    expect(loadsTypeScript('src/index.js')).toBe(false);
    expect(loadsTypeScript('src/cli/main.js')).toBe(false);
  });

  it('happens for the modules that use it', () => {
    expect(loadsTypeScript('src/scanner/project.js')).toBe(true);
  });

  it('is left out of the scanner\'s parse of JavaScript, which espree does, and done for TypeScript', () => {
    const parse = (file: string, code: string): string =>
      `m.createScannerParser({ needsTokens: () => false }).parseForESLint(${JSON.stringify(code)}, { filePath: ${JSON.stringify(file)}, sourceType: 'module', ecmaVersion: 'latest' });`;
    expect(loadsTypeScript('src/scanner/parser.js', parse('/repo/src/erp.js', "export const erp = { clientId: 'pos-sync' };"))).toBe(false);
    expect(loadsTypeScript('src/scanner/parser.js', parse('/repo/src/erp.ts', "export const erp: { clientId: string } = { clientId: 'pos-sync' };"))).toBe(true);
    // A .js file espree rejects (type annotations) takes the TypeScript path.
    expect(loadsTypeScript('src/scanner/parser.js', parse('/repo/src/erp.js', 'export const erp: string = "pos-sync";'))).toBe(true);
  });
});

describe('loading the rules', () => {
  it('is left to the threads that lint: the scanner, the scan command and the per-file pass load no rule on import', () => {
    // Every rule imports typescript-eslint's AST helpers; nothing the main thread of a scan needs does.
    for (const entry of ['src/scanner/index.js', 'src/cli/scan-command.js', 'src/scanner/file-pass.js']) {
      expect(loadsPackage('@typescript-eslint/utils/ast-utils', entry), entry).toBe(false);
    }
    expect(loadsPackage('@typescript-eslint/utils/ast-utils', 'src/index.js')).toBe(true);
  });

  it('happens when the per-file pass loads its linter', () => {
    expect(loadsPackage('@typescript-eslint/utils/ast-utils', 'src/scanner/file-pass.js', 'await m.loadLinter();')).toBe(true);
  });
});

describe('loading ESLint', () => {
  it('is left to the linting: importing the plugin, the scanner or the CLI does not load it', () => {
    expect(loadsPackage('eslint', 'src/index.js')).toBe(false);
    expect(loadsPackage('eslint', 'src/scanner/index.js')).toBe(false);
    expect(loadsPackage('eslint', 'src/cli/main.js')).toBe(false);
  });

  it('happens for the first file linted', () => {
    const lint = `new m.FileLinter({ rules: { 'credential-hygiene/no-hardcoded-client-secret': 'error' }, reportUnusedDisableDirectives: false }).lint('/repo/src/erp.js', "export const erp = { clientSecret: 'pos-sync' };");`;
    expect(loadsPackage('eslint', 'src/scanner/lint.js', lint)).toBe(true);
  });
});
