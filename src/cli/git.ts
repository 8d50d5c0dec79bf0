/**
 * Git for the gates: what is staged (`--staged`), the index content of those files, and the lines
 * added since a ref (`--diff REF`). Only the local `git` binary is run, with arguments passed as an
 * array (never through a shell), and nothing touches the network.
 *
 * A pre-commit gate must judge the commit, not the working tree: a secret removed from the working
 * tree but still staged is still committed, and one that is only in the working tree is not. So
 * staged files are read from the index (`git cat-file --batch`), and findings are kept only on lines
 * the commit adds; a commit that only deletes or moves a secret never adds a line with it, so it is
 * never blocked.
 */
import { spawn } from 'node:child_process';

export class GitError extends Error {
  override name = 'GitError';
}

export interface GitOptions {
  /** Directory inside the work tree. */
  readonly cwd: string;
  /** `cwd`'s path inside the work tree (`gitPrefix`), when the caller knows it: saves a git call. */
  readonly prefix?: string;
}

/** Runs git and returns stdout as a Buffer; a non-zero exit becomes a `GitError` naming the command. */
function git(args: readonly string[], options: GitOptions, input?: Buffer | string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(`cannot run git: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(`git ${args[0] ?? ''} failed: ${Buffer.concat(err).toString('utf8').trim().split('\n')[0] ?? `exit ${String(code)}`}`));
    });
    child.stdin.on('error', () => {
      // git exited before reading all input; the close handler reports why.
    });
    child.stdin.end(input ?? '');
  });
}

/** Absolute path of the work tree's top directory. */
export async function gitTopLevel(options: GitOptions): Promise<string> {
  return (await git(['rev-parse', '--show-toplevel'], options)).toString('utf8').trim();
}

/** The path of `cwd` inside the work tree, `''` at the top or `sub/dir/` below it. */
export async function gitPrefix(options: GitOptions): Promise<string> {
  return options.prefix ?? (await git(['rev-parse', '--show-prefix'], options)).toString('utf8').trim();
}

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted' | 'type-changed';

export interface StagedChange {
  readonly status: ChangeStatus;
  /** Path relative to `cwd`, `/` separators. */
  readonly path: string;
  /** The path before a rename or copy. */
  readonly previousPath?: string;
}

const STATUS: Readonly<Record<string, ChangeStatus>> = { A: 'added', M: 'modified', R: 'renamed', C: 'copied', D: 'deleted', T: 'type-changed' };

/** Turns a top-level-relative path into a `cwd`-relative one; paths outside `cwd` are dropped. */
function relativeToPrefix(path: string, prefix: string): string | undefined {
  if (prefix === '') return path;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * The changes staged for the next commit, with rename detection. Against the empty tree when the
 * repository has no commit yet. Changes outside `cwd` are left out; their top-level paths go to
 * `outside` when given (deletions not counted).
 */
export async function stagedChanges(options: GitOptions, outside?: string[]): Promise<StagedChange[]> {
  const prefix = await gitPrefix(options);
  // Without a commit, `git diff --cached` compares the index with the empty tree.
  const raw = (await git(['diff', '--cached', '--name-status', '-z', '-M', '--no-ext-diff'], options)).toString('utf8');
  const fields = raw.split('\0');
  const changes: StagedChange[] = [];
  for (let index = 0; index < fields.length; ) {
    const code = fields[index++] ?? '';
    if (code === '') continue;
    const status = STATUS[code[0] ?? ''];
    if (code[0] === 'R' || code[0] === 'C') {
      const from = fields[index++] ?? '';
      const to = fields[index++] ?? '';
      const path = relativeToPrefix(to, prefix);
      if (status && path !== undefined) changes.push({ status, path, previousPath: relativeToPrefix(from, prefix) ?? `:/${from}` });
      else if (status) outside?.push(to);
    } else {
      const file = fields[index++] ?? '';
      const path = relativeToPrefix(file, prefix);
      if (status && path !== undefined) changes.push({ status, path });
      else if (status && status !== 'deleted') outside?.push(file);
    }
  }
  return changes;
}

/**
 * The staged (index) content of `paths` (relative to `cwd`), read in one `git cat-file --batch`
 * call. A path that is not in the index is absent from the result.
 */
export async function readIndexFiles(paths: readonly string[], options: GitOptions): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  if (paths.length === 0) return result;
  const prefix = await gitPrefix(options);
  // `:<path>` names the stage-0 index entry; the path is from the top level, so add the prefix.
  const input = paths.map((path) => `:${prefix}${path}\n`).join('');
  const out = await git(['cat-file', '--batch'], options, input);
  let offset = 0;
  for (const path of paths) {
    const newline = out.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = out.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new GitError(`unexpected git cat-file output for ${path}`);
    result.set(path, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return result;
}

/** Added line numbers (1-based, in the new version) per path relative to `cwd`. */
export type AddedLines = Map<string, ReadonlySet<number>>;

/**
 * Parses `git diff -U0` output into the added lines of each file. New files are all added lines;
 * deleted files have none; a pure rename adds none.
 */
export function parseAddedLines(diff: string, prefix = ''): AddedLines {
  const added: AddedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      // git ends the name with a tab when it contains a space (for patch(1)).
      const target = line.slice(4).replace(/\t$/u, '');
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const path = relativeToPrefix(unquoteDiffPath(target).replace(/^b\//u, ''), prefix);
      current = path === undefined ? undefined : new Set();
      if (path !== undefined && current) added.set(path, current);
    } else if (line.startsWith('@@') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/u.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      for (let lineNumber = start; lineNumber < start + count; lineNumber++) current.add(lineNumber);
    }
  }
  return added;
}

/** `git diff` quotes paths with unusual characters in C style; with core.quotePath=false only a few. */
function unquoteDiffPath(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  return path.slice(1, -1).replace(/\\(["\\tn])/gu, (_, char: string) => ({ t: '\t', n: '\n' })[char] ?? char);
}

const DIFF_FLAGS = ['-U0', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--src-prefix=a/', '--dst-prefix=b/'];

/** Lines the staged commit adds, per file (index against HEAD, or the empty tree before the first commit). */
export async function stagedAddedLines(options: GitOptions): Promise<AddedLines> {
  const prefix = await gitPrefix(options);
  // Without a commit, `git diff --cached` compares the index with the empty tree.
  return parseAddedLines((await git(['diff', '--cached', ...DIFF_FLAGS], options)).toString('utf8'), prefix);
}

/**
 * Lines added since `ref`, for pull-request gates: the diff from the merge base of `ref` and HEAD
 * to the work tree, so lines the target branch gained after the branch point do not count, and
 * uncommitted edits do. Untracked files are not in the diff; the scan sees them only if asked to.
 */
export async function addedLinesSince(ref: string, options: GitOptions): Promise<AddedLines> {
  if (ref.startsWith('-')) throw new GitError(`not a git revision: ${ref.slice(0, 40)}`);
  const prefix = await gitPrefix(options);
  let base: string;
  try {
    base = (await git(['merge-base', ref, 'HEAD'], options)).toString('utf8').trim();
  } catch {
    throw new GitError(`cannot find a common ancestor of '${ref.slice(0, 80)}' and HEAD (in CI, fetch the base branch and enough history first)`);
  }
  return parseAddedLines((await git(['diff', ...DIFF_FLAGS, base, '--'], options)).toString('utf8'), prefix);
}

/** Keeps the items with at least one added line in their range (a private key spans lines). */
export function onAddedLines<T extends { readonly file: string; readonly line: number; readonly endLine?: number }>(items: readonly T[], added: AddedLines): T[] {
  return items.filter((item) => {
    const lines = added.get(item.file);
    if (!lines) return false;
    for (let line = item.line; line <= Math.max(item.line, item.endLine ?? item.line); line++) {
      if (lines.has(line)) return true;
    }
    return false;
  });
}
