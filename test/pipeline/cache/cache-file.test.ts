/** The cache file format: framing round trip and problems. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCacheFile, encodeCacheFile, writeEntryFile, writeEntryFileAsync } from '../../../pipeline/cache/cache-file.ts';

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

describe('writeEntryFile / writeEntryFileAsync', () => {
  it('write the bytes under the name, replace an older file, and leave no temporary file behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entry-'));
    try {
      writeEntryFile(path.join(dir, 'a.bin'), Buffer.from('one'));
      await writeEntryFileAsync(path.join(dir, 'b.bin'), Buffer.from('two'));
      await writeEntryFileAsync(path.join(dir, 'a.bin'), Buffer.from('three'));
      expect(await readFile(path.join(dir, 'a.bin'), 'utf8')).toBe('three');
      expect(await readFile(path.join(dir, 'b.bin'), 'utf8')).toBe('two');
      expect((await readdir(dir)).sort()).toEqual(['a.bin', 'b.bin']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reject when the folder is missing, and leave nothing behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'entry-'));
    try {
      expect(() => writeEntryFile(path.join(dir, 'no', 'a.bin'), Buffer.from('x'))).toThrow(/ENOENT/);
      await expect(writeEntryFileAsync(path.join(dir, 'no', 'a.bin'), Buffer.from('x'))).rejects.toThrow(/ENOENT/);
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
