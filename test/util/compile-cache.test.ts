/**
 * The compile cache of the command line (src/util/compile-cache.ts). Each case runs in a fresh
 * Node process, since the cache hooks the module loader of the process that turns it on; the
 * processes import the built module from dist/, which `npm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPILE_CACHE_ENV, defaultCompileCacheDirectory } from '../../src/util/compile-cache.js';

const root = join(import.meta.dirname, '..', '..');
const cacheModule = pathToFileURL(join(root, 'dist', 'src', 'util', 'compile-cache.js')).href;
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

interface Probe {
  readonly enabled: boolean;
  readonly warnings?: string;
  readonly value?: unknown;
  readonly error?: string;
  readonly stats?: { hits: number; misses: number; uncached: number; written: number };
}

let work: string;
let cache: string;

beforeEach(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'ch-compile-cache-')));
  cache = join(work, 'cache');
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Writes `files` (paths relative to the work folder) and returns the path of the first. */
function write(files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    writeFileSync(join(work, path), text);
  }
  return join(work, Object.keys(files)[0] ?? '');
}

/** In a fresh process: turns the cache on in `directory`, requires `module`, awaits its `value`, flushes. */
function probe(module: string, directory = cache, nodeOptions: readonly string[] = []): Probe {
  const script = `
    import { createRequire } from 'node:module';
    const { enableCompileCache, flushCompileCache, compileCacheStats } = await import(${JSON.stringify(cacheModule)});
    const enabled = enableCompileCache(${JSON.stringify(directory)});
    let value, error;
    try {
      value = await createRequire(${JSON.stringify(module)})(${JSON.stringify(module)}).value;
    } catch (caught) {
      error = caught.name + ': ' + caught.message + ' @ ' + String(caught.stack).includes(${JSON.stringify(module)});
    }
    flushCompileCache();
    console.log(JSON.stringify({ enabled, value, error, stats: compileCacheStats() }));
  `;
  const result = spawnSync(process.execPath, [...nodeOptions, '--input-type=module', '-e', script], { encoding: 'utf8', cwd: work });
  const probed = JSON.parse(result.stdout) as Probe;
  return result.stderr === '' ? probed : { ...probed, warnings: result.stderr };
}

function entries(directory = cache): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((folder) => readdirSync(join(directory, folder)));
}

