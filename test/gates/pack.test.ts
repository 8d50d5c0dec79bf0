/**
 * The published package, for real: `npm pack`, install the tarball into a scratch project (one
 * install, from the npm cache where it can), then use it the way a user would: `npx
 * credential-hygiene scan --staged` in a git repository, and the ESLint plugin through `npx eslint`
 * with a flat config. The slowest test of the suite; it runs in CI with the rest.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSecret } from '../../src/detectors/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALL_TIMEOUT = 240_000;

// Assembled from fragments so that this file holds no whole fake secret.
const SECRET = ['Zq8vT2mW', '9xKp4RbN', '7cLs3JhY', '6dFg1A0c', 'E5uVwQ2s'].join('');
const leaky = `export const erp = {\n  tokenUrl: 'https://erp.example.com/oauth/token',\n  clientId: 'pos-sync',\n  clientSecret: '${SECRET}',\n};\n`;

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/** Each step starts the real binary (and ESLint, TypeScript) a few times; CI machines can be busy. */
const SLOW_TEST_TIMEOUT = 120_000;

describe('the npm tarball installed into a scratch project', () => {
  let scratch = '';

  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'src', 'index.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    scratch = mkdtempSync(join(tmpdir(), 'ch-pack-'));
    // `npm test` has just built dist/, so the prepack build is skipped.
    const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
    const tarball = join(scratch, packed[0]!.filename);
    const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'pos-sync-scratch', version: '1.0.0', private: true, type: 'module' }, null, 2));
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball, `eslint@${rootPackage.devDependencies.eslint!}`], {
      cwd: scratch,
      stdio: 'pipe',
      timeout: INSTALL_TIMEOUT,
    });
    execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: scratch, env: gitEnv });
    for (const [key, value] of [['user.name', 'Pack Test'], ['user.email', 'pack-test@example.invalid']] as const) execFileSync('git', ['config', key, value], { cwd: scratch, env: gitEnv });
    writeFileSync(join(scratch, '.gitignore'), 'node_modules/\n*.tgz\n');
    writeFileSync(
      join(scratch, 'eslint.config.js'),
      "import credentialHygiene from 'eslint-plugin-credential-hygiene';\n\nexport default [\n  { plugins: { 'credential-hygiene': credentialHygiene }, ...credentialHygiene.configs.recommended },\n];\n",
    );
    mkdirSync(join(scratch, 'src'));
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('npx credential-hygiene scan --staged refuses the staged secret with a masked message, then passes once it is gone', () => {
    writeFileSync(join(scratch, 'src', 'erp.js'), leaky);
    execFileSync('git', ['add', 'src/erp.js', '.gitignore', 'eslint.config.js', 'package.json'], { cwd: scratch, env: gitEnv });
    const refused = spawnSync('npx', ['--no-install', 'credential-hygiene', 'scan', '--staged'], { cwd: scratch, encoding: 'utf8', env: gitEnv });
    const output = `${refused.stdout}${refused.stderr}`;
    expect(refused.status).toBe(1);
    expect(output).toContain('src/erp.js:4');
    expect(output).toContain(maskSecret(SECRET));
    expect(output).not.toContain(SECRET);

    writeFileSync(join(scratch, 'src', 'erp.js'), leaky.replace(`'${SECRET}'`, 'process.env.ERP_CLIENT_SECRET'));
    execFileSync('git', ['add', 'src/erp.js'], { cwd: scratch, env: gitEnv });
    const passed = spawnSync('npx', ['--no-install', 'credential-hygiene', 'scan', '--staged'], { cwd: scratch, encoding: 'utf8', env: gitEnv });
    expect(`${passed.stdout}${passed.stderr}`).not.toContain(SECRET);
    expect(passed.status).toBe(0);
  }, SLOW_TEST_TIMEOUT);

  it('the ESLint plugin loads from the installed package and reports the secret, masked', () => {
    writeFileSync(join(scratch, 'src', 'erp-lint.js'), leaky);
    // The stylish formatter: ESLint's json formatter echoes the file's source, which is not ours to mask.
    const result = spawnSync('npx', ['--no-install', 'eslint', 'src/erp-lint.js'], { cwd: scratch, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^\s+4:17\s+error\s+Hard-coded client secret .+credential-hygiene\/no-hardcoded-client-secret$/mu);
    expect(result.stdout).toContain(maskSecret(SECRET));
    expect(result.stdout).not.toContain(SECRET);
  }, SLOW_TEST_TIMEOUT);
});
