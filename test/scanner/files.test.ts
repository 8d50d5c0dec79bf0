/**
 * `listFiles`: which files a scan reads, with git (tracked and untracked, `.gitignore` honoured)
 * and without (a directory walk with its own `.gitignore`s), as normalised absolute paths.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/scanner/files.js';
import { DEFAULT_IGNORE } from '../../src/scanner/run.js';
import { createTempRepo, type TempRepo } from '../gates/helpers.js';

const LAYOUT: Record<string, string> = {
  'src/erp/client.ts': 'export const url = process.env.ERP_URL;',
  'src/erp/client.d.ts': 'export declare const url: string;',
  'src/pos/sync.mjs': 'export default 1;',
  'src/vendor/lib.min.js': 'var a=1;',
  'config/app.json': '{}',
  '.env': 'ERP_SECRET=x',
  'README.md': '# integration',
  'node_modules/pkg/index.js': 'module.exports = 1;',
  'packages/pos/node_modules/dep/index.js': 'module.exports = 1;',
  'dist/bundle.js': 'console.log(1);',
  '.gitignore': 'dist/\n',
};

/** What every listing below must give: code and config files, none under node_modules, none ignored. */
const EXPECTED: readonly [string, 'code' | 'config'][] = [
  ['.env', 'config'],
  ['config/app.json', 'config'],
  ['src/erp/client.ts', 'code'],
  ['src/pos/sync.mjs', 'code'],
];

function write(dir: string): void {
  for (const [path, content] of Object.entries(LAYOUT)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function listed(cwd: string, paths: readonly string[]): [string, string][] {
  return listFiles({ cwd, paths, ignore: [...DEFAULT_IGNORE] })
    .files.map((file): [string, string] => [file.path, file.category])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('listFiles', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const remove of cleanup.splice(0)) remove();
  });

  it('in a git repository: tracked and untracked files, as absolute normalised paths', () => {
    const repo: TempRepo = createTempRepo('ch-files-');
    cleanup.push(() => repo.remove());
    write(repo.dir);
    repo.git('add', 'src/erp/client.ts', '.gitignore');
    repo.git('commit', '-qm', 'first');
    const expected = EXPECTED.map(([path, category]) => [resolve(repo.dir, path), category]);
    expect(listed(repo.dir, ['.'])).toEqual(expected);
    expect(listed(join(repo.dir, 'src'), ['..'])).toEqual(expected);
    expect(listed(repo.dir, ['./src/../src/'])).toEqual(expected.filter(([path]) => path?.startsWith(join(repo.dir, 'src'))));
    const tracked = listFiles({ cwd: repo.dir, paths: ['.'], ignore: [] }).files.filter((file) => file.tracked);
    expect(tracked.map((file) => file.path)).toEqual([join(repo.dir, 'src', 'erp', 'client.ts')]);
  });

  it('outside git: the same files from a walk, through a link to the scanned directory too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ch-files-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const project = join(dir, 'project');
    write(project);
    const expected = EXPECTED.map(([path, category]) => [resolve(project, path), category]);
    expect(listed(project, ['.'])).toEqual(expected);
    symlinkSync(project, join(dir, 'linked'));
    expect(listed(dir, ['linked']).map(([path, category]) => [path.replace(join(dir, 'linked'), project), category])).toEqual(expected);
  });
});

describe('categorize', () => {
  it('reads Terraform files and Dockerfiles as config, and skips .terraform module caches', async () => {
    const { categorize } = await import('../../src/scanner/files.js');
    for (const name of ['infra/terraform.tfvars', 'infra/main.tf', 'infra/prod.hcl', 'Dockerfile', 'services/sync/Dockerfile.prod', 'api.Dockerfile', 'Containerfile']) {
      expect(categorize(name)).toBe('config');
    }
    expect(categorize('src/dockerfile.ts')).toBe('code');
    expect(categorize('.dockerignore')).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'ch-files-'));
    try {
      mkdirSync(join(dir, 'infra', '.terraform', 'modules', 'vpc'), { recursive: true });
      writeFileSync(join(dir, 'infra', '.terraform', 'modules', 'vpc', 'main.tf'), 'variable "x" {}\n');
      writeFileSync(join(dir, 'infra', 'main.tf'), 'variable "x" {}\n');
      expect(listed(dir, ['.'])).toEqual([[join(dir, 'infra', 'main.tf'), 'config']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
