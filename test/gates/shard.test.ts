import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, ShardError, shardOf } from '../../src/cli/shard.js';

const files = Array.from({ length: 400 }, (_, index) => `packages/pkg-${index % 20}/src/module-${index}.ts`);

describe('--shard i/n', () => {
  it('parses i/n and rejects anything else with the reason', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
    expect(() => parseShard('0/4')).toThrow(new ShardError('--shard 0/4: i must be between 1 and n'));
    expect(() => parseShard('5/4')).toThrow(new ShardError('--shard 5/4: i must be between 1 and n'));
    expect(() => parseShard('2-4')).toThrow(ShardError);
    expect(() => parseShard('1/0')).toThrow(ShardError);
  });

  it('puts every file in exactly one shard', () => {
    const shards = [1, 2, 3, 4].map((index) => selectShard(files, { index, count: 4 }));
    expect(shards.flat().sort()).toEqual([...files].sort());
    expect(new Set(shards.flat()).size).toBe(files.length);
  });

  it('splits roughly evenly', () => {
    for (const index of [1, 2, 3, 4]) {
      const size = selectShard(files, { index, count: 4 }).length;
      expect(size).toBeGreaterThan(60);
      expect(size).toBeLessThan(140);
    }
  });

  it('is deterministic and independent of file order and of other files', () => {
    const reversed = [...files].reverse();
    expect(selectShard(reversed, { index: 3, count: 4 }).sort()).toEqual(selectShard(files, { index: 3, count: 4 }).sort());
    const before = new Map(files.map((file) => [file, shardOf(file, 4)]));
    const grown = [...files, 'packages/new/src/added.ts'];
    const after = new Map(grown.map((file) => [file, shardOf(file, 4)]));
    expect(files.filter((file) => after.get(file) !== before.get(file))).toEqual([]);
    expect(selectShard(grown, { index: after.get('packages/new/src/added.ts')!, count: 4 })).toContain('packages/new/src/added.ts');
    expect(shardOf('src\\win\\path.ts', 7)).toBe(shardOf('src/win/path.ts', 7));
  });

  it('keeps every file in 1/1', () => {
    expect(selectShard(files, { index: 1, count: 1 })).toEqual(files);
  });
});
