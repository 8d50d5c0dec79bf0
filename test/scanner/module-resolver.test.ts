/**
 * The whole-program module resolver: a bare package name is looked up only when it may lead to a
 * scanned file, and every resolution it keeps gives what TypeScript's own resolution gives.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COMPILER_OPTIONS } from '../../src/scanner/project.js';
import { barePackageName, ListingFileSystem, ModuleResolver, packagesHolding, type ModuleGraphHost } from '../../src/scanner/whole-program.js';

let root: string;
const files: Record<string, string> = {
  'packages/lib/package.json': JSON.stringify({ name: '@acme/lib', main: './index.js' }),
  'packages/lib/index.js': "exports.erp = { login: 'pos-sync' };\n",
  'packages/self/package.json': JSON.stringify({ name: 'self-pkg', exports: { './util': './util.js', '.': './main.js' } }),
  'packages/self/main.js': "module.exports = require('self-pkg/util');\n",
  'packages/self/util.js': "exports.value = 'x';\n",
  'app/package.json': JSON.stringify({ name: 'app' }),
  'app/main.js': "const lib = require('@acme/lib');\nconst alias = require('erp-config');\nconst pad = require('left-pad');\n",
  'app/paths.js': "const cfg = require('@cfg/index');\n",
  'app/node_modules/left-pad/package.json': JSON.stringify({ name: 'left-pad', main: './index.js' }),
  'app/node_modules/left-pad/index.js': 'module.exports = (s) => s;\n',
  // A module file and a folder of the same name: `./erp` is the file, `./erp/` and `.` in the folder are its index.
  'app/erp.js': "exports.erp = require('./erp/');\n",
  'app/erp/index.js': "exports.index = require('.');\n",
  'app/erp/orders/sync.js': "const erp = require('../../erp');\n",
  // JavaScript with declarations next to it, and declarations that `moduleSuffixes` or `rootDirs` find first.
  'sdk/client.js': "exports.client = require('./transport');\n",
  'sdk/client.d.ts': 'export declare const client: unknown;\n',
  'sdk/transport.js': "exports.send = () => 'sent';\n",
  'sdk/transport.d.ts': 'export declare const send: () => string;\n',
  'sdk/device.js': "exports.device = require('./api');\n",
  'sdk/api.js': "exports.api = 'api';\n",
  'sdk/api.ios.d.ts': 'export declare const api: string;\n',
  'sdk/src/main.js': "exports.schema = require('./schema');\n",
  'sdk/src/schema.js': "exports.schema = 'schema';\n",
  'sdk/generated/schema.d.ts': 'export declare const schema: string;\n',
  'sdk/orders.js': "exports.orders = require('./format');\n",
  'sdk/format.js': "exports.format = String;\n",
  'sdk/format/index.d.ts': 'export declare const format: (value: unknown) => string;\n',
};
const scanned = ['packages/lib/index.js', 'packages/self/main.js', 'packages/self/util.js', 'app/main.js', 'app/paths.js'];

function hostFor(options: (path: string) => ts.CompilerOptions = () => DEFAULT_COMPILER_OPTIONS): ModuleGraphHost {
  return { getFacts: () => undefined, getCompilerOptions: options, relative: (path) => path.slice(root.length + 1) };
}

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'ch-resolver-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  // A workspace package linked under its own name, and the same package linked under another name.
  mkdirSync(join(root, 'app/node_modules/@acme'), { recursive: true });
  symlinkSync(join(root, 'packages/lib'), join(root, 'app/node_modules/@acme/lib'), 'dir');
  symlinkSync(join(root, 'packages/lib'), join(root, 'app/node_modules/erp-config'), 'dir');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('barePackageName', () => {
  it('names the package of a bare specifier and nothing TypeScript may read as a path', () => {
    expect(barePackageName('pg')).toBe('pg');
    expect(barePackageName('@azure/identity')).toBe('@azure/identity');
    expect(barePackageName('@azure/identity/dist/index.js')).toBe('@azure/identity');
    expect(barePackageName('next/dist/server/next.js')).toBe('next');
    // Not a valid npm name, but looked up in node_modules all the same.
    expect(barePackageName('@/components/a')).toBe('@/components');
    for (const specifier of ['./a', '../a', '.', '..', '/abs/a', '#internal', 'node:fs', 'file:///a.js', 'C:\\a', 'pkg/../../src/a', 'pkg/./a', '@scope', '']) {
      expect(barePackageName(specifier), specifier).toBeUndefined();
    }
  });
});

describe('packagesHolding', () => {
  it('collects the names of the packages above scanned files and the links in their node_modules folders', () => {
    const names = packagesHolding(scanned.map((path) => join(root, path)));
    expect(names).toContain('@acme/lib');
    expect(names).toContain('self-pkg');
    expect(names).toContain('app');
    expect(names).toContain('erp-config');
    // A package installed in node_modules (not a link) holds no scanned file.
    expect(names).not.toContain('left-pad');
  });
});

describe('ModuleResolver', () => {
  const cases: [from: string, specifier: string][] = [
    ['app/main.js', '@acme/lib'],
    ['app/main.js', 'erp-config'],
    ['app/main.js', 'left-pad'],
    ['app/main.js', '../packages/lib/index.js'],
    ['packages/self/main.js', 'self-pkg/util'],
    ['packages/self/main.js', 'self-pkg'],
    ['app/paths.js', '@cfg/index'],
    ['app/main.js', 'fs'],
  ];

  it('resolves a bare specifier of a package inside the scan: a linked workspace package under any name, and a package by its own name', () => {
    const resolver = new ModuleResolver(hostFor(), scanned.map((path) => join(root, path)));
    expect(resolver.resolve('@acme/lib', join(root, 'app/main.js'))).toBe(join(root, 'packages/lib/index.js'));
    expect(resolver.resolve('erp-config', join(root, 'app/main.js'))).toBe(join(root, 'packages/lib/index.js'));
    expect(resolver.resolve('self-pkg/util', join(root, 'packages/self/main.js'))).toBe(join(root, 'packages/self/util.js'));
    expect(resolver.resolve('left-pad', join(root, 'app/main.js'))).toBeUndefined();
  });

  it('resolves a paths alias, which can map any bare name to a scanned file', () => {
    const withPaths: ts.CompilerOptions = { ...DEFAULT_COMPILER_OPTIONS, baseUrl: root, paths: { '@cfg/*': ['packages/lib/*'] } };
    const resolver = new ModuleResolver(hostFor(() => withPaths), scanned.map((path) => join(root, path)));
    expect(resolver.resolve('@cfg/index', join(root, 'app/paths.js'))).toBe(join(root, 'packages/lib/index.js'));
  });

  it('does not look up a bare name of a package outside the scan', () => {
    const resolver = new ModuleResolver(hostFor(), scanned.map((path) => join(root, path)));
    const fileExists = ts.sys.fileExists;
    const looked: string[] = [];
    ts.sys.fileExists = (path) => {
      looked.push(path);
      return fileExists(path);
    };
    try {
      expect(resolver.resolve('left-pad', join(root, 'app/main.js'))).toBeUndefined();
      expect(resolver.resolve('fs', join(root, 'app/main.js'))).toBeUndefined();
    } finally {
      ts.sys.fileExists = fileExists;
    }
    expect(looked).toEqual([]);
  });

  it('shares a relative resolution between directories only where TypeScript resolves the same path', () => {
    const pairs: [from: string, specifier: string][] = [
      ['app/main.js', './erp'],
      ['app/erp/orders/sync.js', '../../erp'],
      ['app/erp/index.js', '../erp'],
      ['app/erp/index.js', '.'],
      ['app/erp/index.js', './'],
      ['app/main.js', './erp/'],
      ['app/erp/orders/sync.js', '..'],
      ['app/erp/orders/sync.js', '../index.js'],
      ['app/erp/orders/sync.js', '../../erp/./index'],
      ['packages/self/main.js', '../../app/erp'],
      ['packages/self/main.js', './util.js'],
      ['packages/lib/index.js', '../self/util.js'],
      ['app/main.js', './missing'],
    ];
    const shared = new ModuleResolver(hostFor(), scanned.map((path) => join(root, path)));
    const answers = pairs.map(([from, specifier]) => shared.resolve(specifier, join(root, from)));
    pairs.forEach(([from, specifier], index) => {
      // A resolver of its own for each pair: nothing cached from another directory.
      const alone = new ModuleResolver(hostFor(), scanned.map((path) => join(root, path)));
      expect(answers[index], `${from}: ${specifier}`).toBe(alone.resolve(specifier, join(root, from)));
    });
    const [file, index, util] = ['app/erp.js', 'app/erp/index.js', 'packages/self/util.js'].map((path) => join(root, path));
    expect(answers).toEqual([file, file, file, index, index, index, index, index, index, file, util, util, undefined]);
  });

  it('stops at the declaration file a plain relative name ends at, unless node10, moduleSuffixes or rootDirs found it', () => {
    const sdk = ['sdk/client.js', 'sdk/transport.js', 'sdk/device.js', 'sdk/api.js', 'sdk/src/main.js', 'sdk/src/schema.js', 'sdk/orders.js', 'sdk/format.js'].map((path) => join(root, path));
    // transport.d.ts is what TypeScript resolves `./transport` to, and it is no scanned file.
    expect(new ModuleResolver(hostFor(), sdk).resolve('./transport', join(root, 'sdk/client.js'))).toBeUndefined();
    // The file's own options find a declaration that the lenient options would not: their answer is taken.
    const suffixes: ts.CompilerOptions = { ...DEFAULT_COMPILER_OPTIONS, moduleSuffixes: ['.ios', ''] };
    expect(new ModuleResolver(hostFor(() => suffixes), sdk).resolve('./api', join(root, 'sdk/device.js'))).toBe(join(root, 'sdk/api.js'));
    // node10 looks for every declaration (a folder's index.d.ts, one in another root) before any JavaScript file.
    const node10: ts.CompilerOptions = { ...DEFAULT_COMPILER_OPTIONS, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 };
    expect(new ModuleResolver(hostFor(() => node10), sdk).resolve('./format', join(root, 'sdk/orders.js'))).toBe(join(root, 'sdk/format.js'));
    const rootDirs: ts.CompilerOptions = { ...node10, rootDirs: [join(root, 'sdk/src'), join(root, 'sdk/generated')] };
    expect(new ModuleResolver(hostFor(() => rootDirs), sdk).resolve('./schema', join(root, 'sdk/src/main.js'))).toBe(join(root, 'sdk/src/schema.js'));
    // The same names under nodenext: the folder's declaration is not found first.
    expect(new ModuleResolver(hostFor(), sdk).resolve('./format', join(root, 'sdk/orders.js'))).toBe(join(root, 'sdk/format.js'));
  });

  it('gives what an unfiltered resolution gives, with and without path mappings', () => {
    const withPaths: ts.CompilerOptions = { ...DEFAULT_COMPILER_OPTIONS, baseUrl: root, paths: { '@cfg/*': ['packages/lib/*'] } };
    for (const options of [() => DEFAULT_COMPILER_OPTIONS, () => withPaths]) {
      const filtered = new ModuleResolver(hostFor(options), scanned.map((path) => join(root, path)));
      const full = new ModuleResolver(hostFor(options));
      for (const [from, specifier] of cases) {
        expect(filtered.resolve(specifier, join(root, from)), `${from}: ${specifier}`).toBe(full.resolve(specifier, join(root, from)));
      }
    }
  });
});

describe('ListingFileSystem', () => {
  it('answers as ts.sys does for files, directories, links, missing entries and unlisted paths', () => {
    const fileSystem = new ListingFileSystem();
    const paths = [
      'packages/lib/index.js',
      'packages/lib',
      'packages/lib/missing.js',
      'packages/missing/index.js',
      'app/node_modules/@acme/lib',
      'app/node_modules/@acme/lib/index.js',
      'app/node_modules/erp-config',
      'app/node_modules/erp-config/package.json',
      'app/node_modules/left-pad/../left-pad/index.js',
      '',
    ].map((path) => (path === '' ? root : join(root, path)));
    for (const path of [...paths, '/', join(root, 'app/node_modules/erp-config/index.js'), join(root, 'app/node_modules/@acme/lib/package.json')]) {
      expect(fileSystem.fileExists(path), path).toBe(ts.sys.fileExists(path));
      expect(fileSystem.directoryExists(path), path).toBe(ts.sys.directoryExists(path));
      expect(fileSystem.realpath(path), path).toBe(ts.sys.realpath?.(path));
    }
    // Asked again, from the listings the first answers read.
    for (const path of paths) expect(fileSystem.realpath(path), path).toBe(ts.sys.realpath?.(path));
    expect(fileSystem.realpath(join(root, 'app/node_modules/erp-config/index.js'))).toBe(join(root, 'packages/lib/index.js'));
  });
});
