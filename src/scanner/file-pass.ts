/**
 * The per-file pass of a scan: read a file (skip binary, minified, oversize; name unreadable
 * input), run the config-file detectors or the plugin's rules on it, and collect its
 * whole-program facts. Everything it takes and returns is plain data, so the same pass runs in
 * the main thread or in worker threads (`worker.ts`).
 */
import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { Linter } from 'eslint';
import { BROWSER_GLOBALS, CLIENT_MODULES, PUBLIC_ENV_PREFIXES } from '../catalogue/client-side.js';
import { userSinkModules, type UserSinkOption } from '../catalogue/user-sinks.js';
import { classifySecretName, CREDENTIAL_KIND_LABELS, matchesAnyGlob } from '../detectors/index.js';
import { NAMESPACE } from '../configs.js';
import type { FileFacts } from './facts.js';
import { computeFingerprint } from './fingerprint.js';
import { toRelativePosix, type CandidateFile } from './files.js';
import type { FileLinter } from './lint.js';
import { LineIndex } from './positions.js';
import { createClientSignalTest, createPrefilter, mayReadSecretEnv, mayUseSecretName } from './prefilter.js';
import { importSpecifiers } from './program-text.js';
import { scanTextFile } from './text-files.js';
import type { Finding, Severity } from './types.js';

export type ReadFile = (absolutePath: string) => string | Buffer;

let lintModule: typeof import('./lint.js') | undefined;

/**
 * Loads the linter (the rules, the facts rule, the parser wrapper; ESLint itself only on the first
 * lint): `FilePass#check`, `parse` and `collectFacts` need it, and a thread that only reads and
 * gates files (the main thread of a scan in workers) never does. About 0.1 s, so a scan starts its
 * workers first.
 */
export async function loadLinter(): Promise<void> {
  lintModule ??= await import('./lint.js');
}

export type ReadOutcome = { readonly text: string } | { readonly skipped: string } | { readonly error: string };

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

const utf16le = new TextDecoder('utf-16le', { fatal: true });

/**
 * A file that starts with a UTF-16 byte order mark (a `.env` or JSON file written by Windows
 * PowerShell 5) decoded to text without the mark, so its offsets are the same UTF-16 code units as
 * those of a UTF-8 file; undefined without such a mark. A UTF-32 LE mark (`FF FE 00 00`) is not
 * UTF-16 and a NUL character in the text still means binary.
 */
function decodeUtf16(buffer: Buffer): ReadOutcome | undefined {
  const littleEndian = buffer[0] === 0xff && buffer[1] === 0xfe && !(buffer[2] === 0 && buffer[3] === 0);
  const bigEndian = buffer[0] === 0xfe && buffer[1] === 0xff;
  if (!littleEndian && !bigEndian) return undefined;
  if (buffer.length % 2 !== 0) return { error: 'invalid UTF-16' };
  const body = Buffer.from(buffer.subarray(2));
  if (bigEndian) body.swap16();
  let text: string;
  try {
    text = utf16le.decode(body);
  } catch {
    return { error: 'invalid UTF-16' };
  }
  if (text.slice(0, BINARY_SNIFF_BYTES).includes('\0')) return { skipped: 'binary' };
  return { text };
}

/** A line this long is machine-written: no one types 1,000 characters on one line of source. */
const GENERATED_LINE = 1000;

/**
 * Whether a code file looks like a minified bundle: very long lines on average, or most of its
 * text on lines of 1,000 characters or more (a bundle whose modules are minified one per line,
 * with a readable wrapper around them, has a short average line).
 */
export function looksMinified(whole: string): boolean {
  // A readable build (Babel, tsc) that ends in an inline source map: the map is one long line of
  // base64 that says nothing about the code above it.
  // Only the last line that is not blank can be one (a `lastIndexOf` of the comment would read the
  // whole file backwards, character by character).
  let end = whole.length;
  while (end > 0 && /\s/u.test(whole.charAt(end - 1))) end--;
  const lastLine = whole.lastIndexOf('\n', end - 1) + 1;
  const map = lastLine > 0 && (whole.startsWith('//# sourceMappingURL=data:', lastLine) || whole.startsWith('//@ sourceMappingURL=data:', lastLine)) ? lastLine - 1 : -1;
  const text = map === -1 ? whole : whole.slice(0, map);
  if (text.length < 4096) return false;
  return onLongLines(text) > text.length / 2 || text.length / linesUpTo(text, Math.ceil(text.length / 500)) > 500;
}

/**
 * The characters on lines of `GENERATED_LINE` characters or more. It looks back from a line start
 * plus `GENERATED_LINE - 1` for the last line break: one step jumps over every short line in that
 * window, so a file of short lines costs a step per thousand characters, not one per line.
 */
