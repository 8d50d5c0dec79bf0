/**
 * The CI and pre-commit gates around one scan: `--staged`, `--diff REF`, `--shard i/n`,
 * `--baseline FILE`, `--update-baseline` and `--fail-on-stale`. The scan command stays thin: it
 * asks `planGatedScan` which files to scan and where their content comes from, runs the scanner,
 * and passes the result through `applyGates` before a reporter prints it.
 *
 * Order matters: the baseline is compared on every finding of the scanned files (so an entry is
 * stale only if its finding is really gone), and only then are findings narrowed to added lines.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { categorize, createIgnoreMatcher, listFiles } from '../scanner/files.js';
import type { Finding, ScanResult } from '../scanner/types.js';
import { BaselineError, type BaselineEntry, compareWithBaseline, describeStaleEntry, readBaseline, updateBaseline, writeBaseline } from './baseline.js';
import { type AddedLines, addedLinesSince, GitError, gitPrefix, onAddedLines, readIndexFiles, stagedAddedLines, stagedChanges } from './git.js';
import { parseShard, selectShard } from './shard.js';

/** `node:util` `parseArgs` option definitions, spread into the scan command's own. */
export { GATE_OPTIONS } from './scan-flags.js';

export const GATE_USAGE = `Gates (CI and pre-commit):
  --staged                Scan what is staged for commit (the index), only the staged files, and
                          report only lines the commit adds; a commit that deletes a secret passes
  --diff REF              Report only findings on lines added since the merge base with REF
  --shard i/n             Scan the i-th of n deterministic slices of the files (parallel CI jobs)
  --baseline FILE         Report only findings not listed in FILE; list entries that no longer match
  --update-baseline       Write the current findings to the --baseline FILE and exit 0
  --fail-on-stale         Exit 1 when the baseline has entries that no longer match
`;

export interface GateFlags {
  readonly baseline?: string;
  readonly 'update-baseline'?: boolean;
  readonly 'fail-on-stale'?: boolean;
  readonly staged?: boolean;
  readonly diff?: string;
  readonly shard?: string;
}

export class GateUsageError extends Error {
  override name = 'GateUsageError';
}

export interface GatePlan {
  /** Absolute paths to scan; undefined means the scan's usual file list. */
  readonly files?: string[];
  /** Content provider for the scan: the index for staged files, the disk for the rest. */
  readonly readFile?: (absolutePath: string) => string | Buffer;
  /**
   * Relative paths the scan reports on, when it reports on only some files: findings elsewhere are
   * dropped, and stale entries and baseline updates concern only these files.
   */
  readonly scope?: ReadonlySet<string>;
  /** Relative paths scanned only as context for cross-file checks; their errors are not reported. */
  readonly contextOnly?: ReadonlySet<string>;
  /** Lines findings must touch to be reported (`--staged`, `--diff`). */
  readonly addedLines?: AddedLines;
  /** One line about what is being scanned, for stderr. */
  readonly note?: string;
  /** What the scan leaves out that the user may not expect, for stderr even with `--quiet`. */
  readonly warning?: string;
}

export interface PlanContext {
  readonly cwd: string;
  /** Whether the scanner reads a file at this relative path at all (code, config, credential file). */
  readonly isCandidate: (relativePath: string) => boolean;
  /** The scan's usual file list, absolute; needed for `--shard`. */
  readonly listFiles: () => string[] | Promise<string[]>;
}

function toRelative(cwd: string, absolutePath: string): string {
  return relative(cwd, absolutePath).split(sep).join('/');
}

/** Checks flag combinations; returns the problem, or undefined when they make sense. */
export function checkGateFlags(flags: GateFlags): string | undefined {
  if (flags.staged && flags.diff !== undefined) return '--staged and --diff cannot be combined: --staged already compares the index with HEAD';
  if (flags['update-baseline'] && flags.baseline === undefined) return '--update-baseline needs --baseline FILE';
  if (flags['fail-on-stale'] && flags.baseline === undefined) return '--fail-on-stale needs --baseline FILE';
  if (flags.shard !== undefined && flags.staged) return '--shard is for CI jobs; a pre-commit scan (--staged) is already small';
  return undefined;
}

