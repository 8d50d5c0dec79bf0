/**
 * What only a whole-program view sees, built on the per-file facts and TypeScript's own module
 * resolution (`ts.resolveModuleName` with each file's tsconfig options, so `paths`, `baseUrl`,
 * `.js` → `.ts` and project references resolve as tsc resolves them):
 *
 * - cross-file flow: a literal exported from one module (directly, inside an exported object,
 *   through re-exports, `export default`, `as const`) that another module uses under a secret
 *   name or passes to a sink; reported at the literal, with the hops to the sink;
 * - client-bundle reachability: a module that reads a server secret from the environment and is
 *   imported, directly or transitively, by client-side code; reported with the import chain.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
// Loaded with `require`: importing TypeScript's 9 MB CommonJS bundle from an ES module makes Node
// scan it for named exports first (about 0.3 s of start-up).
import ts = require('typescript');
import { classifyModuleSide, isServerPath, type ModuleSide } from '../catalogue/client-side.js';
import { classifySecretName, classifySecretValue, isHarmlessValueKind, isTestFile, type CredentialKind, type SecretValueClassification } from '../detectors/index.js';
import type { TraceHop } from './types.js';
import type { EnvReadFact, ExportedStringFact, FileFacts, SlotUseFact } from './facts.js';

export interface ModuleGraphHost {
  /** Facts of a scanned code file (absolute path), collected lazily; undefined when not scanned or unparsable. */
  getFacts(path: string): FileFacts | undefined;
  /** Compiler options of the tsconfig that covers `path`. */
  getCompilerOptions(path: string): ts.CompilerOptions;
  /** Path relative to the scan's cwd, with `/`. */
  relative(path: string): string;
}

/** Fallback when a file's own options do not resolve an import: bundler-style, extensionless imports. */
const LENIENT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};

/**
 * A relative name TypeScript resolves from the joined path alone: `./` or `../` then segments, with
 * no trailing `/`, `.` or `..` (those ask for a directory), no empty segment and no back-slash.
 */
const SIMPLE_RELATIVE = /^\.\.?\/(?:[^/\\]+\/)*(?!\.\.?$)[^/\\]+$/u;

/** Module resolutions that try the same names as `LENIENT_OPTIONS`, in the same order, for a plain relative name. */
const SAME_NAMES_AS_LENIENT: ReadonlySet<ts.ModuleResolutionKind | undefined> = new Set([ts.ModuleResolutionKind.Node16, ts.ModuleResolutionKind.NodeNext, ts.ModuleResolutionKind.Bundler]);

/** Module resolutions after which TypeScript finds a bare package name only in `node_modules` (or in the package itself). */
const PACKAGE_LOOKUP_RESOLUTIONS: ReadonlySet<ts.ModuleResolutionKind> = new Set([
  ts.ModuleResolutionKind.Node10,
  ts.ModuleResolutionKind.Node16,
  ts.ModuleResolutionKind.NodeNext,
  ts.ModuleResolutionKind.Bundler,
]);

/** The resolution TypeScript applies for a set of options (its default depends on `module`). */
function effectiveResolution(options: ts.CompilerOptions): ts.ModuleResolutionKind | undefined {
  const effective = (ts as unknown as { getEmitModuleResolutionKind?: (options: ts.CompilerOptions) => ts.ModuleResolutionKind }).getEmitModuleResolutionKind;
  return effective ? effective(options) : options.moduleResolution;
}

/**
 * The package name of a bare specifier (`pg`, `@azure/identity` of `@azure/identity/dist/x`), or
 * undefined for anything TypeScript may resolve to a path of its own: relative and absolute paths,
 * `#imports`, URLs and `node:` names (a `:`), back-slashes, and `.`/`..` segments after the name
 * (`pkg/../../src/x` leaves the package's directory).
 */
