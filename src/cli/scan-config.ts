/**
 * The scan configuration: built-in defaults < config file < command-line flags. The config file
 * is `credential-hygiene.config.json` or the `"credential-hygiene"` key of `package.json` in the
 * working directory, or the file given with `--config`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Linter } from 'eslint';
import { validateUserSinks, type UserSinkOption } from '../catalogue/user-sinks.js';
import { NAMESPACE, presetRules } from '../configs.js';
import { RULE_DOCS } from '../rule-docs.js';
import { describeJsonError } from '../util/json-errors.js';

export const CONFIG_FILE_NAME = 'credential-hygiene.config.json';
export const PACKAGE_JSON_KEY = 'credential-hygiene';

export type Format = string;
export type Threshold = 'error' | 'warn';
export type RuleLevel = 'error' | 'warn' | 'off';

/** Everything a scan can be configured with; the config file uses the same names. */
export interface ScanConfig {
  /** `recommended` (default) or `strict`: the rule set before `rules` overrides. */
  readonly preset: 'recommended' | 'strict';
  /** Rule levels by rule id (`no-hardcoded-client-secret` or `credential-hygiene/no-hardcoded-client-secret`). */
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly format: Format;
  readonly output: string | undefined;
  readonly project: string | undefined;
  readonly maxWarnings: number | undefined;
  /** Exit 1 when a file could not be read or parsed (listed under `errors`), as ESLint does for a parse error. */
  readonly failOnErrors: boolean;
  readonly severity: Threshold;
  readonly mask: boolean;
  readonly quiet: boolean;
  /** Gitignore-syntax patterns relative to the working directory. */
  readonly ignore: readonly string[];
  readonly maxFileSize: number | undefined;
  readonly reportUnusedDisableDirectives: boolean;
  readonly wholeProgram: boolean;
  readonly clientFiles: readonly string[] | undefined;
  readonly serverFiles: readonly string[] | undefined;
  readonly testFiles: readonly string[] | undefined;
  readonly fingerprintSalt: string | undefined;
  /** Worker threads for the per-file pass (0: none); by default chosen from the project size. */
  readonly workers: number | undefined;
  /** The project's own SDK wrappers that receive credentials (the hard-coded rules' `sinks` option). */
  readonly sinks: readonly UserSinkOption[] | undefined;
}

export const DEFAULT_SCAN_CONFIG: ScanConfig = {
  preset: 'recommended',
  rules: {},
  format: 'text',
  output: undefined,
  project: undefined,
  maxWarnings: undefined,
  failOnErrors: true,
  severity: 'error',
  mask: true,
  quiet: false,
  ignore: [],
  maxFileSize: undefined,
  reportUnusedDisableDirectives: false,
  wholeProgram: true,
  clientFiles: undefined,
  serverFiles: undefined,
  testFiles: undefined,
  fingerprintSalt: undefined,
  workers: undefined,
  sinks: undefined,
};

/** A config file that cannot be read or is invalid; exit code 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Check = (value: unknown) => string | undefined;

const isStringArray: Check = (value) => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? undefined : 'must be an array of strings');
const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const isString: Check = (value) => (typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string');
const isCount: Check = (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? undefined : 'must be a whole number, 0 or more');
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? undefined : `must be one of ${allowed.map((item) => `"${item}"`).join(', ')}`;
/** Rule ids the scanner reports without an ESLint rule of the same name. */
export const SCANNER_ONLY_RULES: readonly string[] = ['no-committed-env-file'];

const isRules: Check = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of rule id → "error" | "warn" | "off"';
  const known = new Set([...Object.keys(RULE_DOCS), ...SCANNER_ONLY_RULES]);
  for (const [id, level] of Object.entries(value)) {
    const short = id.startsWith(`${NAMESPACE}/`) ? id.slice(NAMESPACE.length + 1) : id;
    if (!known.has(short)) return `names an unknown rule "${short.slice(0, 60)}"`;
    if (level !== 'error' && level !== 'warn' && level !== 'off') return `"${short}" must be "error", "warn" or "off"`;
  }
  return undefined;
};

/** The config file's keys and their checks (flags-only settings such as `output` are included for CI configs). */
const CONFIG_KEYS: Readonly<Record<string, Check>> = {
  preset: oneOf('recommended', 'strict'),
  rules: isRules,
  format: isString,
  output: isString,
  project: isString,
  maxWarnings: isCount,
  failOnErrors: isBoolean,
  severity: oneOf('error', 'warn'),
  quiet: isBoolean,
  ignore: isStringArray,
  maxFileSize: isCount,
  reportUnusedDisableDirectives: isBoolean,
  wholeProgram: isBoolean,
  clientFiles: isStringArray,
  serverFiles: isStringArray,
  testFiles: isStringArray,
  fingerprintSalt: isString,
  workers: isCount,
  sinks: validateUserSinks,
};

/** Validates a parsed config object; unknown keys are errors, so typos do not pass silently. */
export function validateConfig(file: string, raw: unknown): Partial<ScanConfig> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(file, 'the configuration must be a JSON object');
  for (const [key, value] of Object.entries(raw)) {
    const check = CONFIG_KEYS[key];
    if (!check) throw new ConfigError(file, `unknown option "${key.slice(0, 60)}" (known: ${Object.keys(CONFIG_KEYS).join(', ')})`);
    const problem = check(value);
    if (problem) throw new ConfigError(file, `"${key}" ${problem}`);
  }
  return raw as Partial<ScanConfig>;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(file, `invalid JSON: ${describeJsonError(error, text)}`);
  }
}

/** Reads the config: `--config FILE`, else `credential-hygiene.config.json`, else the package.json key. */
export function loadConfigFile(cwd: string, explicit: string | undefined): { file: string | undefined; config: Partial<ScanConfig> } {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    return { file, config: validateConfig(file, readJson(file)) };
  }
  const own = join(cwd, CONFIG_FILE_NAME);
  try {
    readFileSync(own);
    return { file: own, config: validateConfig(own, readJson(own)) };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
  }
  const packageJson = join(cwd, 'package.json');
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as unknown;
  } catch {
    return { file: undefined, config: {} };
  }
  if (typeof pkg === 'object' && pkg !== null && PACKAGE_JSON_KEY in pkg) {
    return { file: packageJson, config: validateConfig(`${packageJson} ("${PACKAGE_JSON_KEY}")`, (pkg as Record<string, unknown>)[PACKAGE_JSON_KEY]) };
  }
  return { file: undefined, config: {} };
}

/** Layers: defaults < config file < flags (only the flags actually given). */
export function mergeConfig(fileConfig: Partial<ScanConfig>, flags: Partial<ScanConfig>): ScanConfig {
  const merged: Record<string, unknown> = { ...DEFAULT_SCAN_CONFIG };
  for (const layer of [fileConfig, flags]) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  merged.rules = { ...(fileConfig.rules ?? {}), ...(flags.rules ?? {}) };
  merged.ignore = [...(fileConfig.ignore ?? []), ...(flags.ignore ?? [])];
  return merged as unknown as ScanConfig;
}

/** The ESLint-style rules record for `run()`: the preset's levels, then the config's overrides. */
export function resolveRules(config: ScanConfig): Linter.RulesRecord {
  const base = presetRules(config.preset);
  const rules: Linter.RulesRecord = { ...base };
  for (const [id, level] of Object.entries(config.rules)) {
    rules[id.startsWith(`${NAMESPACE}/`) ? id : `${NAMESPACE}/${id}`] = level;
  }
  return rules;
}