const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const MODULE_SPECIFIER = /\b(?:from|import|require)\s*\(?\s*['"]([^'"\n]+)['"]/gu;
/** Enough context for a pre-commit scan; beyond it the scan stays on the files found so far. */
const MAX_IMPORTERS = 2000;
const SOURCE_EXTENSION = /\.(?:d\.)?[cm]?[jt]sx?$/u;

/** `src/settings.ts` → `settings`; `src/erp/index.ts` → `erp`, as `./erp` imports it. */
function moduleName(path: string): string {
  const segments = path.replaceAll('\\', '/').split('/');
  const base = (segments.at(-1) ?? '').replace(SOURCE_EXTENSION, '');
  return base === 'index' && segments.length > 1 ? (segments.at(-2) ?? base) : base;
}

/** Extension-less, lower-case (case-insensitive file systems), `/`-separated form of a path. */
function idOf(path: string): string {
  return path.replaceAll('\\', '/').replace(/\/+$/u, '').replace(SOURCE_EXTENSION, '').toLowerCase();
}

/** The ids (see `idOf`) a relative import can name `path` by: `src/erp/index.ts` as `src/erp/index` and `src/erp`. */
function moduleIds(path: string): string[] {
  const id = idOf(path);
  return id.endsWith('/index') ? [id, id.slice(0, -'/index'.length)] : [id];
}

/** `/r/src/a.ts` importing `../lib/erp.js` → `/r/lib/erp.js`; undefined for a bare or aliased specifier (`@acme/config`, `~/config`). */
function resolveRelative(specifier: string, importer: string): string | undefined {
  if (specifier !== '.' && specifier !== '..' && !specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  return posix.join(posix.dirname(importer.replaceAll('\\', '/')), specifier);
}

/** The last segment of a specifier as a module name: `../config/index.js` → `index`, `@acme/config` → `config`. */
function specifierName(specifier: string): string {
  return specifier.split('/').at(-1)?.replace(/\.[cm]?[jt]sx?$/u, '') ?? '';
}

/**
 * The real path of `path`'s directory joined with its base name; undefined when the directory does
 * not exist. `realDirs` caches the directories' real paths (many importers share a directory).
 */
function realParent(path: string, realDirs: Map<string, string | undefined>): string | undefined {
  const dir = dirname(path);
  if (!realDirs.has(dir)) {
    let real: string | undefined;
    try {
      real = realpathSync(dir);
    } catch {
      // A directory that does not exist: nothing can be imported from it.
    }
    realDirs.set(dir, real);
  }
  const real = realDirs.get(dir);
  return real === undefined ? undefined : join(real, basename(path));
}

/** A module that passes other modules' exports on (`export * from`, `export { x } from`, `module.exports = require(…)`). */
const RE_EXPORT = /\bexport\s*(?:\*|\{[^}]*\}|\*\s+as\s+\w+)\s*from\b|\bmodule\.exports\s*=\s*(?:\{[^}]*)?require\(/u;
/** Words of the places a credential is used: a file without any cannot be where a secret is used. */
const CREDENTIAL_USE = /secret|passw|token|api[-_]?key|credential|authori[sz]ation|private[-_]?key|client[-_]?id|bearer|auth/iu;
/**
 * Compiler options under which a relative import may resolve outside the directory it names:
 * `rootDirs` merges directories, `moduleSuffixes` turns `./config` into `./config.ios.ts`.
 */
const REMAPS_RELATIVE_IMPORTS = /"(?:rootDirs|moduleSuffixes)"/u;
/** Compiler options under which a bare specifier may resolve to any project file (`paths`, `baseUrl`). */
const REMAPS_BARE_IMPORTS = /"(?:paths|baseUrl)"/u;
const TSCONFIG = /(?:^|[\\/])[jt]sconfig[^\\/]*\.json$/iu;

/** A tsconfig `paths` entry (pattern with at most one `*`) with its substitutions made absolute. */
export interface PathMapping {
  readonly pattern: string;
  readonly substitutions: readonly string[];
}

export interface ImportersOptions {
  /**
   * Relative imports may resolve elsewhere than the path they spell (a tsconfig sets `rootDirs` or
   * `moduleSuffixes`): match them by their last segment, as `looseBareImports` does.
   */
  readonly looseRelativeImports?: boolean;
  /**
   * Bare specifiers may resolve to any project file (a tsconfig sets `paths` or `baseUrl` in a way
   * `pathMappings` and `baseUrls` do not capture): match them by their last segment alone.
   */
  readonly looseBareImports?: boolean;
  /** The `paths` of every tsconfig: a bare specifier one of them maps names the files it maps to. */
  readonly pathMappings?: readonly PathMapping[];
  /** The `baseUrl` of every tsconfig, absolute: a bare specifier may name a file below one. */
  readonly baseUrls?: readonly string[];
}

/** tsconfig files are JSON with comments and trailing commas. */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"') {
      const end = /^"(?:[^"\\\n]|\\.)*"/u.exec(text.slice(index))?.[0] ?? char;
      out += end;
      index += end.length - 1;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += char;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/gu, '$1')) as unknown;
}

