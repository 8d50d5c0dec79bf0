import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearProjectFactsCache, helperSource, moduleStyleFor, relativeSpecifier } from '../../src/fix/apply/index.js';
import { cleanupProjects, tempDir, writeProject } from './project.js';

afterAll(cleanupProjects);
beforeEach(clearProjectFactsCache);

function project(files: Readonly<Record<string, string>>): string {
  const dir = tempDir();
  writeProject(dir, files);
  return dir;
}

describe('moduleStyleFor and relativeSpecifier', () => {
  it('adds .js under moduleResolution NodeNext / Node16, also when only `module` implies it, and through extends', () => {
    const dir = project({
      'package.json': '{ "type": "module" }',
      'tsconfig.base.json': '{ "compilerOptions": { "module": "Node16" } }',
      'tsconfig.json': '{ "extends": "./tsconfig.base.json" }',
    });
    const file = join(dir, 'src/sync/kensium.ts');
    const style = moduleStyleFor(file, '');
    expect(style).toEqual({ syntax: 'esm', extensions: true, typescript: true });
    expect(relativeSpecifier(file, join(dir, 'src/require-env.ts'), style)).toBe('../require-env.js');
    expect(relativeSpecifier(file, join(dir, 'src/require-env.mts'), style)).toBe('../require-env.mjs');
  });

  it('leaves the extension out under bundler resolution', () => {
    const dir = project({ 'package.json': '{}', 'tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "bundler" } }' });
    const file = join(dir, 'src/erp.ts');
    const style = moduleStyleFor(file, '');
    expect(style.extensions).toBe(false);
    expect(relativeSpecifier(file, join(dir, 'src/require-env.ts'), style)).toBe('./require-env');
  });

  it('keeps JavaScript in its own syntax: require in CommonJS files, import in ESM ones, with .js either way', () => {
    const dir = project({ 'package.json': '{}' });
    expect(moduleStyleFor(join(dir, 'a.js'), "const x = require('x');\n")).toEqual({ syntax: 'commonjs', extensions: true, typescript: false });
    expect(moduleStyleFor(join(dir, 'b.js'), "import x from 'x';\n").syntax).toBe('esm');
    expect(moduleStyleFor(join(dir, 'c.mjs'), '').syntax).toBe('esm');
    const esm = project({ 'package.json': '{ "type": "module" }' });
    expect(moduleStyleFor(join(esm, 'd.js'), 'console.log(1);\n').syntax).toBe('esm');
    expect(moduleStyleFor(join(esm, 'e.cjs'), '').syntax).toBe('commonjs');
  });
});

describe('helperSource', () => {
  it('writes the shared TypeScript helper and JavaScript flavours with JSDoc types', () => {
    expect(helperSource('typescript')).toContain('export function requireEnv(name: string): string {');
    expect(helperSource('esm')).toContain('@returns {string}\n */\nexport function requireEnv(name) {');
    expect(helperSource('commonjs')).toMatch(/^'use strict';\n[\s\S]*\nfunction requireEnv\(name\) \{[\s\S]*\nmodule\.exports = \{ requireEnv \};\n$/u);
    for (const flavour of ['typescript', 'esm', 'commonjs'] as const) {
      expect(helperSource(flavour)).toContain('throw new Error(`Environment variable ${name} is not set`)');
    }
  });
});
