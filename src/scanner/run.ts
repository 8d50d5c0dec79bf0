/**
 * `run(options)`: the scanner as a function. Finds the files, runs the per-file pass (the plugin's
 * rules through ESLint's `Linter`, and the config-file detectors), then the whole-program checks,
 * and returns `{ findings, errors, stats }`. It never exits the process and never throws for bad
 * input; a broken tsconfig throws `ProjectConfigError`, which the CLI reports with exit code 2.
 */
import { lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Linter } from 'eslint';
import type ts from 'typescript';
import { BROWSER_GLOBALS, CLIENT_MODULES, PUBLIC_ENV_PREFIXES } from '../catalogue/client-side.js';
import { CREDENTIAL_KIND_LABELS, classifySecretName, matchesAnyGlob, maskSecret } from '../detectors/index.js';
import plugin from '../index.js';
import { NAMESPACE } from '../configs.js';
import { computeFingerprint } from './fingerprint.js';
import type { FileFacts } from './facts.js';
import { categorize, listFiles, listGitFiles, toRelativePosix, type CandidateFile } from './files.js';
import { FileLinter, ruleSeverities } from './lint.js';
import { LineIndex } from './positions.js';
import { createClientSignalTest, createPrefilter, mayUseSecretName } from './prefilter.js';
import { DEFAULT_COMPILER_OPTIONS, findTsconfig, loadProjects, type LoadedProject } from './project.js';
import { isSuppressed } from './suppressions.js';
import { ruleForCredentialKind, scanTextFile } from './text-files.js';
import type { Finding, ScanError, ScanResult, Severity, TraceHop } from './types.js';
import { createSideClassifier, findClientReachableSecrets, findCrossFileFlows, ModuleResolver, type ModuleGraphHost } from './whole-program.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Gitignore-syntax patterns every scan skips on top of `.gitignore`. */
export const DEFAULT_IGNORE: readonly string[] = ['node_modules/', '.git/', '*.min.js', '*.min.mjs', '*.min.cjs', '*.bundle.js'];

export interface RunOptions {
  /** Paths in the results are relative to it; defaults to `process.cwd()`. */
  readonly cwd?: string;
  /** Files or directories to scan (relative to `cwd`); defaults to `cwd`. */
  readonly paths?: readonly string[];
  /** An explicit file list (absolute or relative to `cwd`): no directory walk, no `.gitignore`. */
  readonly files?: readonly string[];
  /** A tsconfig (relative to `cwd`) used instead of the `tsconfig.json` found in each scanned directory. */
  readonly project?: string;
  /** Rule levels keyed `credential-hygiene/<rule>`; defaults to the `recommended` config's. */
  readonly rules?: Linter.RulesRecord;
  /** Gitignore-syntax patterns, relative to `cwd`, added to `DEFAULT_IGNORE`. */
  readonly ignore?: readonly string[];
  /** Files larger than this many bytes are skipped (`too-large`). */
  readonly maxFileSize?: number;
  /** Report `eslint-disable` comments for our rule ids that suppress nothing. */
  readonly reportUnusedDisableDirectives?: boolean;
  /** Run the cross-file and client-bundle checks (default true). */
  readonly wholeProgram?: boolean;
  /** Globs (relative to `cwd`) for client-side files, replacing the catalogue's defaults. */
  readonly clientFiles?: readonly string[];
  /** Globs (relative to `cwd`) for server-only files, added to the catalogue's. */
  readonly serverFiles?: readonly string[];
  /** Globs for test files, where obvious dummies are allowed. */
  readonly testFiles?: readonly string[];
  /** Reads a file's content instead of the file system (e.g. the git index for `--staged`). */
  readonly readFile?: (absolutePath: string) => string | Buffer;
  /** Salt for fingerprints; see `DEFAULT_FINGERPRINT_SALT`. */
  readonly fingerprintSalt?: string;
  /** Add the unmasked `secret` to each finding (`--no-mask`). */
  readonly includeSecrets?: boolean;
  /** Also return `fixTargets` for hard-coded literals in code files. */
  readonly fixTargets?: boolean;
  /** Called after each file of the per-file pass. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A hard-coded literal that `credential-hygiene fix` can move into an environment variable. */
export interface FixTarget {
  /** Absolute path. */
  readonly file: string;
  /** `[start, end)` offsets of the literal (quotes included). */
  readonly range: readonly [number, number];
  readonly ruleId: string;
  readonly kind: string;
  /** Whether the file runs in the browser (never fixed with an env read there). */
  readonly clientSide: boolean;
  /** Where the value is used, when a cross-file trace found it: the sink's hop. */
  readonly sink?: TraceHop;
  /** The finding's fingerprint, to tie the target back to the reported finding. */
  readonly fingerprint: string;
}

export interface RunResult extends ScanResult {
  /** Present with `fixTargets: true`; not enumerable, so it never reaches a JSON report. */
  readonly fixTargets?: readonly FixTarget[];
}

type ReadOutcome = { readonly text: string } | { readonly skipped: string } | { readonly error: string };

const BINARY_SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? 'cannot be read';
}

