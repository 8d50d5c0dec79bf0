/**
 * `credential-hygiene scan` as users run it: the built binary in dist/ (npm test builds first),
 * spawned on the fixture projects, with exit codes, every format, config precedence and bad input.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { COMMITTED_ENV_FILE_RULE } from '../../src/scanner/text-files.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');
const fixtures = join(root, 'test', 'fixtures', 'scanner');

interface JsonReport {
  version: number;
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number; message: string; kind: string; fingerprint: string; trace?: { file: string; line: number; column: number; message: string }[]; secret?: string }[];
  errors: { file: string; message: string }[];
  stats: { files: number; skipped: Record<string, number>; durationMs: number };
}

/** The real binary: a separate process, as users and CI run it. */
function spawnScan(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'scan', ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command in-process (what the binary calls), for the many cases where a process start would only cost time. */
async function scan(cwd: string, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(['scan', ...args], { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) }, cwd });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

async function scanJson(cwd: string, args: string[] = []) {
  const result = await scan(cwd, ['--format', 'json', ...args]);
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

/** Fake secrets of the fixtures, assembled from halves so this file holds none whole. */
const FIXTURE_SECRETS = [
  ['Zq8vR3mTx5Wp9LkB', '2nYc7HdJ4fGs6Ae1'],
  ['Hx4mQ9vLt2Rb8NpW', '5cZk3YdF7gJs1Ue6'],
  ['Pw7nK2xQ9mVr4TbL', '8cYh3ZsD6fJg1Ea5'],
  ['Mb5tW8qZr2Kx7NvC', '4hYp9LdG3jFs6Te1'],
  ['Tg6pX3wN9kRz2MvB', '7qLc5HdY8sFj4Ka1'],
  ['Vd3kP8xM2qT7wZbN', '5rLc9HyJ4gFs6Aq1'],
  ['Lx8vQ3mTr6Wn1KbP', '9cZd4YhF2gJs7Ue5'],
  ['Rt5vN1xQ7mK3wB9p', 'Z2cL6hYd4gFs8Ae7'],
  ['Nc6vK1xQ8mT4wR2b', 'Z7pL3hYd9gFs5Ae4'],
].map(([a, b]) => `${a}${b}`);

describe('credential-hygiene scan (binary)', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'credential-hygiene-scan-'));
  });
  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('prints its help and version and exits 0', async () => {
    const help = spawnScan(root, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: credential-hygiene scan [paths...] [options]');
    expect(help.stdout).toContain('--max-warnings <n>');
    const version = await scan(root, ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('exits 2 on usage errors, naming the problem', async () => {
    expect(await scan(root, ['--nope'])).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--nope'") as unknown });
    expect(await scan(root, ['--format', 'xml'])).toMatchObject({ status: 2, stderr: expect.stringContaining('unknown format "xml" (available: text, json') as unknown });
    expect(await scan(root, ['--severity', 'info'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--severity must be "error" or "warn", not "info"') as unknown });
    expect(await scan(root, ['--max-warnings', 'many'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--max-warnings must be a whole number') as unknown });
  });

  it('prints the text format: relative file:line:col, severity, message, rule id, the trace and a summary', async () => {
    const { status, stdout, stderr } = spawnScan(join(fixtures, 're-export'), []);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'src/secrets/values.ts:1:25  error  Hard-coded client secret (Hx4m…1Ue6 (32 chars)) is used as `client_secret` in src/erp-auth.ts:4, a base64-encoded random value. Read it from an environment variable or a secret store, and rotate it: it is in version control.  no-hardcoded-client-secret',
        '    trace: src/secrets/values.ts:1:25  exported as `erpValue`',
        "           src/secrets/index.ts:1:10  re-exported as `erpSigning` from './values.js'",
        "           src/barrel.ts:1:1  re-exported from './secrets/index.js'",
        '           src/erp-auth.ts:4:104  used as `client_secret`',
        '',
        '✖ 1 problem (1 error, 0 warnings) in 1 file of 5 files checked.',
        '',
      ].join('\n'),
    );
  });

  it('prints paths relative to the working directory when scanning a sub-path', async () => {
    const { stdout } = await scan(root, ['test/fixtures/scanner/cross-file']);
    expect(stdout).toContain('test/fixtures/scanner/cross-file/src/settings.ts:2:37  error  ');
  });

  it('says so when there is nothing to report, and exits 0', async () => {
    const clean = join(scratch, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'index.ts'), 'export const clientSecret = process.env.POS_CLIENT_SECRET;\n');
    expect(await scan(clean, [])).toEqual({ status: 0, stdout: 'No problems found in 1 file.\n', stderr: '' });
  });

  it.each([
    ['cross-file', 'src/settings.ts', 2, 'no-hardcoded-client-secret', 2],
    ['re-export', 'src/secrets/values.ts', 1, 'no-hardcoded-client-secret', 4],
    ['default-export', 'src/config.ts', 4, 'no-hardcoded-credentials', 2],
    ['monorepo', 'packages/config/src/index.ts', 3, 'no-hardcoded-client-secret', 2],
    ['js-only', 'src/settings.js', 3, 'no-hardcoded-credentials', 2],
    ['client-reachability', 'src/lib/pos-auth.ts', 5, 'no-secret-in-client-code', 2],
  ])('finds the whole-program case of %s in the JSON format', async (fixture, file, line, ruleId, traceLength) => {
    const { status, report } = await scanJson(join(fixtures, fixture));
    expect(status).toBe(1);
    const finding = report.findings.find((candidate) => candidate.ruleId === ruleId && candidate.file === file);
    expect(finding).toMatchObject({ line, severity: 'error' });
    expect(finding?.trace).toHaveLength(traceLength);
    expect(finding?.fingerprint).toMatch(new RegExp(`^${ruleId}:[0-9a-f]{32}$`, 'u'));
  });

  it('finds every whole-program case through the real binary in one run over the fixture projects', () => {
    const projects = ['cross-file', 're-export', 'default-export', 'monorepo', 'js-only', 'client-reachability', 'config-files', 'tracked-env'];
    const { status, stdout, stderr } = spawnScan(fixtures, ['--format', 'json', ...projects]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    const located = report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} (${finding.trace?.length ?? 0} hops)`);
    expect(located).toEqual(
      expect.arrayContaining([
        'cross-file/src/settings.ts:2:37 no-hardcoded-client-secret (2 hops)',
        're-export/src/secrets/values.ts:1:25 no-hardcoded-client-secret (4 hops)',
        'default-export/src/config.ts:4:12 no-hardcoded-credentials (2 hops)',
        'monorepo/packages/config/src/index.ts:3:11 no-hardcoded-client-secret (2 hops)',
        'js-only/src/settings.js:3:13 no-hardcoded-credentials (2 hops)',
        'client-reachability/src/lib/pos-auth.ts:5:20 no-secret-in-client-code (2 hops)',
        'config-files/config/keycloak.json:6:16 no-hardcoded-client-secret (0 hops)',
        'tracked-env/.env:1:1 no-committed-env-file (0 hops)',
      ]),
    );
  });

  it('prints the documented JSON shape, with config files and the tracked .env', async () => {
    const { status, report } = await scanJson(join(fixtures, 'tracked-env'));
    expect(status).toBe(1);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'errors', 'stats']);
    expect(report.version).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.stats).toEqual({ files: 2, skipped: {}, durationMs: expect.any(Number) as unknown });
    expect(report.findings.map((finding) => Object.keys(finding))).toEqual([
      ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'kind', 'fingerprint'],
      ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'kind', 'fingerprint'],
    ]);
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '.env:1:1 no-committed-env-file',
      '.env:2:23 no-hardcoded-client-secret',
    ]);
    const configFiles = await scanJson(join(fixtures, 'config-files'));
    expect(configFiles.report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '.npmrc:1:34 no-hardcoded-credentials',
      'config/application.properties:2:19 no-hardcoded-client-secret',
      'config/keycloak.json:6:16 no-hardcoded-client-secret',
    ]);
  });

  it('never prints a whole secret, in any format, unless --no-mask is given (with a loud warning)', async () => {
    const outputs: string[] = [];
    for (const fixture of ['cross-file', 're-export', 'default-export', 'monorepo', 'js-only', 'config-files', 'tracked-env', 'client-reachability', 'catalogue-sink']) {
      for (const format of ['text', 'json']) {
        const { stdout, stderr } = await scan(join(fixtures, fixture), ['--format', format]);
        outputs.push(stdout, stderr);
      }
    }
    for (const secret of FIXTURE_SECRETS) expect(outputs.join('\n')).not.toContain(secret);

    const unmasked = await scan(join(fixtures, 'cross-file'), ['--format', 'json', '--no-mask']);
    expect(unmasked.stderr).toContain('WARNING: --no-mask prints whole secret values');
    expect((JSON.parse(unmasked.stdout) as JsonReport).findings[0]?.secret).toBe(`'${FIXTURE_SECRETS[0] ?? ''}'`);
  });

  it('fails with exit code 2 on a broken tsconfig, naming the file and the TypeScript diagnostic', async () => {
    const { status, stdout, stderr } = spawnScan(join(fixtures, 'broken-tsconfig'), []);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cannot load the TypeScript project: ${join(fixtures, 'broken-tsconfig', 'tsconfig.json')}: TS6046 at 2:34: Argument for '--target' option must be`);
  });

  it('loads the tsconfig given with --project, and exits 2 when it does not exist', async () => {
    const service = await scanJson(join(fixtures, 'monorepo'), ['--project', 'packages/service/tsconfig.json']);
    expect(service.status).toBe(1);
    expect(service.report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['packages/config/src/index.ts:3']);
    const missing = await scan(join(fixtures, 'monorepo'), ['--project', 'tsconfig.missing.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`cannot load the TypeScript project: ${join(fixtures, 'monorepo', 'tsconfig.missing.json')}: the file does not exist`);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const output = join(scratch, 'report.json');
    const { status, stdout } = await scan(join(fixtures, 'cross-file'), ['--format', 'json', '--output', output]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(output, 'utf8')) as JsonReport).findings).toHaveLength(1);
  });

  describe('config precedence: defaults < config file < flags', () => {
    let project: string;
    beforeAll(() => {
      project = join(scratch, 'precedence');
      mkdirSync(project);
      writeFileSync(join(project, 'keycloak.json'), readFileSync(join(fixtures, 'config-files', 'config', 'keycloak.json')));
    });

    it('uses the defaults without a config file: errors fail the run', async () => {
      expect((await scan(project, [])).status).toBe(1);
    });

    it('takes rule levels and the threshold from credential-hygiene.config.json, and lets flags override them', async () => {
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ rules: { 'no-hardcoded-client-secret': 'warn' }, format: 'json' }));
      const fromFile = await scanJson(project);
      expect(fromFile.status).toBe(0);
      expect(fromFile.report.findings.map((finding) => finding.severity)).toEqual(['warn']);
      expect((await scan(project, ['--severity', 'warn'])).status).toBe(1);
      expect((await scan(project, ['--max-warnings', '0'])).status).toBe(1);
      expect((await scan(project, ['--max-warnings', '1'])).status).toBe(0);
      expect((await scan(project, ['--format', 'text'])).stdout).toContain('keycloak.json:6:16  warn ');
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ rules: { 'no-hardcoded-client-secret': 'warn' }, severity: 'warn' }));
      expect((await scan(project, [])).status).toBe(1);
      expect((await scan(project, ['--severity', 'error'])).status).toBe(0);
      rmSync(join(project, 'credential-hygiene.config.json'));
    });

    it('--quiet hides findings below the threshold and prints nothing when none is left', async () => {
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ rules: { 'no-hardcoded-client-secret': 'warn' } }));
      expect(await scan(project, ['--quiet'])).toEqual({ status: 0, stdout: '', stderr: '' });
      expect((await scan(project, ['--quiet', '--severity', 'warn'])).stdout).toContain('keycloak.json:6:16  warn ');
      rmSync(join(project, 'credential-hygiene.config.json'));
    });

    it('reads the "credential-hygiene" key of package.json, and --config FILE', async () => {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'p', 'credential-hygiene': { ignore: ['keycloak.json'] } }));
      expect(await scan(project, [])).toMatchObject({ status: 0, stdout: expect.stringContaining('No problems found in 1 file; 1 file skipped (1 ignored).') as unknown });
      writeFileSync(join(project, 'other.json'), JSON.stringify({ rules: { 'no-hardcoded-client-secret': 'off' } }));
      expect((await scan(project, ['--config', 'other.json'])).status).toBe(0);
      rmSync(join(project, 'package.json'));
    });

    it('exits 2 on an invalid config, naming the file and the option', async () => {
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ severty: 'warn' }));
      const typo = await scan(project, []);
      expect(typo.status).toBe(2);
      expect(typo.stderr).toContain(`invalid configuration: ${join(project, 'credential-hygiene.config.json')}: unknown option "severty"`);
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ rules: { 'no-hardcoded-secrets': 'off' } }));
      expect(await scan(project, [])).toMatchObject({ status: 2, stderr: expect.stringContaining('"rules" names an unknown rule "no-hardcoded-secrets"') as unknown });
      writeFileSync(join(project, 'credential-hygiene.config.json'), JSON.stringify({ rules: { [`credential-hygiene/${COMMITTED_ENV_FILE_RULE}`]: 'warn' } }));
      expect((await scan(project, [])).status).toBe(1);
      writeFileSync(join(project, 'credential-hygiene.config.json'), '{ "severity": ');
      expect(await scan(project, [])).toMatchObject({ status: 2, stderr: expect.stringContaining('invalid JSON') as unknown });
      rmSync(join(project, 'credential-hygiene.config.json'));
    });
  });

  it('turns bad input into errors entries and still reports the rest', async () => {
    const bad = join(scratch, 'bad-input');
    mkdirSync(bad);
    writeFileSync(join(bad, 'syntax.ts'), 'export const a = {\n  b: 1,,\n};\nconsole.log(password);\n');
    writeFileSync(join(bad, 'latin1.ts'), Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0x61, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x3b, 0x0a]));
    symlinkSync(join(bad, 'gone.ts'), join(bad, 'dangling.ts'));
    writeFileSync(join(bad, 'image.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x7d]));
    writeFileSync(join(bad, 'bundle.js'), `var a=${'1+'.repeat(6000)}1;\n`);
    writeFileSync(join(bad, 'keycloak.json'), readFileSync(join(fixtures, 'config-files', 'config', 'keycloak.json')));
    const { status, report } = await scanJson(bad);
    expect(status).toBe(1);
    expect(report.errors).toEqual([
      { file: 'dangling.ts', message: 'broken symbolic link' },
      { file: 'latin1.ts', message: 'invalid UTF-8' },
      { file: 'syntax.ts', message: 'syntax error at 2:7: Property assignment expected.' },
    ]);
    expect(report.stats.skipped).toEqual({ binary: 1, minified: 1 });
    expect(report.findings.map((finding) => finding.file)).toEqual(['keycloak.json']);
    const text = await scan(bad, []);
    expect(text.stdout).toContain('3 files could not be scanned:\n  dangling.ts  broken symbolic link\n  latin1.ts  invalid UTF-8\n  syntax.ts  syntax error at 2:7: Property assignment expected.\n');
    expect(text.stdout).toContain('2 files skipped (1 binary, 1 minified)');
  });

  it('reports an unreadable file as an error entry', async () => {
    if (process.getuid?.() === 0) return; // root reads anything; the mapping is covered in test/scanner/run.test.ts
    const unreadable = join(scratch, 'unreadable');
    mkdirSync(unreadable);
    writeFileSync(join(unreadable, 'secret.ts'), 'export {};\n');
    chmodSync(join(unreadable, 'secret.ts'), 0o000);
    expect((await scanJson(unreadable)).report.errors).toEqual([{ file: 'secret.ts', message: 'permission denied' }]);
  });
});

describe('SCAN_DEFAULT_IGNORE', () => {
  it("is the scanner's DEFAULT_IGNORE, which the gates use before the scanner is loaded", async () => {
    const { SCAN_DEFAULT_IGNORE } = await import('../../src/cli/scan-command.js');
    const { DEFAULT_IGNORE } = await import('../../src/scanner/run.js');
    expect(SCAN_DEFAULT_IGNORE).toEqual(DEFAULT_IGNORE);
  });
});
