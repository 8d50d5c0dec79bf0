/**
 * The baseline: a reviewed list of findings a repository already has, so that a gate can be
 * switched on today and fail only on new ones. Entries are the findings' fingerprints (rule id +
 * path + a salted hash of the normalised value, computed by the scanner), never the value and never
 * a line number: an entry survives unrelated edits and lines moving, and swapping a different
 * secret into a baselined line produces a new fingerprint, so it is reported (unlike positional
 * fingerprints, which hide it).
 *
 * The file is JSON sorted by path, rule and fingerprint with one entry per line, so that
 * `--update-baseline` rewrites only what changed and the diff reviews well.
 */
import { readFile } from 'node:fs/promises';
import type { Finding } from '../scanner/types.js';
import { describeJsonError } from '../util/json-errors.js';
import { writeOutputFile } from './write-output.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Path relative to the scan's cwd, with `/` separators. */
  readonly file: string;
  readonly ruleId: string;
  /** What was found (`client-secret`, `password-grant`…), to help the reviewer; never the value. */
  readonly kind: string;
  readonly fingerprint: string;
}

export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineComparison {
  /** Findings the baseline does not cover: the ones that fail the gate. */
  readonly findings: readonly Finding[];
  /** Findings covered by a baseline entry. */
  readonly suppressed: readonly Finding[];
  /** Entries for scanned files that matched no finding: fixed, or the value changed. */
  readonly stale: readonly BaselineEntry[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint) || compareStrings(a.kind, b.kind);
}

/** Plain code-unit order, independent of the machine's locale, so every machine writes the same file. */
function compareStrings(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export function baselineEntryFor(finding: Finding): BaselineEntry {
  return { file: finding.file, ruleId: finding.ruleId, kind: finding.kind, fingerprint: finding.fingerprint };
}

/** Builds a baseline from findings; a value found twice in one file gives two equal entries. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  return { version: BASELINE_VERSION, entries: findings.map(baselineEntryFor).sort(compareEntries) };
}

/**
 * The baseline after a scan of only some files (`--staged`, `--diff`, `--shard`): entries for files
 * outside `scannedFiles` are kept as they were, entries for scanned files are replaced by `findings`.
 */
export function updateBaseline(previous: Baseline | undefined, findings: readonly Finding[], scannedFiles?: ReadonlySet<string>): Baseline {
  const kept = previous && scannedFiles ? previous.entries.filter((entry) => !scannedFiles.has(entry.file)) : [];
  return { version: BASELINE_VERSION, entries: [...kept, ...findings.map(baselineEntryFor)].sort(compareEntries) };
}

/** One entry per line, keys in a fixed order, a trailing newline: stable bytes for stable diffs. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = [...baseline.entries].sort(compareEntries).map(
    (entry) =>
      `    ${JSON.stringify({ file: entry.file, ruleId: entry.ruleId, kind: entry.kind, fingerprint: entry.fingerprint })}`,
  );
  const body = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "entries": ${body}\n}\n`;
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.file === 'string' && typeof entry.ruleId === 'string' && typeof entry.fingerprint === 'string' && (entry.kind === undefined || typeof entry.kind === 'string');
}

/** Parses a baseline file's text; `source` names it in errors. */
export function parseBaseline(text: string, source: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${source}: not valid JSON (${describeJsonError(error, text)})`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new BaselineError(`${source}: expected an object with "version" and "entries"`);
  const { version, entries } = parsed as { version?: unknown; entries?: unknown };
  if (version !== BASELINE_VERSION) throw new BaselineError(`${source}: unsupported baseline version ${JSON.stringify(version)} (expected ${BASELINE_VERSION})`);
  if (!Array.isArray(entries)) throw new BaselineError(`${source}: "entries" must be an array`);
  const checked: BaselineEntry[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isEntry(entry)) throw new BaselineError(`${source}: entry ${index} needs string "file", "ruleId" and "fingerprint"`);
    checked.push({ file: entry.file, ruleId: entry.ruleId, kind: entry.kind ?? '', fingerprint: entry.fingerprint });
  });
  return { version: BASELINE_VERSION, entries: checked };
}

/** Reads a baseline file; a missing file is `undefined` (so `--update-baseline` can create it). */
export async function readBaseline(path: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`${path}: cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseBaseline(text, path);
}

export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  // Atomic (temp file + rename): an interrupted update never leaves a half-written baseline.
  writeOutputFile(path, serializeBaseline(baseline));
}

/**
 * Splits findings into new and baselined ones, and lists the entries that matched nothing. Matching
 * counts: two baselined copies of a value cover two findings, a third copy is new. Entries for files
 * outside `scannedFiles` (when given) are not called stale, because a partial scan could not see them.
 */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline, scannedFiles?: ReadonlySet<string>): BaselineComparison {
  const available = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const key = `${entry.ruleId}\u0000${entry.fingerprint}`;
    const list = available.get(key);
    if (list) list.push(entry);
    else available.set(key, [entry]);
  }
  const fresh: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const list = available.get(`${finding.ruleId}\u0000${finding.fingerprint}`);
    if (list && list.length > 0) {
      list.pop();
      suppressed.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  const stale = [...available.values()]
    .flat()
    .filter((entry) => !scannedFiles || scannedFiles.has(entry.file))
    .sort(compareEntries);
  return { findings: fresh, suppressed, stale };
}

/** One line per stale entry for the text output; carries no value, only where and what. */
export function describeStaleEntry(entry: BaselineEntry): string {
  return `${entry.file}: baseline entry ${entry.fingerprint} (${entry.ruleId}${entry.kind ? `, ${entry.kind}` : ''}) no longer matches a finding`;
}
