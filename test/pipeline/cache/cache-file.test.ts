/** The cache file format: framing round trip and problems. */
import { describe, expect, it } from 'vitest';
import { decodeCacheFile, encodeCacheFile } from '../../../pipeline/cache/cache-file.ts';

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