export function barePackageName(specifier: string): string | undefined {
  if (/^[./#\\]/u.test(specifier) || specifier.includes(':') || specifier.includes('\\')) return undefined;
  const segments = specifier.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  const length = specifier.startsWith('@') ? 2 : 1;
  if (segments.length < length || segments.slice(0, length).some((segment) => segment === '')) return undefined;
  return segments.slice(0, length).join('/');
}

/**
 * `ts.sys` for module resolution, with each directory read once (`readdirSync`) instead of a
 * `statSync` per candidate file name and extension, and real paths remembered. A link, an entry
 * of unknown type, a directory that cannot be listed and a case-insensitive file system are asked
 * of `ts.sys` itself, so every answer is the one `ts.sys` gives.
 */
export class ListingFileSystem implements ts.ModuleResolutionHost {
  private readonly listings = new Map<string, Map<string, Dirent> | null>();
  private readonly realpaths = new Map<string, string>();
  readonly useCaseSensitiveFileNames = ts.sys.useCaseSensitiveFileNames;

  fileExists(path: string): boolean {
    const entry = this.entryOf(path);
    if (entry === undefined || (entry !== null && entry.isSymbolicLink()) || (entry !== null && !entry.isFile() && !entry.isDirectory())) return ts.sys.fileExists(path);
    return entry !== null && entry.isFile();
  }

  directoryExists(path: string): boolean {
    const entry = this.entryOf(path);
    if (entry === undefined || (entry !== null && entry.isSymbolicLink()) || (entry !== null && !entry.isFile() && !entry.isDirectory())) return ts.sys.directoryExists(path);
    return entry !== null && entry.isDirectory();
  }

  readFile(path: string): string | undefined {
    return ts.sys.readFile(path);
  }

  realpath(path: string): string {
    let real = this.realpaths.get(path);
    if (real === undefined) {
      // A path none of whose components is a link (by the listings) is its own real path.
      real = this.linkFree(path) ? path : ts.sys.realpath ? ts.sys.realpath(path) : path;
      this.realpaths.set(path, real);
    }
    return real;
  }

  /** Directories known to have no link among their components, and those known to have one or to be unclear. */
  private readonly linkFreeDirectories = new Map<string, boolean>();

  /**
   * Whether `path` (absolute and normalised) names an entry whose every component, from the root
   * down, is listed and is not a link; false whenever the listings cannot tell.
   */
  private linkFree(path: string): boolean {
    if (!this.useCaseSensitiveFileNames || !isAbsolute(path) || normalize(path) !== path) return false;
    const entry = this.entryOf(path);
    return entry !== undefined && entry !== null && !entry.isSymbolicLink() && this.linkFreeDirectory(dirname(path));
  }

  private linkFreeDirectory(dir: string): boolean {
    const known = this.linkFreeDirectories.get(dir);
    if (known !== undefined) return known;
    let free: boolean;
    if (dirname(dir) === dir) free = true;
    else {
      const entry = this.entryOf(dir);
      free = entry !== undefined && entry !== null && entry.isDirectory() && !entry.isSymbolicLink() && this.linkFreeDirectory(dirname(dir));
    }
    this.linkFreeDirectories.set(dir, free);
    return free;
  }

  getCurrentDirectory(): string {
    return ts.sys.getCurrentDirectory();
  }

  getDirectories(path: string): string[] {
    return ts.sys.getDirectories(path);
  }

  /** The entry named by `path` in its directory's listing: null when absent, undefined when only `ts.sys` can tell. */
  private entryOf(path: string): Dirent | null | undefined {
    if (!this.useCaseSensitiveFileNames) return undefined;
    const dir = dirname(path);
    const name = path.slice(dir.length + (dir.endsWith('/') || dir.endsWith(sep) ? 0 : 1));
    if (dir === path || name === '' || name.includes('/') || name.includes(sep) || name === '.' || name === '..') return undefined;
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Map(readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry]));
      } catch {
        listing = null;
      }
      this.listings.set(dir, listing);
    }
    return listing === null ? undefined : (listing.get(name) ?? null);
  }
}

