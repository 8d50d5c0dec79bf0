/**
 * End to end on four small projects (TypeScript NodeNext, TypeScript bundler resolution,
 * CommonJS JavaScript, a monorepo package), through the `fix` command and the real scanner: each
 * project type-checks before and after the fix, the scan after the fix reports no hard-coded
 * secret, the fixed program started with `node --env-file=.env` still receives the same value
 * (compared by hash, never printed), and a second run changes nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runFixCommand } from '../../src/cli/fix-command.js';
import { clearProjectFactsCache } from '../../src/fix/apply/index.js';
import { run } from '../../src/scanner/run.js';
import { cleanupProjects, copyFixture, runProcess, sha256, snapshotTree, transpileForNode, typeCheck, type ProcessResult } from './project.js';

afterAll(cleanupProjects);

// The fixtures' fake values, assembled from fragments so this file holds no whole secret.
const KENSIUM_SECRET = ['Zq8vR2mK9xLp', 'T4wN7bYc3fHd', '6jGs1A0cE'].join('');
const ACUMATICA_SECRET = ['F3kP9vQ2wX7m', 'R4tY8zB1nC6h', 'J0sL5dGa'].join('');
const ACUMATICA_PASSWORD = ['Wm7#kQ2$', 'vR9pLx4!'].join('');
const ERP_API_KEY = ['sk_live_', '4eC39HqLyjWD', 'arjtT1zdp7dc'].join('');
const WEB_SECRET = ['Pw3xN8cV5bM1', 'qZ7kL2jH9gF4', 'dS6aT0yR'].join('');

const node = process.execPath;

async function fix(dir: string, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
  clearProjectFactsCache();
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFixCommand(args, { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } }, dir);
  return { code, out: out.join(''), err: err.join('') };
}

/** Hard-coded secrets and literal env fallbacks a scan reports, outside the client-side files the fix must not touch. */
async function hardcodedFindings(dir: string): Promise<string[]> {
  const result = await run({ cwd: dir });
  return result.findings.filter((finding) => (finding.ruleId.startsWith('no-hardcoded-') || finding.ruleId === 'no-secret-env-fallback') && !finding.file.includes('/web/')).map((finding) => `${finding.file}:${finding.line}`);
}

interface Case {
  readonly fixture: string;
  /** The directory `tsc -p` checks. */
  readonly tsProject: string;
  /** Builds (if needed) and runs the program with or without the env file. */
  readonly run: (dir: string, withEnv: boolean) => Promise<ProcessResult>;
  readonly expected: Record<string, unknown>;
  readonly values: readonly string[];
  /** Names the fix must at least create. */
  readonly envNames: readonly string[];
}

const cases: Case[] = [
  {
    fixture: 'ts-nodenext',
    tsProject: '.',
    run: (dir, withEnv) => {
      transpileForNode(join(dir, 'src'), join(dir, 'out'), 'esm');
      return runProcess(node, [...(withEnv ? ['--env-file=.env'] : []), 'out/token.js'], dir);
    },
    expected: { clientSecretSha256: sha256(KENSIUM_SECRET) },
    values: [KENSIUM_SECRET],
    envNames: ['KENSIUM_CLIENT_SECRET'],
  },
  {
    fixture: 'ts-bundler',
    tsProject: '.',
    run: (dir, withEnv) => {
      // Bundler resolution has no extensions in imports: run it as CommonJS, like a bundle would.
      transpileForNode(join(dir, 'src'), join(dir, 'out'), 'commonjs');
      return runProcess(node, [...(withEnv ? ['--env-file=.env'] : []), 'out/erp-client.js'], dir);
    },
    expected: { clientSecretSha256: sha256(ACUMATICA_SECRET), passwordSha256: sha256(ACUMATICA_PASSWORD) },
    values: [ACUMATICA_SECRET],
    envNames: ['ACUMATICA_CLIENT_SECRET'],
  },
  {
    fixture: 'cjs-js',
    tsProject: '.',
    run: (dir, withEnv) => runProcess(node, [...(withEnv ? ['--env-file=.env'] : []), 'src/worker.js'], dir),
    expected: { apiKeySha256: sha256(ERP_API_KEY) },
    values: [ERP_API_KEY],
    envNames: ['ERP_API_KEY'],
  },
  {
    fixture: 'monorepo',
    tsProject: 'packages/pos-sync',
    run: (dir, withEnv) => {
      transpileForNode(join(dir, 'packages/pos-sync/src'), join(dir, 'packages/pos-sync/out'), 'esm');
      return runProcess(node, [...(withEnv ? ['--env-file=.env'] : []), 'packages/pos-sync/out/sync.js'], dir);
    },
    expected: { same: true, clientSecretSha256: sha256(KENSIUM_SECRET) },
    values: [KENSIUM_SECRET],
    envNames: ['KENSIUM_CLIENT_SECRET'],
  },
];

