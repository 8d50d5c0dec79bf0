/**
 * The scanner and the plugin load TypeScript (a 9 MB bundle, about 0.2 s) only when they use it:
 * a scan starts its workers first, and a `--staged` run that needs no parse never loads it. Checked
 * in a fresh process on the built package, which `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/**
 * The `typescript` package's main file is in the require cache after importing `entry` (and
 * running `use` on the module, a function body with the module as `m`).
 */
function loadsTypeScript(entry: string, use = ''): boolean {
  const script = `
    const { createRequire } = require('node:module');
    const main = createRequire(${JSON.stringify(join(root, 'package.json'))}).resolve('typescript');
    import(${JSON.stringify(pathToFileURL(join(root, 'dist', entry)).href)}).then((m) => {
      ${use}
      process.stdout.write(String(require.cache[main] !== undefined));
    });`;
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }) === 'true';
}

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
