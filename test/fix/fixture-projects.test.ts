/**
 * End to end on four small projects (TypeScript NodeNext, TypeScript bundler resolution,
 * CommonJS JavaScript, a monorepo package): each type-checks before and after the fix, no
 * hard-coded secret is left for the rules to find, and the fixed program, started with
 * `node --env-file=.env`, still receives the same value (compared by hash, never printed).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, clearProjectFactsCache, planFix, sharedFixNaming, type FixTarget, type LookupStyle } from '../../src/fix/apply/index.js';
import plugin from '../../src/index.js';
import { cleanupProjects, copyFixture, runProcess, sha256, snapshotTree, targetFor, transpileForNode, typeCheck } from './project.js';

afterAll(cleanupProjects);

// The fixtures' fake values, assembled from fragments so this file holds no whole secret.
const KENSIUM_SECRET = ['Zq8vR2mK9xLp', 'T4wN7bYc3fHd', '6jGs1A0cE'].join('');
const ACUMATICA_SECRET = ['F3kP9vQ2wX7m', 'R4tY8zB1nC6h', 'J0sL5dGa'].join('');
const ACUMATICA_PASSWORD = ['Wm7#kQ2$', 'vR9pLx4!'].join('');
const ERP_API_KEY = ['sk_live_', '4eC39HqLyjWD', 'arjtT1zdp7dc'].join('');
const WEB_SECRET = ['Pw3xN8cV5bM1', 'qZ7kL2jH9gF4', 'dS6aT0yR'].join('');

/** Hard-coded-credential findings of the plugin's rules on the given files. */
function hardcodedFindings(files: readonly string[]): number {
  const linter = new Linter({ configType: 'flat' });
  const hardcodedRules = Object.fromEntries(Object.keys(plugin.rules).filter((name) => name.startsWith('no-hardcoded-')).map((name) => [`credential-hygiene/${name}`, 'error' as const]));
  let count = 0;
  for (const file of files) {
    const messages = linter.verify(
      readFileSync(file, 'utf8'),
      [{ files: ['**/*'], languageOptions: { parser: tseslint.parser, sourceType: 'module' }, plugins: { 'credential-hygiene': plugin }, rules: hardcodedRules }],
      file,
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    count += messages.filter((message) => message.ruleId?.startsWith('credential-hygiene/no-hardcoded-')).length;
  }
  return count;
}

interface Case {
  readonly fixture: string;
  readonly style: LookupStyle;
  readonly targets: (dir: string) => FixTarget[];
  /** Source files to scan after the fix. */
  readonly sources: readonly string[];
  /** Runs the program and returns its JSON output. */
  readonly run: (dir: string) => Promise<{ status: number | null; stdout: string; stderr: string }>;
  readonly expected: Record<string, unknown>;
  readonly values: readonly string[];
  readonly envNames: readonly string[];
}

const node = process.execPath;

const cases: Case[] = [
  {
    fixture: 'ts-nodenext',
    style: 'require-env',
    targets: (dir) => [targetFor(join(dir, 'src/kensium-config.ts'), { literal: `'${KENSIUM_SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })],
    sources: ['src/kensium-config.ts', 'src/token.ts'],
    run: (dir) => {
      transpileForNode(join(dir, 'src'), join(dir, 'out'), 'esm');
      return runProcess(node, ['--env-file=.env', 'out/token.js'], dir);
    },
    expected: { clientSecretSha256: sha256(KENSIUM_SECRET) },
    values: [KENSIUM_SECRET],
    envNames: ['KENSIUM_CLIENT_SECRET'],
  },
  {
    fixture: 'ts-bundler',
    style: 'require-env',
    targets: (dir) => [
      targetFor(join(dir, 'src/erp-client.ts'), { literal: `"${ACUMATICA_SECRET}"`, envName: 'ACUMATICA_CLIENT_SECRET' }),
      targetFor(join(dir, 'src/login.ts'), { literal: `\`${ACUMATICA_PASSWORD}\``, envName: 'ACUMATICA_PASSWORD', kind: 'password', ruleId: 'no-hardcoded-credentials' }),
      targetFor(join(dir, 'src/login.ts'), { literal: '"3f1c9a52-0d7e-4b8a-9c21-6e5f0a7b8d34@Company"', envName: 'ACUMATICA_CLIENT_ID', kind: 'client-id', ruleId: 'no-hardcoded-client-id' }),
    ],
    sources: ['src/erp-client.ts', 'src/login.ts'],
    run: (dir) => {
      transpileForNode(join(dir, 'src'), join(dir, 'out'), 'commonjs');
      return runProcess(node, ['--env-file=.env', 'out/erp-client.js'], dir);
    },
    expected: { clientSecretSha256: sha256(ACUMATICA_SECRET), passwordSha256: sha256(ACUMATICA_PASSWORD) },
    values: [ACUMATICA_SECRET, ACUMATICA_PASSWORD],
    envNames: ['ACUMATICA_CLIENT_SECRET', 'ACUMATICA_PASSWORD', 'ACUMATICA_CLIENT_ID'],
  },
  {
    fixture: 'cjs-js',
    style: 'require-env',
    targets: (dir) => [targetFor(join(dir, 'src/worker.js'), { literal: `'${ERP_API_KEY}'`, envName: 'ERP_API_KEY', kind: 'api-key', ruleId: 'no-env-fallback' })],
    sources: ['src/worker.js'],
    run: (dir) => runProcess(node, ['--env-file=.env', 'src/worker.js'], dir),
    expected: { apiKeySha256: sha256(ERP_API_KEY) },
    values: [ERP_API_KEY],
    envNames: ['ERP_API_KEY'],
  },
  {
    fixture: 'monorepo',
    style: 'require-env',
    targets: (dir) => [
      targetFor(join(dir, 'packages/pos-sync/src/settings.ts'), { literal: `'${KENSIUM_SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
      targetFor(join(dir, 'packages/pos-sync/src/sync.ts'), { literal: `'${KENSIUM_SECRET}'`, envName: 'POS_SYNC_CLIENT_SECRET' }),
      targetFor(join(dir, 'packages/web/src/login.tsx'), { literal: `'${WEB_SECRET}'`, envName: 'WEB_CLIENT_SECRET', clientSide: true }),
    ],
    sources: ['packages/pos-sync/src/settings.ts', 'packages/pos-sync/src/sync.ts'],
    run: (dir) => {
      transpileForNode(join(dir, 'packages/pos-sync/src'), join(dir, 'packages/pos-sync/out'), 'esm');
      return runProcess(node, ['--env-file=.env', 'packages/pos-sync/out/sync.js'], dir);
    },
    expected: { same: true, clientSecretSha256: sha256(KENSIUM_SECRET) },
    values: [KENSIUM_SECRET],
    envNames: ['KENSIUM_CLIENT_SECRET'],
  },
];

describe.each(cases)('fix on the $fixture project', (testCase) => {
  it('type-checks before and after, leaves no hard-coded secret, and the program gets the same value from .env', async () => {
    clearProjectFactsCache();
    const dir = copyFixture(testCase.fixture);
    const typeCheckPackage = testCase.fixture === 'monorepo' ? join(dir, 'packages/pos-sync') : dir;
    const sources = testCase.sources.map((source) => join(dir, source));

    const [before, baseline] = await Promise.all([typeCheck(typeCheckPackage), testCase.fixture === 'cjs-js' ? runProcess(node, ['src/worker.js'], dir) : Promise.resolve(undefined)]);
    expect(before.stdout + before.stderr).toBe('');
    expect(before.status).toBe(0);
    if (baseline) expect(JSON.parse(baseline.stdout)).toEqual(testCase.expected);

    const targets = testCase.targets(dir);
    const plan = planFix(targets, {
      cwd: dir,
      style: testCase.style,
      envFile: join(dir, '.env'),
      exampleFile: join(dir, '.env.example'),
      naming: sharedFixNaming(),
    });
    applyPlan(plan);

    const [after, result] = await Promise.all([typeCheck(typeCheckPackage), testCase.run(dir)]);
    expect(after.stdout + after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(testCase.expected);

    // No value is left in any source file, and the rules find nothing hard-coded.
    const tree = snapshotTree(dir);
    for (const [path, text] of tree) {
      if (path === '.env' || path.includes('/web/') || path.includes('/out/') || path.startsWith('out/')) continue;
      for (const value of testCase.values) expect(text.includes(value), `${path} still holds a secret`).toBe(false);
    }
    expect(hardcodedFindings(sources)).toBe(0);

    // The env file holds each value once, is private, and is ignored; the example lists the names.
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect([...plan.fixed.map((entry) => entry.envName)].sort()).toEqual(
      [...testCase.envNames, ...(testCase.fixture === 'monorepo' ? ['KENSIUM_CLIENT_SECRET'] : [])].sort(),
    );
    const example = readFileSync(join(dir, '.env.example'), 'utf8');
    for (const name of testCase.envNames) expect(example).toContain(`\n${name}=\n`);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('/.env\n');

    // A second run with the first run's (now stale) targets writes nothing and fixes nothing.
    clearProjectFactsCache();
    const again = planFix(targets, { cwd: dir, style: testCase.style, envFile: join(dir, '.env'), exampleFile: join(dir, '.env.example'), naming: sharedFixNaming() });
    expect(again.files).toEqual([]);
    expect(again.fixed).toEqual([]);
  });
}, 60_000);

describe('fix on the monorepo', () => {
  it('reports the client-side literal instead of touching it, and the program fails clearly without the env file', async () => {
    clearProjectFactsCache();
    const dir = copyFixture('monorepo');
    const web = join(dir, 'packages/web/src/login.tsx');
    const webBefore = readFileSync(web, 'utf8');
    const targets = (cases[3] as Case).targets(dir);
    const plan = planFix(targets, { cwd: dir, style: 'require-env', envFile: join(dir, '.env'), exampleFile: join(dir, '.env.example'), naming: sharedFixNaming() });
    applyPlan(plan);
    expect(readFileSync(web, 'utf8')).toBe(webBefore);
    expect(plan.skipped.map((entry) => [entry.reason, entry.line, entry.column])).toEqual([['client-side', 3, 59]]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).not.toContain(WEB_SECRET);
    expect(readFileSync(join(dir, 'packages/pos-sync/src/require-env.ts'), 'utf8')).toContain('export function requireEnv(name: string): string');

    transpileForNode(join(dir, 'packages/pos-sync/src'), join(dir, 'packages/pos-sync/out'), 'esm');
    const withoutEnv = await runProcess(node, ['packages/pos-sync/out/sync.js'], dir);
    expect(withoutEnv.status).not.toBe(0);
    expect(withoutEnv.stderr).toContain('Environment variable KENSIUM_CLIENT_SECRET is not set');
  });
});