describe('compile cache', () => {
  it('compiles a package module from its entry on the next run, with the same result', () => {
    const module = write({ 'node_modules/erp-sdk/index.js': 'exports.value = ["netsuite", "sap-b1"].map((erp) => erp.toUpperCase()).join();\n' });
    const first = probe(module);
    expect(first).toEqual({ enabled: true, value: 'NETSUITE,SAP-B1', stats: { hits: 0, misses: 1, uncached: 0, written: 1 } });
    expect(entries()).toHaveLength(1);
    const second = probe(module);
    expect(second).toEqual({ enabled: true, value: 'NETSUITE,SAP-B1', stats: { hits: 1, misses: 0, uncached: 0, written: 0 } });
  });

  it('replaces an entry it cannot read (cut short, or written in another layout), so that the module is cached again', () => {
    const module = write({ 'node_modules/erp-sdk/index.js': 'exports.value = "tenant-a";\n' });
    expect(probe(module).stats).toMatchObject({ misses: 1, written: 1 });
    const [folder] = readdirSync(cache);
    const entry = join(cache, folder ?? '', entries()[0] ?? '');
    const hash = readFileSync(entry).subarray(0, 20);
    for (const rest of [Buffer.of(0xcc, 0xde, 0x05, 0x00), Buffer.of(1)]) {
      writeFileSync(entry, Buffer.concat([hash, rest]));
      expect(probe(module)).toEqual({ enabled: true, value: 'tenant-a', stats: { hits: 0, misses: 1, uncached: 0, written: 1 } });
      expect(probe(module)).toEqual({ enabled: true, value: 'tenant-a', stats: { hits: 1, misses: 0, uncached: 0, written: 0 } });
    }
  });

  it('compiles a changed module again, even when its length did not change', () => {
    const module = write({ 'node_modules/erp-sdk/index.js': 'exports.value = "tenant-a";\n' });
    expect(probe(module).value).toBe('tenant-a');
    writeFileSync(module, 'exports.value = "tenant-b";\n');
    expect(probe(module)).toEqual({ enabled: true, value: 'tenant-b', stats: { hits: 0, misses: 1, uncached: 0, written: 1 } });
    // One entry per module, replaced.
    expect(entries()).toHaveLength(1);
    expect(probe(module)).toEqual({ enabled: true, value: 'tenant-b', stats: { hits: 1, misses: 0, uncached: 0, written: 0 } });
  });

  it("gives a cached module what Node's loader gives it: require, require.resolve, require.cache, __dirname, a hashbang", () => {
    const module = write({
      'node_modules/pos-sdk/index.js': [
        '#!/usr/bin/env node',
        "const path = require('node:path');",
        "const { region } = require('./config');",
        "const resolved = require.resolve('./config');",
        "exports.value = [region, path.basename(__dirname), path.basename(__filename), resolved === path.join(__dirname, 'config.js'), require.cache[resolved] !== undefined].join(' ');",
      ].join('\n'),
      'node_modules/pos-sdk/config.js': "exports.region = 'eu-west';\n",
    });
    const expected = 'eu-west pos-sdk index.js true true';
    expect(probe(module)).toEqual({ enabled: true, value: expected, stats: { hits: 0, misses: 2, uncached: 0, written: 2 } });
    expect(probe(module)).toEqual({ enabled: true, value: expected, stats: { hits: 2, misses: 0, uncached: 0, written: 0 } });
  });

  it('leaves a module that calls import() to Node, whose compile keeps it working; import( in a comment or a string is no call', () => {
    const module = write({
      'node_modules/oauth-sdk/index.js': [
        '/** @typedef {import("./scopes.mjs").Scope} Scope */',
        "const { grant } = require('./grant');",
        "exports.value = import('./scopes.mjs').then(({ scope }) => `${grant} ${scope}`);",
      ].join('\n'),
      'node_modules/oauth-sdk/grant.js': "/** @type {import('./types').Grant} */\nexports.grant = 'client_credentials'; exports.hint = \"use import('x') for ESM\";\n",
      'node_modules/oauth-sdk/scopes.mjs': "export const scope = 'orders:read';\n",
    });
    // Compiled from a cache, the call would throw ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20.
    expect(probe(module)).toEqual({ enabled: true, value: 'client_credentials orders:read', stats: { hits: 0, misses: 1, uncached: 1, written: 2 } });
    expect(probe(module)).toEqual({ enabled: true, value: 'client_credentials orders:read', stats: { hits: 1, misses: 0, uncached: 1, written: 0 } });
  });

  it("leaves a syntax error to Node's own compile, which names the file", () => {
    const module = write({ 'node_modules/broken-sdk/index.js': 'exports.value = { ;\n' });
    const result = probe(module);
    expect(result.error).toBe(`SyntaxError: Unexpected token ';' @ true`);
    expect(entries()).toEqual([]);
  });

  it("leaves every module to Node's compile when source maps are on, which reads their maps", () => {
    const module = write({ 'node_modules/erp-sdk/index.js': 'exports.value = 7;\n//# sourceMappingURL=index.js.map\n' });
    expect(probe(module, cache, ['--enable-source-maps'])).toEqual({ enabled: true, value: 7, stats: { hits: 0, misses: 0, uncached: 0, written: 0 } });
    expect(entries()).toEqual([]);
  });

  it('caches only what comes from node_modules', () => {
    const module = write({ 'src/settings.js': 'exports.value = 42;\n' });
    expect(probe(module)).toEqual({ enabled: true, value: 42, stats: { hits: 0, misses: 0, uncached: 0, written: 0 } });
    expect(entries()).toEqual([]);
  });

  it('stays off, and modules load as usual, when the folder cannot be used', () => {
    const module = write({ 'node_modules/erp-sdk/index.js': 'exports.value = 7;\n', 'not-a-folder': 'x' });
    expect(probe(module, join(work, 'not-a-folder', 'cache'))).toEqual({ enabled: false, value: 7 });
    if (process.platform !== 'win32') {
      // A folder others can write to could hand this process compiled code: not used.
      mkdirSync(join(work, 'shared'), { mode: 0o777 });
      chmodSync(join(work, 'shared'), 0o777);
      expect(probe(module, join(work, 'shared'))).toEqual({ enabled: false, value: 7 });
      expect(readdirSync(join(work, 'shared'))).toEqual([]);
    }
  });

  it('is placed by the environment, or turned off by it', () => {
    expect(defaultCompileCacheDirectory({ [COMPILE_CACHE_ENV]: '0' })).toBeUndefined();
    expect(defaultCompileCacheDirectory({ [COMPILE_CACHE_ENV]: 'off' })).toBeUndefined();
    expect(defaultCompileCacheDirectory({ [COMPILE_CACHE_ENV]: '' })).toBeUndefined();
    expect(defaultCompileCacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBeUndefined();
    expect(defaultCompileCacheDirectory({ [COMPILE_CACHE_ENV]: join(work, 'mine') })).toBe(join(work, 'mine'));
    const byDefault = defaultCompileCacheDirectory({});
    expect(byDefault?.startsWith(join(tmpdir(), 'credential-hygiene-compile-cache-'))).toBe(true);
  });
});

describe('compile cache of the command line', () => {
  const secret = ['Zq8vR3mT', 'x5Wp9LkB', '2nYc7dFg'].join('');

  function scan(cwd: string, env: Record<string, string>, args: string[] = ['scan', '.', '--format', 'json']) {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
    const report = JSON.parse(result.stdout) as { findings: unknown[]; stats: Record<string, unknown> };
    delete report.stats['durationMs'];
    // No warning from the cache.
    expect(result.stderr).not.toMatch(/warning/iu);
    return { status: result.status, report };
  }

  it('fills the cache on the first scan and gives the same report from it', () => {
    write({ 'project/src/erp.ts': `export const erpConfig = { clientId: 'pos-sync', clientSecret: '${secret}' };\n` });
    const project = join(work, 'project');
    const first = scan(project, { [COMPILE_CACHE_ENV]: cache });
    expect(first.status).toBe(1);
    expect(first.report.findings).toContainEqual(expect.objectContaining({ ruleId: 'no-hardcoded-client-secret', file: 'src/erp.ts' }));
    // TypeScript is among the modules cached.
    const typescript = createRequire(join(root, 'package.json')).resolve('typescript');
    expect(entries()).toContain(`${createHash('sha1').update(typescript).digest('hex')}.bin`);
    const second = scan(project, { [COMPILE_CACHE_ENV]: cache });
    expect(second).toEqual(first);
    rmSync(cache, { recursive: true, force: true });
    expect(scan(project, { [COMPILE_CACHE_ENV]: '0' })).toEqual(first);
    expect(existsSync(cache)).toBe(false);
  });

  it('is filled by the worker threads too, which alone load ESLint in a scan that uses them', () => {
    for (let index = 0; index < 40; index++) write({ [`project/src/file-${index}.ts`]: `export const erpConfig${index} = { clientSecret: '${secret}${index}' };\n` });
    write({ 'project/credential-hygiene.config.json': JSON.stringify({ workers: 2 }) });
    const project = join(work, 'project');
    const { status, report } = scan(project, { [COMPILE_CACHE_ENV]: cache });
    expect(status).toBe(1);
    expect(report.findings.filter((finding) => (finding as { ruleId: string }).ruleId === 'no-hardcoded-client-secret')).toHaveLength(40);
    const linter = createRequire(createRequire(join(root, 'package.json')).resolve('eslint')).resolve('./linter/linter.js');
    expect(entries()).toContain(`${createHash('sha1').update(linter).digest('hex')}.bin`);
  });
});
