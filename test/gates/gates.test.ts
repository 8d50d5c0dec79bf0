/**
 * The gates on real git repositories, with a small stand-in scanner that reports
 * `clientSecret: '<long literal>'` lines. It reads files only through the plan (the file list and
 * the content provider), so these tests show exactly what each gate hands to the scanner.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkGateFlags, type GateFlags, GateUsageError, type GatePlan, importRemaps, importersOf, isGateError, planRunOptions, runGated } from '../../src/cli/gates.js';
import { BaselineError } from '../../src/cli/baseline.js';
import { GitError } from '../../src/cli/git.js';
import type { Finding, ScanResult } from '../../src/scanner/types.js';
import { createTempRepo, type TempRepo } from './helpers.js';

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2', 'mW9xKp4', 'RbN7cLs3', 'JhY6dFg1', 'A0cE'].join('');
const OTHER_SECRET = ['Pf3kQ9', 'wR2vXm7', 'TnB5yHc8', 'LdS4gJz6', 'U1eW'].join('');

const withSecret = (secret: string) => `import { ErpClient } from './erp.js';\n\nexport const client = new ErpClient({\n  clientId: 'pos-sync',\n  clientSecret: '${secret}',\n});\n`;
const clean = `import { ErpClient } from './erp.js';\n\nexport const client = new ErpClient({\n  clientId: 'pos-sync',\n  clientSecret: process.env.ERP_CLIENT_SECRET,\n});\n`;

function trackedFiles(repo: TempRepo): string[] {
  return repo
    .git('ls-files', '--cached', '--others', '--exclude-standard')
    .split('\n')
    .filter((line) => line.endsWith('.ts'))
    .map((line) => join(repo.dir, line));
}

/** Stand-in for the scanner: reads through the plan and fingerprints like the real one (no value kept). */
function fakeScan(repo: TempRepo, plan: GatePlan): ScanResult {
  const files = plan.files ?? trackedFiles(repo);
  const read = (path: string): string => (plan.readFile ? plan.readFile(path).toString('utf8') : readFileSync(path, 'utf8'));
  const findings: Finding[] = [];
  for (const path of files) {
    const file = relative(repo.dir, path).split(sep).join('/');
    read(path)
      .split('\n')
      .forEach((text, index) => {
        const match = /clientSecret: '([^']{20,})'/u.exec(text);
        if (!match) return;
        const column = match.index + 'clientSecret: '.length + 1;
        const hash = createHash('sha256').update(`salt\0no-hardcoded-client-secret\0${file}\0${match[1]!}`).digest('hex').slice(0, 32);
        findings.push({
          ruleId: 'no-hardcoded-client-secret',
          severity: 'error',
          file,
          line: index + 1,
          column,
          endLine: index + 1,
          endColumn: column + match[1]!.length + 2,
          message: 'Hard-coded client secret.',
          kind: 'client-secret',
          fingerprint: `no-hardcoded-client-secret:${hash}`,
        });
      });
  }
  return { findings, errors: [], stats: { files: files.length, skipped: {}, durationMs: 0 } };
}

let scans = 0;

async function gate(repo: TempRepo, flags: GateFlags) {
  const outcome = await runGated(flags, { cwd: repo.dir, isCandidate: (path) => path.endsWith('.ts'), listFiles: () => trackedFiles(repo) }, (plan) => {
    scans++;
    return Promise.resolve(fakeScan(repo, { ...plan, ...planRunOptions(plan) }));
  });
  return { ...outcome, where: outcome.result.findings.map((item) => `${item.file}:${item.line}`) };
}

