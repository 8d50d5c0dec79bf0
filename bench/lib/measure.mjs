// Run one child process and measure it: wall time (parent clock), CPU time (user+sys of the
// child and everything it waited for) and peak RSS. Uses GNU time when present, otherwise a
// --import hook that makes a Node child write its own process.resourceUsage() on exit.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const HOOK = fileURLToPath(new URL('./rusage-hook.mjs', import.meta.url));

let gnuTimeOk;
export function hasGnuTime() {
  if (gnuTimeOk === undefined) gnuTimeOk = existsSync(GNU_TIME);
  return gnuTimeOk;
}

export function meterName() {
  return hasGnuTime() ? 'GNU time (%e %U %S %M)' : 'process.resourceUsage() via --import hook';
}

/**
 * @param {string} cmd  executable (usually process.execPath)
 * @param {string[]} args
 * @param {{cwd?: string, env?: Record<string,string>, timeoutMs?: number, stdoutFile?: string}} [o]
 * @returns {Promise<{ok: boolean, code: number|null, timedOut: boolean, wallMs: number,
 *   cpuMs: number|null, maxRssKB: number|null, stdout: string, stderr: string}>}
 */
export function measure(cmd, args, o = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ch-bench-'));
  const rusageFile = join(dir, 'rusage');
  let file = cmd;
  let argv = args;
  const env = { ...process.env, ...(o.env ?? {}) };
  if (hasGnuTime()) {
    file = GNU_TIME;
    argv = ['-f', '%e %U %S %M', '-o', rusageFile, cmd, ...args];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${HOOK}`.trim();
    env.CH_BENCH_RUSAGE_FILE = rusageFile;
  }
  const outFd = o.stdoutFile ? openSync(o.stdoutFile, 'w') : 'pipe';
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: o.cwd, env, stdio: ['ignore', outFd, 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      if (stdout.length < 1 << 20) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 1 << 16) stderr += d;
    });
    let timedOut = false;
    const timer = o.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, o.timeoutMs)
      : null;
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (timer) clearTimeout(timer);
      if (typeof outFd === 'number') closeSync(outFd);
      let cpuMs = null;
      let maxRssKB = null;
      try {
        const text = readFileSync(rusageFile, 'utf8').trim();
        if (hasGnuTime()) {
          // GNU time prefixes "Command exited with non-zero status N" on failure.
          const last = text.split('\n').pop() ?? '';
          const [, u, s, m] = last.split(/\s+/).map(Number);
          cpuMs = Math.round((u + s) * 1000);
          maxRssKB = m;
        } else {
          const r = JSON.parse(text);
          cpuMs = Math.round((r.userCPUTime + r.systemCPUTime) / 1000);
          maxRssKB = r.maxRSS;
        }
      } catch {
        // killed or no record: leave nulls
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ok: !timedOut, code, timedOut, wallMs, cpuMs, maxRssKB, stdout, stderr });
    });
  });
}

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