describe.each(cases)('credential-hygiene fix on the $fixture project', (testCase) => {
  it('type-checks before and after, leaves no hard-coded secret, and the program gets the same value from .env', async () => {
    const dir = copyFixture(testCase.fixture);
    const tsProject = join(dir, testCase.tsProject);

    const [before, baseline, foundBefore] = await Promise.all([typeCheck(tsProject), testCase.run(dir, false), hardcodedFindings(dir)]);
    expect(before.stdout + before.stderr).toBe('');
    expect(before.status).toBe(0);
    expect(JSON.parse(baseline.stdout)).toEqual(testCase.expected);
    expect(foundBefore.length).toBeGreaterThan(0);

    const fixed = await fix(dir);
    expect(fixed.err).toBe('');
    for (const name of testCase.envNames) expect(fixed.out).toContain(`-> ${name}\n`);
    for (const value of [...testCase.values, WEB_SECRET]) expect(fixed.out).not.toContain(value);

    const [after, result, foundAfter] = await Promise.all([typeCheck(tsProject), testCase.run(dir, true), hardcodedFindings(dir)]);
    expect(after.stdout + after.stderr).toBe('');
    expect(after.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(testCase.expected);
    expect(foundAfter).toEqual([]);

    // No moved value is left in any source file; the env file is private and ignored.
    for (const [path, text] of snapshotTree(dir)) {
      if (path === '.env' || path.includes('/out/') || path.startsWith('out/')) continue;
      for (const value of testCase.values) expect(text.includes(value), `${path} still holds a secret`).toBe(false);
    }
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    const example = readFileSync(join(dir, '.env.example'), 'utf8');
    for (const name of testCase.envNames) expect(example).toContain(`\n${name}=\n`);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('/.env\n');

    // Without the env file the program stops at start-up and names the missing variable.
    const withoutEnv = await testCase.run(dir, false);
    expect(withoutEnv.status).not.toBe(0);
    const missing = /Error: Environment variable ([A-Z0-9_]+) is not set/u.exec(withoutEnv.stderr)?.[1];
    expect(missing !== undefined && readFileSync(join(dir, '.env'), 'utf8').includes(`\n${missing}=`)).toBe(true);

    // A second run changes nothing.
    const snapshot = snapshotTree(dir);
    const again = await fix(dir);
    expect(again.out).not.toContain('Would move');
    expect(again.out).not.toMatch(/^Moved/mu);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });
}, 60_000);

describe('credential-hygiene fix on the monorepo', () => {
  it('reports the client-side literal instead of touching it, and exits 1 because it remains', async () => {
    const dir = copyFixture('monorepo');
    const web = join(dir, 'packages/web/src/login.tsx');
    const webBefore = readFileSync(web, 'utf8');
    const result = await fix(dir);
    expect(result.code).toBe(1);
    expect(readFileSync(web, 'utf8')).toBe(webBefore);
    expect(result.out).toContain('\n  packages/web/src/login.tsx:3:59  client-secret: Client-side code:');
    expect(readFileSync(join(dir, '.env'), 'utf8')).not.toContain(WEB_SECRET);
    // Both copies of the secret share one variable, in one helper per package.
    expect(result.out).toContain('packages/pos-sync/src/settings.ts:1:38  client-secret Zq8v…A0cE (33 chars) -> KENSIUM_CLIENT_SECRET\n');
    expect(result.out).toContain('packages/pos-sync/src/sync.ts:5:37  client-secret Zq8v…A0cE (33 chars) -> KENSIUM_CLIENT_SECRET\n');
    expect(readFileSync(join(dir, 'packages/pos-sync/src/require-env.ts'), 'utf8')).toContain('export function requireEnv(name: string): string');
  });

  it('shows a masked diff with --dry-run and writes nothing', async () => {
    const dir = copyFixture('ts-nodenext');
    const before = snapshotTree(dir);
    const result = await fix(dir, ['--dry-run']);
    expect(result.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    expect(result.out).toContain("\n-  clientSecret: 'Zq8…0cE' (35 chars), // TODO: move out of the code\n");
    expect(result.out).toContain("\n+  clientSecret: requireEnv('KENSIUM_CLIENT_SECRET'), // TODO: move out of the code\n");
    expect(result.out).toContain('+KENSIUM_CLIENT_SECRET=<Zq8v…A0cE (33 chars)>\n');
    expect(result.out).not.toContain(KENSIUM_SECRET);
    expect(result.out).toMatch(/^Would move \d+ hard-coded secrets? into \.env:$/mu);
  });
});
