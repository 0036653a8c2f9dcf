/** The cache file format: framing round trip and problems. */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
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

  it('checks the payload by its CRC-32 (one edited byte is a problem), and still reads a file checked by sha256', () => {
    const bytes = encodeCacheFile({ format: 'test@1' }, { text: 'payload 한국어' });
    const newline = bytes.indexOf(10);
    const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Record<string, unknown>;
    const body = bytes.subarray(newline + 1);
    expect(header.crc32).toBe(crc32(body));
    expect(header.sha256).toBeUndefined();
    const edited = Buffer.from(bytes);
    edited[edited.length - 3]! ^= 1;
    expect(decodeCacheFile(edited, 'test@1', () => null)).toEqual({ problem: 'checksum mismatch (truncated or edited)' });
    // As a Node without zlib.crc32 writes it, and a header with no checksum at all.
    const { crc32: _crc, ...rest } = header;
    const frame = (h: object) => Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), body]);
    const bySha = frame({ ...rest, sha256: createHash('sha256').update(body).digest('hex') });
    expect(decodeCacheFile(bySha, 'test@1', () => null)).toMatchObject({ payload: { text: 'payload 한국어' } });
    expect(decodeCacheFile(frame({ ...rest, sha256: '0'.repeat(64) }), 'test@1', () => null)).toEqual({ problem: 'checksum mismatch (truncated or edited)' });
    expect(decodeCacheFile(frame(rest), 'test@1', () => null)).toEqual({ problem: 'checksum mismatch (truncated or edited)' });
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
