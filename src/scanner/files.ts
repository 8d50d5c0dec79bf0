/**
 * Which files a scan reads: every JS/TS source and every config or credential file (Terraform and
 * Dockerfiles included) under the
 * given paths, minus what git ignores (`git ls-files` inside a repository, the same `.gitignore`
 * rules through the `ignore` matcher outside one) and the configured ignore patterns.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export type FileCategory = 'code' | 'config';

export interface CandidateFile {
  /** Absolute path. */
  readonly path: string;
  readonly category: FileCategory;
  /** True when git tracks the file; undefined outside a git repository. */
  readonly tracked?: boolean;
}

const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const DECLARATION_FILE = /\.d\.[cm]?ts$/u;
const CONFIG_EXTENSIONS = /\.(?:json|jsonc|json5|ya?ml|properties|ini|cfg|conf|toml|pem|key|p8|xml|config|tf|tfvars|hcl)$/u;
/** `Dockerfile`, `Dockerfile.prod`, `api.Dockerfile`, `Containerfile`: their `ENV` and `ARG` lines are read. */
const DOCKERFILE = /^(?:(?:docker|container)file(?:\.[\w.-]+)?|[\w.-]+\.dockerfile)$/iu;
const CONFIG_BASENAMES = new Set(['.npmrc', '.yarnrc', '.yarnrc.yml', '.netrc', '.pypirc', 'credentials', '.git-credentials', '.htpasswd', 'id_rsa', 'id_ecdsa', 'id_ed25519']);
/** Generated files with nothing but hashes and URLs: never worth reading. */
const SKIPPED_BASENAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'composer.lock']);
/** Directories never descended into, even outside git. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '.terraform']);

/** `.env`, `.env.local`, `.env.production`… */
export function isEnvFile(path: string): boolean {
  const name = basename(path);
  return name === '.env' || name.startsWith('.env.');
}

/** `.env.example`, `.env.sample`, `.env.template`: meant to be committed, with placeholders. */
export function isEnvTemplate(path: string): boolean {
  return /^\.env\.(?:example|sample|template|dist|defaults)$/u.test(basename(path));
}

/** Whether the scanner reads this file, and as what. */
export function categorize(path: string): FileCategory | undefined {
  const name = basename(path);
  if (SKIPPED_BASENAMES.has(name)) return undefined;
  if (CODE_FILE.test(name)) return DECLARATION_FILE.test(name) ? undefined : 'code';
  if (isEnvFile(name) || CONFIG_BASENAMES.has(name) || CONFIG_EXTENSIONS.test(name) || DOCKERFILE.test(name)) return 'config';
  return undefined;
}

/**
 * `relative(base, path)`, without `path.relative`'s normalising of both paths for the common case
 * of a normalised absolute `path` inside a normalised absolute `base` (a listing has thousands).
 */
function relativeInside(base: string, path: string): string {
  const prefix = base.endsWith(sep) ? base : base + sep;
  return path.startsWith(prefix) && !path.includes(`${sep}..${sep}`) && !path.includes(`${sep}.${sep}`) && !path.includes(sep + sep) ? path.slice(prefix.length) : relative(base, path);
}

/** A path git prints (relative, `/`-separated, normalised) under the absolute directory `dir`. */
function underDirectory(dir: string, file: string): string {
  return sep === '/' && !file.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ? (dir.endsWith('/') ? dir + file : `${dir}/${file}`) : resolve(dir, file);
}

