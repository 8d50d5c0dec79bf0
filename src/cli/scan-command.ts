/**
 * `credential-hygiene scan [paths...]`: parse argv (no defaults in the parser, so a flag that was
 * not given never overrides the config file), load the config, call `run()`, pick a reporter from
 * the registry, set the exit code: 0 clean, 1 findings at or above the threshold (or more warnings
 * than `--max-warnings`), 2 usage, config or fatal error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageInfo } from '../package-info.js';
import type { RunOptions, RunResult } from '../scanner/run.js';
import type { ScanResult } from '../scanner/types.js';
import type { CliIo } from './main.js';
import { describeArgument, redactArguments } from './arguments.js';
import { GATE_USAGE, type GatedRun, isGateError, planRunOptions, runGated, scannerGateContext } from './gates.js';
import { reporters } from './reporters/index.js';
import { SCAN_FLAGS } from './scan-flags.js';
import { ConfigError, loadConfigFile, mergeConfig, resolveRules, type ScanConfig } from './scan-config.js';
import { describeWriteError, writeOutputFile } from './write-output.js';

export const SCAN_USAGE = `Usage: credential-hygiene scan [paths...] [options]

Scans JS/TS sources and committed config files for hard-coded credentials, unsafe OAuth 2 / OIDC
flows and unsafe secret sourcing, across files (default path: the current directory).

Options:
  --format <name>        Output format: text (default), json, sarif, github
  --output <file>        Write the report to a file instead of stdout
  --config <file>        Config file (default: credential-hygiene.config.json, or the
                         "credential-hygiene" key of package.json)
  --project <tsconfig>   tsconfig to load instead of ./tsconfig.json (references are followed)
  --severity <level>     Exit 1 on findings at or above this level: error (default) or warn
  --max-warnings <n>     Exit 1 when there are more than n warnings
  --ignore <pattern>     Skip files matching a .gitignore-style pattern (repeatable)
  --report-unused-disable-directives
                         Report eslint-disable comments for our rules that suppress nothing
  --no-mask              Print whole secret values (unsafe: never in CI logs)
  --quiet                Report only findings at or above --severity, no summary when clean
  --help                 Show this help
  --version              Show the version

${GATE_USAGE}
Exit codes: 0 no findings at or above the threshold, 1 findings, 2 usage, config or fatal error.
`;

/**
 * The scanner's `DEFAULT_IGNORE` (src/scanner/run.ts), which the gates need before the scanner is
 * loaded; a test keeps the two equal.
 */
export const SCAN_DEFAULT_IGNORE: readonly string[] = ['node_modules/', '.git/', '*.min.js', '*.min.mjs', '*.min.cjs', '*.bundle.js'];

export { SCAN_FLAGS };

export type ScanFlagValues = { [K in keyof typeof SCAN_FLAGS]?: (typeof SCAN_FLAGS)[K] extends { type: 'boolean' } ? boolean : (typeof SCAN_FLAGS)[K] extends { multiple: true } ? string[] : string };

/** A problem with the command line; exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Flag values as a partial config: only what was given. */
export function flagsToConfig(values: ScanFlagValues): Partial<ScanConfig> {
  const config: Record<string, unknown> = {};
  if (values.format !== undefined) config.format = values.format;
  if (values.output !== undefined) config.output = values.output;
  if (values.project !== undefined) config.project = values.project;
  if (values.severity !== undefined) {
    if (values.severity !== 'error' && values.severity !== 'warn') throw new UsageError(`--severity must be "error" or "warn", not "${describeArgument(values.severity)}"`);
    config.severity = values.severity;
  }
  if (values['max-warnings'] !== undefined) {
    const count = Number(values['max-warnings']);
    if (!/^\d+$/u.test(values['max-warnings']) || !Number.isSafeInteger(count)) throw new UsageError(`--max-warnings must be a whole number, not "${describeArgument(values['max-warnings'])}"`);
    config.maxWarnings = count;
  }
  if (values.ignore !== undefined) config.ignore = values.ignore;
  if (values['report-unused-disable-directives'] !== undefined) config.reportUnusedDisableDirectives = values['report-unused-disable-directives'];
  if (values['no-mask'] === true) config.mask = false;
  if (values.quiet !== undefined) config.quiet = values.quiet;
  return config as Partial<ScanConfig>;
}

/** The `run()` options for a merged config. */
export function toRunOptions(config: ScanConfig, cwd: string, paths: readonly string[]): RunOptions {
  return {
    cwd,
    paths: paths.length > 0 ? paths : ['.'],
    rules: resolveRules(config),
    ignore: config.ignore,
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    wholeProgram: config.wholeProgram,
    includeSecrets: !config.mask,
    ...(config.project === undefined ? {} : { project: config.project }),
    ...(config.maxFileSize === undefined ? {} : { maxFileSize: config.maxFileSize }),
    ...(config.clientFiles === undefined ? {} : { clientFiles: config.clientFiles }),
    ...(config.serverFiles === undefined ? {} : { serverFiles: config.serverFiles }),
    ...(config.testFiles === undefined ? {} : { testFiles: config.testFiles }),
    ...(config.fingerprintSalt === undefined ? {} : { fingerprintSalt: config.fingerprintSalt }),
    ...(config.workers === undefined ? {} : { workers: config.workers }),
    ...(config.sinks === undefined ? {} : { sinks: config.sinks }),
  };
}

