/**
 * Writes a plan all-or-nothing. Every new content goes to a temp file next to its target (same
 * directory, so the rename stays on one file system) with the target's mode; only when every
 * temp file is written and every target is still what the plan read are they renamed into
 * place. A failure before the renames removes the temp files; a failure during them puts back
 * the files already replaced. Each file is therefore either fully old or fully new.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FixPlan, PlannedFile } from './types.js';

interface Staged {
  readonly file: PlannedFile;
  readonly temp: string;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Removes temp files a killed run left next to `path`. The env file's temp copy holds the
 * secrets and is not covered by the `.gitignore` entry for the env file, so it must not linger.
 */
function removeStaleTempFiles(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/u.test(name.slice(prefix.length))) rmSync(join(dirname(path), name), { force: true });
  }
}

/** Writes `content` to a new file with `mode`, flushed to disk. */
function writeNew(path: string, content: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    // `writeSync` may write only part of the content (a file size limit, a nearly full disk) and
    // return the count; `writeFileSync` on the descriptor writes it all or throws.
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // `open` applies the umask; set the intended mode explicitly.
  chmodSync(path, mode);
}

function currentContent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `content` to `path` atomically (temp file + rename), keeping an existing file's mode. */
export function writeFileAtomic(path: string, content: string, createMode = 0o644): void {
  let mode = createMode;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mkdirSync(dirname(path), { recursive: true });
  }
  const temp = tempPathFor(path);
  try {
    writeNew(temp, content, mode);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export class PlanConflictError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed since the fix was planned; nothing was written. Run the fix again.`);
    this.name = 'PlanConflictError';
  }
}

/** Writes every file of the plan, or none. Throws (after cleaning up) when it cannot. */
export function applyPlan(plan: Pick<FixPlan, 'files'>): void {
  const staged: Staged[] = [];
  const createdDirectories: string[] = [];
  for (const file of plan.files) removeStaleTempFiles(file.path);
  try {
    for (const file of plan.files) {
      if (currentContent(file.path) !== file.before) throw new PlanConflictError(file.path);
      let mode = file.createMode;
      if (file.before !== undefined) mode = statSync(file.path).mode & 0o7777;
      else if (!existsDirectory(dirname(file.path))) {
        const missing = missingDirectories(dirname(file.path));
        mkdirSync(dirname(file.path), { recursive: true });
        createdDirectories.push(...missing);
      }
      const temp = tempPathFor(file.path);
      staged.push({ file, temp });
      writeNew(temp, file.after, mode);
    }
    // A last check just before the renames, so an edit made meanwhile is not lost.
    for (const { file } of staged) {
      if (currentContent(file.path) !== file.before) throw new PlanConflictError(file.path);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const directory of createdDirectories.reverse()) {
      try {
        rmdirSync(directory);
      } catch {
        // Not empty any more (someone else wrote there): leave it.
      }
    }
    throw error;
  }
  const done: Staged[] = [];
  try {
    for (const entry of staged) {
      renameSync(entry.temp, entry.file.path);
      done.push(entry);
    }
  } catch (error) {
    for (const { temp } of staged.slice(done.length)) rmSync(temp, { force: true });
    for (const { file } of done.reverse()) {
      if (file.before === undefined) rmSync(file.path, { force: true });
      else writeFileAtomic(file.path, file.before);
    }
    throw error;
  }
}

function existsDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The directories `mkdir -p path` would create, outermost first. */
function missingDirectories(path: string): string[] {
  const missing: string[] = [];
  let current = path;
  while (!existsDirectory(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return missing;
}
