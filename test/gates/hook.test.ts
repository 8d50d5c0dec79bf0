/**
 * The hook recipes for real: a git repository with the pre-commit hook installed (the command from
 * `.pre-commit-hooks.yaml` as a plain `.git/hooks/pre-commit`, and the husky layout through
 * `core.hooksPath`), calling the built binary. A commit that adds a hard-coded secret is refused
 * with a masked message; a clean commit and a commit that deletes the secret pass.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/detectors/index.js';
import { createTempRepo, type TempRepo } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2mW', '9xKp4RbN', '7cLs3JhY', '6dFg1A0c', 'E5uVwQ2s'].join('');

const leaky = `import { Issuer } from 'openid-client';\n\nexport async function erpClient() {\n  const issuer = await Issuer.discover('https://erp.example.com');\n  return new issuer.Client({\n    client_id: 'pos-sync',\n    client_secret: '${SECRET}',\n  });\n}\n`;
const safe = leaky.replace(`'${SECRET}'`, 'process.env.ERP_CLIENT_SECRET');

/** The hook command exactly as `.pre-commit-hooks.yaml` declares it. */
function preCommitEntry(): string {
  const match = /^\s*entry:\s*(.+)$/mu.exec(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
  if (!match) throw new Error('.pre-commit-hooks.yaml has no entry');
  return match[1]!.trim();
}

/** Replaces the installed binary name with the built one, as `npm install` would put on PATH. */
function hookScript(entry: string): string {
  expect(entry.startsWith('credential-hygiene ')).toBe(true);
  return `#!/bin/sh\nexec "${process.execPath}" "${bin}" ${entry.slice('credential-hygiene '.length)}\n`;
}

function commit(repo: TempRepo, message: string) {
  const result = spawnSync('git', ['commit', '-m', message], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function headCount(repo: TempRepo): number {
  try {
    return Number(repo.git('rev-list', '--count', 'HEAD').trim());
  } catch {
    return 0;
  }
}

/** Each step starts the real binary (and ESLint, TypeScript) a few times; CI machines can be busy. */
const SLOW_TEST_TIMEOUT = 120_000;

describe('pre-commit hook recipes', () => {
  const repos: TempRepo[] = [];
  beforeAll(() => {
    // `npm test` builds before vitest; a plain vitest run needs a build for the binary.
    if (!existsSync(bin)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }, 120_000);
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.remove();
  });

  it('a plain .git/hooks/pre-commit with the pre-commit framework entry refuses a secret and passes clean commits', () => {
    const repo = createTempRepo('ch-hook-');
    repos.push(repo);
    writeFileSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), hookScript(preCommitEntry()));
    chmodSync(join(repo.dir, '.git', 'hooks', 'pre-commit'), 0o755);

    repo.write('src/erp-client.ts', safe);
    repo.git('add', '.');
    const clean = commit(repo, 'ERP client reads its secret from the environment');
    expect(clean.output).not.toContain(SECRET);
    expect(clean.status).toBe(0);
    expect(headCount(repo)).toBe(1);

    repo.write('src/erp-client.ts', leaky);
    repo.git('add', '.');
    const refused = commit(repo, 'hard-code the ERP secret');
    expect(refused.status).not.toBe(0);
    expect(headCount(repo)).toBe(1);
    expect(refused.output).toContain('src/erp-client.ts:7');
    expect(refused.output).toContain(maskSecret(SECRET));
    expect(refused.output).not.toContain(SECRET);
    expect(refused.output).not.toContain(SECRET.slice(0, 10));

    // `git commit -a` stages into a temporary index (GIT_INDEX_FILE) for the hook: still judged.
    repo.git('reset', '-q', 'src/erp-client.ts');
    const all = spawnSync('git', ['commit', '-a', '-m', 'commit everything'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
    expect(all.status).not.toBe(0);
    expect(`${all.stdout}${all.stderr}`).toContain(maskSecret(SECRET));
    expect(headCount(repo)).toBe(1);
  }, SLOW_TEST_TIMEOUT);

  it('a husky-style hook (core.hooksPath) passes a commit that deletes a secret committed earlier', () => {
    const repo = createTempRepo('ch-husky-');
    repos.push(repo);
    // A secret that got into history before the hook was set up.
    repo.write('src/erp-client.ts', leaky);
    repo.git('add', '.');
    repo.git('commit', '-qm', 'before the hook');

    mkdirSync(join(repo.dir, '.husky'));
    writeFileSync(join(repo.dir, '.husky', 'pre-commit'), hookScript(preCommitEntry()));
    chmodSync(join(repo.dir, '.husky', 'pre-commit'), 0o755);
    repo.git('config', 'core.hooksPath', '.husky');

    // Staged: the secret removed. Working tree: the secret back (not what is committed).
    repo.write('src/erp-client.ts', safe);
    repo.git('add', 'src/erp-client.ts', '.husky/pre-commit');
    repo.write('src/erp-client.ts', leaky);
    const removal = commit(repo, 'read the ERP secret from the environment');
    expect(removal.output).not.toContain(SECRET);
    expect(removal.status).toBe(0);
    expect(headCount(repo)).toBe(2);

    // Staging the working-tree copy puts the secret back into the commit: refused.
    repo.git('add', 'src/erp-client.ts');
    const again = commit(repo, 'oops');
    expect(again.status).not.toBe(0);
    expect(again.output).toContain(maskSecret(SECRET));
    expect(again.output).not.toContain(SECRET);
  }, SLOW_TEST_TIMEOUT);
});
