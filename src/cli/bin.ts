#!/usr/bin/env node
// First: the compile cache must be on before any dependency loads.
import './enable-compile-cache.js';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { backgroundThreadsForRun } from './v8-threads.js';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs this command again in a child with `--v8-pool-size=<pool>` (see v8-threads.ts), passing on
 * the signals this process gets (an interrupted child leaves no report behind, as this process
 * would); resolves with the child's exit, or undefined when it could not be started.
 */
function restart(script: string, argv: readonly string[], pool: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, `--v8-pool-size=${pool}`, script, ...argv], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const done = (outcome: { code: number | null; signal: NodeJS.Signals | null } | undefined): void => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
      resolve(outcome);
    };
    // Only a child that never started gives the command back to this process; a failed `kill` is
    // left to the child's own exit.
    child.on('error', () => {
      if (child.pid === undefined) done(undefined);
    });
    child.once('exit', (code, signal) => done({ code, signal }));
  });
}

const argv = process.argv.slice(2);
const script = process.argv[1];
const pool = script === undefined ? undefined : backgroundThreadsForRun(argv, { cores: availableParallelism(), execArgv: process.execArgv, nodeOptions: process.env['NODE_OPTIONS'], cwd: process.cwd() });
const restarted = pool === undefined || script === undefined ? undefined : await restart(script, argv, pool);
if (restarted?.signal) process.kill(process.pid, restarted.signal);
else if (restarted) process.exitCode = restarted.code ?? 2;
else {
  // Loaded only here: a run restarted in a child needs none of the commands in this process.
  const { main } = await import('./main.js');
  process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr });
}