/**
 * How the project's configs may map imports (see `ImportersOptions`): read from every tsconfig or
 * jsconfig among `files`, and in `cwd` and the directories above it. A config that only a
 * package's `extends` brings in is not read.
 */
export function importRemaps(cwd: string, files: readonly string[], read: (absolutePath: string) => string): ImportersOptions {
  const configs = new Set(files.filter((file) => TSCONFIG.test(file)));
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) configs.add(join(dir, name));
    if (dirname(dir) === dir) break;
  }
  let looseRelativeImports = false;
  let looseBareImports = false;
  const pathMappings: PathMapping[] = [];
  const baseUrls: string[] = [];
  for (const config of configs) {
    let text = '';
    try {
      text = read(config);
    } catch {
      continue;
    }
    if (REMAPS_RELATIVE_IMPORTS.test(text)) looseRelativeImports = true;
    if (!REMAPS_BARE_IMPORTS.test(text)) continue;
    try {
      const options = (parseJsonc(text) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | null)?.compilerOptions ?? {};
      const { baseUrl, paths } = options;
      if (baseUrl !== undefined && typeof baseUrl !== 'string') throw new TypeError('baseUrl');
      const base = resolve(dirname(config), baseUrl ?? '.');
      if (baseUrl !== undefined) baseUrls.push(base);
      if (paths !== undefined) {
        if (typeof paths !== 'object' || paths === null) throw new TypeError('paths');
        for (const [pattern, substitutions] of Object.entries(paths as Record<string, unknown>)) {
          if (!Array.isArray(substitutions) || substitutions.some((substitution) => typeof substitution !== 'string')) throw new TypeError('paths');
          pathMappings.push({ pattern, substitutions: (substitutions as string[]).map((substitution) => resolve(base, substitution)) });
        }
      }
    } catch {
      // A config this cannot read (or `paths` spelt some other way): match bare imports loosely.
      looseBareImports = true;
    }
  }
  return { looseRelativeImports, looseBareImports, pathMappings, baseUrls };
}

/** The files `paths` maps `specifier` to (`*` filled in), as module resolution tries them. */
function mappedPaths(specifier: string, mappings: readonly PathMapping[]): string[] {
  const mapped: string[] = [];
  for (const { pattern, substitutions } of mappings) {
    const star = pattern.indexOf('*');
    let capture: string | undefined;
    if (star < 0) capture = pattern === specifier ? '' : undefined;
    else {
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) capture = specifier.slice(prefix.length, specifier.length - suffix.length);
    }
    if (capture === undefined) continue;
    for (const substitution of substitutions) mapped.push(substitution.replace('*', capture));
  }
  return mapped;
}

