/**
 * `run(options)`: the scanner as a function. Finds the files, runs the per-file pass (the plugin's
 * rules through ESLint's `Linter`, and the config-file detectors), then the whole-program checks,
 * and returns `{ findings, errors, stats }`. It never exits the process and never throws for bad
 * input; a broken tsconfig throws `ProjectConfigError`, which the CLI reports with exit code 2.
 */
import { dirname, resolve, sep } from 'node:path';
import type { Linter } from 'eslint';
import type ts from 'typescript';
import { CREDENTIAL_KIND_LABELS, maskSecret } from '../detectors/index.js';
import { mayCallSink } from '../catalogue/index.js';
import { sinkTableFor, type UserSinkOption } from '../catalogue/user-sinks.js';
import { isServerPath } from '../catalogue/client-side.js';
import { NAMESPACE, presetRules, ruleSeverities } from '../configs.js';
import { RULE_DOCS } from '../rule-docs.js';
import type { FileFacts } from './facts.js';
import { FilePass, loadLinter, type FileOutcome, type FilePassOptions, type LocatedFinding } from './file-pass.js';
import { categorize, listFiles, listGitFiles, toRelativePosix, type CandidateFile } from './files.js';
import { checkInKeptWorkers, PRECHECK_PARALLEL_THRESHOLD, workerCountFor, type FactsWorkers } from './parallel.js';
import { LineIndex } from './positions.js';
import type { LoadedProject } from './project.js';
import { importSpecifiers, mayUseImportedFrom } from './program-text.js';
import { isSuppressed } from './suppressions.js';
import { ruleForCredentialKind } from './text-files.js';
import type { Finding, ScanError, ScanResult, TraceHop } from './types.js';
import type { ModuleGraphHost } from './whole-program.js';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** The rules whose `sinks` option `RunOptions.sinks` sets. */
const SINKS_OPTION_RULES: readonly string[] = ['no-hardcoded-client-secret', 'no-hardcoded-client-id', 'no-hardcoded-credentials'];
/** Gitignore-syntax patterns every scan skips on top of `.gitignore`. */
export const DEFAULT_IGNORE: readonly string[] = ['node_modules/', '.git/', '*.min.js', '*.min.mjs', '*.min.cjs', '*.bundle.js'];

/**
 * The modules that load TypeScript: tsconfig parsing, module resolution and the typed pass. Loaded
 * on demand, so that a scan can start its workers first.
 */
async function loadProgramModules() {
  const [project, wholeProgram, typedSinks] = await Promise.all([import('./project.js'), import('./whole-program.js'), import('./typed-sinks.js')]);
  return { ...project, ...wholeProgram, ...typedSinks };
}
type ProgramModules = Awaited<ReturnType<typeof loadProgramModules>>;

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
  /**
   * Worker threads for the per-file pass: 0 runs in the main thread; by default, scans of 2,000
   * files or more use up to 4 workers when the compiled worker is available.
   */
  readonly workers?: number;
  /**
   * The project's own SDK wrappers that receive credentials: given to the hard-coded-credential
   * rules as their `sinks` option and used by the cross-file check.
   */
  readonly sinks?: readonly UserSinkOption[];
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

