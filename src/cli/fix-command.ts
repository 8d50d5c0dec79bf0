/**
 * `credential-hygiene fix [paths...]`: scans like `scan` (same project discovery, config file and
 * exit codes), then moves every hard-coded secret in server code into an environment variable:
 * the literal becomes `requireEnv('NAME')` (or `process.env.NAME`), the value goes to the env file
 * (mode 0600, never overwriting a different value), the name to `.env.example`, and the env file
 * into `.gitignore`. Plans everything first and writes all files or none. Ends with the secrets to
 * rotate. Never prints a secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyPlan,
  locateLiteral,
  namingContextAt,
  parseSource,
  planFix,
  PlanConflictError,
  rangeKey,
  renderPlanDiff,
  renderSummary,
  ruleSuggestedNames,
  sharedFixNaming,
  type FixPlan,
  type FixTarget,
  type LookupStyle,
  type SuggestedNames,
} from '../fix/apply/index.js';
import { classifySecretName, DEFAULT_TEST_FILE_PATTERNS, findKnownSecrets, isTestFile, redactValuesInCode } from '../detectors/index.js';
import { packageInfo } from '../package-info.js';
import { ProjectConfigError } from '../scanner/project-error.js';
import { run, type RunResult } from '../scanner/run.js';
import type { Finding } from '../scanner/types.js';
import { describeArgument, redactArguments } from './arguments.js';
import type { CliIo } from './main.js';
import { exitCodeFor, flagsToConfig, toRunOptions, UsageError, type ScanFlagValues } from './scan-command.js';
import { ConfigError, loadConfigFile, mergeConfig, type ScanConfig } from './scan-config.js';

export const FIX_USAGE = `Usage: credential-hygiene fix [paths...] [options]

Moves hard-coded secrets in server code into environment variables, so that the program keeps
working and the secret can be rotated. Client-side code is reported, never edited.

Options:
  --dry-run              Show the changes as a unified diff (secrets masked) and write nothing
  --style <style>        require-env (default for TypeScript projects): requireEnv('NAME'),
                         which throws at start-up when NAME is missing and returns a string;
                         process-env (default otherwise): process.env.NAME
  --helper-path <file>   Where the requireEnv helper is written (default: src/require-env.ts,
                         or .js, in each package)
  --env-file <file>      Env file that receives the values (default: .env, created with mode 0600)
  --example-file <file>  File listing the names with empty values (default: .env.example)
  --prefix <prefix>      Prefix for derived variable names (APP -> APP_KENSIUM_CLIENT_SECRET)
  --client-ids <which>   Client ids to move: with-secret (default): those in a file whose client
                         secret moves too; all; none. A lone client id may be a public client's
                         (a CLI, a native app) that must keep working without a variable
  --config <file>        Config file, as for scan
  --project <tsconfig>   tsconfig to load instead of ./tsconfig.json
  --ignore <pattern>     Skip files matching a .gitignore-style pattern (repeatable)
  --help                 Show this help

Exit codes: 0 nothing left to report, 1 findings remain (unfixed secrets or other findings at or
above the threshold; with --dry-run, findings before the fix), 2 usage, config or fatal error.
`;

const FIX_FLAGS = {
  'dry-run': { type: 'boolean' },
  style: { type: 'string' },
  'helper-path': { type: 'string' },
  'env-file': { type: 'string' },
  'example-file': { type: 'string' },
  prefix: { type: 'string' },
  'client-ids': { type: 'string' },
  config: { type: 'string', short: 'c' },
  project: { type: 'string', short: 'p' },
  ignore: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

interface FixFlags {
  readonly 'dry-run'?: boolean;
  readonly style?: string;
  readonly 'helper-path'?: string;
  readonly 'env-file'?: string;
  readonly 'example-file'?: string;
  readonly prefix?: string;
  readonly 'client-ids'?: string;
  readonly config?: string;
  readonly project?: string;
  readonly ignore?: string[];
  readonly help?: boolean;
  readonly version?: boolean;
}

/** Fallback findings (`process.env.X || 'literal'`) are fixable too: the variable already has a name. */
const FALLBACK_RULE = 'no-secret-env-fallback';

function isTypeScriptProject(cwd: string, targets: readonly FixTarget[]): boolean {
  if (existsSync(resolve(cwd, 'tsconfig.json'))) return true;
  return targets.some((target) => /\.[cm]?tsx?$/u.test(target.file));
}