/** Whether a code file looks like a minified bundle: very long lines on average. */
function looksMinified(text: string): boolean {
  if (text.length < 4096) return false;
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return text.length / lines > 500;
}

function readInput(path: string, category: CandidateFile['category'], options: { maxFileSize: number; readFile?: RunOptions['readFile'] }): ReadOutcome {
  let buffer: Buffer;
  if (options.readFile) {
    try {
      const content = options.readFile(path);
      buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    } catch (error) {
      return { error: describeFsError(error) };
    }
  } else {
    try {
      const link = lstatSync(path);
      if (link.isSymbolicLink()) {
        try {
          statSync(path);
        } catch {
          return { error: 'broken symbolic link' };
        }
      }
      const stats = statSync(path);
      if (!stats.isFile()) return { skipped: 'not-a-file' };
      if (stats.size > options.maxFileSize) return { skipped: 'too-large' };
      buffer = readFileSync(path);
    } catch (error) {
      return { error: describeFsError(error) };
    }
  }
  if (buffer.length > options.maxFileSize) return { skipped: 'too-large' };
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary' };
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    return { error: 'invalid UTF-8' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (category === 'code' && looksMinified(text)) return { skipped: 'minified' };
  return { text };
}

/** `hardcodedClientSecret` / `no-hardcoded-client-secret` → `client-secret`; else the message id in kebab case. */
function kindFor(ruleId: string, messageId: string | undefined): string {
  const fromMessage = messageId === undefined ? undefined : classifySecretName(messageId)?.kind;
  if (fromMessage) return fromMessage;
  const fromRule = classifySecretName(ruleId.replace(/^no-/u, ''))?.kind;
  if (fromRule) return fromRule;
  return (messageId ?? ruleId).replace(/([a-z0-9])([A-Z])/gu, '$1-$2').toLowerCase();
}

const DEFAULT_SCANNER_SEVERITIES: Readonly<Record<string, Severity>> = {
  'no-hardcoded-client-id': 'warn',
};

interface FileState {
  readonly candidate: CandidateFile;
  text?: string;
  lineIndex?: LineIndex;
  facts?: FileFacts;
  /** Parsed with the rules, or facts collected: no further parse needed. */
  parsed: boolean;
  unreadable: boolean;
  mayUseSecret: boolean;
  mayBeClient: boolean;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Runs a scan. */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const rulesRecord: Linter.RulesRecord = options.rules ?? (plugin.configs.recommended.rules as Linter.RulesRecord | undefined) ?? {};
  const severities = ruleSeverities(rulesRecord);
  const pluginRuleIds = new Set(Object.keys(plugin.rules));
  const linterRules: Linter.RulesRecord = {};
  for (const [id, entry] of Object.entries(rulesRecord)) {
    if (id.startsWith(`${NAMESPACE}/`) && pluginRuleIds.has(id.slice(NAMESPACE.length + 1)) && entry !== undefined) linterRules[id] = entry;
  }
  const enabledLinterRules = [...severities].filter(([id, level]) => level !== 'off' && pluginRuleIds.has(id)).map(([id]) => id);
  const reportUnused = options.reportUnusedDisableDirectives ?? false;
  const prefilter = createPrefilter(enabledLinterRules, { reportUnusedDisableDirectives: reportUnused });
  const errors: ScanError[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string): void => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  };
  const relative = (path: string): string => toRelativePosix(cwd, path);

  // 1. Files and projects.
  let candidates: CandidateFile[];
  if (options.files) {
    const git = listGitFiles(cwd);
    candidates = [];
    for (const given of options.files) {
      const path = resolve(cwd, given);
      const category = categorize(path) ?? (/\.(?:[cm]?[jt]s|[jt]sx)$/u.test(path) ? 'code' : 'config');
      candidates.push(git ? { path, category, tracked: git.tracked.has(path) } : { path, category });
    }
  } else {
    const listing = listFiles({ cwd, paths: options.paths ?? ['.'], ignore: [...DEFAULT_IGNORE, ...(options.ignore ?? [])] });
    candidates = listing.files;
    if (listing.ignored > 0) skipped.ignored = listing.ignored;
    for (const missing of listing.missing) errors.push({ file: missing, message: 'no such file or directory' });
  }
  const projects: LoadedProject[] = [];
  const configFiles = new Set<string>();
  if (options.project !== undefined) configFiles.add(resolve(cwd, options.project));
  else {
    for (const given of options.paths ?? ['.']) {
      const target = resolve(cwd, given);
      const found = findTsconfig(target);
      if (found) configFiles.add(found);
    }
  }
  for (const configFile of configFiles) projects.push(...loadProjects(configFile));
  const optionsByFile = new Map<string, ts.CompilerOptions>();
  for (const project of projects) for (const file of project.fileNames) if (!optionsByFile.has(file)) optionsByFile.set(file, project.options);
  const projectDirs = projects.map((project) => ({ dir: dirname(project.configFile) + sep, options: project.options })).sort((a, b) => b.dir.length - a.dir.length);
  const getCompilerOptions = (path: string): ts.CompilerOptions =>
    optionsByFile.get(path) ?? projectDirs.find((project) => path.startsWith(project.dir))?.options ?? DEFAULT_COMPILER_OPTIONS;

  // 2. The per-file pass.
  const linter = new FileLinter({ rules: linterRules, reportUnusedDisableDirectives: reportUnused });
  const clientSignal = createClientSignalTest(['use client', ...CLIENT_MODULES, ...BROWSER_GLOBALS, ...PUBLIC_ENV_PREFIXES.map((row) => row.prefix)]);
  const states = new Map<string, FileState>();
  const findings: Finding[] = [];
  let filesChecked = 0;
  const salt = options.fingerprintSalt;

  const makeFinding = (file: string, text: string, lineIndex: LineIndex, base: Omit<Finding, 'fingerprint' | 'line' | 'column' | 'endLine' | 'endColumn' | 'file'>, range: readonly [number, number]): Finding => {
    const start = lineIndex.position(range[0]);
    const end = lineIndex.position(range[1]);
    const value = text.slice(range[0], range[1]);
    const rel = relative(file);
    return {
      ...base,
      file: rel,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fingerprint: computeFingerprint({ ruleId: base.ruleId, file: rel, value, ...(salt === undefined ? {} : { salt }) }),
      ...(options.includeSecrets ? { secret: value } : {}),
    };
  };
  const severityOf = (ruleId: string): Severity | undefined => {
    const level = severities.get(ruleId);
    if (level === 'off') return undefined;
    return level ?? DEFAULT_SCANNER_SEVERITIES[ruleId] ?? 'error';
  };
  const rangeByFinding = new Map<Finding, readonly [number, number]>();

  const total = candidates.length;
  let done = 0;
  for (const candidate of candidates) {
    const state: FileState = { candidate, parsed: false, unreadable: false, mayUseSecret: false, mayBeClient: false };
    states.set(candidate.path, state);
    const outcome = readInput(candidate.path, candidate.category, { maxFileSize, ...(options.readFile ? { readFile: options.readFile } : {}) });
    options.onProgress?.(++done, total);
    if ('skipped' in outcome) {
      state.unreadable = true;
      if (outcome.skipped !== 'not-a-file') skip(outcome.skipped);
      continue;
    }
    if ('error' in outcome) {
      state.unreadable = true;
      errors.push({ file: relative(candidate.path), message: outcome.error });
      continue;
    }
    filesChecked++;
    const { text } = outcome;
    const lineIndex = new LineIndex(text);
    if (candidate.category === 'config') {
      for (const found of scanTextFile(text, { path: candidate.path, tracked: candidate.tracked })) {
        const severity = severityOf(found.ruleId);
        if (!severity) continue;
        const finding = makeFinding(candidate.path, text, lineIndex, { ruleId: found.ruleId, severity, message: found.message, kind: found.kind }, found.range);
        findings.push(
          found.fingerprintValue === text.slice(found.range[0], found.range[1])
            ? finding
            : { ...finding, fingerprint: computeFingerprint({ ruleId: found.ruleId, file: finding.file, value: found.fingerprintValue, ...(salt === undefined ? {} : { salt }) }) },
        );
      }
      continue;
    }
    state.mayUseSecret = mayUseSecretName(text);
    state.mayBeClient = clientSignal(text) || matchesAnyGlob(relative(candidate.path), options.clientFiles ?? []);
    if (prefilter && !prefilter(text)) {
      if (state.mayUseSecret || state.mayBeClient) {
        state.text = text;
        state.lineIndex = lineIndex;
      }
      continue;
    }
    const result = linter.lint(candidate.path, text);
    state.parsed = true;
    if (result.parseError) {
      state.unreadable = true;
      const { line, column, message } = result.parseError;
      const reason = message.replace(/^Parsing error: /u, '');
      // A parser that gives up without a position (a stack overflow on code nested thousands deep) is not a syntax error.
      errors.push({ file: relative(candidate.path), message: line === undefined ? `cannot be parsed: ${reason}` : `syntax error at ${line}:${column}: ${reason}` });
      continue;
    }
    if (result.facts) state.facts = result.facts;
    state.text = text;
    state.lineIndex = lineIndex;
    for (const message of result.messages) {
      const ruleId = message.ruleId === null ? 'unused-disable-directive' : message.ruleId.slice(NAMESPACE.length + 1);
      const startOffset = lineIndex.offset(message.line, message.column);
      const endOffset = message.endLine === undefined ? startOffset : lineIndex.offset(message.endLine, message.endColumn ?? message.column);
      const finding = makeFinding(
        candidate.path,
        text,
        lineIndex,
        { ruleId, severity: message.severity === 2 ? 'error' : 'warn', message: message.message, kind: message.ruleId === null ? 'disable-directive' : kindFor(ruleId, message.messageId) },
        [startOffset, endOffset],
      );
      rangeByFinding.set(finding, [startOffset, endOffset]);
      findings.push(finding);
    }
  }

  // 3. Whole-program checks, on facts (parsing lazily what the prefilter passed over).
  const host: ModuleGraphHost = {
    relative,
    getCompilerOptions,
    getFacts(path) {
      const state = states.get(path);
      if (!state || state.unreadable || state.candidate.category !== 'code') return undefined;
      if (!state.parsed) {
        state.parsed = true;
        const text = state.text ?? (() => {
          const outcome = readInput(path, 'code', { maxFileSize, ...(options.readFile ? { readFile: options.readFile } : {}) });
          return 'text' in outcome ? outcome.text : undefined;
        })();
        if (text === undefined) return undefined;
        const result = linter.lint(path, text, { factsOnly: true });
        if (result.facts) state.facts = result.facts;
        state.text = text;
        state.lineIndex ??= new LineIndex(text);
      }
      return state.facts;
    },
  };
  const codeFiles = [...states.values()].filter((state) => state.candidate.category === 'code' && !state.unreadable);
  const sideOf = createSideClassifier(host, {
    ...(options.clientFiles ? { clientFiles: options.clientFiles } : {}),
    ...(options.serverFiles ? { serverFiles: options.serverFiles } : {}),
  });
  const suppressed = (file: string, ruleId: string, line: number): boolean => isSuppressed(host.getFacts(file)?.disableDirectives ?? [], `${NAMESPACE}/${ruleId}`, line);
  if (options.wholeProgram !== false && codeFiles.length > 0) {
    const resolver = new ModuleResolver(host);
    const byPosition = new Map<string, number>();
    findings.forEach((finding, index) => byPosition.set(`${finding.file}:${finding.line}:${finding.column}`, index));
    const useFiles = codeFiles.filter((state) => state.facts !== undefined || state.mayUseSecret).map((state) => state.candidate.path);
    for (const flow of findCrossFileFlows(host, resolver, useFiles, options.testFiles)) {
      const existing = byPosition.get(`${relative(flow.file)}:${flow.exported.line}:${flow.exported.column}`);
      if (existing !== undefined) {
        const finding = findings[existing] as Finding;
        if (!finding.trace) {
          const withTrace = { ...finding, trace: flow.trace };
          const range = rangeByFinding.get(finding);
          if (range) rangeByFinding.set(withTrace, range);
          findings[existing] = withTrace;
        }
        continue;
      }
      if (flow.definedAsSecret) continue;
      const ruleId = ruleForCredentialKind(flow.use.kind);
      const severity = severityOf(ruleId);
      const state = states.get(flow.file);
      if (!severity || !state?.text || !state.lineIndex) continue;
      if (suppressed(flow.file, ruleId, flow.exported.line)) continue;
      const sink = flow.trace.at(-1) as TraceHop;
      const message = `Hard-coded ${CREDENTIAL_KIND_LABELS[flow.use.kind]} (${maskSecret(flow.exported.value)}) is ${flow.use.phrase} in ${sink.file}:${sink.line}, ${flow.classification.reason}. Read it from an environment variable or a secret store, and rotate it: it is in version control.`;
      const finding = makeFinding(flow.file, state.text, state.lineIndex, { ruleId, severity, message, kind: flow.use.kind, trace: flow.trace }, flow.exported.range);
      rangeByFinding.set(finding, flow.exported.range);
      findings.push(finding);
    }
    const roots = codeFiles
      .filter((state) => state.mayBeClient || matchesAnyGlob(relative(state.candidate.path), options.clientFiles ?? []) || state.facts !== undefined)
      .map((state) => state.candidate.path);
    const clientRule = 'no-secret-in-client-code';
    const clientSeverity = severityOf(clientRule);
    if (clientSeverity) {
      for (const reach of findClientReachableSecrets(host, resolver, roots, {
        ...(options.clientFiles ? { clientFiles: options.clientFiles } : {}),
        ...(options.serverFiles ? { serverFiles: options.serverFiles } : {}),
      })) {
        const state = states.get(reach.file);
        if (!state?.text || !state.lineIndex) continue;
        if (suppressed(reach.file, clientRule, reach.read.line)) continue;
        const chain = reach.chain.map(relative).join(' → ');
        const message = `${reach.read.text} is a server secret, but this module is bundled into client code (${reach.rootSide.reason}): ${chain}. Read it on the server and send the browser only what it needs.`;
        findings.push(makeFinding(reach.file, state.text, state.lineIndex, { ruleId: clientRule, severity: clientSeverity, message, kind: reach.kind, trace: reach.trace }, reach.read.range));
      }
    }
  }

  findings.sort(compareFindings);
  const sortedSkipped = Object.fromEntries(Object.entries(skipped).sort(([a], [b]) => (a < b ? -1 : 1)));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const result: RunResult = { findings, errors, stats: { files: filesChecked, skipped: sortedSkipped, durationMs: Math.round(performance.now() - started) } };
  if (options.fixTargets) {
    const targets: FixTarget[] = [];
    for (const finding of findings) {
      const range = rangeByFinding.get(finding);
      if (!range || !finding.ruleId.startsWith('no-hardcoded-')) continue;
      const file = resolve(cwd, finding.file);
      const sink = finding.trace?.at(-1);
      targets.push({ file, range, ruleId: finding.ruleId, kind: finding.kind, clientSide: sideOf(file)?.side === 'client', fingerprint: finding.fingerprint, ...(sink ? { sink } : {}) });
    }
    Object.defineProperty(result, 'fixTargets', { value: targets, enumerable: false });
  }
  return result;
}