function onLongLines(text: string): number {
  let total = 0;
  let start = 0;
  while (text.length - start >= GENERATED_LINE) {
    const lastBreak = text.lastIndexOf('\n', start + GENERATED_LINE - 1);
    if (lastBreak >= start) {
      start = lastBreak + 1;
      continue;
    }
    const end = text.indexOf('\n', start + GENERATED_LINE);
    const lineEnd = end === -1 ? text.length : end;
    total += lineEnd - start;
    start = lineEnd + 1;
  }
  return total;
}

/** The number of lines of the text, counted up to `limit` (a file's average line is short once it has that many). */
function linesUpTo(text: string, limit: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines < limit; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export function readInput(path: string, category: CandidateFile['category'], options: { maxFileSize: number; readFile?: ReadFile }): ReadOutcome {
  let buffer: Buffer;
  if (options.readFile) {
    try {
      const content = options.readFile(path);
      buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    } catch (error) {
      return { error: describeFsError(error) };
    }
  } else {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      // Only a file that cannot be stat'ed can be a link to nothing (or to itself): one more call, and only then.
      return { error: isSymbolicLink(path) ? 'broken symbolic link' : describeFsError(error) };
    }
    // A FIFO, socket or device named like a source file is never read (a FIFO would block); a directory is not a file at all.
    if (!stats.isFile()) return { skipped: stats.isDirectory() ? 'not-a-file' : 'special' };
    if (stats.size > options.maxFileSize) return { skipped: 'too-large' };
    try {
      buffer = readFileSync(path);
    } catch (error) {
      return { error: describeFsError(error) };
    }
  }
  if (buffer.length > options.maxFileSize) return { skipped: 'too-large' };
  const utf16 = decodeUtf16(buffer);
  if (utf16 !== undefined) return 'text' in utf16 && category === 'code' && looksMinified(utf16.text) ? { skipped: 'minified' } : utf16;
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

/** Credential labels longest first, so "client secret" wins over "secret". */
const KIND_BY_LABEL = Object.entries(CREDENTIAL_KIND_LABELS)
  .map(([kind, label]) => [label.toLowerCase(), kind] as const)
  .sort((a, b) => b[0].length - a[0].length);

/**
 * `hardcodedClientSecret` / `no-hardcoded-client-secret` → `client-secret`; a message that names
 * the credential ("Hard-coded password passed to `pg.Pool`…") → that kind; else the message id in
 * kebab case.
 */
function kindFor(ruleId: string, messageId: string | undefined, message = ''): string {
  const fromMessage = messageId === undefined ? undefined : classifySecretName(messageId)?.kind;
  if (fromMessage) return fromMessage;
  const named = /^Hard-coded (.{1,40}?)(?: \(| passed| assigned| sent| under| in | encoded| used|,|:)/u.exec(message)?.[1]?.toLowerCase();
  const fromLabel = named === undefined ? undefined : KIND_BY_LABEL.find(([label]) => named === label || named.endsWith(` ${label}`))?.[1];
  if (fromLabel) return fromLabel;
  const fromRule = classifySecretName(ruleId.replace(/^no-/u, ''))?.kind;
  if (fromRule) return fromRule;
  return (messageId ?? ruleId).replace(/([a-z0-9])([A-Z])/gu, '$1-$2').toLowerCase();
}

const DEFAULT_SCANNER_SEVERITIES: Readonly<Record<string, Severity>> = {
  'no-hardcoded-client-id': 'warn',
};

export interface FilePassOptions {
  readonly cwd: string;
  /** Rules for ESLint's `Linter`: only this plugin's rule ids. */
  readonly linterRules: Linter.RulesRecord;
  /** Every configured level by short rule id, scanner-only ids included. */
  readonly severities: readonly (readonly [string, 'error' | 'warn' | 'off'])[];
  /** Plugin rule ids that are on (they decide the prefilter). */
  readonly enabledLinterRules: readonly string[];
  readonly reportUnusedDisableDirectives: boolean;
  readonly maxFileSize: number;
  readonly fingerprintSalt?: string;
  readonly includeSecrets: boolean;
  readonly clientFiles?: readonly string[];
  /** The project's own SDK wrappers declared as sinks (plain data, so it crosses to workers). */
  readonly sinks?: readonly UserSinkOption[];
}

export interface LocatedFinding {
  readonly finding: Finding;
  /** `[start, end)` offsets of the reported range in the file's text. */
  readonly range: readonly [number, number];
}

export type FileOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  /** `read`: the file was read and checked but does not parse (it counts in `stats.files`). */
  | { readonly status: 'error'; readonly message: string; readonly read?: boolean }
  | {
      readonly status: 'checked';
      readonly findings: readonly LocatedFinding[];
      /** Facts, when the file was parsed (not prefiltered out). */
      readonly facts?: FileFacts;
      /** The file was parsed: its facts are final even when absent. */
      readonly parsed: boolean;
      /** Might use a value under a secret name (cheap text test). */
      readonly mayUseSecret: boolean;
      /** Might read a secret from the environment (cheap text test); parsed files have facts instead. */
      readonly mayReadSecretEnv: boolean;
      /** Module specifiers the file may import (a text superset of its import facts; code files only). */
      readonly specifiers?: readonly string[];
    };

/** What `FilePass.precheck` leaves for the parse: the text and its cheap text tests. */
export interface PendingParse {
  readonly text: string;
  readonly mayUseSecret: boolean;
  readonly mayReadSecretEnv: boolean;
  readonly specifiers: readonly string[];
}

type FindingBase = Omit<Finding, 'fingerprint' | 'line' | 'column' | 'endLine' | 'endColumn' | 'file'>;

/**
 * Names what failed without quoting the error's text, which may carry the file's content (and so a
 * secret): the error's class and, for ESLint's rethrown rule errors, the rule id.
 */
function describeInternalError(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const rule = /^Rule: "([\w@/-]+)"$/mu.exec(message)?.[1];
  const name = error instanceof Error ? error.name : typeof error;
  return `internal error${rule === undefined ? '' : ` in ${rule}`} (${name}); the file was not checked. Please report it.`;
}

export class FilePass {
  private readonly severities: Map<string, 'error' | 'warn' | 'off'>;
  private readonly prefilter: ((text: string, filename?: string) => boolean) | undefined;
  private readonly clientSignal = createClientSignalTest(['use client', ...CLIENT_MODULES, ...BROWSER_GLOBALS, ...PUBLIC_ENV_PREFIXES.map((row) => row.prefix)]);
  private linterInstance: FileLinter | undefined;
  /** Modules of the declared sinks: a file that names one may pass a value to them (a cross-file use site). */
  private readonly sinkModules: readonly string[];

  constructor(private readonly options: FilePassOptions) {
    this.severities = new Map(options.severities);
    const ruleOptions: Record<string, object> = {};
    for (const [id, entry] of Object.entries(options.linterRules)) {
      const ruleOption: unknown = Array.isArray(entry) ? entry[1] : undefined;
      if (id.startsWith(`${NAMESPACE}/`) && typeof ruleOption === 'object' && ruleOption !== null) ruleOptions[id.slice(NAMESPACE.length + 1)] = ruleOption;
    }
    // The gates see each rule's options (a declared sink's module lets a file through, for example).
    this.prefilter = createPrefilter(options.enabledLinterRules, { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives, ruleOptions });
    // A declared sink may take a credential under a name the keywords miss: a file naming its module may use one.
    this.sinkModules = userSinkModules(options.sinks);
  }

  private get linter(): FileLinter {
    if (!lintModule) throw new Error('FilePass: the linter is not loaded (await loadLinter() first)');
    this.linterInstance ??= new lintModule.FileLinter({
      rules: this.options.linterRules,
      reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives,
      ...(this.options.sinks ? { sinks: this.options.sinks } : {}),
    });
    return this.linterInstance;
  }

  relative(path: string): string {
    return toRelativePosix(this.options.cwd, path);
  }

  /** The configured severity of a rule, the scanner's default for its own ids, or undefined when off. */
  severityOf(ruleId: string): Severity | undefined {
    const level = this.severities.get(ruleId);
    if (level === 'off') return undefined;
    return level ?? DEFAULT_SCANNER_SEVERITIES[ruleId] ?? 'error';
  }

  read(path: string, category: CandidateFile['category'], readFile?: ReadFile): ReadOutcome {
    return readInput(path, category, { maxFileSize: this.options.maxFileSize, ...(readFile ? { readFile } : {}) });
  }

  makeFinding(file: string, text: string, lineIndex: LineIndex, base: FindingBase, range: readonly [number, number], fingerprintValue?: string): LocatedFinding {
    const start = lineIndex.position(range[0]);
    const end = lineIndex.position(range[1]);
    const value = text.slice(range[0], range[1]);
    const rel = this.relative(file);
    const salt = this.options.fingerprintSalt;
    const finding: Finding = {
      ...base,
      file: rel,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fingerprint: computeFingerprint({ ruleId: base.ruleId, file: rel, value: fingerprintValue ?? value, ...(salt === undefined ? {} : { salt }) }),
      ...(this.options.includeSecrets ? { secret: value } : {}),
    };
    return { finding, range };
  }

  /**
   * Whether a code file may be client-side by its text or a client glob: a file that is not is
   * never a root of the client-bundle walk, so needs no parse for it. Asked by the walk of the
   * few files that may import a secret env read, not of every file.
   */
  mayBeClient(path: string, text: string): boolean {
    return this.clientSignal(text) || matchesAnyGlob(this.relative(path), this.options.clientFiles ?? []);
  }

  /** Facts of a code file, without the rules (for files the prefilter passed over). */
  collectFacts(path: string, text: string): FileFacts | undefined {
    return this.linter.lint(path, text, { factsOnly: true }).facts;
  }

  /**
   * Everything of the per-file pass that needs no parser: reading, the config-file detectors and
   * the text prefilter. Returns the file's outcome, or what the parse needs when the prefilter
   * lets the file through. The linter (ESLint, the parser, the rules) is only loaded by `parse`.
   */
  precheck(candidate: CandidateFile, readFile?: ReadFile): { readonly outcome: FileOutcome } | { readonly pending: PendingParse } {
    const outcome = this.read(candidate.path, candidate.category, readFile);
    if ('skipped' in outcome) return { outcome: { status: 'skipped', reason: outcome.skipped } };
    if ('error' in outcome) return { outcome: { status: 'error', message: outcome.error } };
    const { text } = outcome;
    if (candidate.category === 'config') {
      const lineIndex = new LineIndex(text);
      const findings: LocatedFinding[] = [];
      for (const found of scanTextFile(text, { path: candidate.path, tracked: candidate.tracked })) {
        const severity = this.severityOf(found.ruleId);
        if (!severity) continue;
        findings.push(this.makeFinding(candidate.path, text, lineIndex, { ruleId: found.ruleId, severity, message: found.message, kind: found.kind }, found.range, found.fingerprintValue));
      }
      return { outcome: { status: 'checked', findings, parsed: false, mayUseSecret: false, mayReadSecretEnv: false } };
    }
    const passes = !this.prefilter || this.prefilter(text, candidate.path);
    // After the gates, whose search of the text it reuses.
    const mayUseSecret = mayUseSecretName(text, candidate.path) || this.sinkModules.some((module) => text.includes(module));
    const readsSecretEnv = mayReadSecretEnv(text, candidate.path);
    const specifiers = importSpecifiers(text);
    const pending: PendingParse = { text, mayUseSecret, mayReadSecretEnv: readsSecretEnv, specifiers };
    if (passes) return { pending };
    // No rule can report anything here, so the file is not parsed at all. A syntax error in it goes
    // unreported: it would hide no finding (the compiler and the project's own lint report those).
    return { outcome: { status: 'checked', findings: [], parsed: false, mayUseSecret, mayReadSecretEnv: readsSecretEnv, specifiers } };
  }

  check(candidate: CandidateFile, readFile?: ReadFile): FileOutcome {
    const first = this.precheck(candidate, readFile);
    return 'outcome' in first ? first.outcome : this.parse(candidate, first.pending);
  }

  /** The parse of a file the prefilter let through: the plugin's rules and the facts, in one traversal. */
  parse(candidate: CandidateFile, { text, mayUseSecret, mayReadSecretEnv: readsSecretEnv, specifiers }: PendingParse): FileOutcome {
    const lineIndex = new LineIndex(text);
    const findings: LocatedFinding[] = [];
    let result: ReturnType<FileLinter['lint']>;
    try {
      result = this.linter.lint(candidate.path, text);
    } catch (error) {
      // A rule that throws (ESLint rethrows it out of `verify`) costs this file, not the run.
      return { status: 'error', read: true, message: describeInternalError(error) };
    }
    if (result.parseError) {
      const { line, column, message } = result.parseError;
      const reason = message.replace(/^Parsing error: /u, '');
      // A parser that gives up without a position (a stack overflow on code nested thousands deep) is not a syntax error.
      return { status: 'error', read: true, message: line === undefined ? `cannot be parsed: ${reason}` : `syntax error at ${line}:${column}: ${reason}` };
    }
    for (const message of result.messages) {
      const ruleId = message.ruleId === null ? 'unused-disable-directive' : message.ruleId.slice(NAMESPACE.length + 1);
      const startOffset = lineIndex.offset(message.line, message.column);
      const endOffset = message.endLine === undefined ? startOffset : lineIndex.offset(message.endLine, message.endColumn ?? message.column);
      findings.push(
        this.makeFinding(
          candidate.path,
          text,
          lineIndex,
          { ruleId, severity: message.severity === 2 ? 'error' : 'warn', message: message.message, kind: message.ruleId === null ? 'disable-directive' : kindFor(ruleId, message.messageId, message.message) },
          [startOffset, endOffset],
        ),
      );
    }
    return { status: 'checked', findings, ...(result.facts ? { facts: result.facts } : {}), parsed: true, mayUseSecret, mayReadSecretEnv: readsSecretEnv, specifiers };
  }
}