/** 0-based offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * Turns the scanner's fix targets (and literal env fallbacks) into the planner's, naming each
 * with the ESLint rules' own suggestion when they make one.
 */
function collectTargets(result: RunResult, cwd: string, prefix: string | undefined, testFiles: readonly string[]): FixTarget[] {
  const inTests = (file: string): boolean => isTestFile(relative(cwd, file).split(sep).join('/'), testFiles);
  const texts = new Map<string, string>();
  const suggestions = new Map<string, SuggestedNames>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) {
      try {
        const content = readFileSync(file);
        // The fix edits UTF-8 text; a UTF-16 file (the scanner decodes one with a byte order mark) is left to edit by hand.
        if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) return undefined;
        texts.set(file, content.toString('utf8'));
      } catch {
        return undefined;
      }
    }
    return texts.get(file);
  };
  const targets: FixTarget[] = [];
  for (const scanned of result.fixTargets ?? []) {
    const text = textOf(scanned.file);
    if (text === undefined) continue;
    let names = suggestions.get(scanned.file);
    if (!names) {
      names = scanned.clientSide || inTests(scanned.file) ? new Map() : ruleSuggestedNames(scanned.file, text, prefix ? { prefix } : {});
      suggestions.set(scanned.file, names);
    }
    const [start, end] = scanned.range;
    const suggested = names.get(rangeKey(start, end));
    const sink = scanned.sink ? `${scanned.sink.file}:${scanned.sink.line}` : undefined;
    targets.push({
      file: scanned.file,
      start,
      end,
      ruleId: scanned.ruleId,
      kind: scanned.kind,
      clientSide: scanned.clientSide,
      testFile: inTests(scanned.file),
      ...(sink ? { sink } : {}),
      ...(suggested === undefined ? { naming: namingContextAt(parseSource(scanned.file, text), start, end, scanned.kind) } : { envName: suggested }),
    });
  }
  const clientFiles = new Set((result.fixTargets ?? []).filter((target) => target.clientSide).map((target) => target.file));
  for (const finding of result.findings) {
    if (finding.ruleId !== FALLBACK_RULE) continue;
    const file = resolve(cwd, finding.file);
    const text = textOf(file);
    if (text === undefined) continue;
    const start = offsetOf(text, finding.line, finding.column);
    const end = offsetOf(text, finding.endLine, finding.endColumn);
    const located = locateLiteral(parseSource(file, text), start, end);
    // Only `process.env.X || 'literal'`: a default parameter or destructuring default is left to the rule's suggestion.
    if ('failure' in located || located.existingEnvName === undefined || located.value === '') continue;
    const kind = classifySecretName(located.existingEnvName)?.kind ?? 'secret';
    targets.push({ file, start, end, ruleId: finding.ruleId, kind, clientSide: clientFiles.has(file), testFile: inTests(file), envName: located.existingEnvName });
  }
  return targets;
}

/** Findings the plan resolves: the fixed targets' findings, matched by file and position. */
function remainingFindings(result: RunResult, plan: FixPlan, cwd: string): Finding[] {
  const fixed = new Set([...plan.fixed, ...(plan.sameLiteral ?? [])].map((entry) => `${entry.target.file}:${entry.line}:${entry.column}`));
  return result.findings.filter((finding) => !fixed.has(`${resolve(cwd, finding.file)}:${finding.line}:${finding.column}`));
}

