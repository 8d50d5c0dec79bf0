import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addedLinesSince, GitError, onAddedLines, parseAddedLines, readIndexFiles, stagedAddedLines, stagedChanges } from '../../src/cli/git.js';
import { createTempRepo, finding, type TempRepo } from './helpers.js';

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2', 'mW9xKp4', 'RbN7cLs3', 'JhY6dFg1', 'A0cE'].join('');
const OTHER_SECRET = ['Pf3kQ9', 'wR2vXm7', 'TnB5yHc8', 'LdS4gJz6', 'U1eW'].join('');

const withSecret = (secret: string) => `import { ErpClient } from './erp.js';\n\nexport const client = new ErpClient({\n  clientId: 'pos-sync',\n  clientSecret: '${secret}',\n});\n`;
const clean = `import { ErpClient } from './erp.js';\n\nexport const client = new ErpClient({\n  clientId: 'pos-sync',\n  clientSecret: process.env.ERP_CLIENT_SECRET,\n});\n`;

describe('git helpers on real repositories', () => {
  const repos: TempRepo[] = [];
  function repo(): TempRepo {
    const created = createTempRepo();
    repos.push(created);
    return created;
  }
  afterEach(() => {
    for (const created of repos.splice(0)) created.remove();
  });

  it('reads the staged content, not the working tree, when the two differ', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', 'src/erp-client.ts');
    // The secret is removed from the working tree but the staged copy still holds it.
    r.write('src/erp-client.ts', clean);
    const changes = await stagedChanges({ cwd: r.dir });
    expect(changes).toEqual([{ status: 'added', path: 'src/erp-client.ts' }]);
    const content = await readIndexFiles(['src/erp-client.ts'], { cwd: r.dir });
    expect(content.get('src/erp-client.ts')?.toString('utf8')).toBe(withSecret(SECRET));
    // Before the first commit every staged line is added.
    expect([...((await stagedAddedLines({ cwd: r.dir })).get('src/erp-client.ts') ?? [])]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not see a secret that is only in the working tree', async () => {
    const r = repo();
    r.write('src/erp-client.ts', clean);
    r.git('add', '.');
    r.git('commit', '-qm', 'clean client');
    r.write('src/erp-client.ts', withSecret(SECRET));
    expect(await stagedChanges({ cwd: r.dir })).toEqual([]);
    expect((await stagedAddedLines({ cwd: r.dir })).size).toBe(0);
  });

  it('gives the added lines of a modification, and none for a commit that only deletes a secret', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.write('src/old-token.ts', `export const legacySecret = '${OTHER_SECRET}';\n`);
    r.git('add', '.');
    r.git('commit', '-qm', 'start');

    r.write('src/erp-client.ts', clean);
    r.git('add', 'src/erp-client.ts');
    r.git('rm', '-q', 'src/old-token.ts');
    const changes = await stagedChanges({ cwd: r.dir });
    expect(changes).toEqual([
      { status: 'modified', path: 'src/erp-client.ts' },
      { status: 'deleted', path: 'src/old-token.ts' },
    ]);
    const added = await stagedAddedLines({ cwd: r.dir });
    // The only added line is the env read replacing the secret; the deleted file adds nothing.
    expect([...(added.get('src/erp-client.ts') ?? [])]).toEqual([5]);
    expect(added.has('src/old-token.ts')).toBe(false);
    // A finding on an untouched line (the secret was on line 5, now replaced) is not kept.
    const kept = onAddedLines([finding({ file: 'src/erp-client.ts', line: 4, endLine: 4 }), finding({ file: 'src/erp-client.ts', line: 5, endLine: 5 })], added);
    expect(kept.map((item) => item.line)).toEqual([5]);
  });

  it('follows a rename: a pure move adds no line, a move with a new secret adds that line under the new path', async () => {
    const r = repo();
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.git('add', '.');
    r.git('commit', '-qm', 'start');

    mkdirSync(join(r.dir, 'src', 'erp'));
    r.git('mv', 'src/erp-client.ts', 'src/erp/client.ts');
    expect(await stagedChanges({ cwd: r.dir })).toEqual([{ status: 'renamed', path: 'src/erp/client.ts', previousPath: 'src/erp-client.ts' }]);
    expect([...((await stagedAddedLines({ cwd: r.dir })).get('src/erp/client.ts') ?? [])]).toEqual([]);

    r.write('src/erp/client.ts', withSecret(SECRET).replace("clientId: 'pos-sync',", `clientId: 'pos-sync', apiKey: '${OTHER_SECRET}',`));
    r.git('add', 'src/erp/client.ts');
    const changes = await stagedChanges({ cwd: r.dir });
    expect(changes).toEqual([{ status: 'renamed', path: 'src/erp/client.ts', previousPath: 'src/erp-client.ts' }]);
    expect([...((await stagedAddedLines({ cwd: r.dir })).get('src/erp/client.ts') ?? [])]).toEqual([4]);
    const content = await readIndexFiles(['src/erp/client.ts', 'src/erp-client.ts'], { cwd: r.dir });
    expect(content.get('src/erp/client.ts')?.toString('utf8')).toContain(OTHER_SECRET);
    expect(content.has('src/erp-client.ts')).toBe(false);
  });

  it('reports paths relative to a subdirectory cwd and drops changes outside it', async () => {
    const r = repo();
    r.write('services/pos/src/sync.ts', withSecret(SECRET));
    r.write('services/erp/src/sync.ts', withSecret(OTHER_SECRET));
    r.git('add', '.');
    const cwd = join(r.dir, 'services', 'pos');
    expect(await stagedChanges({ cwd })).toEqual([{ status: 'added', path: 'src/sync.ts' }]);
    expect([...(await stagedAddedLines({ cwd })).keys()]).toEqual(['src/sync.ts']);
    expect((await readIndexFiles(['src/sync.ts'], { cwd })).get('src/sync.ts')?.toString('utf8')).toContain(SECRET);
  });

  it('reads several index files in one batch, binary-safe, and skips paths not in the index', async () => {
    const r = repo();
    r.write('a.ts', 'export const a = 1;\n');
    r.write('b with space.ts', 'line one\nline two\n');
    r.write('c.bin', '\u0000\u0001\n\n\u0002');
    r.git('add', '.');
    const content = await readIndexFiles(['a.ts', 'missing.ts', 'b with space.ts', 'c.bin'], { cwd: r.dir });
    expect([...content.keys()]).toEqual(['a.ts', 'b with space.ts', 'c.bin']);
    expect(content.get('b with space.ts')?.toString('utf8')).toBe('line one\nline two\n');
    expect(content.get('c.bin')?.toString('utf8')).toBe('\u0000\u0001\n\n\u0002');
  });

  it('--diff REF: counts lines added since the merge base, not lines the base branch gained later', async () => {
    const r = repo();
    r.write('src/erp-client.ts', clean);
    r.write('src/pos.ts', 'export const pos = 1;\n');
    r.git('add', '.');
    r.git('commit', '-qm', 'base');
    r.git('checkout', '-qb', 'feature');
    r.write('src/erp-client.ts', withSecret(SECRET));
    r.write('src/new-file.ts', 'export const a = 1;\nexport const b = 2;\n');
    r.git('add', '.');
    r.git('commit', '-qm', 'feature work');
    r.git('checkout', '-q', 'main');
    r.write('src/pos.ts', 'export const pos = 1;\nexport const main = 2;\n');
    r.git('commit', '-qam', 'main moves on');
    r.git('checkout', '-q', 'feature');

    const added = await addedLinesSince('main', { cwd: r.dir });
    expect([...added.keys()].sort()).toEqual(['src/erp-client.ts', 'src/new-file.ts']);
    expect([...(added.get('src/erp-client.ts') ?? [])]).toEqual([5]);
    expect([...(added.get('src/new-file.ts') ?? [])]).toEqual([1, 2]);
    await expect(addedLinesSince('no-such-branch', { cwd: r.dir })).rejects.toThrow(GitError);
    await expect(addedLinesSince('--output=/tmp/x', { cwd: r.dir })).rejects.toThrow('not a git revision');
  });

  it('fails with a GitError outside a repository', async () => {
    const r = repo();
    const outside = join(r.dir, '..', `not-a-repo-${process.pid}-${Date.now()}`);
    mkdirSync(outside);
    try {
      await expect(stagedChanges({ cwd: outside })).rejects.toThrow(GitError);
    } finally {
      (await import('node:fs')).rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('parseAddedLines', () => {
  it('reads hunk headers with and without counts, and ignores deleted files', () => {
    const diff = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -3 +3 @@',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@ function x() {',
      '+one',
      '+two',
      '@@ -20,2 +21,0 @@',
      '-gone',
      '-gone',
      'diff --git a/src/b.ts b/src/b.ts',
      '--- a/src/b.ts',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-gone',
      'diff --git a/my file.ts b/my file.ts',
      '--- a/my file.ts\t',
      '+++ b/my file.ts\t',
      '@@ -0,0 +1 @@',
      '+x',
    ].join('\n');
    const added = parseAddedLines(diff);
    expect([...added.keys()]).toEqual(['src/a.ts', 'my file.ts']);
    expect([...(added.get('src/a.ts') ?? [])]).toEqual([3, 11, 12]);
    expect([...(added.get('my file.ts') ?? [])]).toEqual([1]);
  });

  it('keeps a multi-line finding when any line of its range was added', () => {
    const added = new Map([['key.pem', new Set([7])]]);
    const kept = onAddedLines([finding({ file: 'key.pem', line: 5, endLine: 9 }), finding({ file: 'key.pem', line: 1, endLine: 3 })], added);
    expect(kept.map((item) => item.line)).toEqual([5]);
  });
});