/** `@acme/config/env` → `@acme/config`, `lodash/fp` → `lodash`; undefined for `#internal` and `node:` specifiers. */
function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('#') || specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? (parts.length >= 2 ? parts.slice(0, 2).join('/') : undefined) : parts[0];
}

/**
 * Where a bare specifier's package can be, seen from `fromDir`: every `node_modules/<name>` on the
 * way up (their real paths: workspaces link their packages there) and every directory on the way
 * up whose `package.json` has that name (a self-reference). Module resolution picks one of them, so
 * what it resolves to lies inside one, unless a manifest points outside its directory
 * (`"main": "../x.js"`): then `'anywhere'`.
 */
class PackageLocator {
  private readonly cache = new Map<string, readonly string[] | 'anywhere'>();
  private readonly names = new Map<string, string | undefined>();

  locate(name: string, fromDir: string): readonly string[] | 'anywhere' {
    const key = `${fromDir}\0${name}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found: string[] = [];
    let anywhere = false;
    for (let dir = fromDir; ; dir = dirname(dir)) {
      for (const candidate of [join(dir, 'node_modules', name), ...(this.manifestName(dir) === name ? [dir] : [])]) {
        if (!existsSync(candidate)) continue;
        try {
          const real = realpathSync(candidate);
          found.push(real);
          const manifest = readFileSync(join(real, 'package.json'), 'utf8');
          if (manifest.includes('"../') || manifest.includes('"..\\\\')) anywhere = true;
        } catch {
          // No manifest: resolution looks for index files inside the directory.
        }
      }
      if (dirname(dir) === dir) break;
    }
    const result = anywhere ? 'anywhere' : found;
    this.cache.set(key, result);
    return result;
  }

  private manifestName(dir: string): string | undefined {
    if (!this.names.has(dir)) {
      let name: string | undefined;
      try {
        const parsed: unknown = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        const value = (parsed as { name?: unknown } | null)?.name;
        if (typeof value === 'string') name = value;
      } catch {
        // No manifest, or not JSON: not a package of that name.
      }
      this.names.set(dir, name);
    }
    return this.names.get(dir);
  }
}

/**
 * The files a partial scan needs for cross-file checks on `targets`: the scanner's cross-file pass
 * starts from the file that uses a value (passes it as `clientSecret`…) and follows its imports to
 * the literal, so a target defining a secret needs the files that import it. Taken: importers that
 * mention a credential use, and re-exporting modules (barrels), followed to their own importers.
 * A relative import (`./config`) counts when it names a target's path; a bare or aliased one
 * (`@acme/config`, `~/config`), whose resolution depends on the project's settings, when its last
 * segment is a target's module name: over-inclusive on purpose (two `config.ts` in different
 * packages both count), since an extra file costs time and a missing one loses a finding.
 */
export function importersOf(targets: readonly string[], candidates: readonly string[], read: (absolutePath: string) => string, options: ImportersOptions = {}): string[] {
  const wantedNames = new Set(targets.map(moduleName));
  const wantedIds = new Set<string>();
  const wantedPaths: string[] = [];
  const realDirs = new Map<string, string | undefined>();
  const want = (file: string): void => {
    for (const id of moduleIds(file)) wantedIds.add(id);
    wantedPaths.push(file);
    const real = realParent(file, realDirs);
    if (real !== undefined) {
      for (const id of moduleIds(real)) wantedIds.add(id);
      wantedPaths.push(real);
    }
  };
  const packages = new PackageLocator();
  targets.forEach(want);
  const included = new Set(targets);
  const parsed = new Map<string, { specifiers: string[]; reExports: boolean; usesCredentials: boolean }>();
  const imports = (file: string, specifier: string): boolean => {
    const resolved = resolveRelative(specifier, file);
    if (resolved === undefined || options.looseRelativeImports) {
      if (!wantedNames.has(specifierName(specifier))) return false;
      if (resolved !== undefined || options.looseBareImports) return true;
      // `paths` and `baseUrl` name files: a specifier they map to a target imports it. (Only among
      // specifiers with the target's name: `@acme/pos` mapped to a barrel re-exporting the target
      // is left out, as a barrel imported by its folder's name always was.)
      const mapped = [...mappedPaths(specifier, options.pathMappings ?? []), ...(options.baseUrls ?? []).map((base) => join(base, specifier))];
      if (mapped.some((path) => wantedIds.has(idOf(path)) || wantedIds.has(path.replaceAll('\\', '/').toLowerCase()))) return true;
      // Otherwise (or when the mapped files do not exist) a bare specifier resolves inside the
      // package it names: `@acme/config` cannot be another package's `src/config.ts`.
      const name = packageNameOf(specifier);
      if (name === undefined) return true;
      const locations = packages.locate(name, dirname(file));
      return locations === 'anywhere' || locations.some((location) => wantedPaths.some((path) => path.startsWith(location + sep)));
    }
    // A relative import names a path. `./erp.js` may also be a directory `erp.js/`, hence both ids.
    if (wantedIds.has(idOf(resolved)) || wantedIds.has(resolved.toLowerCase())) return true;
    // Through a symbolic link it names the link's target, which the scanner's resolver follows.
    if (!wantedNames.has(specifierName(specifier))) return false;
    const real = realParent(resolved, realDirs);
    return real !== undefined && (wantedIds.has(idOf(real)) || wantedIds.has(real.replaceAll('\\', '/').toLowerCase()));
  };
  const found: string[] = [];
  let grew = true;
  while (grew && found.length < MAX_IMPORTERS) {
    grew = false;
    for (const file of candidates) {
      if (included.has(file) || !CODE_FILE.test(file)) continue;
      let facts = parsed.get(file);
      if (!facts) {
        let text = '';
        try {
          text = read(file);
        } catch {
          // Unreadable: the scan itself reports it if it matters.
        }
        const specifiers = [...text.matchAll(MODULE_SPECIFIER)].map((match) => match[1] ?? '');
        facts = { specifiers, reExports: RE_EXPORT.test(text), usesCredentials: CREDENTIAL_USE.test(text) };
        parsed.set(file, facts);
      }
      if (!facts.reExports && !facts.usesCredentials) continue;
      if (!facts.specifiers.some((specifier) => imports(file, specifier))) continue;
      included.add(file);
      found.push(file);
      if (facts.reExports) {
        wantedNames.add(moduleName(file));
        want(file);
        grew = true;
      }
      if (found.length >= MAX_IMPORTERS) break;
    }
  }
  return found;
}

export async function planGatedScan(flags: GateFlags, context: PlanContext): Promise<GatePlan> {
  const problem = checkGateFlags(flags);
  if (problem) throw new GateUsageError(problem);
  const { cwd } = context;

  if (flags.staged) {
    // One `rev-parse` for the prefix; the added lines are read while the staged files are.
    const git = { cwd, prefix: await gitPrefix({ cwd }) };
    const addedLines = stagedAddedLines(git);
    addedLines.catch(() => {
      // Awaited below; a failure is reported there, not as an unhandled rejection.
    });
    const outside: string[] = [];
    const changes = (await stagedChanges(git, outside)).filter((change) => change.status !== 'deleted' && context.isCandidate(change.path));
    const paths = changes.map((change) => change.path);
    const content = await readIndexFiles(paths, git);
    // Bytes, not text: the scanner sniffs binary files and checks the encoding itself.
    const byAbsolute = new Map([...content].map(([path, buffer]) => [resolve(cwd, path), buffer]));
    // Other files are read from disk, so cross-file checks still see the whole project.
    const readFile = (absolutePath: string): Buffer => byAbsolute.get(resolve(cwd, absolutePath)) ?? readFileSync(absolutePath);
    const staged = [...byAbsolute.keys()];
    let importers: string[] = [];
    if (staged.length > 0) {
      const candidates = await context.listFiles();
      const readText = (path: string): string => readFile(path).toString('utf8');
      importers = importersOf(staged, candidates, readText, importRemaps(cwd, candidates, readText));
    }
    return {
      files: [...staged, ...importers],
      readFile,
      scope: new Set(paths),
      contextOnly: new Set(importers.map((file) => toRelative(cwd, file))),
      addedLines: await addedLines,
      note: `scanning ${paths.length} staged file${paths.length === 1 ? '' : 's'} (index content)${importers.length > 0 ? `, with ${importers.length} importing file${importers.length === 1 ? '' : 's'} for cross-file checks` : ''}`,
      // A hook that runs in a package folder of a monorepo would otherwise pass a commit whose
      // secret sits elsewhere without a word.
      ...(outside.length > 0
        ? { warning: `${outside.length} staged file${outside.length === 1 ? ' is' : 's are'} outside ${git.prefix.replace(/\/$/u, '')} and not checked (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}); run the scan from the repository's top folder to check the whole commit` }
        : {}),
    };
  }

  let shardFiles: string[] | undefined;
  let importers: string[] = [];
  let note: string | undefined;
  if (flags.shard !== undefined) {
    let shard;
    try {
      shard = parseShard(flags.shard);
    } catch (error) {
      throw new GateUsageError((error as Error).message);
    }
    const all = await context.listFiles();
    // Hash the cwd-relative path, so every runner gets the same split whatever its checkout path.
    const byRelative = new Map(all.map((file) => [toRelative(cwd, isAbsolute(file) ? file : resolve(cwd, file)), resolve(cwd, file)]));
    const selected = selectShard([...byRelative.keys()], shard);
    shardFiles = selected.map((path) => byRelative.get(path) ?? resolve(cwd, path));
    // A file defining a secret is reported from the file that uses it: bring the importers along.
    const candidates = [...byRelative.values()];
    const readText = (path: string): string => readFileSync(path, 'utf8');
    importers = shardFiles.length === 0 ? [] : importersOf(shardFiles, candidates, readText, importRemaps(cwd, candidates, readText));
    note = `shard ${shard.index}/${shard.count}: ${selected.length} of ${all.length} files${importers.length > 0 ? `, with ${importers.length} importing file${importers.length === 1 ? '' : 's'} for cross-file checks` : ''}`;
  }
  let addedLines: AddedLines | undefined;
  if (flags.diff !== undefined) {
    addedLines = await addedLinesSince(flags.diff, { cwd });
    note = [note, `reporting lines added since ${flags.diff.slice(0, 80)} (${addedLines.size} changed files)`].filter(Boolean).join('; ');
  }
  return {
    ...(shardFiles
      ? {
          files: [...shardFiles, ...importers],
          scope: new Set(shardFiles.map((file) => toRelative(cwd, file))),
          contextOnly: new Set(importers.map((file) => toRelative(cwd, file))),
        }
      : {}),
    ...(addedLines ? { addedLines } : {}),
    ...(note ? { note } : {}),
  };
}