/**
 * 1 when findings reach the threshold, warnings exceed `maxWarnings`, or (unless `failOnErrors` is
 * false) a file could not be checked; else 0.
 */
export function exitCodeFor(result: ScanResult, config: Pick<ScanConfig, 'severity' | 'maxWarnings'> & { readonly failOnErrors?: boolean }): number {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.length - errors;
  if (errors > 0) return 1;
  if (config.failOnErrors !== false && result.errors.length > 0) return 1;
  if (config.severity === 'warn' && warnings > 0) return 1;
  if (config.maxWarnings !== undefined && warnings > config.maxWarnings) return 1;
  return 0;
}

/** Findings shown with `--quiet`: only those at or above the threshold. */
function applyQuiet(result: RunResult, config: ScanConfig): ScanResult {
  if (!config.quiet || config.severity === 'warn') return result;
  return { ...result, findings: result.findings.filter((finding) => finding.severity === 'error') };
}

export interface ProgressOutput {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Files done / total on a terminal, only once a run has taken more than two seconds; never in CI. */
export function createProgress(stderr: ProgressOutput, enabled: boolean): { update: (done: number, total: number) => void; clear: () => void } {
  const started = Date.now();
  let lastWrite = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 2000 || now - lastWrite < 100) return;
      lastWrite = now;
      shown = true;
      stderr.write(`\r\u001B[2KScanning… ${done}/${total} files`);
    },
    clear() {
      if (shown) stderr.write('\r\u001B[2K');
    },
  };
}

export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: SCAN_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`credential-hygiene scan: ${redactArguments((error as Error).message, argv)}\n\n${SCAN_USAGE}`);
    return 2;
  }
  const values = parsed.values as ScanFlagValues;
  if (values.help) {
    io.stdout.write(SCAN_USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${packageInfo.version}\n`);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  let config: ScanConfig;
  try {
    const flags = flagsToConfig(values);
    const fromFile = loadConfigFile(cwd, values.config);
    config = mergeConfig(fromFile.config, flags);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`credential-hygiene scan: ${redactArguments(error.message, argv)}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`credential-hygiene scan: invalid configuration: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const reporter = reporters.get(config.format);
  if (!reporter) {
    io.stderr.write(`credential-hygiene scan: unknown format "${describeArgument(config.format)}" (available: ${[...reporters.keys()].join(', ')})\n`);
    return 2;
  }
  if (!config.mask) {
    io.stderr.write(
      'credential-hygiene scan: WARNING: --no-mask prints whole secret values. Do not use it in CI, in shared terminals or where an AI agent reads the output.\n',
    );
  }
  const stderr = io.stderr as ProgressOutput;
  const progress = createProgress(stderr, stderr.isTTY === true && !config.quiet && process.env.CI === undefined);
  // The scanner (ESLint, TypeScript) loads only once the command line is known to be valid and the
  // gates have planned the scan (git, the file list): a commit with nothing to scan never loads it.
  let scanner: typeof import('../scanner/index.js') | undefined;
  let result: RunResult;
  let gated: GatedRun<RunResult>;
  try {
    const runOptions = toRunOptions(config, cwd, parsed.positionals);
    const gateContext = scannerGateContext(cwd, parsed.positionals, [...SCAN_DEFAULT_IGNORE, ...config.ignore]);
    gated = await runGated(values, gateContext, async (plan) => {
      scanner = await import('../scanner/index.js');
      return scanner.run({ ...runOptions, ...planRunOptions(plan), onProgress: progress.update });
    });
    result = gated.result;
  } catch (error) {
    progress.clear();
    if (isGateError(error)) {
      io.stderr.write(`credential-hygiene scan: ${error.message}\n`);
      return 2;
    }
    if (scanner && error instanceof scanner.ProjectConfigError) {
      io.stderr.write(`credential-hygiene scan: cannot load the TypeScript project: ${error.configFile}: ${error.diagnostic}\n`);
      return 2;
    }
    io.stderr.write(`credential-hygiene scan: internal error: ${(error as Error).message}\n`);
    return 2;
  }
  progress.clear();
  if (gated.plan.note !== undefined && !config.quiet) io.stderr.write(`credential-hygiene: ${gated.plan.note}\n`);
  if (gated.plan.warning !== undefined) io.stderr.write(`credential-hygiene: warning: ${gated.plan.warning}\n`);
  for (const note of gated.notes) io.stderr.write(`${note}\n`);
  const shown = applyQuiet(result, config);
  const report = reporter(shown, { cwd, quiet: config.quiet, color: config.output === undefined && (io.stdout as ProgressOutput).isTTY === true && process.env.NO_COLOR === undefined });
  if (config.output === undefined) {
    io.stdout.write(report);
  } else {
    try {
      writeOutputFile(resolve(cwd, config.output), report);
    } catch (error) {
      io.stderr.write(`credential-hygiene scan: cannot write ${config.output}: ${describeWriteError(error)}\n`);
      return 2;
    }
  }
  if (gated.baselineUpdated) return 0;
  return gated.failOnStale ? 1 : exitCodeFor(result, config);
}
