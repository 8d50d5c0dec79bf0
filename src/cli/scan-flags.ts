/**
 * The `scan` command's flags, in a module of their own so that the entry point can read them
 * without loading the scanner (see `backgroundThreadsForRun` in v8-threads.ts).
 */
import type { ParseArgsConfig } from 'node:util';

/** The gates' flags (gates.ts). */
export const GATE_OPTIONS = {
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean' },
  'fail-on-stale': { type: 'boolean' },
  staged: { type: 'boolean' },
  diff: { type: 'string' },
  shard: { type: 'string' },
} as const;

/**
 * The parser's options. No `default`s: defaults live in `DEFAULT_SCAN_CONFIG`, below the config
 * file. Further flags (baseline, staged, diff, shard) are added to this table and mapped to run
 * options in `toRunOptions`.
 */
export const SCAN_FLAGS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  project: { type: 'string', short: 'p' },
  severity: { type: 'string' },
  'max-warnings': { type: 'string' },
  ignore: { type: 'string', multiple: true },
  'report-unused-disable-directives': { type: 'boolean' },
  'no-mask': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...GATE_OPTIONS,
} satisfies NonNullable<ParseArgsConfig['options']>;
