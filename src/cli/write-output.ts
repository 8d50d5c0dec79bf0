/**
 * Writes a report file all-or-nothing, so a CI step never reads a half-written report as a
 * complete one. The content goes to a temp file next to the target (same directory, so the rename
 * stays on one file system), flushed, then renamed into place; on any failure the temp file is
 * removed and a previous report at that path is left as it was.
 *
 * A symbolic link is followed (the file it points to is replaced, the link stays). A target that
 * exists and is not a regular file — a FIFO, `/dev/stdout`, a device — cannot be replaced by a
 * rename and is written through directly.
 */
import { realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { writeFileAtomic } from '../fix/apply/atomic.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent path is not a directory',
  ENOENT: 'no such file or directory',
  EEXIST: 'a parent path exists and is not a directory',
  ENAMETOOLONG: 'file name too long',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

/**
 * `ENOSPC (no space left on device)`: the error code and what it means, never the error's own
 * message (which repeats the path, and may be platform-worded).
 */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return error instanceof Error ? error.name : 'unknown error';
  const reason = REASONS[code];
  return reason === undefined ? code : `${code} (${reason})`;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Writes `content` to `path` atomically (see the module comment). Throws the file system's error. */
export function writeOutputFile(path: string, content: string): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // Not there yet (or a dangling link, which the rename replaces).
  }
  const stats = statOrUndefined(target);
  if (stats?.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${path}'`), { code: 'EISDIR' });
  if (stats !== undefined && !stats.isFile()) {
    writeFileSync(target, content);
    return;
  }
  writeFileAtomic(target, content);
}
