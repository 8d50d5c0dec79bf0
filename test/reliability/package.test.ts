/**
 * Supply chain of the tool itself: the published tarball holds exactly what is meant to ship, no
 * install step runs code on a user's machine, nothing shipped carries a recognisable secret, and
 * the package lints itself with its own rules.
 *
 * `npm audit --omit=dev` needs the registry's advisory service, so it is run by hand and its result
 * recorded in docs/security.md rather than made a network-dependent test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifySecretValue, findKnownSecrets } from '../../src/detectors/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface PackedFile {
  readonly path: string;
  readonly mode: number;
}

interface PackageJson {
  readonly scripts?: Record<string, string>;
  readonly files?: string[];
  readonly bin?: Record<string, string>;
  readonly main?: string;
  readonly types?: string;
  readonly dependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

/** What the package is meant to ship: built code, docs and the three top-level files. */
const SHIPPED = [/^dist\/src\/.+\.(?:js|d\.ts|js\.map)$/u, /^dist\/rules\/.+\.(?:js|d\.ts|js\.map)$/u, /^docs\/.+\.md$/u];
const TOP_LEVEL = new Set(['README.md', 'LICENSE', 'package.json']);

describe('npm pack contents', () => {
  let files: PackedFile[] = [];

  beforeAll(() => {
    // `npm test` builds before vitest runs; a plain vitest run needs a build for this check.
    if (!existsSync(join(root, 'dist', 'src', 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    files = (JSON.parse(output) as { files: PackedFile[] }[])[0]!.files;
  }, 120_000);

  it('ships only built code, docs, README.md, LICENSE and package.json', () => {
    const unexpected = files.map((file) => file.path).filter((path) => !TOP_LEVEL.has(path) && !SHIPPED.some((pattern) => pattern.test(path)));
    expect(unexpected).toEqual([]);
  });

  it('ships nothing from tests, fixtures, examples, benchmarks, scripts or CI', () => {
    const forbidden = /(?:^|\/)(?:test|tests|__tests__|fixtures|examples|bench|scripts|\.ci|\.github|coverage|node_modules)\//u;
    expect(files.map((file) => file.path).filter((path) => forbidden.test(path) || /\.test\./u.test(path))).toEqual([]);
  });

  it('ships no dot-files (.env, .npmrc, editor settings)', () => {
    expect(files.map((file) => file.path).filter((path) => path.split('/').some((segment) => segment.startsWith('.')))).toEqual([]);
  });

  it('ships the entry points package.json names, and the binary with its shebang', () => {
    const paths = new Set(files.map((file) => file.path));
    for (const entry of [pkg.main, pkg.types, ...Object.values(pkg.bin ?? {})]) {
      expect(entry).toBeDefined();
      expect(paths.has(entry!.replace(/^\.\//u, ''))).toBe(true);
    }
    for (const name of ['README.md', 'LICENSE', 'package.json']) expect(paths.has(name)).toBe(true);
    const bin = Object.values(pkg.bin ?? {})[0]!;
    expect(readFileSync(join(root, bin), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('ships a doc page for every rule', () => {
    const paths = new Set(files.map((file) => file.path));
    const rulesIndex = readFileSync(join(root, 'rules', 'index.ts'), 'utf8');
    const ruleNames = [...rulesIndex.matchAll(/^\s+'([a-z-]+)': /gmu)].map((match) => match[1]!);
    expect(ruleNames.length).toBeGreaterThan(0);
    for (const name of ruleNames) expect(paths.has(`docs/rules/${name}.md`)).toBe(true);
  });

  it('ships no code or top-level file that a recognised token format matches', () => {
    // Rule docs are exempt: their ❌ examples must show what the rules report. Masked examples
    // such as `sk_live_xxxx…` in comments are placeholders, not secrets.
    const leaks: string[] = [];
    for (const file of files.filter((entry) => !entry.path.startsWith('docs/'))) {
      const text = readFileSync(join(root, file.path), 'utf8');
      for (const secret of findKnownSecrets(text, { filePath: file.path })) {
        if (classifySecretValue(text.slice(secret.range[0], secret.range[1])).kind !== 'placeholder') leaks.push(`${file.path}: ${secret.label}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});

describe('install-time behaviour', () => {
  it('has no install scripts that would run on a user machine', () => {
    const scripts = Object.keys(pkg.scripts ?? {});
    expect(scripts.filter((name) => ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'].includes(name))).toEqual([]);
  });

  it('pulls in no production dependency with an install script', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.dev !== true && entry.hasInstallScript === true)
      .map(([path]) => path);
    expect(withScripts).toEqual([]);
  });
});

describe('dogfooding', () => {
  it('runs the self-lint as part of npm test', () => {
    expect(pkg.scripts?.lint).toBe('eslint .');
    expect(pkg.scripts?.test).toMatch(/npm run lint(?:\s|&|$)/u);
  });

  it('lints the sources with every rule of its own strict config, loaded from the built package', async () => {
    const configText = readFileSync(join(root, 'eslint.config.js'), 'utf8');
    expect(configText).toMatch(/from '\.\/dist\/src\/index\.js'/u);
    const { default: builtPlugin } = (await import(join(root, 'dist', 'src', 'index.js'))) as {
      default: { meta: unknown; rules: Record<string, unknown>; configs: { strict: { rules: Record<string, unknown> } } };
    };
    const eslint = new ESLint({ cwd: root });
    for (const file of ['src/index.ts', 'src/detectors/classify.ts', 'rules/no-hardcoded-client-secret.ts', 'test/meta.test.ts', 'scripts/update-rules-index.mjs']) {
      expect(await eslint.isPathIgnored(join(root, file)), file).toBe(false);
      const config = (await eslint.calculateConfigForFile(join(root, file))) as {
        rules: Record<string, unknown>;
        plugins: Record<string, unknown>;
      };
      // ESLint imports the config file afresh, so the plugin is another instance of the same module.
      const loaded = config.plugins['credential-hygiene'] as { meta: unknown; rules: Record<string, unknown> } | undefined;
      expect(loaded?.meta, file).toEqual(builtPlugin.meta);
      expect(Object.keys(loaded?.rules ?? {}).sort(), file).toEqual(Object.keys(builtPlugin.rules).sort());
      for (const ruleId of Object.keys(builtPlugin.configs.strict.rules)) {
        expect(config.rules[ruleId], `${file}: ${ruleId}`).toBeDefined();
        expect(JSON.stringify(config.rules[ruleId]), `${file}: ${ruleId}`).not.toMatch(/^\[?0|"off"/u);
      }
    }
  });

  it('excludes only the paths that hold deliberate fake secrets or generated output', async () => {
    const eslint = new ESLint({ cwd: root });
    expect(await eslint.isPathIgnored(join(root, 'test', 'fixtures', 'any.ts'))).toBe(true);
    expect(await eslint.isPathIgnored(join(root, 'test', 'reliability', 'package.test.ts'))).toBe(false);
  });
});
