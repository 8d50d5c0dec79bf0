import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'bin.js');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (chunk: string) => out.push(chunk) }, stderr: { write: (chunk: string) => err.push(chunk) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('credential-hygiene CLI entry', () => {
  it('prints usage and exits 2 when no command is given', async () => {
    const { io, out } = capture();
    expect(await main([], io)).toBe(2);
    expect(out()).toContain('Usage: credential-hygiene <command>');
  });

  it('exits 2 on an unknown command and names it', async () => {
    const { io, err } = capture();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(err()).toContain("unknown command 'frobnicate'");
  });

  it('prints the version from package.json', async () => {
    const { io, out } = capture();
    expect(await main(['--version'], io)).toBe(0);
    const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' })) as { version: string };
    expect(out().trim()).toBe(pkg.version);
  });

  it('runs as a real binary from dist', () => {
    const result = spawnSync(process.execPath, [bin, 'no-such-command'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'no-such-command'");
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Commands:');
  });
});
