/**
 * `run()` on small projects written to a temporary directory (outside git): content providers,
 * explicit file lists, fingerprints, fix targets, suppressions, skips and unreadable input.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFingerprint, run } from '../../src/scanner/index.js';
import { categorize, isEnvTemplate, walkDirectory } from '../../src/scanner/files.js';

// Fake values, assembled so that this file holds none whole.
const SECRET = ['Qm4vN8xK2pT6', 'wZ9bR3cL7hYd5gFs1Ae0'].join('');
const OTHER = ['Hp2nV6xQ9mT3', 'wK7bR1cL5hYd8gZs4Fe6'].join('');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'credential-hygiene-run-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function project(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('run()', () => {
  it('gives each finding its credential kind, not the rule message id', async () => {
    const password = ['Wint3r', '!sComing', '2026'].join('');
    const dir = project('kinds', {
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db.internal', user: 'possync', password: '${password}' });\n`,
    });
    const result = await run({ cwd: dir });
    expect(result.findings.map((finding) => [finding.ruleId, finding.kind])).toEqual([['no-hardcoded-credentials', 'password']]);
  });

  it('reads content from a provider instead of the disk (the git index for --staged)', async () => {
    const dir = project('provider', { 'src/config.ts': 'export const a = 1;\n' });
    const result = await run({ cwd: dir, files: ['src/config.ts'], readFile: () => `export const clientSecret = '${SECRET}';\n` });
    expect(result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(['src/config.ts:1:29 no-hardcoded-client-secret']);
  });

  it('turns a provider or file system error into an errors entry and goes on', async () => {
    const dir = project('errors', { 'a.ts': '', 'b.ts': '' });
    const result = await run({
      cwd: dir,
      files: ['a.ts', 'b.ts', 'missing.ts'],
      readFile: (path) => {
        if (path.endsWith('a.ts')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        if (path.endsWith('missing.ts')) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return `const clientSecret = '${SECRET}';\n`;
      },
    });
    expect(result.errors).toEqual([
      { file: 'a.ts', message: 'permission denied' },
      { file: 'missing.ts', message: 'no such file' },
    ]);
    expect(result.findings.map((finding) => finding.file)).toEqual(['b.ts']);
    expect(result.stats.files).toBe(1);
  });

  it('skips files over the size limit and counts them', async () => {
    const dir = project('large', { 'big.json': `{"a": "${'x'.repeat(2000)}"}`, 'small.ts': 'export {};\n' });
    const result = await run({ cwd: dir, maxFileSize: 1000 });
    expect(result.stats).toMatchObject({ files: 1, skipped: { 'too-large': 1 } });
  });

  it('skips a bundle with most of its text on minified lines, but parses a source file with one long data line', async () => {
    const wrapper = Array.from({ length: 400 }, (_, index) => `  exports.helper${index} = helper${index};`).join('\n');
    const minified = 'var a=1,b=function(c){return c*2},d={e:"f"};'.repeat(1000);
    const dir = project('minified-modules', {
      // A readable wrapper around minified modules: short lines on average, most text on long lines.
      'vendor/bundle.js': `(function () {\n${wrapper}\n${minified}\n${minified}\n})();\nconst clientSecret = '${SECRET}';\n`,
      // Integration code with one inlined data line: parsed, and its secret reported.
      'src/erp.ts': `export const logo = 'data:image/png;base64,${'iVBORw0KGgo'.repeat(200)}';\n${wrapper}\nexport const erp = { clientSecret: '${SECRET}' };\n`,
    });
    const result = await run({ cwd: dir });
    expect(result.stats).toMatchObject({ files: 1, skipped: { minified: 1 } });
    expect(result.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual(['src/erp.ts no-hardcoded-client-secret']);
  });

  it('parses a readable build that ends in an inline source map, and still skips a minified one', async () => {
    const readable = Array.from({ length: 120 }, (_, index) => `exports.helper${index} = function helper${index}(order) { return order.total * ${index}; };`).join('\n');
    const map = `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${'eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbXX0'.repeat(800)}`;
    const minified = 'var a=1,b=function(c){return c*2},d={e:"f"};'.repeat(400);
    const dir = project('inline-map', {
      // Babel's output: short lines, then one line of map, longer than the code.
      'lib/oauth2.js': `"use strict";\n${readable}\nexports.legacy = { grant_type: "password", username: user, password: pass };\nexports.pos = { clientSecret: "${SECRET}" };\n${map}\n`,
      'lib/bundle.js': `${minified}\n${map}\n`,
    });
    const result = await run({ cwd: dir });
    expect(result.stats).toMatchObject({ files: 1, skipped: { minified: 1 } });
    expect(result.findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toContain('lib/oauth2.js no-hardcoded-client-secret');
  });

  it('fingerprints without the value, stable when the finding moves to another line', async () => {
    const before = project('moves-before', { 'src/config.ts': `export const clientSecret = '${SECRET}';\n` });
    const after = project('moves-after', { 'src/config.ts': `// Settings.\n\nexport const clientSecret =\n  '${SECRET}';\n` });
    const [first] = (await run({ cwd: before })).findings;
    const [second] = (await run({ cwd: after })).findings;
    expect(first?.line).toBe(1);
    expect(second?.line).toBe(4);
    expect(first?.fingerprint).toBe(second?.fingerprint);
    expect(first?.fingerprint).toMatch(/^no-hardcoded-client-secret:[0-9a-f]{32}$/u);
    expect(first?.fingerprint).toBe(computeFingerprint({ ruleId: 'no-hardcoded-client-secret', file: 'src/config.ts', value: `"${SECRET}"` }));
    expect(computeFingerprint({ ruleId: 'no-hardcoded-client-secret', file: 'src/other.ts', value: SECRET })).not.toBe(first?.fingerprint);
    expect(computeFingerprint({ ruleId: 'no-hardcoded-client-secret', file: 'src/config.ts', value: OTHER })).not.toBe(first?.fingerprint);
    expect(computeFingerprint({ ruleId: 'no-hardcoded-client-secret', file: 'src/config.ts', value: SECRET, salt: 'project salt' })).not.toBe(first?.fingerprint);
  });

  it('returns fix targets on request, as a property no report serialises', async () => {
    const dir = project('fix-targets', {
      'src/config.ts': `export const settings = { clientSecret: '${SECRET}' };\n`,
      'src/app/page.tsx': `'use client';\nexport const clientSecret = '${OTHER}';\n`,
    });
    const result = await run({ cwd: dir, fixTargets: true });
    expect(Object.keys(result)).toEqual(['findings', 'errors', 'stats']);
    expect(JSON.stringify(result)).not.toContain('fixTargets');
    const targets = (result.fixTargets ?? []).map((target) => ({ ...target, file: target.file.slice(dir.length) }));
    expect(targets).toEqual([
      { file: '/src/app/page.tsx', range: [42, 76], ruleId: 'no-hardcoded-client-secret', kind: 'client-secret', clientSide: true, fingerprint: result.findings[0]?.fingerprint },
      { file: '/src/config.ts', range: [40, 74], ruleId: 'no-hardcoded-client-secret', kind: 'client-secret', clientSide: false, fingerprint: result.findings[1]?.fingerprint },
    ]);
  });

  it('adds the unmasked value only when asked to', async () => {
    const dir = project('unmasked', { 'a.ts': `const clientSecret = '${SECRET}';\n` });
    expect((await run({ cwd: dir })).findings[0]?.secret).toBeUndefined();
    expect((await run({ cwd: dir, includeSecrets: true })).findings[0]?.secret).toBe(`'${SECRET}'`);
  });

  it('honours eslint-disable comments for the findings it adds itself', async () => {
    const files = {
      'src/values.ts': `export const POS_VALUE = '${SECRET}';\n`,
      'src/client.ts': "import { POS_VALUE } from './values';\nexport const options = { clientSecret: POS_VALUE };\n",
    };
    const reported = await run({ cwd: project('suppress-before', files) });
    expect(reported.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['src/values.ts:1 no-hardcoded-client-secret']);
    const suppressed = await run({
      cwd: project('suppress-after', {
        ...files,
        'src/values.ts': `// eslint-disable-next-line credential-hygiene/no-hardcoded-client-secret -- sandbox value\nexport const POS_VALUE = '${SECRET}';\n`,
      }),
    });
    expect(suppressed.findings).toEqual([]);
  });

  it('reports unused disable comments for its rules under the option', async () => {
    const dir = project('unused-directive', {
      'a.ts': '// eslint-disable-next-line credential-hygiene/no-hardcoded-client-secret\nexport const clientSecret = process.env.CLIENT_SECRET;\n// eslint-disable-next-line no-console\nconsole.log(1);\n',
    });
    expect((await run({ cwd: dir })).findings).toEqual([]);
    const result = await run({ cwd: dir, reportUnusedDisableDirectives: true });
    expect(result.findings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.ruleId} ${finding.kind}`)).toEqual([
      '1:1 warn unused-disable-directive disable-directive',
    ]);
    expect(result.findings[0]?.message).toContain("Unused eslint-disable directive (no problems were reported from 'credential-hygiene/no-hardcoded-client-secret')");
  });

  it('does not report an untracked .env outside git, and never an .env.example', async () => {
    const dir = project('env-no-git', { '.env': 'KENSIUM_CLIENT_ID=possync\n', '.env.example': 'KENSIUM_CLIENT_SECRET=\n' });
    expect((await run({ cwd: dir })).findings).toEqual([]);
  });
});

describe('file discovery in git', () => {
  it('skips what the repository ignores, but scans an ignored directory when asked to scan it', async () => {
    const repo = project('repo', {
      '.gitignore': 'generated/\n',
      'src/index.ts': 'export {};\n',
      'generated/app/config.ts': `export const clientSecret = '${SECRET}';\n`,
    });
    const init = spawnSync('git', ['init', '-q', repo], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    const whole = await run({ cwd: repo });
    expect(whole.findings).toEqual([]);
    expect(whole.stats.files).toBe(1);
    const generated = await run({ cwd: join(repo, 'generated', 'app') });
    expect(generated.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['config.ts:1 no-hardcoded-client-secret']);
  });
});

describe('file discovery outside git', () => {
  it('honours nested .gitignore files, with negation and directory patterns', () => {
    const dir = project('walk', {
      '.gitignore': 'build/\n*.log.json\n!keep.log.json\n',
      'src/.gitignore': 'generated.ts\n',
      'src/index.ts': '',
      'src/generated.ts': '',
      'build/out.js': '',
      'drop.log.json': '',
      'keep.log.json': '',
      'node_modules/pkg/index.js': '',
    });
    const found = walkDirectory(dir).map((path) => path.slice(dir.length + 1));
    expect(found).toEqual(['.gitignore', 'keep.log.json', 'src/.gitignore', 'src/index.ts']);
  });

  it('categorises code, config and credential files, and leaves lockfiles and declarations out', () => {
    expect(['a.ts', 'a.d.ts', 'b.mjs', 'c.tsx', '.env.local', 'keycloak.json', 'package-lock.json', 'okta.yaml', '.npmrc', 'id_rsa', 'README.md'].map((name) => categorize(name) ?? '-')).toEqual([
      'code',
      '-',
      'code',
      'code',
      'config',
      'config',
      '-',
      'config',
      'config',
      'config',
      '-',
    ]);
    expect(['.env.example', '.env.sample', '.env.template', '.env', '.env.production'].map(isEnvTemplate)).toEqual([true, true, true, false, false]);
  });
});