export interface GateOutcome {
  readonly result: ScanResult;
  readonly suppressed: readonly Finding[];
  readonly stale: readonly BaselineEntry[];
  /** Lines for stderr: stale entries, the baseline written. */
  readonly notes: readonly string[];
  /** The baseline was rewritten: the run succeeds whatever it found. */
  readonly baselineUpdated: boolean;
  /** `--fail-on-stale` and stale entries: the run fails even with no finding. */
  readonly failOnStale: boolean;
}

export async function applyGates(result: ScanResult, plan: GatePlan, flags: GateFlags, { cwd }: { cwd: string }): Promise<GateOutcome> {
  const notes: string[] = [];
  const { scope, contextOnly } = plan;
  let findings = scope ? result.findings.filter((finding) => scope.has(finding.file)) : result.findings;
  const errors = contextOnly ? result.errors.filter((error) => !contextOnly.has(error.file)) : result.errors;
  let suppressed: readonly Finding[] = [];
  let stale: readonly BaselineEntry[] = [];
  let baselineUpdated = false;
  if (flags.baseline !== undefined) {
    const path = resolve(cwd, flags.baseline);
    const baseline = await readBaseline(path);
    if (flags['update-baseline']) {
      const updated = updateBaseline(baseline, findings, plan.scope);
      await writeBaseline(path, updated);
      notes.push(`credential-hygiene: wrote ${updated.entries.length} baseline entr${updated.entries.length === 1 ? 'y' : 'ies'} to ${flags.baseline}`);
      baselineUpdated = true;
      suppressed = findings;
      findings = [];
    } else if (baseline) {
      const comparison = compareWithBaseline(findings, baseline, plan.scope);
      findings = comparison.findings;
      suppressed = comparison.suppressed;
      stale = comparison.stale;
      for (const entry of stale) notes.push(`credential-hygiene: stale ${describeStaleEntry(entry)}`);
      if (stale.length > 0) notes.push(`credential-hygiene: ${stale.length} stale baseline entr${stale.length === 1 ? 'y' : 'ies'}; run with --update-baseline to drop ${stale.length === 1 ? 'it' : 'them'}`);
      // Said once, so a quiet gate does not hide that known findings are still there.
      if (suppressed.length > 0) notes.push(`credential-hygiene: ${suppressed.length} known finding${suppressed.length === 1 ? '' : 's'} in ${flags.baseline} not shown`);
    } else {
      throw new GateUsageError(`--baseline ${flags.baseline}: no such file (create it with --update-baseline)`);
    }
  }
  if (plan.addedLines) findings = onAddedLines(findings, plan.addedLines);
  return {
    result: { ...result, findings, errors },
    suppressed,
    stale,
    notes,
    baselineUpdated,
    failOnStale: flags['fail-on-stale'] === true && stale.length > 0,
  };
}