/** Runs the command in `cwd`; `fixCommand` is this with `io.cwd` or the process's working directory. */
export async function runFixCommand(argv: string[], io: CliIo, cwd: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FIX_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`credential-hygiene fix: ${redactArguments((error as Error).message, argv)}\n\n${FIX_USAGE}`);
    return 2;
  }
  const values = parsed.values as FixFlags;
  if (values.help) {
    io.stdout.write(FIX_USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${packageInfo.version}\n`);
    return 0;
  }
  if (values.style !== undefined && values.style !== 'process-env' && values.style !== 'require-env') {
    io.stderr.write(`credential-hygiene fix: --style must be "process-env" or "require-env", not "${describeArgument(values.style)}"\n`);
    return 2;
  }
  const clientIds = values['client-ids'];
  if (clientIds !== undefined && clientIds !== 'with-secret' && clientIds !== 'all' && clientIds !== 'none') {
    io.stderr.write(`credential-hygiene fix: --client-ids must be "with-secret", "all" or "none", not "${describeArgument(clientIds)}"\n`);
    return 2;
  }
  if (values.prefix !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/u.test(values.prefix)) {
    io.stderr.write('credential-hygiene fix: --prefix must start with a letter and hold only letters, digits and underscores\n');
    return 2;
  }
  let config: ScanConfig;
  try {
    const scanFlags: ScanFlagValues = {
      ...(values.project === undefined ? {} : { project: values.project }),
      ...(values.ignore === undefined ? {} : { ignore: values.ignore }),
    };
    config = mergeConfig(loadConfigFile(cwd, values.config).config, flagsToConfig(scanFlags));
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`credential-hygiene fix: ${error instanceof ConfigError ? 'invalid configuration: ' : ''}${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let result: RunResult;
  try {
    // The fix always masks: `mask: false` in a config file does not reach this command.
    // `includeSecrets` only so that the diff can mask every value the scan found; no finding is printed.
    result = await run({ ...toRunOptions({ ...config, mask: true }, cwd, parsed.positionals), fixTargets: true, includeSecrets: true });
  } catch (error) {
    if (error instanceof ProjectConfigError) {
      io.stderr.write(`credential-hygiene fix: cannot load the TypeScript project: ${error.configFile}: ${error.diagnostic}\n`);
      return 2;
    }
    io.stderr.write(`credential-hygiene fix: internal error: ${(error as Error).message}\n`);
    return 2;
  }
  for (const scanError of result.errors) io.stderr.write(`credential-hygiene fix: ${scanError.file}: ${scanError.message}\n`);

  const targets = collectTargets(result, cwd, values.prefix, config.testFiles ?? DEFAULT_TEST_FILE_PATTERNS);
  const style: LookupStyle = (values.style as LookupStyle | undefined) ?? (isTypeScriptProject(cwd, targets) ? 'require-env' : 'process-env');
  const envFile = resolve(cwd, values['env-file'] ?? '.env');
  let plan: FixPlan;
  try {
    plan = planFix(targets, {
      cwd,
      style,
      envFile,
      exampleFile: resolve(cwd, values['example-file'] ?? '.env.example'),
      ...(values['helper-path'] === undefined ? {} : { helperPath: resolve(cwd, values['helper-path']) }),
      naming: sharedFixNaming(values.prefix),
      ...(clientIds === undefined ? {} : { clientIds }),
    });
  } catch (error) {
    io.stderr.write(`credential-hygiene fix: cannot plan the fix: ${(error as Error).message}\n`);
    return 2;
  }

  const dryRun = values['dry-run'] === true;
  if (dryRun) {
    io.stdout.write(maskFoundSecrets(renderPlanDiff(plan), result));
  } else {
    try {
      applyPlan(plan);
    } catch (error) {
      const reason = error instanceof PlanConflictError ? error.message : `nothing was written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      io.stderr.write(`credential-hygiene fix: ${reason}\n`);
      return 2;
    }
  }
  io.stdout.write(renderSummary(plan, { dryRun, envFile }));
  return exitCodeFor({ ...result, findings: dryRun ? result.findings : remainingFindings(result, plan, cwd) }, config);
}

/** Rules whose findings' ranges are hard-coded credential values (and not code around a value). */
const CREDENTIAL_VALUE_RULES = new Set(['no-hardcoded-client-secret', 'no-hardcoded-credentials', FALLBACK_RULE]);

/**
 * The diff's context and edited lines show the user's code, where other credentials than the ones
 * moved may stand (a connection string left for later, a value the fix skipped): every hard-coded
 * credential the scan found, and every recognised token format, is masked there too. Only
 * credential values: other findings' ranges (a `grant_type`, a logged expression, a client id)
 * are code, and masking them would garble the diff.
 */
function maskFoundSecrets(diff: string, result: RunResult): string {
  const found = result.findings.flatMap((finding) => {
    if (finding.secret === undefined || !CREDENTIAL_VALUE_RULES.has(finding.ruleId) || finding.kind === 'client-id') return [];
    // A fallback finding covers the literal with its quotes (a default parameter covers more: not a value).
    const quoted = /^(['"`])[^]*\1$/u.test(finding.secret);
    if (finding.ruleId === FALLBACK_RULE && !quoted) return [];
    const value = quoted ? finding.secret.slice(1, -1) : finding.secret;
    return value.length < 4 ? [] : [value];
  });
  const known = findKnownSecrets(diff).map((secret) => diff.slice(secret.range[0], secret.range[1]));
  return redactValuesInCode(diff, [...found, ...known]);
}

export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  return runFixCommand(argv, io, io.cwd ?? process.cwd());
}
