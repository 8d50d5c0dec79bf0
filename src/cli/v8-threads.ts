/**
 * How many background threads V8 should have for a run of the command. Node gives V8 four
 * (`--v8-pool-size`, fixed when the process starts) for concurrent marking, parallel scavenges and
 * optimising compiles, whatever the machine. A directory scan runs up to four worker threads of
 * JavaScript besides the main thread; on a machine with few cores the four background threads then
 * compete with them for the same cores. On the 2-core bench machine a full scan of the bench tree
 * took 6.50 s with one background thread against 7.30 s with four (median of five, alternating),
 * the false-positive corpus 6.05 s against 6.35 s, a `--project` scan 1.10 s against 1.23 s; a
 * `--staged` run was the same either way.
 *
 * The entry point (bin.ts) starts the command again in a child process with the size this returns,
 * since the pool cannot change in a running process; it costs one Node start-up (about 50 ms), so
 * it is done only for the runs that can use workers: a scan of directories, not `--staged` (the
 * pre-commit hook) or a list of files.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_WORKERS } from '../scanner/parallel.js';
import { SCAN_FLAGS } from './scan-flags.js';

/** Node's own pool size. */
export const DEFAULT_V8_POOL_SIZE = 4;

/** The cores left once the scanner's JavaScript threads have theirs, at least one and at most Node's default. */
export function backgroundThreadsFor(cores: number): number {
  return Math.max(1, Math.min(DEFAULT_V8_POOL_SIZE, cores - Math.min(cores, MAX_WORKERS)));
}

export interface RunContext {
  /** `os.availableParallelism()`. */
  readonly cores: number;
  /** `process.execArgv` and `NODE_OPTIONS`: a pool size the user set is kept. */
  readonly execArgv: readonly string[];
  readonly nodeOptions: string | undefined;
  readonly cwd: string;
  /** Whether a path is a directory (false when it does not exist). */
  readonly isDirectory?: (path: string) => boolean;
}

function directory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The pool size to start `argv` (the command line after `node bin.js`) with, or undefined to run
 * it in this process: for anything but a `scan` of directories (none given means the current
 * one), when the user set `--v8-pool-size`, or when the size would be Node's default anyway.
 */
export function backgroundThreadsForRun(argv: readonly string[], context: RunContext): number | undefined {
  const [command, ...rest] = argv;
  if (command !== 'scan') return undefined;
  if ([...context.execArgv, ...(context.nodeOptions ?? '').split(/\s+/u)].some((arg) => arg.startsWith('--v8-pool-size'))) return undefined;
  const size = backgroundThreadsFor(context.cores);
  if (size >= DEFAULT_V8_POOL_SIZE) return undefined;
  let parsed: ReturnType<typeof parseArgs<{ options: typeof SCAN_FLAGS; allowPositionals: true; strict: false }>>;
  try {
    parsed = parseArgs({ args: [...rest], options: SCAN_FLAGS, allowPositionals: true, strict: false });
  } catch {
    return undefined;
  }
  const { values, positionals } = parsed;
  if (values['staged'] === true || values['help'] === true || values['version'] === true) return undefined;
  const isDirectory = context.isDirectory ?? directory;
  if (positionals.length > 0 && !positionals.some((path) => isDirectory(resolve(context.cwd, path)))) return undefined;
  return size;
}