export class ModuleResolver {
  private readonly fileSystem = new ListingFileSystem();
  private readonly cache = new Map<string, string | null>();
  /** TypeScript's own resolution caches (one per option set), shared by every directory as tsc shares them. */
  private readonly tsCaches = new Map<ts.CompilerOptions, { options: ts.CompilerOptions; cache: ts.ModuleResolutionCache }>();
  private packageNames: Set<string> | undefined;

  /**
   * With `scannedFiles`, a bare package name that cannot lead to one of them is not looked up at
   * all (see `mayLeadToScanned`): only scanned files are ever used from a resolution.
   */
  constructor(
    private readonly host: ModuleGraphHost,
    private readonly scannedFiles?: Iterable<string>,
  ) {}

  /** The project file `specifier` resolves to from `fromFile`, or undefined (packages, missing files). */
  resolve(specifier: string, fromFile: string): string | undefined {
    // TypeScript resolves a relative name from the path it names (the containing directory joined
    // with the name) and the options alone, so files in different directories that import the
    // same module share one resolution: on a package tree, half as many lookups. Other names
    // depend on the importing directory (node_modules folders, package scopes).
    const options = SIMPLE_RELATIVE.test(specifier) ? this.host.getCompilerOptions(fromFile) : undefined;
    const key = options ? `${this.optionsId(options)}\0${join(dirname(fromFile), specifier)}` : `${dirname(fromFile)}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    return this.resolveUncached(key, specifier, fromFile, options ?? this.host.getCompilerOptions(fromFile), options !== undefined);
  }

  private readonly optionIds = new Map<ts.CompilerOptions, number>();

  private optionsId(options: ts.CompilerOptions): number {
    let id = this.optionIds.get(options);
    if (id === undefined) this.optionIds.set(options, (id = this.optionIds.size));
    return id;
  }

  private resolveUncached(key: string, specifier: string, fromFile: string, options: ts.CompilerOptions, simpleRelative: boolean): string | undefined {
    const first = this.mayLeadToScanned(specifier, options) ? this.resolveWith(specifier, fromFile, options) : undefined;
    // A plain relative name that ended at a file no check uses (the `.d.ts` a package ships next to
    // its JavaScript) ends there under the lenient (bundler) options too, when the file's options
    // try the same names in the same order: node16, nodenext or bundler resolution, without
    // `moduleSuffixes` (more names) or `rootDirs` (more places). node10 is not: it tries every
    // declaration, a folder's `index.d.ts` too, before any JavaScript file. On the bench tree,
    // 4,253 of 4,374 lenient lookups.
    const settled = typeof first === 'string' || (first === null && simpleRelative && SAME_NAMES_AS_LENIENT.has(effectiveResolution(options)) && options.rootDirs === undefined && options.moduleSuffixes === undefined);
    const resolved = settled ? first : this.mayLeadToScanned(specifier, LENIENT_OPTIONS) ? this.resolveWith(specifier, fromFile, LENIENT_OPTIONS) : undefined;
    this.cache.set(key, resolved ?? null);
    return resolved ?? undefined;
  }

  /**
   * Whether resolving `specifier` under `options` may end at a scanned file. A bare package name,
   * without `paths`, `baseUrl` or classic resolution, is looked up in `node_modules` folders (whose
   * files are never used: see `resolveWith`) and, under node16/nodenext/bundler, in the importing
   * package itself by its own name. It can end at a scanned file only when it names a package
   * that holds scanned files (the `name` of a `package.json` above one), or a link in a
   * `node_modules` folder above one (a workspace package linked under any name); a package
   * folder that is not itself a link is taken to hold only its own files.
   */
  private mayLeadToScanned(specifier: string, options: ts.CompilerOptions): boolean {
    if (!this.scannedFiles || options.paths !== undefined || options.baseUrl !== undefined) return true;
    const resolution = effectiveResolution(options);
    if (resolution === undefined || !PACKAGE_LOOKUP_RESOLUTIONS.has(resolution)) return true;
    const name = barePackageName(specifier);
    if (name === undefined) return true;
    this.packageNames ??= packagesHolding(this.scannedFiles);
    return this.packageNames.has(name);
  }

  /** The scanned file `specifier` resolves to; null when it resolves to a file no check uses (a declaration, a package's file). */
  private resolveWith(specifier: string, fromFile: string, given: ts.CompilerOptions): string | null | undefined {
    let entry = this.tsCaches.get(given);
    if (!entry) {
      const options = { ...given, allowJs: true };
      entry = { options, cache: ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (fileName) => (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()), options) };
      this.tsCaches.set(given, entry);
    }
    const { resolvedModule } = ts.resolveModuleName(specifier, fromFile, entry.options, this.fileSystem, entry.cache);
    if (!resolvedModule) return undefined;
    const path = this.fileSystem.realpath(resolvedModule.resolvedFileName);
    if (/\.d\.[cm]?ts$/u.test(path) || /[\\/]node_modules[\\/]/u.test(path)) return null;
    return path;
  }
}

/** Entries of a directory, or none when it cannot be read. */
function entriesOf(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Names under which a bare specifier may reach one of `files`: the `name` of every `package.json`
 * in a directory above a file (up to the root), and every link in a `node_modules` folder of
 * those directories (a scoped link as `@scope/name`, a linked file without its extension).
 */
export function packagesHolding(files: Iterable<string>): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      for (const entry of entriesOf(dir)) {
        if (entry.name === 'package.json' && !entry.isDirectory()) {
          const name = packageNameIn(join(dir, entry.name));
          if (name !== undefined) names.add(name);
        } else if (entry.name === 'node_modules' && (entry.isDirectory() || entry.isSymbolicLink())) {
          for (const name of linkedPackages(join(dir, entry.name))) names.add(name);
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  return names;
}

function packageNameIn(path: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown };
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The entries of a `node_modules` folder that are links (all of a linked `@scope` folder). */
function linkedPackages(nodeModules: string): string[] {
  const names: string[] = [];
  const add = (entry: Dirent, prefix: string): void => {
    names.push(prefix + entry.name, prefix + entry.name.replace(/\.[^.]*$/u, ''));
  };
  for (const entry of entriesOf(nodeModules)) {
    if (entry.name.startsWith('@') && (entry.isDirectory() || entry.isSymbolicLink())) {
      for (const scoped of entriesOf(join(nodeModules, entry.name))) if (entry.isSymbolicLink() || scoped.isSymbolicLink()) add(scoped, `${entry.name}/`);
    } else if (entry.isSymbolicLink()) add(entry, '');
  }
  return names;
}

/**
 * Files that may import one of `targets`, directly or transitively, on an over-approximated import
 * graph (`edgesOf`: the project files a file's specifiers resolve to, type-only imports included),
 * the targets included. A walk over the real imports that can only end at a target never leaves it.
 */
export function importersOf(targets: Iterable<string>, files: Iterable<string>, edgesOf: (file: string) => readonly string[]): Set<string> {
  const importers = new Map<string, string[]>();
  for (const file of files) {
    for (const target of edgesOf(file)) {
      let list = importers.get(target);
      if (!list) importers.set(target, (list = []));
      list.push(file);
    }
  }
  const reached = new Set(targets);
  const pending = [...reached];
  while (pending.length > 0) {
    for (const importer of importers.get(pending.pop() as string) ?? []) {
      if (reached.has(importer)) continue;
      reached.add(importer);
      pending.push(importer);
    }
  }
  return reached;
}

const MAX_HOPS = 12;

export interface CrossFileFlow {
  /** Absolute path of the file holding the literal. */
  readonly file: string;
  readonly exported: ExportedStringFact;
  /** Absolute path of the file using the value. */
  readonly useFile: string;
  readonly use: SlotUseFact;
  readonly classification: SecretValueClassification;
  /** The literal is defined under a secret name, so the per-file rules already judged it. */
  readonly definedAsSecret: boolean;
  /** From the literal to the sink. */
  readonly trace: readonly TraceHop[];
}

interface ExportMatch {
  readonly file: string;
  readonly exported: ExportedStringFact;
  /** Re-export hops from the using module towards the literal. */
  readonly hops: readonly TraceHop[];
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

function findExport(host: ModuleGraphHost, resolver: ModuleResolver, file: string, path: readonly string[], hops: readonly TraceHop[], seen: Set<string>): ExportMatch | undefined {
  const key = `${file}\0${path.join('.')}`;
  if (hops.length > MAX_HOPS || seen.has(key)) return undefined;
  seen.add(key);
  const facts = host.getFacts(file);
  if (!facts) return undefined;
  const exported = facts.exportedStrings.find((candidate) => samePath(candidate.path, path));
  if (exported) return { file, exported, hops };
  for (const reExport of facts.reExports) {
    let nextPath: readonly string[] | undefined;
    if (reExport.exported === '*' && reExport.imported === '*') nextPath = path[0] === 'default' ? undefined : path;
    else if (reExport.exported === path[0]) nextPath = reExport.imported === '*' ? path.slice(1) : [reExport.imported, ...path.slice(1)];
    if (!nextPath || nextPath.length === 0) continue;
    const target = resolver.resolve(reExport.specifier, file);
    if (!target) continue;
    const hop: TraceHop = {
      file: host.relative(file),
      line: reExport.line,
      column: reExport.column,
      message: reExport.exported === '*' ? `re-exported from '${reExport.specifier}'` : `re-exported as \`${reExport.exported}\` from '${reExport.specifier}'`,
    };
    const match = findExport(host, resolver, target, nextPath, [...hops, hop], seen);
    if (match) return match;
  }
  return undefined;
}

