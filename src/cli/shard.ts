/**
 * `--shard i/n`: splits the files of a scan across n parallel CI jobs. A file's shard depends only
 * on its path (a hash of it), so every job computes the same split without talking to the others,
 * the order in which files were found does not matter, and adding a file moves no other file to
 * another shard (caches per shard stay warm). Each finding is reported by exactly one shard, the
 * one its file belongs to; for cross-file checks a shard also reads the files that import its own
 * (see `importersOf` in gates.ts), so shards overlap on modules that many files import.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export class ShardError extends Error {
  override name = 'ShardError';
}

/** Parses `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,6})\/(\d{1,6})$/u.exec(text.trim());
  if (!match) throw new ShardError(`--shard expects i/n, such as 2/4 (got '${text.slice(0, 20)}')`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw new ShardError(`--shard ${index}/${count}: i must be between 1 and n`);
  return { index, count };
}

/** The 1-based shard a path belongs to (`/` separators, relative to the scan root). */
export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(path.replaceAll('\\', '/'), 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The files of `shard`, in their original order. */
export function selectShard<T extends string>(files: readonly T[], shard: Shard): T[] {
  return files.filter((file) => shardOf(file, shard.count) === shard.index);
}
