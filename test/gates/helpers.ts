import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../src/scanner/types.js';

/** A finding as the scanner reports it; tests override what they need. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'no-hardcoded-client-secret',
    severity: 'error',
    file: 'src/pos/client.ts',
    line: 3,
    column: 17,
    endLine: 3,
    endColumn: 57,
    message: 'Hard-coded client secret (Zq8v…A0cE (40 chars)), it looks random. Read it from an environment variable.',
    kind: 'client-secret',
    fingerprint: 'no-hardcoded-client-secret:1f0c9a7e5b3d2c41',
    ...overrides,
  };
}

export interface TempRepo {
  readonly dir: string;
  git(...args: string[]): string;
  write(path: string, content: string): void;
  remove(): void;
}

/** A real git repository in a temp folder, with a local identity and no global hooks or signing. */
export function createTempRepo(prefix = 'ch-gates-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'user.name', 'Gate Test');
  git('config', 'user.email', 'gate-test@example.invalid');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.autocrlf', 'false');
  return {
    dir,
    git,
    write(path: string, content: string) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
