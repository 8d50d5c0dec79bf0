/**
 * The gates through the real `credential-hygiene scan` command and the real scanner, on git
 * repositories made from the cross-file fixture project: the secret sits in a constant whose name
 * says nothing (`POS_CONNECTION_VALUE`) and is found only because another file uses it as
 * `clientSecret`. The fake secret is read from the fixture, never written here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { maskSecret } from '../../src/detectors/index.js';
import { createTempRepo, type TempRepo } from './helpers.js';
import { sarifValidator } from './sarif-schema.js';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scanner', 'cross-file');
const settings = readFileSync(join(fixture, 'src', 'settings.ts'), 'utf8');
const SECRET = /POS_CONNECTION_VALUE = '([^']+)'/u.exec(settings)![1]!;
const placeholderSettings = settings.replace(`'${SECRET}'`, "'YOUR_CLIENT_SECRET'");

function project(): TempRepo {
  const repo = createTempRepo('ch-scan-gates-');
  repo.write('tsconfig.json', readFileSync(join(fixture, 'tsconfig.json'), 'utf8'));
  repo.write('src/pos-client.ts', readFileSync(join(fixture, 'src', 'pos-client.ts'), 'utf8'));
  return repo;
}

async function scan(repo: TempRepo, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['scan', ...args], { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) }, cwd: repo.dir });
  const stdout = out.join('');
  const stderr = err.join('');
  // Whatever the mode or format, the secret never reaches an output.
  expect(stdout).not.toContain(SECRET);
  expect(stderr).not.toContain(SECRET);
  return { code, stdout, stderr };
}

interface SarifLog {
  runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

describe('scan with gates, on real repositories', () => {
  const repos: TempRepo[] = [];
  function repo(): TempRepo {
    const created = project();
    repos.push(created);
    return created;
  }
  afterEach(() => {
    for (const created of repos.splice(0)) created.remove();
  });

  it('--staged reads the other, unstaged files for cross-file checks and reports the staged secret', async () => {
    const r = repo();
    r.write('src/settings.ts', placeholderSettings);
    r.git('add', '.');
    r.git('commit', '-qm', 'POS client with a placeholder');
    r.write('src/settings.ts', settings);
    r.git('add', 'src/settings.ts');
    const { code, stdout, stderr } = await scan(r, '--staged');
    expect(code).toBe(1);
    expect(stdout).toContain('src/settings.ts:2:');
    expect(stdout).toContain(maskSecret(SECRET));
    expect(stdout).toContain('used as `clientSecret`');
    // The client id in the unstaged file is not this commit's business.
    expect(stdout).not.toMatch(/^src\/pos-client\.ts:/mu);
    expect(stderr).toContain('scanning 1 staged file (index content), with 1 importing file for cross-file checks');
  });

  it('--staged run from a sub-folder says which staged files it leaves out, even with --quiet', async () => {
    const r = repo();
    r.write('src/settings.ts', placeholderSettings);
    r.git('add', '.');
    r.git('commit', '-qm', 'POS client with a placeholder');
    r.write('deploy/pos.env', 'POS_CLIENT_SECRET=x\n');
    r.write('README.md', '# POS sync\n');
    r.write('src/settings.ts', `${placeholderSettings}// reviewed\n`);
    r.git('add', '.');
    const err: string[] = [];
    const io = { stdout: { write: () => true }, stderr: { write: (chunk: string) => err.push(chunk) }, cwd: join(r.dir, 'src') };
    expect(await main(['scan', '--staged', '--quiet'], io)).toBe(0);
    expect(err.join('')).toBe(
      "credential-hygiene: warning: 2 staged files are outside src and not checked (README.md, deploy/pos.env); run the scan from the repository's top folder to check the whole commit\n",
    );
    // From the top folder: nothing left out, nothing to say.
    err.length = 0;
    expect(await main(['scan', '--staged', '--quiet'], { ...io, cwd: r.dir })).toBe(0);
    expect(err.join('')).toBe('');
  });

  it('--staged passes a commit that replaces the secret, even while the working tree still has it', async () => {
    const r = repo();
    r.write('src/settings.ts', settings);
    r.git('add', '.');
    r.git('commit', '-qm', 'secret committed before the hook');
    r.write('src/settings.ts', placeholderSettings);
    r.git('add', 'src/settings.ts');
    r.write('src/settings.ts', settings);
    expect((await scan(r, '--staged')).code).toBe(0);
  });

  it('--format sarif from a real scan validates, carries the trace and the fingerprints, and never the secret', async () => {
    const r = repo();
    r.write('src/settings.ts', settings);
    const json = JSON.parse((await scan(r, '--format', 'json')).stdout) as { findings: { ruleId: string; fingerprint: string }[] };
    await scan(r, '--format', 'sarif', '--output', 'report.sarif');
    const text = readFileSync(join(r.dir, 'report.sarif'), 'utf8');
    expect(text).not.toContain(SECRET);
    const log = JSON.parse(text) as SarifLog;
    expect(sarifValidator()(log)).toEqual([]);
    const results = log.runs[0]!.results;
    expect(results.map((result) => result.partialFingerprints['credentialHygiene/v1']).sort()).toEqual(json.findings.map((finding) => finding.fingerprint).sort());
    const secret = results.find((result) => result.ruleId === 'no-hardcoded-client-secret')!;
    expect(secret.relatedLocations!.map((hop) => hop.physicalLocation.artifactLocation.uri)).toEqual(['src/settings.ts', 'src/pos-client.ts']);
  });

  it('--format github prints escaped annotations from a real scan', async () => {
    const r = repo();
    r.write('src/settings.ts', settings);
    const { code, stdout } = await scan(r, '--format', 'github');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=src\/settings\.ts,line=2,col=\d+,endLine=2,endColumn=\d+,title=credential-hygiene\/no-hardcoded-client-secret::Hard-coded client secret .+$/mu);
    expect(stdout).toContain(maskSecret(SECRET));
  });

  it('--baseline: written without values, survives lines moving, reports a stale entry and fails on it when asked', async () => {
    const r = repo();
    r.write('src/settings.ts', settings);
    const written = await scan(r, '--baseline', '.credential-hygiene-baseline.json', '--update-baseline');
    expect(written.code).toBe(0);
    const baseline = readFileSync(join(r.dir, '.credential-hygiene-baseline.json'), 'utf8');
    expect(baseline).not.toContain(SECRET);
    expect(baseline).toMatch(/"file":"src\/settings\.ts","ruleId":"no-hardcoded-client-secret"/u);

    r.write('src/settings.ts', `// Settings are documented in docs/pos.md.\n// Rotate on every release.\n\n${settings}`);
    const moved = await scan(r, '--baseline', '.credential-hygiene-baseline.json');
    expect(moved.code).toBe(0);
    expect(moved.stdout).not.toContain('no-hardcoded-client-secret');
    expect(moved.stderr).not.toContain('stale');

    r.write('src/settings.ts', placeholderSettings);
    const fixed = await scan(r, '--baseline', '.credential-hygiene-baseline.json');
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toMatch(/stale src\/settings\.ts: baseline entry no-hardcoded-client-secret:[0-9a-f]+ \(no-hardcoded-client-secret, client-secret\) no longer matches a finding/u);
    expect((await scan(r, '--baseline', '.credential-hygiene-baseline.json', '--fail-on-stale')).code).toBe(1);
  });

  it('--diff REF reports only what the branch adds', async () => {
    const r = repo();
    r.write('src/settings.ts', placeholderSettings);
    r.git('add', '.');
    r.git('commit', '-qm', 'main');
    r.git('checkout', '-qb', 'feature');
    r.write('src/settings.ts', settings);
    r.git('commit', '-qam', 'feature hard-codes the secret');
    const onBranch = await scan(r, '--diff', 'main');
    expect(onBranch.code).toBe(1);
    expect(onBranch.stdout).toContain('src/settings.ts:2:');
    // The client id literal in pos-client.ts predates the branch: not reported.
    expect(onBranch.stdout).not.toMatch(/^src\/pos-client\.ts:/mu);
    expect((await scan(r, '--diff', 'HEAD')).code).toBe(0);
    const bad = await scan(r, '--diff', 'no-such-ref');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("cannot find a common ancestor of 'no-such-ref' and HEAD");
  });

  it('--shard splits the scan and merge-sarif joins the shards into the full report', async () => {
    const r = repo();
    r.write('src/settings.ts', settings);
    for (let index = 0; index < 6; index++) r.write(`src/module-${index}.ts`, `export const value${index} = ${index};\n`);
    r.git('add', '.');
    r.git('commit', '-qm', 'start');
    await scan(r, '--format', 'sarif', '--output', 'full.sarif');
    // In 4 shards, settings.ts (the secret) and pos-client.ts (its use) land in different shards.
    const shards = [];
    for (const index of [1, 2, 3, 4]) shards.push(await scan(r, '--shard', `${index}/4`, '--format', 'sarif', '--output', `shard-${index}.sarif`));
    expect(shards[1]!.stderr).toMatch(/shard 2\/4: \d+ of 9 files, with 1 importing file for cross-file checks/u);
    const merged = await main(['merge-sarif', join(r.dir, 'merged.sarif'), ...[1, 2, 3, 4].map((index) => join(r.dir, `shard-${index}.sarif`))], { stdout: { write: () => true }, stderr: { write: () => true } });
    expect(merged).toBe(0);
    const fingerprints = (file: string) =>
      (JSON.parse(readFileSync(join(r.dir, file), 'utf8')) as SarifLog).runs[0]!.results.map((result) => result.partialFingerprints['credentialHygiene/v1']).sort();
    expect(fingerprints('merged.sarif')).toEqual(fingerprints('full.sarif'));
    // Each finding comes from exactly one shard: context files are not reported twice.
    expect([1, 2, 3, 4].flatMap((index) => fingerprints(`shard-${index}.sarif`)).sort()).toEqual(fingerprints('full.sarif'));
    expect(fingerprints('full.sarif').length).toBeGreaterThan(0);
    expect(sarifValidator()(JSON.parse(readFileSync(join(r.dir, 'merged.sarif'), 'utf8')))).toEqual([]);
  });
});