/** Literals exported by one module and used under a secret name (or passed to a sink) by another. */
export function findCrossFileFlows(host: ModuleGraphHost, resolver: ModuleResolver, files: readonly string[], testFilePatterns?: readonly string[]): CrossFileFlow[] {
  const flows: CrossFileFlow[] = [];
  const reported = new Set<string>();
  for (const useFile of files) {
    const facts = host.getFacts(useFile);
    if (!facts) continue;
    for (const use of facts.slotUses) {
      const target = resolver.resolve(use.specifier, useFile);
      if (!target || target === useFile) continue;
      const match = findExport(host, resolver, target, use.path, [], new Set());
      if (!match || match.file === useFile) continue;
      // Under a secret name where it is defined, the value is the per-file rules' call: a
      // finding there gets this trace attached, and a value they let pass stays passed.
      const definedUnder = match.exported.path.at(-1);
      const definedAsSecret = definedUnder !== undefined && classifySecretName(definedUnder) !== undefined;
      const key = `${match.file}\0${match.exported.range[0]}`;
      if (reported.has(key)) continue;
      const classification = classifySecretValue(match.exported.value, {
        name: use.slot,
        isTestFile: isTestFile(host.relative(match.file), testFilePatterns),
        expectedKind: use.kind,
      });
      if (isHarmlessValueKind(classification.kind)) continue;
      reported.add(key);
      const exportHop: TraceHop = {
        file: host.relative(match.file),
        line: match.exported.line,
        column: match.exported.column,
        message: `exported as \`${match.exported.path.join('.')}\``,
      };
      const sinkHop: TraceHop = { file: host.relative(useFile), line: use.line, column: use.column, message: use.description };
      flows.push({ file: match.file, exported: match.exported, useFile, use, classification, definedAsSecret, trace: [exportHop, ...[...match.hops].reverse(), sinkHop] });
    }
  }
  return flows;
}