describe('gates on real git repositories', () => {
  const repos: TempRepo[] = [];
  function repo(): TempRepo {
    const created = createTempRepo();
    repos.push(created);
    return created;
  }
  afterEach(() => {
    for (const created of repos.splice(0)) created.remove();
  });

  it('--staged judges the index: a staged secret is found even when the working tree no longer has it', async () => {
    const r = repo();
    r.write('src/erp-client.ts', clean);
    r.git('add', '.');
    r.git('commit', '-qm', 'clean');
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', 'src/erp-client.ts');
    r.write('src/erp-client.ts', clean);
    const { where, plan } = await gate(r, { staged: true });
    expect(where).toEqual(['src/erp-client.ts:5']);
    expect(plan.note).toBe('scanning 1 staged file (index content)');
  });

  it('--staged ignores a secret that is only in the working tree, and unstaged files', async () => {
    const r = repo();
    r.write('src/erp-client.ts', clean);
    r.write('src/pos.ts', 'export const pos = 1;\n');
    r.git('add', '.');
    r.git('commit', '-qm', 'clean');
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.write('src/pos.ts', 'export const pos = 2;\n');
    r.write('src/untracked.ts', withSecret(OTHER_SECRET));
    r.git('add', 'src/pos.ts');
    const { where, plan } = await gate(r, { staged: true });
    expect(where).toEqual([]);
    expect(plan.files).toEqual([join(r.dir, 'src/pos.ts')]);
    // The rest of the project is still readable for cross-file checks, from disk.
    expect(plan.readFile!(join(r.dir, 'src/erp-client.ts')).toString('utf8')).toBe(withSecret(SECRET));
  });

  it('--staged never blocks a commit that only deletes a secret (line removed, or file removed)', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.write('src/legacy.ts', withSecret(OTHER_SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'secrets committed earlier');
    r.write('src/erp-client.ts', clean);
    r.git('add', 'src/erp-client.ts');
    r.git('rm', '-q', 'src/legacy.ts');
    const { where, plan } = await gate(r, { staged: true });
    expect(where).toEqual([]);
    expect(plan.files).toEqual([join(r.dir, 'src/erp-client.ts')]);
  });

  it('--staged reports only what the commit adds, not an old secret elsewhere in a touched file', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'old secret');
    r.write('src/erp-client.ts', `${withSecret(SECRET)}export const fallback = { clientSecret: '${OTHER_SECRET}' };\n`);
    r.git('add', '.');
    expect((await gate(r, { staged: true })).where).toEqual(['src/erp-client.ts:7']);
  });

  it('--staged follows renames: a moved secret passes, a secret added in the moved file is reported at the new path', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'start');
    r.write('src/erp/.keep.ts', '');
    r.git('mv', 'src/erp-client.ts', 'src/erp/client.ts');
    expect((await gate(r, { staged: true })).where).toEqual([]);
    r.write('src/erp/client.ts', `${withSecret(SECRET)}export const staging = { clientSecret: '${OTHER_SECRET}' };\n`);
    r.git('add', 'src/erp/client.ts');
    expect((await gate(r, { staged: true })).where).toEqual(['src/erp/client.ts:7']);
  });

  it('a baseline survives the secret moving down the file, then reports the entry stale once the secret is gone', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'start');
    const written = await gate(r, { baseline: '.credential-hygiene-baseline.json', 'update-baseline': true });
    expect(written.baselineUpdated).toBe(true);
    expect(written.notes).toEqual(['credential-hygiene: wrote 1 baseline entry to .credential-hygiene-baseline.json']);
    const baselineText = readFileSync(join(r.dir, '.credential-hygiene-baseline.json'), 'utf8');
    expect(baselineText).not.toContain(SECRET);
    expect(baselineText).not.toContain('"line"');

    r.write('src/erp-client.ts', `// ERP client for the POS sync service.\n// Token endpoint: see docs.\n\n${withSecret(SECRET)}`);
    const moved = await gate(r, { baseline: '.credential-hygiene-baseline.json' });
    expect(moved.where).toEqual([]);
    expect(moved.suppressed.map((item) => item.line)).toEqual([8]);
    expect(moved.stale).toEqual([]);
    expect(moved.notes).toEqual(['credential-hygiene: 1 known finding in .credential-hygiene-baseline.json not shown']);

    r.write('src/erp-client.ts', withSecret(OTHER_SECRET));
    const swapped = await gate(r, { baseline: '.credential-hygiene-baseline.json', 'fail-on-stale': true });
    expect(swapped.where).toEqual(['src/erp-client.ts:5']);
    expect(swapped.stale).toHaveLength(1);
    expect(swapped.failOnStale).toBe(true);
    expect(swapped.notes[0]).toMatch(/^credential-hygiene: stale src\/erp-client\.ts: baseline entry no-hardcoded-client-secret:[0-9a-f]{32} \(no-hardcoded-client-secret, client-secret\) no longer matches a finding$/u);

    r.write('src/erp-client.ts', clean);
    const fixed = await gate(r, { baseline: '.credential-hygiene-baseline.json' });
    expect(fixed.where).toEqual([]);
    expect(fixed.stale.map((entry) => entry.file)).toEqual(['src/erp-client.ts']);
    expect(fixed.failOnStale).toBe(false);
  });

  it('--diff REF reports only lines added on the branch', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'main has an old finding');
    r.git('checkout', '-qb', 'feature');
    r.write('src/pos-client.ts', withSecret(OTHER_SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'feature adds one');
    const { where, plan } = await gate(r, { diff: 'main' });
    expect(where).toEqual(['src/pos-client.ts:5']);
    expect(plan.note).toBe('reporting lines added since main (1 changed files)');
  });

  it('--shard splits the files, and a sharded baseline check calls only its own files stale', async () => {
    const r = repo();
    for (let index = 0; index < 12; index++) r.write(`src/client-${index}.ts`, index === 0 ? withSecret(SECRET) : clean);
    r.git('add', '.');
    r.git('commit', '-qm', 'start');
    await gate(r, { baseline: 'baseline.json', 'update-baseline': true });
    r.write('src/client-0.ts', clean);
    const shards = await Promise.all([1, 2, 3].map((index) => gate(r, { shard: `${index}/3`, baseline: 'baseline.json' })));
    const scanned = shards.flatMap((shard) => shard.plan.files ?? []);
    expect(scanned.sort()).toEqual(trackedFiles(r).sort());
    expect(shards.map((shard) => shard.stale.length).sort()).toEqual([0, 0, 1]);
    await expect(gate(r, { shard: '4/3' })).rejects.toThrow(GateUsageError);
  });

  it('refuses a baseline that does not exist unless asked to create it', async () => {
    const r = repo();
    r.write('src/a.ts', clean);
    r.git('add', '.');
    await expect(gate(r, { baseline: 'missing.json' })).rejects.toThrow('--baseline missing.json: no such file (create it with --update-baseline)');
  });

  it('does not start a scan when nothing is staged', async () => {
    const r = repo();
    r.write('src/a.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'start');
    r.write('README.md', 'docs\n');
    r.git('add', 'README.md');
    const before = scans;
    const { where, plan } = await gate(r, { staged: true });
    expect(where).toEqual([]);
    expect(plan.files).toEqual([]);
    expect(scans).toBe(before);
  });

  it('marks the errors a user must fix as gate errors (exit code 2)', () => {
    expect(isGateError(new GateUsageError('x'))).toBe(true);
    expect(isGateError(new GitError('x'))).toBe(true);
    expect(isGateError(new BaselineError('x'))).toBe(true);
    expect(isGateError(new Error('x'))).toBe(false);
  });

  it('rejects flag combinations that make no sense', () => {
    expect(checkGateFlags({ staged: true, diff: 'main' })).toMatch(/cannot be combined/u);
    expect(checkGateFlags({ 'update-baseline': true })).toBe('--update-baseline needs --baseline FILE');
    expect(checkGateFlags({ 'fail-on-stale': true })).toBe('--fail-on-stale needs --baseline FILE');
    expect(checkGateFlags({ staged: true, shard: '1/2' })).toMatch(/--shard is for CI jobs/u);
    expect(checkGateFlags({ staged: true, baseline: 'b.json' })).toBeUndefined();
  });
});