interface FileState {
  readonly candidate: CandidateFile;
  text?: string;
  lineIndex?: LineIndex;
  facts?: FileFacts;
  /** Parsed with the rules, or facts collected: no further parse needed. */
  parsed: boolean;
  unreadable: boolean;
  mayUseSecret: boolean;
  mayReadSecretEnv: boolean;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Runs a scan. */
export async function run(options: RunOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const cwd = resolve(options.cwd ?? process.cwd());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const rulesRecord: Linter.RulesRecord = options.rules ?? presetRules('recommended');
  const severities = ruleSeverities(rulesRecord);
  const pluginRuleIds = new Set(Object.keys(RULE_DOCS));
  const linterRules: Linter.RulesRecord = {};
  for (const [id, entry] of Object.entries(rulesRecord)) {
    if (id.startsWith(`${NAMESPACE}/`) && pluginRuleIds.has(id.slice(NAMESPACE.length + 1)) && entry !== undefined) linterRules[id] = entry;
  }
  if (options.sinks && options.sinks.length > 0) {
    for (const id of SINKS_OPTION_RULES) {
      const entry = linterRules[`${NAMESPACE}/${id}`];
      if (entry === undefined) continue;
      const [level, ruleOptions] = Array.isArray(entry) ? entry : [entry];
      linterRules[`${NAMESPACE}/${id}`] = [level, { ...(ruleOptions as object | undefined), sinks: options.sinks }];
    }
  }
  const enabledLinterRules = [...severities].filter(([id, level]) => level !== 'off' && pluginRuleIds.has(id)).map(([id]) => id);
  const reportUnused = options.reportUnusedDisableDirectives ?? false;
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
  // The projects are needed only by the whole-program checks, and loading them loads TypeScript
  // (about 0.2 s): a scan that hands the reading to workers loads them once the workers are on
  // their way, which spend their first few hundred milliseconds loading their own modules.
  let program: ProgramModules | undefined;
  const projects: LoadedProject[] = [];
  const optionsByFile = new Map<string, ts.CompilerOptions>();
  let projectDirs: { dir: string; options: ts.CompilerOptions }[] = [];
  let fallbackOptions: ts.CompilerOptions = {};
  const loadProgram = async (): Promise<ProgramModules> => {
    if (program) return program;
    const modules = await loadProgramModules();
    const configFiles = new Set<string>();
    if (options.project !== undefined) configFiles.add(resolve(cwd, options.project));
    else {
      for (const given of options.paths ?? ['.']) {
        const found = modules.findTsconfig(resolve(cwd, given));
        if (found) configFiles.add(found);
      }
    }
    for (const configFile of configFiles) projects.push(...modules.loadProjects(configFile));
    for (const project of projects) for (const file of project.fileNames) if (!optionsByFile.has(file)) optionsByFile.set(file, project.options);
    projectDirs = projects.map((project) => ({ dir: dirname(project.configFile) + sep, options: project.options })).sort((a, b) => b.dir.length - a.dir.length);
    fallbackOptions = modules.DEFAULT_COMPILER_OPTIONS;
    program = modules;
    return modules;
  };
  const getCompilerOptions = (path: string): ts.CompilerOptions =>
    optionsByFile.get(path) ?? projectDirs.find((project) => path.startsWith(project.dir))?.options ?? fallbackOptions;

  // 2. The per-file pass, in worker threads for large scans.
  const passOptions: FilePassOptions = {
    cwd,
    linterRules,
    severities: [...severities],
    enabledLinterRules,
    reportUnusedDisableDirectives: reportUnused,
    maxFileSize,
    includeSecrets: options.includeSecrets ?? false,
    ...(options.fingerprintSalt === undefined ? {} : { fingerprintSalt: options.fingerprintSalt }),
    ...(options.clientFiles ? { clientFiles: options.clientFiles } : {}),
    ...(options.sinks && options.sinks.length > 0 ? { sinks: options.sinks } : {}),
  };
  const pass = new FilePass(passOptions);
  const states = new Map<string, FileState>();
  const findings: Finding[] = [];
  const rangeByFinding = new Map<Finding, readonly [number, number]>();
  let filesChecked = 0;
  const total = candidates.length;
  let done = 0;
  const addFinding = ({ finding, range }: LocatedFinding): void => {
    rangeByFinding.set(finding, range);
    findings.push(finding);
  };
  const record = (candidate: CandidateFile, outcome: FileOutcome): void => {
    const state: FileState = { candidate, parsed: false, unreadable: false, mayUseSecret: false, mayReadSecretEnv: false };
    states.set(candidate.path, state);
    if (outcome.status === 'skipped') {
      state.unreadable = true;
      if (outcome.reason !== 'not-a-file') skip(outcome.reason);
      return;
    }
    if (outcome.status === 'error') {
      state.unreadable = true;
      if (outcome.read === true) filesChecked++;
      errors.push({ file: relative(candidate.path), message: outcome.message });
      return;
    }
    filesChecked++;
    state.parsed = outcome.parsed;
    state.mayUseSecret = outcome.mayUseSecret;
    state.mayReadSecretEnv = outcome.mayReadSecretEnv;
    if (outcome.facts) state.facts = outcome.facts;
    for (const located of outcome.findings) addFinding(located);
  };
  const outcomes = new Map<string, FileOutcome>();
  const settle = (path: string, outcome: FileOutcome): void => {
    if (outcomes.has(path)) return;
    outcomes.set(path, outcome);
    options.onProgress?.(++done, total);
  };
  const remaining = (files: readonly CandidateFile[]): CandidateFile[] => files.filter((candidate) => !outcomes.has(candidate.path));
  // A long file list is read and prefiltered in worker threads too: reading and the text gates are
  // most of a scan's cost once the gates keep bundles from being parsed. Each worker loads ESLint
  // only when a file of its share passes the prefilter.
  const listWorkers = options.readFile || options.workers !== undefined || candidates.length < PRECHECK_PARALLEL_THRESHOLD ? 0 : workerCountFor(candidates.length, undefined);
  // Workers that finish in good order are kept for the whole-program checks' facts-only parses.
  let factsWorkers: FactsWorkers | undefined;
  const wholeProgram = options.wholeProgram !== false;
  if (listWorkers > 0) {
    const stop = new AbortController();
    const passDone = checkInKeptWorkers(candidates, listWorkers, passOptions, settle, undefined, wholeProgram, stop.signal);
    try {
      await loadProgram();
    } catch (error) {
      // A broken tsconfig ends the scan: the workers finish the batch in hand and are let go.
      stop.abort();
      (await passDone.catch(() => undefined))?.close();
      throw error;
    }
    // The rules and the parser, for the files no worker answers and the whole-program checks'
    // facts: loaded while the workers read, not before they start.
    await loadLinter();
    try {
      factsWorkers = await passDone;
    } catch {
      // A worker that dies loses only its batch: those files are checked here below.
    }
    for (const candidate of remaining(candidates)) settle(candidate.path, pass.check(candidate));
  } else {
    await loadProgram();
    // Otherwise the cheap part of the pass (reading, config-file detectors, the text prefilter)
    // runs here, for every file; only the files the prefilter lets through are parsed, in worker
    // threads when there is enough to parse to pay for starting them. Those files are read again
    // when parsed: holding every text until then would cost memory, and a file changed meanwhile
    // is read as it is now.
    const toParse: CandidateFile[] = [];
    const toParseSizes: number[] = [];
    let parseBytes = 0;
    for (const candidate of candidates) {
      const first = pass.precheck(candidate, options.readFile);
      if ('outcome' in first) settle(candidate.path, first.outcome);
      else {
        toParse.push(candidate);
        toParseSizes.push(first.pending.text.length);
        parseBytes += first.pending.text.length;
      }
    }
    const workers = options.readFile ? 0 : workerCountFor(toParse.length, options.workers, parseBytes);
    if (workers > 0) {
      try {
        factsWorkers = await checkInKeptWorkers(toParse, workers, passOptions, settle, toParseSizes, wholeProgram);
      } catch {
        // A worker that dies loses only its batch: those files are checked here below.
      }
    }
    await loadLinter();
    for (const candidate of remaining(toParse)) settle(candidate.path, pass.check(candidate, options.readFile));
  }
  // In the order of the file list, whatever order the workers answered in.
  for (const candidate of candidates) {
    const outcome = outcomes.get(candidate.path);
    if (outcome) record(candidate, outcome);
  }

  const { createSideClassifier, findClientReachableSecrets, findCrossFileFlows, findTypedSinkFlows, importersOf, ModuleResolver } = await loadProgram();

  /** The text of a scanned file, read again when a whole-program finding needs it. */
  const textOf = (state: FileState): { text: string; lineIndex: LineIndex } | undefined => {
    if (state.text === undefined) {
      const outcome = pass.read(state.candidate.path, state.candidate.category, options.readFile);
      if (!('text' in outcome)) return undefined;
      state.text = outcome.text;
    }
    state.lineIndex ??= new LineIndex(state.text);
    return { text: state.text, lineIndex: state.lineIndex };
  };

  // 3. Whole-program checks, on facts (parsing lazily what the prefilter passed over).
  const host: ModuleGraphHost = {
    relative,
    getCompilerOptions,
    getFacts(path) {
      const state = states.get(path);
      if (!state || state.unreadable || state.candidate.category !== 'code') return undefined;
      if (!state.parsed) {
        state.parsed = true;
        const source = textOf(state);
        const facts = source && pass.collectFacts(path, source.text);
        if (facts) state.facts = facts;
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
  /** Typed sinks (typed-sinks.ts): builds a `ts.Program` only when its text gates pass. */
  const addTypedSinkFindings = (): void => {
    // Read without keeping the text on the file's state: most files never have a finding here.
    const readText = (path: string): string | undefined => {
      const state = states.get(path);
      if (!state || state.text !== undefined) return state?.text;
      const outcome = pass.read(path, state.candidate.category, options.readFile);
      return 'text' in outcome ? outcome.text : undefined;
    };
    for (const flow of findTypedSinkFlows({ projects, files: codeFiles.map((state) => state.candidate.path), readText, relative, ...(options.testFiles ? { testFiles: options.testFiles } : {}) })) {
      const file = relative(flow.file);
      const taken = findings.some((finding) => {
        const range = finding.file === file ? rangeByFinding.get(finding) : undefined;
        return range !== undefined && range[0] < flow.range[1] && flow.range[0] < range[1];
      });
      const severity = pass.severityOf(flow.ruleId);
      const state = states.get(flow.file);
      const source = state ? textOf(state) : undefined;
      if (taken || !severity || !source) continue;
      const finding = pass.makeFinding(flow.file, source.text, source.lineIndex, { ruleId: flow.ruleId, severity, message: flow.message, kind: flow.kind, trace: flow.trace }, flow.range);
      if (!suppressed(flow.file, flow.ruleId, finding.finding.line)) addFinding(finding);
    }
  };
  if (options.wholeProgram !== false && codeFiles.length > 0) {
    try {
      const scannedCode = new Set(codeFiles.map((state) => state.candidate.path));
      const resolver = new ModuleResolver(host, scannedCode);
      const byPosition = new Map<string, number>();
      findings.forEach((finding, index) => byPosition.set(`${finding.file}:${finding.line}:${finding.column}`, index));
      // The project files a file's import specifiers (a text superset of its imports) resolve to.
      const edges = new Map<string, readonly string[]>();
      const edgesOf = (file: string): readonly string[] => {
        let found = edges.get(file);
        if (!found) {
          const outcome = outcomes.get(file);
          const specifiers = outcome?.status === 'checked' ? (outcome.specifiers ?? []) : [];
          found = specifiers.map((specifier) => resolver.resolve(specifier, file)).filter((target): target is string => target !== undefined && target !== file && scannedCode.has(target));
          edges.set(file, found);
        }
        return found;
      };
      // A use site reads a value imported from another scanned file: a file the prefilter passed
      // over is parsed for its facts only when it imports such a file and, read again, may use a
      // value imported from one under a secret name or pass one to a sink.
      const sinkRows = sinkTableFor(options.sinks).rows;
      const mayUseImported = (state: FileState): boolean => {
        const file = state.candidate.path;
        const read = pass.read(file, state.candidate.category, options.readFile);
        if (!('text' in read)) return false;
        const fromScanned = (specifier: string): boolean => {
          const target = resolver.resolve(specifier, file);
          return target !== undefined && target !== file && scannedCode.has(target);
        };
        const outcome = outcomes.get(file);
        const specifiers = (outcome?.status === 'checked' ? outcome.specifiers : undefined) ?? importSpecifiers(read.text);
        return mayUseImportedFrom(read.text, fromScanned, mayCallSink(specifiers, read.text, sinkRows));
      };
      const useFiles = codeFiles
        .filter((state) => state.facts !== undefined || (state.mayUseSecret && !state.parsed && edgesOf(state.candidate.path).length > 0 && mayUseImported(state)))
        .map((state) => state.candidate.path);
      // Files the gates passed over that a check is about to parse for their facts are parsed in
      // the workers kept from the per-file pass, which have ESLint loaded; what they do not
      // answer is parsed here lazily, as `host.getFacts` does for every other file.
      const prefetchFacts = async (paths: readonly string[]): Promise<void> => {
        const unparsed = paths.filter((path) => {
          const state = states.get(path);
          return state !== undefined && !state.parsed && !state.unreadable && state.candidate.category === 'code';
        });
        if (!factsWorkers || unparsed.length === 0) return;
        for (const [path, facts] of await factsWorkers.collectFacts(unparsed)) {
          const state = states.get(path);
          if (!state || state.parsed) continue;
          state.parsed = true;
          if (facts) state.facts = facts;
        }
      };
      await prefetchFacts(useFiles);
      // The modules the flows read exports from (through re-exports) are known only from the
      // use sites' facts: a dry run of the check, on a host that answers nothing for a file not
      // parsed yet, names them, and they are parsed in the workers too, until a dry run asks for
      // no new file. Whatever the workers do not answer is parsed lazily in the real run below,
      // so the flows found are the same either way.
      if (factsWorkers) {
        const asked = new Set<string>();
        for (;;) {
          const wanted: string[] = [];
          const probe: ModuleGraphHost = {
            ...host,
            getFacts(path) {
              const state = states.get(path);
              if (state && !state.parsed && !state.unreadable && state.candidate.category === 'code') {
                if (!asked.has(path)) wanted.push(path);
                asked.add(path);
                return undefined;
              }
              return host.getFacts(path);
            },
          };
          findCrossFileFlows(probe, resolver, useFiles, options.testFiles);
          if (wanted.length === 0) break;
          await prefetchFacts(wanted);
        }
      }
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
        const severity = pass.severityOf(ruleId);
        const state = states.get(flow.file);
        const source = severity && state ? textOf(state) : undefined;
        if (!severity || !source) continue;
        if (suppressed(flow.file, ruleId, flow.exported.line)) continue;
        const sink = flow.trace.at(-1) as TraceHop;
        const message = `Hard-coded ${CREDENTIAL_KIND_LABELS[flow.use.kind]} (${maskSecret(flow.exported.value)}) is ${flow.use.phrase} in ${sink.file}:${sink.line}, ${flow.classification.reason}. Read it from an environment variable or a secret store, and rotate it: it is in version control.`;
        addFinding(pass.makeFinding(flow.file, source.text, source.lineIndex, { ruleId, severity, message, kind: flow.use.kind, trace: flow.trace }, flow.exported.range));
      }
      const clientRule = 'no-secret-in-client-code';
      const clientSeverity = pass.severityOf(clientRule);
      // The walk reports only secret env reads: without a file that may hold one, it has nothing to find.
      const readers = codeFiles
        .filter((state) => (state.facts !== undefined ? state.facts.secretEnvReads.length > 0 : !state.parsed && state.mayReadSecretEnv))
        .map((state) => state.candidate.path);
      if (clientSeverity && readers.length > 0) {
        // Only modules that may import a reader, directly or not, can be on a reported chain.
        const within = importersOf(readers, scannedCode, edgesOf);
        // A root is a module of `within` that has facts or may be client-side by its text (read
        // again, and not kept: few files are in `within`).
        const mayBeClient = (state: FileState): boolean => {
          const read = pass.read(state.candidate.path, state.candidate.category, options.readFile);
          return 'text' in read && pass.mayBeClient(state.candidate.path, read.text);
        };
        const roots = codeFiles.filter((state) => within.has(state.candidate.path) && (state.facts !== undefined || mayBeClient(state))).map((state) => state.candidate.path);
        // The walk classifies every root in `within` from its facts before it follows an import.
        await prefetchFacts(roots.filter((root) => within.has(root) && !isServerPath(relative(root), options)));
        for (const reach of findClientReachableSecrets(host, resolver, roots, {
          ...(options.clientFiles ? { clientFiles: options.clientFiles } : {}),
          ...(options.serverFiles ? { serverFiles: options.serverFiles } : {}),
          within,
        })) {
          const state = states.get(reach.file);
          const source = state ? textOf(state) : undefined;
          if (!source) continue;
          if (suppressed(reach.file, clientRule, reach.read.line)) continue;
          const chain = reach.chain.map(relative).join(' → ');
          const message = `${reach.read.text} is a server secret, but this module is bundled into client code (${reach.rootSide.reason}): ${chain}. Read it on the server and send the browser only what it needs.`;
          addFinding(pass.makeFinding(reach.file, source.text, source.lineIndex, { ruleId: clientRule, severity: clientSeverity, message, kind: reach.kind, trace: reach.trace }, reach.read.range));
        }
      }
      // Last: the only check that may build a `ts.Program`.
      addTypedSinkFindings();
    } catch (error) {
      // A bug in the whole-program checks must not cost the per-file findings already made.
      const name = error instanceof Error ? error.name : typeof error;
      errors.push({ file: '<run>', message: `internal error in the whole-program checks (${name}); cross-file and client-bundle findings may be missing. Please report it.` });
    }
  }
  factsWorkers?.close();

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