export function toRelativePosix(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

interface GitListing {
  readonly tracked: Set<string>;
  readonly untracked: Set<string>;
}

function gitLsFiles(dir: string, args: readonly string[]): string[] | undefined {
  const result = spawnSync('git', ['-C', dir, 'ls-files', '-z', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0 || result.error) return undefined;
  return result.stdout.split('\0').filter((entry) => entry !== '');
}

/** Whether git ignores `dir` itself (a build or cache directory of the enclosing repository). */
function isIgnoredDirectory(dir: string): boolean {
  const result = spawnSync('git', ['-C', dir, 'check-ignore', '-q', '.'], { encoding: 'utf8' });
  return result.status === 0;
}

/**
 * Tracked and untracked-but-not-ignored files under `dir`, or undefined outside a git work tree.
 * A directory that the enclosing repository ignores as a whole (a project generated into
 * `.cache/`) is treated as outside git: asked to scan it, we walk it with its own `.gitignore`s
 * instead of finding nothing.
 */
export function listGitFiles(dir: string): GitListing | undefined {
  const tracked = gitLsFiles(dir, ['--cached']);
  if (!tracked) return undefined;
  const untracked = gitLsFiles(dir, ['--others', '--exclude-standard']) ?? [];
  if (tracked.length === 0 && untracked.length === 0 && isIgnoredDirectory(dir)) return undefined;
  return { tracked: new Set(tracked.map((file) => underDirectory(dir, file))), untracked: new Set(untracked.map((file) => underDirectory(dir, file))) };
}

interface IgnoreScope {
  readonly base: string;
  readonly matcher: Ignore;
}

function readGitignore(dir: string): IgnoreScope | undefined {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    return { base: dir, matcher: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignoredByScopes(path: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.base, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (scope.matcher.ignores(isDirectory ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** Walks `dir` honouring `.gitignore` files on the way down (for directories outside git). */
export function walkDirectory(dir: string, inherited: readonly IgnoreScope[] = []): string[] {
  const own = readGitignore(dir);
  const scopes = own ? [...inherited, own] : inherited;
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || ignoredByScopes(path, true, scopes)) continue;
      found.push(...walkDirectory(path, scopes));
    } else if (!ignoredByScopes(path, false, scopes)) {
      found.push(path);
    }
  }
  return found;
}

/** Gitignore-syntax patterns from the config and flags, relative to the scan's cwd. */
export function createIgnoreMatcher(cwd: string, patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignore().add([...patterns]);
  return (path) => {
    const rel = relativeInside(cwd, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return matcher.ignores(rel);
  };
}

export interface ListFilesOptions {
  readonly cwd: string;
  /** Files or directories, absolute or relative to `cwd`. */
  readonly paths: readonly string[];
  readonly ignore: readonly string[];
}

export interface FileListing {
  readonly files: CandidateFile[];
  /** Files dropped by the configured ignore patterns. */
  readonly ignored: number;
  /** Paths given on the command line that do not exist. */
  readonly missing: string[];
}

/** Collects the candidate files under `paths`. */
export function listFiles({ cwd, paths, ignore: patterns }: ListFilesOptions): FileListing {
  const isIgnored = createIgnoreMatcher(cwd, patterns);
  const byPath = new Map<string, CandidateFile>();
  const missing: string[] = [];
  let ignored = 0;
  const add = (path: string, tracked: boolean | undefined, explicit: boolean, base?: string): void => {
    // `node_modules` and VCS directories below the scanned directory (the scanned directory itself may be inside one).
    const category = categorize(path) ?? (explicit ? (CODE_FILE.test(path) ? 'code' : 'config') : undefined);
    if (!category || byPath.has(path) || (base !== undefined && relativeInside(base, path).split(sep).some((segment) => SKIPPED_DIRECTORIES.has(segment)))) return;
    if (isIgnored(path)) {
      ignored++;
      return;
    }
    byPath.set(path, tracked === undefined ? { path, category } : { path, category, tracked });
  };
  for (const given of paths) {
    const target = resolve(cwd, given);
    let stats;
    try {
      stats = lstatSync(target);
    } catch {
      missing.push(given);
      continue;
    }
    if (!stats.isDirectory() && !(stats.isSymbolicLink() && isDirectorySafe(target))) {
      add(target, undefined, true);
      continue;
    }
    const git = listGitFiles(target);
    if (git) {
      for (const file of [...git.tracked].sort()) add(file, true, false, target);
      for (const file of [...git.untracked].sort()) add(file, false, false, target);
    } else {
      for (const file of walkDirectory(target)) add(file, undefined, false, target);
    }
  }
  return { files: [...byPath.values()], ignored, missing };
}

function isDirectorySafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