export interface ClientReach {
  /** Absolute path of the module reading the secret. */
  readonly file: string;
  readonly read: EnvReadFact;
  readonly kind: CredentialKind;
  /** Absolute paths from the client-side root to the module. */
  readonly chain: readonly string[];
  readonly rootSide: ModuleSide;
  /** Import statements from the root to the module. */
  readonly trace: readonly TraceHop[];
}

export interface ReachabilityOptions {
  /** Globs for client-side files (replace the catalogue's defaults). */
  readonly clientFiles?: readonly string[];
  /** Globs for server-only files (added to the catalogue's). */
  readonly serverFiles?: readonly string[];
}

export interface ClientWalkOptions extends ReachabilityOptions {
  /**
   * The only modules that can lead to a secret read (see `importersOf`): roots and imports outside
   * it are left alone, unparsed. Every module that can reach a read is in it, and so is every
   * importer of such a module, so the walk finds the same reads along the same first-found chains.
   */
  readonly within?: ReadonlySet<string>;
}

/** Where a scanned module runs (client, server or unknown), from its facts; memoised. */
export function createSideClassifier(host: ModuleGraphHost, options: ReachabilityOptions = {}): (file: string) => ModuleSide | undefined {
  const sides = new Map<string, ModuleSide>();
  return (file) => {
    const known = sides.get(file);
    if (known) return known;
    const facts = host.getFacts(file);
    if (!facts) return undefined;
    const side = classifyModuleSide(
      {
        filePath: host.relative(file),
        directives: facts.directives,
        importedModules: facts.imports.map((entry) => entry.specifier),
        browserGlobals: facts.browserGlobals,
        publicEnvReads: facts.publicEnvReads,
      },
      { ...(options.clientFiles ? { clientFiles: options.clientFiles } : {}), ...(options.serverFiles ? { serverFiles: options.serverFiles } : {}) },
    );
    sides.set(file, side);
    return side;
  };
}

