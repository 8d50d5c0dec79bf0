/**
 * The planner and the writer on small temp projects: names, the env file (never overwritten,
 * created 0600), `.env.example`, `.gitignore`, idempotence, file modes, all-or-nothing writes,
 * and masked output.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPlan,
  clearProjectFactsCache,
  planFix,
  PlanConflictError,
  renderPlanDiff,
  renderSummary,
  sharedFixNaming,
  type FixPlan,
  type FixTarget,
} from '../../src/fix/apply/index.js';
import { cleanupProjects, snapshotTree, targetFor, tempDir, writeProject } from './project.js';

afterAll(cleanupProjects);
beforeEach(clearProjectFactsCache);

const SECRET = ['Zq8vR2mK9xLp', 'T4wN7bYc3fHd', '6jGs1A0cE'].join('');
const OTHER = ['F3kP9vQ2wX7m', 'R4tY8zB1nC6h'].join('');

function tsProject(files: Readonly<Record<string, string>>): string {
  const dir = tempDir();
  writeProject(dir, {
    'package.json': '{ "type": "module" }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", "strict": true } }\n',
    ...files,
  });
  return dir;
}

function plan(dir: string, targets: readonly FixTarget[], extra: { prefix?: string; style?: 'process-env' | 'require-env' } = {}): FixPlan {
  clearProjectFactsCache();
  return planFix(targets, {
    cwd: dir,
    style: extra.style ?? 'require-env',
    envFile: join(dir, '.env'),
    exampleFile: join(dir, '.env.example'),
    naming: sharedFixNaming(extra.prefix),
  });
}

describe('planFix and applyPlan', () => {
  it('gives the same literal one variable, keeps comments and formatting, and a second run changes nothing', () => {
    const dir = tsProject({
      'src/a.ts': `// Kensium POS settings\nexport const kensium = {\n  clientSecret: '${SECRET}', // from the portal\n};\n`,
      'src/b.ts': `import { x } from './x.js';\n\nexport const copy = { secret: '${SECRET}' };\n`,
    });
    const targets = [
      targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
      targetFor(join(dir, 'src/b.ts'), { literal: `'${SECRET}'`, envName: 'COPY_SECRET' }),
    ];
    const first = plan(dir, targets);
    expect(first.fixed.map((entry) => entry.envName)).toEqual(['KENSIUM_CLIENT_SECRET', 'KENSIUM_CLIENT_SECRET']);
    applyPlan(first);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe(
      `import { requireEnv } from './require-env.js';\n\n// Kensium POS settings\nexport const kensium = {\n  clientSecret: requireEnv('KENSIUM_CLIENT_SECRET'), // from the portal\n};\n`,
    );
    expect(readFileSync(join(dir, 'src/b.ts'), 'utf8')).toBe(
      `import { x } from './x.js';\nimport { requireEnv } from './require-env.js';\n\nexport const copy = { secret: requireEnv('KENSIUM_CLIENT_SECRET') };\n`,
    );
    const env = readFileSync(join(dir, '.env'), 'utf8');
    expect(env).toBe(`# client secret from src/a.ts. Rotate it: the old value is in git history.\nKENSIUM_CLIENT_SECRET='${SECRET}'\n`);
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toBe('# client secret for src/a.ts. Required; keep the real value out of git.\nKENSIUM_CLIENT_SECRET=\n');

    const snapshot = snapshotTree(dir);
    const again = plan(dir, targets);
    expect(again.files).toEqual([]);
    applyPlan(again);
    expect(snapshotTree(dir)).toEqual(snapshot);
  });

  it('keeps names stable across runs: a value already in .env keeps its name, a new value gets a free one', () => {
    const dir = tsProject({
      '.env': `# set by hand\nPOS_SECRET='${SECRET}'\n`,
      'src/a.ts': `const a = '${SECRET}';\nconst b = '${OTHER}';\nconst c = process.env.KENSIUM_CLIENT_SECRET;\n`,
    });
    const result = plan(dir, [
      targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
      targetFor(join(dir, 'src/a.ts'), { literal: `'${OTHER}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
    ]);
    // SECRET is already POS_SECRET; KENSIUM_CLIENT_SECRET is read elsewhere, so OTHER gets _2.
    expect(result.fixed.map((entry) => [entry.envName, entry.alreadyInEnvFile])).toEqual([
      ['POS_SECRET', true],
      ['KENSIUM_CLIENT_SECRET_2', false],
    ]);
    applyPlan(result);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(
      `# set by hand\nPOS_SECRET='${SECRET}'\n# client secret from src/a.ts. Rotate it: the old value is in git history.\nKENSIUM_CLIENT_SECRET_2='${OTHER}'\n`,
    );
  });

  it('takes a name that .env.example declares and nothing reads yet, and lists it there once', () => {
    const dir = tsProject({
      '.env.example': '# POS app credentials\nKENSIUM_CLIENT_SECRET=<your-secret>\n',
      'src/a.ts': `export const kensium = { clientSecret: '${SECRET}' };\n`,
    });
    const result = plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]);
    expect(result.fixed.map((entry) => entry.envName)).toEqual(['KENSIUM_CLIENT_SECRET']);
    applyPlan(result);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toContain("requireEnv('KENSIUM_CLIENT_SECRET')");
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toBe('# POS app credentials\nKENSIUM_CLIENT_SECRET=<your-secret>\n');
  });

  it('applies --prefix to names derived through the shared naming', () => {
    const dir = tsProject({ 'src/a.ts': `const a = '${SECRET}';\n` });
    const { envName: _suggested, ...target } = targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'unused' });
    const derived = { ...target, naming: { kind: 'client-secret' as const, objectName: 'kensiumConfig', propertyName: 'clientSecret' } };
    const result = plan(dir, [derived], { prefix: 'POS' });
    expect(result.fixed.map((entry) => entry.envName)).toEqual(['POS_KENSIUM_CLIENT_SECRET']);
  });

  it('never overwrites a different value in .env: the conflict is reported and nothing about it is changed', () => {
    const dir = tsProject({
      '.env': `KENSIUM_CLIENT_SECRET='${OTHER}'\n`,
      'src/a.ts': `const a = '${SECRET}';\n`,
    });
    chmodSync(join(dir, '.env'), 0o600);
    const before = snapshotTree(dir);
    const result = plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]);
    expect(result.fixed).toEqual([]);
    expect(result.skipped.map((entry) => [entry.reason, entry.line, entry.column])).toEqual([['conflict', 1, 11]]);
    expect(result.skipped[0]?.message).toBe(
      `.env already sets KENSIUM_CLIENT_SECRET to a different value (F3…6h (24 chars)); the code and the env file were left unchanged. Decide which value is right, then run the fix again.`,
    );
    expect(result.notices).toEqual([{ file: '.env', message: 'is not ignored by git; add it to .gitignore.' }]);
    applyPlan(result);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('reports an env fallback whose variable the env file sets to another value as a conflict, and drops one it sets to the same', () => {
    const dir = tsProject({ '.env': `ERP_API_KEY='${OTHER}'\n`, '.gitignore': '.env\n', 'src/a.ts': `const key = process.env.ERP_API_KEY ?? '${SECRET}';\n` });
    const target = targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'ERP_API_KEY', kind: 'api-key', ruleId: 'no-secret-env-fallback' });
    const before = snapshotTree(dir);
    const result = plan(dir, [target]);
    expect(result.fixed).toEqual([]);
    expect(result.skipped.map((entry) => [entry.reason, entry.message.replace(/\(.*\)/u, '(…)')])).toEqual([
      ['conflict', '.env already sets ERP_API_KEY to a different value (…); the code and the env file were left unchanged. Decide which value is right, then run the fix again.'],
    ]);
    applyPlan(result);
    expect(snapshotTree(dir)).toEqual(before);

    writeFileSync(join(dir, '.env'), `ERP_API_KEY='${SECRET}'\n`);
    const same = plan(dir, [target]);
    expect(same.fixed.map((entry) => [entry.envName, entry.alreadyInEnvFile])).toEqual([['ERP_API_KEY', true]]);
    applyPlan(same);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe("import { requireEnv } from './require-env.js';\n\nconst key = requireEnv('ERP_API_KEY');\n");
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(`ERP_API_KEY='${SECRET}'\n`);
  });

  it('fills an empty declaration in .env instead of adding a second one', () => {
    const dir = tsProject({ '.env': 'KENSIUM_CLIENT_SECRET=\nOTHER=1\n', 'src/a.ts': `const a = '${SECRET}';\n` });
    applyPlan(plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]));
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(
      `OTHER=1\n# client secret from src/a.ts. Rotate it: the old value is in git history.\nKENSIUM_CLIENT_SECRET='${SECRET}'\n`,
    );
  });

  it('creates .env with mode 0600 and keeps the mode of every existing file', () => {
    const dir = tsProject({ 'bin/sync.ts': `#!/usr/bin/env node\nconst a = '${SECRET}';\n`, '.env.example': '# names\n' });
    chmodSync(join(dir, 'bin/sync.ts'), 0o750);
    chmodSync(join(dir, '.env.example'), 0o640);
    applyPlan(plan(dir, [targetFor(join(dir, 'bin/sync.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]));
    expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'bin/sync.ts')).mode & 0o777).toBe(0o750);
    expect(statSync(join(dir, '.env.example')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'bin/sync.ts'), 'utf8')).toBe(`#!/usr/bin/env node\nimport { requireEnv } from '../require-env.js';\n\nconst a = requireEnv('KENSIUM_CLIENT_SECRET');\n`);
    expect(existsSync(join(dir, 'require-env.ts'))).toBe(true);
  });

  it('adds the env file to .gitignore once, and un-ignores the example when a glob caught it', () => {
    const dir = tsProject({ '.gitignore': 'node_modules/\n.env*', 'src/a.ts': `const a = '${SECRET}';\n` });
    const target = targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' });
    applyPlan(plan(dir, [target]));
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\n.env*\n# Local secrets: never commit the env file.\n!/.env.example\n');
    const other = tsProject({ '.gitignore': 'node_modules/\n', 'src/a.ts': `const a = '${SECRET}';\n` });
    applyPlan(plan(other, [targetFor(join(other, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]));
    expect(readFileSync(join(other, '.gitignore'), 'utf8')).toBe('node_modules/\n# Local secrets: never commit the env file.\n/.env\n');
  });

  it('asks git what is ignored, and warns when the env file is already tracked', () => {
    const dir = tsProject({ '.gitignore': 'secrets/\n', 'src/a.ts': `const a = '${SECRET}';\n`, '.env': 'LOG_LEVEL=debug\n' });
    chmodSync(join(dir, '.env'), 0o644);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.env');
    const result = plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]);
    expect(result.notices).toEqual([
      { file: '.env', message: 'is readable by other users (mode 0644); run chmod 600 on it.' },
      { file: '.env', message: 'is tracked by git, so .gitignore does not protect it: run `git rm --cached` on it, commit, and rotate every secret it ever held.' },
    ]);
    applyPlan(result);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('secrets/\n# Local secrets: never commit the env file.\n/.env\n');
    expect(git('check-ignore', '--no-index', '-q', '.env').status).toBe(0);
    expect(git('check-ignore', '--no-index', '-q', '.env.example').status).toBe(1);
  });

  it('leaves client-side code alone and reports it', () => {
    const dir = tsProject({ 'src/app.tsx': `'use client';\nexport const s = '${SECRET}';\n` });
    const before = snapshotTree(dir);
    const result = plan(dir, [targetFor(join(dir, 'src/app.tsx'), { literal: `'${SECRET}'`, envName: 'APP_CLIENT_SECRET', clientSide: true })]);
    expect(result.files).toEqual([]);
    expect(result.skipped.map((entry) => [entry.reason, entry.line, entry.column])).toEqual([['client-side', 2, 18]]);
    applyPlan(result);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('uses process.env with the process-env style and writes no helper', () => {
    const dir = tsProject({ 'src/a.ts': `const a = '${SECRET}';\n` });
    const result = plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })], { style: 'process-env' });
    applyPlan(result);
    expect(readFileSync(join(dir, 'src/a.ts'), 'utf8')).toBe('const a = process.env.KENSIUM_CLIENT_SECRET;\n');
    expect(renderSummary(result, { dryRun: false, envFile: join(dir, '.env') })).toContain(
      '\nNote: src/a.ts now reads process.env, which TypeScript types as `string | undefined`: run tsc --noEmit, or use --style require-env.\n',
    );
    expect(existsSync(join(dir, 'src/require-env.ts'))).toBe(false);
  });

  it('refuses to overwrite an existing helper path that does not export the helper', () => {
    const dir = tsProject({ 'src/require-env.ts': 'export const unrelated = 1;\n', 'src/a.ts': `const a = '${SECRET}';\n` });
    const result = plan(dir, [targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' })]);
    expect(result.files).toEqual([]);
    expect(result.skipped.map((entry) => entry.reason)).toEqual(['helper-clash']);
  });
});

describe('all-or-nothing writes', () => {
  function projectWithTwoFiles() {
    const dir = tsProject({ 'src/a.ts': `const a = '${SECRET}';\n`, 'src/b.ts': `const b = '${OTHER}';\n` });
    const result = plan(dir, [
      targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'A_CLIENT_SECRET' }),
      targetFor(join(dir, 'src/b.ts'), { literal: `'${OTHER}'`, envName: 'B_CLIENT_SECRET' }),
    ]);
    return { dir, result };
  }

  it('writes nothing when a file changed after planning', () => {
    const { dir, result } = projectWithTwoFiles();
    writeFileSync(join(dir, 'src/b.ts'), `const b = '${OTHER}'; // edited meanwhile\n`);
    const before = snapshotTree(dir);
    expect(() => applyPlan(result)).toThrow(PlanConflictError);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(join(dir, 'src')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves every file old when a temp file cannot be written half-way', () => {
    const { dir, result } = projectWithTwoFiles();
    // The last planned file would go below a path that is a regular file: its temp file cannot be
    // created after the others were staged (this fails for root too, unlike a permission check).
    writeProject(dir, { 'not-a-dir': 'x' });
    const before = snapshotTree(dir);
    const last = result.files.at(-1);
    if (!last) throw new Error('no files planned');
    const broken = { ...last, path: join(dir, 'not-a-dir', 'c.ts'), before: undefined };
    expect(() => applyPlan({ files: [...result.files, broken] })).toThrow(/ENOTDIR|EEXIST/u);
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'src')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('puts back the files already renamed when a rename fails', () => {
    const { dir, result } = projectWithTwoFiles();
    const before = snapshotTree(dir);
    // A directory where the last source file should go makes its rename fail after the others.
    const files = [...result.files];
    const last = files.at(-1);
    if (!last) throw new Error('no files planned');
    const blocked = { ...last, path: join(dir, 'src', 'blocked'), before: undefined };
    writeProject(dir, { 'src/blocked/keep': 'x' });
    expect(() => applyPlan({ files: [...files.slice(0, -1), blocked] })).toThrow();
    const after = snapshotTree(dir);
    after.delete('src/blocked/keep');
    expect(after).toEqual(before);
    expect(readdirSync(join(dir, 'src')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('output', () => {
  it('masks every secret in the diff and the summary, and lists what to rotate', () => {
    const dir = tsProject({
      'src/a.ts': `export const kensium = { clientId: 'pos-sync-service-01', clientSecret: '${SECRET}' };\n`,
      'src/app.tsx': `'use client';\nexport const s = '${OTHER}';\n`,
    });
    const result = plan(dir, [
      targetFor(join(dir, 'src/a.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
      targetFor(join(dir, 'src/a.ts'), { literal: "'pos-sync-service-01'", envName: 'KENSIUM_CLIENT_ID', kind: 'client-id' }),
      targetFor(join(dir, 'src/app.tsx'), { literal: `'${OTHER}'`, envName: 'APP_CLIENT_SECRET', clientSide: true }),
    ]);
    const diff = renderPlanDiff(result);
    const summary = renderSummary(result, { dryRun: true, envFile: join(dir, '.env') });
    for (const text of [diff, summary]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(OTHER);
      expect(text).not.toContain(SECRET.slice(4, -4));
    }
    expect(diff).toContain('+KENSIUM_CLIENT_SECRET=<Zq8v…A0cE (33 chars)>\n');
    expect(diff).toContain("+export const kensium = { clientId: requireEnv('KENSIUM_CLIENT_ID'), clientSecret: requireEnv('KENSIUM_CLIENT_SECRET') };\n");
    expect(summary).toBe(
      [
        'Would move 2 hard-coded secrets into .env:',
        '  src/a.ts:1:36  client-id po…01 (19 chars) -> KENSIUM_CLIENT_ID',
        '  src/a.ts:1:73  client-secret Zq8v…A0cE (33 chars) -> KENSIUM_CLIENT_SECRET',
        'Would write: .gitignore (new), .env (new), .env.example (new), src/require-env.ts (new), src/a.ts',
        '',
        'Left unchanged (1):',
        '  src/app.tsx:2:18  client-secret: Client-side code: an environment variable would still be bundled into the browser. Move this call to a server (a backend-for-frontend or an API route), then rotate the secret.',
        '',
        'Rotate these 2 secrets now: moving a value out of the code does not remove it from git history.',
        '  - KENSIUM_CLIENT_SECRET (client-secret, Zq8v…A0cE (33 chars))',
        '  - src/app.tsx:2 (client-secret)',
        'Issue a new value at the provider, put it in the env file and your deployment secret store, then revoke the old one. See docs/migration.md.',
        '',
      ].join('\n'),
    );
  });
});

describe('connection strings, duplicate findings, client ids and CommonJS files', () => {
  /** A target for `inner`, a part of a literal (as the scanner reports a password in a URL or a known format). */
  function innerTarget(file: string, inner: string, extra: Partial<FixTarget> = {}): FixTarget {
    const start = readFileSync(file, 'utf8').indexOf(inner);
    if (start === -1) throw new Error('not found');
    return { file, start, end: start + inner.length, ruleId: 'no-hardcoded-credentials', kind: 'password', clientSide: false, naming: { kind: 'password', fileName: file }, ...extra };
  }

  it('moves a connection string whole, under the name its library reads', () => {
    const url = `postgres://pos_app:${SECRET}@db.internal.example:5432/pos`;
    const mongo = `mongodb+srv://etl:${OTHER}@cluster0.example.net/pos`;
    const dir = tsProject({ 'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: '${url}' });\nexport const m = '${mongo}';\n` });
    const file = join(dir, 'src/db.ts');
    const result = plan(dir, [innerTarget(file, SECRET), innerTarget(file, OTHER)]);
    expect(result.skipped).toEqual([]);
    expect(result.fixed.map((entry) => entry.envName)).toEqual(['DATABASE_URL', 'MONGODB_URI']);
    applyPlan(result);
    expect(readFileSync(file, 'utf8')).toBe(
      "import { Pool } from 'pg';\nimport { requireEnv } from './require-env.js';\nexport const pool = new Pool({ connectionString: requireEnv('DATABASE_URL') });\nexport const m = requireEnv('MONGODB_URI');\n",
    );
    expect(readFileSync(join(dir, '.env'), 'utf8')).toContain(`# URL with a password in it from src/db.ts. Rotate it: the old value is in git history.\nDATABASE_URL='${url}'\n`);
    const summary = renderSummary(result, { dryRun: false, envFile: join(dir, '.env') });
    expect(summary).not.toContain(SECRET);
    expect(summary).not.toContain(OTHER);
  });

  it('names an http URL with credentials after its context', () => {
    const url = `https://svc-sync:${SECRET}@legacy-erp.example/api`;
    const dir = tsProject({ 'src/erp-http.ts': `export const legacyErp = '${url}';\n` });
    const file = join(dir, 'src/erp-http.ts');
    const result = plan(dir, [innerTarget(file, SECRET, { naming: { kind: 'password', variableName: 'legacyErp', fileName: file } })]);
    expect(result.fixed.map((entry) => entry.envName)).toEqual(['LEGACY_ERP_URL']);
  });

  it('counts a second finding on a moved literal as moved with it, not as left unchanged', () => {
    const dir = tsProject({ 'src/a.ts': `export const key = process.env.SENDGRID_API_KEY ?? '${SECRET}';\n` });
    const file = join(dir, 'src/a.ts');
    const fallback = targetFor(file, { literal: `'${SECRET}'`, envName: 'SENDGRID_API_KEY', kind: 'api-key', ruleId: 'no-secret-env-fallback' });
    const result = plan(dir, [fallback, innerTarget(file, SECRET, { kind: 'api-key' })]);
    expect(result.skipped).toEqual([]);
    expect(result.fixed.map((entry) => [entry.envName, entry.column])).toEqual([['SENDGRID_API_KEY', 52]]);
    expect(result.sameLiteral?.map((entry) => [entry.envName, entry.column])).toEqual([['SENDGRID_API_KEY', 53]]);
    const summary = renderSummary(result, { dryRun: true, envFile: join(dir, '.env') });
    expect(summary).toContain('Moved with the finding on the same literal (1):\n  src/a.ts:1:53  api-key Zq8v…A0cE (33 chars) -> SENDGRID_API_KEY\n');
    expect(summary).not.toContain('Left unchanged');
    expect(summary).toContain('Rotate this secret now');
  });

  it('leaves a lone client id (a public client) in place, and moves one whose client secret moves too', () => {
    const dir = tsProject({
      'src/login.ts': `export const PUBLIC_CLIENT_ID = 'acme-cli-public';\n`,
      'src/kensium.ts': `export const kensium = { clientId: 'pos-sync-service-01', clientSecret: '${SECRET}' };\n`,
    });
    const targets = [
      targetFor(join(dir, 'src/login.ts'), { literal: "'acme-cli-public'", envName: 'PUBLIC_CLIENT_ID', kind: 'client-id', ruleId: 'no-hardcoded-client-id' }),
      targetFor(join(dir, 'src/kensium.ts'), { literal: "'pos-sync-service-01'", envName: 'KENSIUM_CLIENT_ID', kind: 'client-id', ruleId: 'no-hardcoded-client-id' }),
      targetFor(join(dir, 'src/kensium.ts'), { literal: `'${SECRET}'`, envName: 'KENSIUM_CLIENT_SECRET' }),
    ];
    const result = plan(dir, targets);
    expect(result.fixed.map((entry) => entry.envName)).toEqual(['KENSIUM_CLIENT_ID', 'KENSIUM_CLIENT_SECRET']);
    expect(result.skipped.map((entry) => [entry.reason, entry.line, entry.column])).toEqual([['client-id', 1, 33]]);
    expect(result.skipped[0]?.message).toContain('may be a public client');
    expect(renderSummary(result, { dryRun: true, envFile: join(dir, '.env') })).not.toContain('src/login.ts:1 (client-id');

    clearProjectFactsCache();
    const all = planFix(targets, { cwd: dir, style: 'require-env', envFile: join(dir, '.env'), exampleFile: join(dir, '.env.example'), naming: sharedFixNaming(), clientIds: 'all' });
    expect(all.fixed.map((entry) => entry.envName)).toEqual(['KENSIUM_CLIENT_ID', 'KENSIUM_CLIENT_SECRET', 'PUBLIC_CLIENT_ID']);
    clearProjectFactsCache();
    const none = planFix(targets, { cwd: dir, style: 'require-env', envFile: join(dir, '.env'), exampleFile: join(dir, '.env.example'), naming: sharedFixNaming(), clientIds: 'none' });
    expect(none.fixed.map((entry) => entry.envName)).toEqual(['KENSIUM_CLIENT_SECRET']);
  });

  it('gives a .cjs file in an ESM package a helper it can require', () => {
    const dir = tempDir();
    writeProject(dir, {
      'package.json': '{ "type": "module" }\n',
      'lib/a.js': `export const a = { clientSecret: '${SECRET}' };\n`,
      'lib/b.cjs': `'use strict';\nmodule.exports = { clientSecret: '${OTHER}' };\n`,
    });
    const result = plan(dir, [
      targetFor(join(dir, 'lib/a.js'), { literal: `'${SECRET}'`, envName: 'A_CLIENT_SECRET' }),
      targetFor(join(dir, 'lib/b.cjs'), { literal: `'${OTHER}'`, envName: 'B_CLIENT_SECRET' }),
    ]);
    applyPlan(result);
    expect(readFileSync(join(dir, 'lib/b.cjs'), 'utf8')).toBe(`'use strict';\n\nconst { requireEnv } = require('../require-env.cjs');\nmodule.exports = { clientSecret: requireEnv('B_CLIENT_SECRET') };\n`);
    expect(readFileSync(join(dir, 'lib/a.js'), 'utf8')).toContain("from '../require-env.js'");
    expect(readFileSync(join(dir, 'require-env.cjs'), 'utf8')).toContain('module.exports = { requireEnv };');
    expect(readFileSync(join(dir, 'require-env.js'), 'utf8')).toContain('export function requireEnv');
    const run = spawnSync(process.execPath, ['-e', "console.log(require('./lib/b.cjs').clientSecret.length)"], { cwd: dir, encoding: 'utf8', env: { ...process.env, B_CLIENT_SECRET: 'x'.repeat(5) } });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('5\n');
  });
});
