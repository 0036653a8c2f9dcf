/** The cache file format's shared pieces: framing round trip, problems, and the shard helpers of the sharded caches. */
import { describe, expect, it } from 'vitest';
import { decodeCacheFile, encodeCacheFile, groupByShard, sha256, shardOf, SHARD_FILE } from '../../../pipeline/cache/cache-file.ts';

describe('encodeCacheFile / decodeCacheFile', () => {
  it('round-trips a header and a payload', () => {
    const bytes = encodeCacheFile({ format: 'test@1', version: 'v' }, new Map([['a', 1]]));
    const decoded = decodeCacheFile<{ format: string; version: string }>(bytes, 'test@1', (h) => (h.version === 'v' ? null : 'other version'));
    expect('payload' in decoded && decoded.payload).toEqual(new Map([['a', 1]]));
  });

  it('reports a file of another format, and truncated bytes, as problems rather than throwing', () => {
    const bytes = encodeCacheFile({ format: 'test@1', version: 'v' }, [1, 2, 3]);
    expect(decodeCacheFile(bytes, 'other@1', () => null)).toEqual({ problem: 'foreign format "test@1"' });
    expect(decodeCacheFile(bytes.subarray(0, bytes.length - 2), 'test@1', () => null)).toEqual({ problem: 'checksum mismatch (truncated or edited)' });
    expect(decodeCacheFile(bytes, 'test@1', () => 'stale')).toEqual({ stale: true });
  });
});

describe('shards', () => {
  it('names a shard by the key’s first two hex digits; shard files match SHARD_FILE', () => {
    const key = sha256('x');
    expect(shardOf(key)).toBe(key.slice(0, 2));
    expect(SHARD_FILE.exec(`${shardOf(key)}.bin`)?.[1]).toBe(shardOf(key));
    expect(SHARD_FILE.test('0a.bin.tmp')).toBe(false);
    expect(SHARD_FILE.test('0A.bin')).toBe(false);
  });

  it('groups entries by shard, keeping their order within a shard', () => {
    const groups = groupByShard([
      ['ab01', 1],
      ['cd02', 2],
      ['ab03', 3],
    ]);
    expect([...groups.keys()]).toEqual(['ab', 'cd']);
    expect([...groups.get('ab')!]).toEqual([
      ['ab01', 1],
      ['ab03', 3],
    ]);
    expect(groupByShard([]).size).toBe(0);
  });
});