/** Errors a gate raises for the user to fix (bad flags, no git, no merge base, bad baseline): exit code 2. */
export function isGateError(error: unknown): error is Error {
  return error instanceof GateUsageError || error instanceof GitError || error instanceof BaselineError;
}

/** What `run()` needs from a plan: the file list and the content provider, when the gate sets them. */
export function planRunOptions(plan: GatePlan): { files?: string[]; readFile?: (absolutePath: string) => string | Buffer } {
  return { ...(plan.files ? { files: plan.files } : {}), ...(plan.readFile ? { readFile: plan.readFile } : {}) };
}

export interface GatedRun<R extends ScanResult> extends Omit<GateOutcome, 'result'> {
  readonly result: R;
  readonly plan: GatePlan;
}

/**
 * Plans, scans and applies the gates in one call, for the scan command. `scan` receives the plan
 * (spread `planRunOptions(plan)` into `run()`'s options); it is not called when the plan has no file
 * to scan (nothing staged), so an empty commit costs no scanner start-up.
 */
export async function runGated<R extends ScanResult>(flags: GateFlags, context: PlanContext, scan: (plan: GatePlan) => Promise<R>): Promise<GatedRun<R>> {
  const plan = await planGatedScan(flags, context);
  const scanned = plan.files?.length === 0 ? ({ findings: [], errors: [], stats: { files: 0, skipped: {}, durationMs: 0 } } as ScanResult as R) : await scan(plan);
  const outcome = await applyGates(scanned, plan, flags, { cwd: context.cwd });
  return { ...outcome, plan, result: { ...scanned, findings: outcome.result.findings, errors: outcome.result.errors } };
}

/**
 * The plan context over the scanner's own file rules: a staged file is scanned only if the scanner
 * would read it (code, config or credential file, not ignored); `--shard` splits the usual listing.
 */
export function scannerGateContext(cwd: string, paths: readonly string[], ignorePatterns: readonly string[]): PlanContext {
  const isIgnored = createIgnoreMatcher(cwd, ignorePatterns);
  return {
    cwd,
    isCandidate: (path) => {
      const absolutePath = resolve(cwd, path);
      return categorize(absolutePath) !== undefined && !isIgnored(absolutePath);
    },
    listFiles: () => listFiles({ cwd, paths: paths.length > 0 ? paths : ['.'], ignore: ignorePatterns }).files.map((file) => file.path),
  };
}
