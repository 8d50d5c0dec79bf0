/**
 * A V8 code cache for the CommonJS modules the command line loads from `node_modules`: TypeScript,
 * ESLint, typescript-estree and the rest of the stack a parse needs. Compiling them is most of what
 * a short run such as the pre-commit hook spends before it reads its first file (TypeScript's 9 MB
 * alone take about 110 ms to compile and 16 ms from a cache); Node 22 has this built in
 * (`module.enableCompileCache`), Node 20 does not.
 *
 * Only files under a `node_modules` folder are cached, never the project being scanned (the
 * scanner reads those as text and does not load them anyway), so an entry holds the compiled code
 * of a published package and nothing of the user's. One entry per module path and Node version,
 * keyed by a hash of the source: a package upgraded in place, even to a file of the same length
 * (which V8's own check would accept), is compiled again and its entry replaced. A module that
 * calls `import()` is left to Node (see `callsDynamicImport`). The folder must
 * belong to the user and be writable by nobody else; otherwise, or when anything about it fails,
 * modules compile as usual.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread, threadId } from 'node:worker_threads';

/** The environment variable that moves the cache (a folder) or turns it off (`0`, `false`, `off` or empty). */
export const COMPILE_CACHE_ENV = 'CREDENTIAL_HYGIENE_COMPILE_CACHE';

const HASH_BYTES = 20;
const NODE_MODULES = `${sep}node_modules${sep}`;
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n});';

type CompileFunction = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;

interface ModuleInternals {
  prototype: { _compile: CompileFunction };
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<NodeJS.Module>;
}

export interface CompileCacheStats {
  /** Modules compiled from an entry of the cache. */
  hits: number;
  /** Modules compiled without one (none yet, a changed source, or an entry V8 turned down). */
  misses: number;
  /** Modules left to Node's compile, because they call `import()`. */
  uncached: number;
  /** Entries written. */
  written: number;
}

interface Pending {
  readonly hash: Buffer;
  /** Undefined for a module that stays with Node's compile. */
  readonly script?: Script;
}

let active: { readonly directory: string; readonly folder: string; readonly pending: Map<string, Pending>; readonly stats: CompileCacheStats } | undefined;

/**
 * The folder the command line uses: `$CREDENTIAL_HYGIENE_COMPILE_CACHE` when set, else one per user
 * under the system's temporary folder; undefined when the variable or Node's own
 * `NODE_DISABLE_COMPILE_CACHE` turns caching off.
 */
export function defaultCompileCacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['NODE_DISABLE_COMPILE_CACHE'] !== undefined && env['NODE_DISABLE_COMPILE_CACHE'] !== '') return undefined;
  const setting = env[COMPILE_CACHE_ENV];
  if (setting !== undefined) return ['', '0', 'false', 'off'].includes(setting.trim().toLowerCase()) ? undefined : resolve(setting);
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : (env['USERNAME'] ?? env['USER'] ?? 'user').replace(/[^\w.-]/gu, '_');
  return join(tmpdir(), `credential-hygiene-compile-cache-${user}`);
}

/** A folder that exists (created if need be), is not a link, and nobody but this user can write to. */
function privateFolder(path: string): boolean {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const stats = lstatSync(path);
    if (!stats.isDirectory()) return false;
    if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) return false;
    return process.platform === 'win32' || (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * Compiles the CommonJS modules this thread loads from `node_modules` with the cache in
 * `directory` from now on. Returns whether the cache is on: false when the folder cannot be used.
 * Entries are written by `flushCompileCache()`, which the main thread calls on exit by itself.
 * A second call keeps the first folder.
 */
export function enableCompileCache(directory: string): boolean {
  if (active) return true;
  const folder = join(directory, `${ENTRY_FORMAT}-node-${process.version}-${process.arch}-v8-${process.versions.v8}`.replace(/[^\w.-]/gu, '_'));
  if (!privateFolder(directory) || !privateFolder(folder)) return false;
  const state = { directory, folder, pending: new Map<string, Pending>(), stats: { hits: 0, misses: 0, uncached: 0, written: 0 } };
  active = state;
  const internals = Module as unknown as ModuleInternals;
  const compile = internals.prototype._compile;
  internals.prototype._compile = function compileWithCache(this: Module, content: string, filename: string, ...rest: unknown[]): unknown {
    // `format` is 'module' for an ES module loaded through require(), and with source maps on
    // Node's compile also reads a module's map: both stay Node's.
    if (
      typeof content !== 'string' ||
      !filename.includes(NODE_MODULES) ||
      !/\.c?js$/u.test(filename) ||
      (rest[0] !== undefined && rest[0] !== 'commonjs') ||
      (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true
    ) {
      return compile.call(this, content, filename, ...rest);
    }
    const script = compileScript(state, content, filename);
    // A syntax error, say: Node's own compile reports it the way it always does.
    if (!script) return compile.call(this, content, filename, ...rest);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this, internals), this, filename, dirname(filename));
  };
  if (isMainThread) process.once('exit', flushCompileCache);
  return true;
}

