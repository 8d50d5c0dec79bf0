#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { main } from './main.js';
import { backgroundThreadsForRun } from './v8-threads.js';

const argv = process.argv.slice(2);
const script = process.argv[1];
const pool = script === undefined ? undefined : backgroundThreadsForRun(argv, { cores: availableParallelism(), execArgv: process.execArgv, nodeOptions: process.env['NODE_OPTIONS'], cwd: process.cwd() });
// See v8-threads.ts: the same command in a child with fewer V8 background threads; if the child
// cannot be started, the command runs here.
const child = pool === undefined || script === undefined ? undefined : spawnSync(process.execPath, [...process.execArgv, `--v8-pool-size=${pool}`, script, ...argv], { stdio: 'inherit' });
if (child && !child.error) {
  if (child.signal) process.kill(process.pid, child.signal);
  process.exitCode = child.status ?? 2;
} else {
  process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr });
}