describe('importersOf', () => {
  const files: Record<string, string> = {
    '/repo/src/settings.ts': "export const POS = 'x';\n",
    '/repo/src/config/index.ts': "export * from '../settings.js';\n",
    '/repo/src/pos-client.ts': "import { POS } from './config';\nexport const options = { clientSecret: POS };\n",
    '/repo/src/lazy.ts': "const { options } = await import('./pos-client.js');\nexport const auth = options;\n",
    '/repo/src/legacy.cjs': "const { POS } = require('../src/settings');\nmodule.exports = { password: POS };\n",
    '/repo/src/report.ts': "import { POS } from './settings.js';\nconsole.log(POS.length);\n",
    '/repo/src/unrelated.ts': "import { x } from './other.js';\nexport const token = x;\n",
    '/repo/src/uses-index.ts': "import { y } from './index.js';\nexport const secret = y;\n",
    '/repo/README.md': "import from './settings'\n",
  };
  const read = (path: string) => files[path] ?? '';

  it('takes importers that use credentials and barrels, follows barrels, and leaves the rest', () => {
    expect(importersOf(['/repo/src/settings.ts'], Object.keys(files), read).sort()).toEqual(['/repo/src/config/index.ts', '/repo/src/legacy.cjs', '/repo/src/pos-client.ts']);
  });

  it('finds nothing for a file nobody imports', () => {
    expect(importersOf(['/repo/src/unrelated.ts'], Object.keys(files), read)).toEqual([]);
  });

  // Two packages with a `config.ts` each: a relative import names one of them by its path.
  const packages: Record<string, string> = {
    '/repo/packages/pos/src/config.ts': "export const posConfig = { clientId: 'pos-sync' };\n",
    '/repo/packages/pos/src/client.ts': "import { posConfig } from './config.js';\nexport const options = { clientSecret: posConfig.clientId };\n",
    '/repo/packages/pos/src/auth/token.ts': "import { posConfig } from '../config';\nexport const token = posConfig;\n",
    '/repo/packages/pos/src/index.ts': "export * from './client.js';\n",
    '/repo/packages/pos/src/barrel-user.ts': "import { options } from '.';\nexport const auth = options;\n",
    '/repo/packages/erp/src/config.ts': "export const erpConfig = { clientId: 'erp-sync' };\n",
    '/repo/packages/erp/src/client.ts': "import { erpConfig } from './config.js';\nexport const options = { clientSecret: erpConfig.clientId };\n",
    '/repo/packages/erp/src/shared.ts': "import { x } from '@acme/config';\nexport const token = x;\n",
    '/repo/packages/erp/src/cross.ts': "import { posConfig } from '../../pos/src/config.ts';\nexport const secret = posConfig;\n",
  };
  const readPackage = (path: string) => packages[path] ?? '';

  it('matches a relative import by the path it names, and no bare one without a package of that name', () => {
    expect(importersOf(['/repo/packages/pos/src/config.ts'], Object.keys(packages), readPackage).sort()).toEqual([
      '/repo/packages/erp/src/cross.ts',
      '/repo/packages/pos/src/auth/token.ts',
      '/repo/packages/pos/src/client.ts',
    ]);
  });

  it('follows a barrel to the files importing its directory', () => {
    expect(importersOf(['/repo/packages/pos/src/client.ts'], Object.keys(packages), readPackage).sort()).toEqual(['/repo/packages/pos/src/barrel-user.ts', '/repo/packages/pos/src/index.ts']);
  });

  it('follows a relative import through a symbolic link to the file it names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'importers-'));
    try {
      mkdirSync(join(dir, 'pos'));
      mkdirSync(join(dir, 'app'));
      writeFileSync(join(dir, 'pos', 'config.ts'), "export const posConfig = { clientId: 'pos-sync' };\n");
      symlinkSync(join(dir, 'pos'), join(dir, 'app', 'linked'), 'dir');
      writeFileSync(join(dir, 'app', 'use.ts'), "import { posConfig } from './linked/config.js';\nexport const options = { clientSecret: posConfig };\n");
      writeFileSync(join(dir, 'app', 'other.ts'), "import { appConfig } from './config.js';\nexport const options = { clientSecret: appConfig };\n");
      const candidates = [join(dir, 'pos', 'config.ts'), join(dir, 'app', 'use.ts'), join(dir, 'app', 'other.ts')];
      expect(importersOf([join(dir, 'pos', 'config.ts')], candidates, (path) => readFileSync(path, 'utf8'))).toEqual([join(dir, 'app', 'use.ts')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('matches relative imports by their last segment when a tsconfig may remap them', () => {
    expect(importersOf(['/repo/packages/pos/src/config.ts'], Object.keys(packages), readPackage, { looseRelativeImports: true }).sort()).toEqual([
      '/repo/packages/erp/src/client.ts',
      '/repo/packages/erp/src/cross.ts',
      '/repo/packages/pos/src/auth/token.ts',
      '/repo/packages/pos/src/client.ts',
    ]);
  });
});

describe('importRemaps', () => {
  const configs: Record<string, string> = {
    '/repo/tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
    '/repo/packages/app/tsconfig.build.json': '{ "compilerOptions": { "rootDirs": ["src", "generated"] } }\n',
    '/repo/packages/mobile/jsconfig.json': '{ "compilerOptions": { "moduleSuffixes": [".ios", ""] } }\n',
    '/repo/packages/web/tsconfig.json': '{\n  // aliases\n  "compilerOptions": { "paths": { "~/*": ["./src/*"], "@env": ["./src/env.ts",], }, /* "baseUrl": "lib" */ },\n}\n',
    '/repo/packages/legacy/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src", "paths": { "shared/*": ["../../shared/*"] } } }\n',
    '/repo/packages/odd/tsconfig.json': '{ "compilerOptions": { "paths": "./paths.json" } }\n',
  };
  const read = (path: string): string => {
    const text = configs[path];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  const none = { looseRelativeImports: false, looseBareImports: false, pathMappings: [], baseUrls: [] };

  it('loosens relative imports when a listed tsconfig or jsconfig sets rootDirs or moduleSuffixes', () => {
    expect(importRemaps('/repo', ['/repo/src/a.ts', '/repo/packages/app/tsconfig.build.json'], read)).toEqual({ ...none, looseRelativeImports: true });
    expect(importRemaps('/repo', ['/repo/packages/mobile/jsconfig.json'], read)).toEqual({ ...none, looseRelativeImports: true });
  });

  it('reads paths (comments and trailing commas allowed) and baseUrl, relative to the config or to baseUrl', () => {
    expect(importRemaps('/repo', ['/repo/packages/web/tsconfig.json'], read)).toEqual({
      ...none,
      pathMappings: [
        { pattern: '~/*', substitutions: ['/repo/packages/web/src/*'] },
        { pattern: '@env', substitutions: ['/repo/packages/web/src/env.ts'] },
      ],
    });
    expect(importRemaps('/repo', ['/repo/packages/legacy/tsconfig.json'], read)).toEqual({
      ...none,
      pathMappings: [{ pattern: 'shared/*', substitutions: ['/repo/packages/shared/*'] }],
      baseUrls: ['/repo/packages/legacy/src'],
    });
  });

  it('loosens bare imports when a config spells paths in a way it cannot read', () => {
    expect(importRemaps('/repo', ['/repo/packages/odd/tsconfig.json'], read)).toEqual({ ...none, looseBareImports: true });
  });

  it('reads the tsconfig of the working directory and of the directories above it', () => {
    expect(importRemaps('/repo/packages/app', [], read)).toEqual(none);
    expect(importRemaps('/repo/packages/mobile', [], read)).toEqual({ ...none, looseRelativeImports: true });
    expect(importRemaps('/repo/packages/legacy/src', [], read).baseUrls).toEqual(['/repo/packages/legacy/src']);
  });

  it('loosens nothing when no config sets them', () => {
    expect(importRemaps('/repo', ['/repo/src/a.ts', '/repo/tsconfig.json'], read)).toEqual(none);
  });
});

describe('importersOf, mapped specifiers', () => {
  const files: Record<string, string> = {
    '/repo/packages/oauth/src/index.ts': "export * from './token-provider.js';\n",
    '/repo/packages/oauth/src/token-provider.ts': "export const provider = { clientId: 'pos-sync' };\n",
    '/repo/packages/pos/src/config.ts': "export const posConfig = { clientId: 'pos-sync' };\n",
    '/repo/packages/pos/src/client.ts': "import { provider } from '@acme/oauth/src';\nexport const options = { clientSecret: provider.clientId };\n",
    '/repo/packages/erp/src/config.ts': "import { x } from '@acme/config';\nexport const token = x;\n",
    '/repo/packages/erp/src/legacy.ts': "import { posConfig } from 'pos/src/config';\nexport const secret = posConfig;\n",
    '/repo/packages/erp/src/uses-pos.ts': "import { options } from '@acme/pos/src';\nexport const secret = options;\n",
  };
  const read = (path: string) => files[path] ?? '';
  const options = { pathMappings: [{ pattern: '@acme/*/src', substitutions: ['/repo/packages/*/src/index.ts'] }], baseUrls: ['/repo/packages'] };

  it('takes an import that paths map to a target among those with its name, and not one mapped elsewhere', () => {
    expect(importersOf(['/repo/packages/oauth/src/token-provider.ts'], Object.keys(files), read, options).sort()).toEqual(['/repo/packages/oauth/src/index.ts', '/repo/packages/pos/src/client.ts']);
    expect(importersOf(['/repo/packages/oauth/src/index.ts'], Object.keys(files), read, options).sort()).toEqual(['/repo/packages/pos/src/client.ts']);
  });

  it('takes an import below a baseUrl that names a target, and leaves an alias mapped elsewhere', () => {
    expect(importersOf(['/repo/packages/pos/src/config.ts'], Object.keys(files), read, options)).toEqual(['/repo/packages/erp/src/legacy.ts']);
  });
});

describe('importersOf, bare specifiers', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A workspace: `@acme/config` and `@acme/pos` linked into node_modules, as npm, pnpm and yarn do. */
  function workspace(files: Record<string, string>): (path: string) => string {
    dir = mkdtempSync(join(tmpdir(), 'importers-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    mkdirSync(join(dir, 'node_modules', '@acme'), { recursive: true });
    symlinkSync(join(dir, 'packages', 'config'), join(dir, 'node_modules', '@acme', 'config'), 'dir');
    symlinkSync(join(dir, 'packages', 'pos'), join(dir, 'node_modules', '@acme', 'pos'), 'dir');
    return (path) => join(dir, path);
  }
  const files = {
    'packages/config/package.json': '{ "name": "@acme/config", "main": "src/config.ts" }\n',
    'packages/config/src/config.ts': "export const shared = { clientId: 'shared' };\n",
    'packages/pos/package.json': '{ "name": "@acme/pos", "main": "src/index.ts" }\n',
    'packages/pos/src/config.ts': "export const posConfig = { clientId: 'pos-sync' };\n",
    'packages/pos/src/uses-shared.ts': "import { shared } from '@acme/config';\nexport const options = { clientSecret: shared.clientId };\n",
    'packages/erp/src/uses-pos.ts': "import { posConfig } from '@acme/pos/config';\nexport const options = { clientSecret: posConfig };\n",
    'packages/erp/src/uses-missing.ts': "import { x } from 'config';\nexport const token = x;\n",
  };
  const read = (path: string): string => readFileSync(path, 'utf8');

  it("takes a package-name import only when the target lies in that package", () => {
    const at = workspace(files);
    const candidates = Object.keys(files).filter((path) => path.endsWith('.ts')).map(at);
    expect(importersOf([at('packages/config/src/config.ts')], candidates, read)).toEqual([at('packages/pos/src/uses-shared.ts')]);
    expect(importersOf([at('packages/pos/src/config.ts')], candidates, read)).toEqual([at('packages/erp/src/uses-pos.ts')]);
  });

  it('takes every import with the name when paths or baseUrl may map it, or a manifest points outside its package', () => {
    const at = workspace({ ...files, 'packages/config/package.json': '{ "name": "@acme/config", "main": "../pos/src/config.ts" }\n' });
    const candidates = Object.keys(files).filter((path) => path.endsWith('.ts')).map(at);
    expect(importersOf([at('packages/pos/src/config.ts')], candidates, read).sort()).toEqual([at('packages/erp/src/uses-pos.ts'), at('packages/pos/src/uses-shared.ts')]);
    expect(importersOf([at('packages/pos/src/config.ts')], candidates, read, { looseBareImports: true }).sort()).toEqual([
      at('packages/erp/src/uses-missing.ts'),
      at('packages/erp/src/uses-pos.ts'),
      at('packages/pos/src/uses-shared.ts'),
    ]);
  });
});