/** Text that may be a dynamic import; the tokens decide (see `callsDynamicImport`). */
const DYNAMIC_IMPORT_TEXT = /(?<![\w$.])import\s*\(/u;
/** The byte after the hash: compiled code follows, or the module is compiled by Node every time. */
const CODE = 1;
const NOT_CACHED = 0;
/** The layout of an entry (hash, then `CODE` or `NOT_CACHED`), in the folder's name: a new layout starts a new folder. */
const ENTRY_FORMAT = 'e2';

const require = createRequire(import.meta.url);
let checking = false;

/**
 * Whether a module calls `import()`. Node 20 loses the dynamic-import callback of a script compiled
 * from cached data (the call throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so such a module is
 * left to Node's own compile. Decided on the tokens, since most modules that have the text have it
 * in a comment or a string (`@typedef {import("eslint").Rule}`, TypeScript's messages); a module the
 * tokenizer cannot read counts as calling it. Undefined while the tokenizer itself loads.
 */
function callsDynamicImport(source: string): boolean | undefined {
  if (checking) return undefined;
  checking = true;
  try {
    // Being loaded (this is its own compile, or one of its dependents'): not ready to use.
    const loading = require.cache[require.resolve('acorn')];
    if (loading && !loading.loaded) return undefined;
    const acorn = require('acorn') as typeof import('acorn');
    let afterImport = false;
    for (const token of acorn.tokenizer(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowHashBang: true,
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
    })) {
      if (afterImport && token.type === acorn.tokTypes.parenL) return true;
      afterImport = token.type === acorn.tokTypes._import;
    }
    return false;
  } catch {
    return true;
  } finally {
    checking = false;
  }
}

/** The module compiled with the cache, or undefined when Node's own compile must do it. */
function compileScript(state: NonNullable<typeof active>, content: string, filename: string): Script | undefined {
  const hash = createHash('sha1').update(content).digest();
  const entry = join(state.folder, `${createHash('sha1').update(filename).digest('hex')}.bin`);
  let stored: Buffer | undefined;
  try {
    stored = readFileSync(entry);
  } catch {
    // No entry yet.
  }
  let cachedData: Buffer | undefined;
  // An entry that is not one of the two kinds (cut short, or from another layout) is replaced
  // like a missing one: were it kept, the module would never be cached again.
  const kind = stored !== undefined && stored.length > HASH_BYTES && stored.subarray(0, HASH_BYTES).equals(hash) ? stored[HASH_BYTES] : undefined;
  if (kind === NOT_CACHED) {
    state.stats.uncached++;
    return undefined;
  }
  if (kind === CODE && stored !== undefined && stored.length > HASH_BYTES + 1) {
    cachedData = stored.subarray(HASH_BYTES + 1);
  } else if (DYNAMIC_IMPORT_TEXT.test(content)) {
    const calls = callsDynamicImport(content);
    if (calls === undefined) return undefined;
    if (calls) {
      state.stats.uncached++;
      // Recorded, so that the next run need not read the tokens again.
      state.pending.set(entry, { hash });
      return undefined;
    }
  }
  // A hashbang is allowed only at the very start of a script: inside the wrapper it becomes a
  // comment of the same length, so positions in stack traces stay where they were.
  const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
  let script: Script;
  try {
    script = new Script(WRAPPER_START + source + WRAPPER_END, { filename, ...(cachedData ? { cachedData } : {}) });
  } catch {
    return undefined;
  }
  if (cachedData && !script.cachedDataRejected) state.stats.hits++;
  else {
    state.stats.misses++;
    state.pending.set(entry, { hash, script });
  }
  return script;
}

/** The `require` Node gives a module: resolved from the module, sharing the loader's cache. */
function requireFor(module: Module, internals: ModuleInternals): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolveFilename = ((request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolveFilename.paths = (request: string) => internals._resolveLookupPaths(request, module);
  require.resolve = resolveFilename;
  require.main = process.mainModule;
  require.extensions = internals._extensions;
  require.cache = internals._cache;
  return require;
}

/**
 * Writes the entries of the modules compiled without one since the last call: after they ran, so
 * that an entry also holds the functions compiled since. Each is written to a temporary file and
 * renamed, so concurrent runs never read half an entry. Failures are ignored: the cache only saves
 * time.
 */
export function flushCompileCache(): void {
  if (!active) return;
  for (const [entry, { script, hash }] of active.pending) {
    active.pending.delete(entry);
    const temporary = `${entry}.${process.pid}-${threadId}.tmp`;
    try {
      const body = script ? [Buffer.of(CODE), script.createCachedData()] : [Buffer.of(NOT_CACHED)];
      writeFileSync(temporary, Buffer.concat([hash, ...body]), { mode: 0o600 });
      renameSync(temporary, entry);
      active.stats.written++;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Left for the next run to overwrite.
      }
    }
  }
}

/** The folder this thread's cache uses, to hand to worker threads; undefined when it is off. */
export function activeCompileCacheDirectory(): string | undefined {
  return active?.directory;
}

/** What this thread's cache did so far; undefined when it is off. */
export function compileCacheStats(): Readonly<CompileCacheStats> | undefined {
  return active ? { ...active.stats } : undefined;
}