/**
 * Modules that read a server secret and are bundled into client code: a breadth-first walk from
 * every client-side module over value imports (type-only imports are erased), which stops at
 * modules that the toolchain keeps out of the bundle (`'use server'`, `server-only`, Node
 * built-ins, SvelteKit `.server` files).
 */
export function findClientReachableSecrets(host: ModuleGraphHost, resolver: ModuleResolver, files: readonly string[], options: ClientWalkOptions = {}): ClientReach[] {
  const sideOf = createSideClassifier(host, options);
  const within = options.within;

  interface Visit {
    readonly file: string;
    readonly parent: Visit | undefined;
    readonly hop: TraceHop | undefined;
    readonly root: string;
  }
  const visited = new Map<string, Visit>();
  const queue: Visit[] = [];
  for (const file of files) {
    // A server path is server code whatever the file says (`classifyModuleSide`): not parsed here.
    if ((within && !within.has(file)) || isServerPath(host.relative(file), options) || sideOf(file)?.side !== 'client') continue;
    const visit: Visit = { file, parent: undefined, hop: undefined, root: file };
    visited.set(file, visit);
    queue.push(visit);
  }
  const reaches: ClientReach[] = [];
  for (let index = 0; index < queue.length; index++) {
    const visit = queue[index] as Visit;
    const facts = host.getFacts(visit.file);
    if (!facts) continue;
    if (visit.parent) {
      for (const read of facts.secretEnvReads) {
        const chain: string[] = [];
        const trace: TraceHop[] = [];
        for (let step: Visit | undefined = visit; step; step = step.parent) {
          chain.unshift(step.file);
          if (step.hop) trace.unshift(step.hop);
        }
        reaches.push({ file: visit.file, read, kind: read.kind, chain, rootSide: sideOf(visit.root) as ModuleSide, trace });
      }
    }
    for (const entry of facts.imports) {
      if (entry.typeOnly) continue;
      const target = resolver.resolve(entry.specifier, visit.file);
      if (!target || visited.has(target) || (within && !within.has(target))) continue;
      const side = sideOf(target);
      // A module that only looks like server code (a `server/` folder) is still bundled when
      // client code imports it; the walk stops where the toolchain keeps it out of the bundle.
      if (!side || (side.side === 'server' && side.bundleSafe === true)) continue;
      const hop: TraceHop = { file: host.relative(visit.file), line: entry.line, column: entry.column, message: `imports '${entry.specifier}'` };
      const next: Visit = { file: target, parent: visit, hop, root: visit.root };
      visited.set(target, next);
      queue.push(next);
    }
  }
  return reaches;
}
