/** The merged-index cache: round trip, versions, corrupt and foreign files, shape checks, memory only. */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkMergedIndex, MERGED_FORMAT, MergedCache } from '../../../pipeline/cache/merged-cache.ts';
import { IndexBuilder, type MergedIndex } from '../../../src/search/index-builder.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { PAPERS } from '../../helpers/search-fixtures.ts';
import { useProjects } from '../../helpers/ops.ts';

const project = useProjects();

function merged(): MergedIndex {
  const builder = new IndexBuilder();
  for (const p of PAPERS) builder.add(toSearchDocument(p), undefined, `k-${p.id}`);
  return builder.finishMerged().merged;
}

describe('MergedCache', () => {
  it('writes the merged index and reads it back as it was; another version is not used', async () => {
    const p = await project({});
    const first = new MergedCache(p.cache, 'v1');
    await first.load();
    expect(first.previous).toBeNull();
    await first.stage(merged())!.write();
    const header = JSON.parse((await readFile(first.file!, 'latin1')).split('\n')[0]!);
    expect(header).toMatchObject({ format: MERGED_FORMAT, version: 'v1' });

    const second = new MergedCache(p.cache, 'v1');
    await second.load();
    expect(second.previous).toEqual(merged());
    second.release();
    expect(second.previous).toBeNull();

    const stale = new MergedCache(p.cache, 'v2');
    await stale.load();
    expect(stale.previous).toBeNull();
    expect(stale.discarded).toEqual([]);
  });

  it('discards a corrupt or foreign file with a reason, and a file the step could not read', async () => {
    const p = await project({});
    const cache = new MergedCache(p.cache, 'v1');
    await cache.stage(merged())!.write();
    const good = await readFile(cache.file!, 'latin1');
    for (const [text, reason] of [
      [good.slice(0, -3), /checksum mismatch/],
      [good.replace(MERGED_FORMAT, 'other@1'), /foreign format/],
    ] as const) {
      await writeFile(cache.file!, text, 'latin1');
      const again = new MergedCache(p.cache, 'v1');
      await again.load();
      expect(again.previous).toBeNull();
      expect(again.discarded.map((d) => d.reason).join()).toMatch(reason);
      expect(again.discarded[0]!.file).toBe('index/merged.bin');
    }
    const read = new MergedCache(p.cache, 'v1');
    read.discard('cannot be read (malformed postings)');
    expect(read.discarded).toEqual([{ file: 'index/merged.bin', reason: 'cannot be read (malformed postings)' }]);
  });

  it('checks the shape before trusting it', () => {
    const m = merged();
    expect(checkMergedIndex(m)).toBeNull();
    expect(checkMergedIndex(null)).toMatch(/not an object/);
    expect(checkMergedIndex({ ...m, keys: m.keys.slice(1) })).toMatch(/document columns/);
    expect(checkMergedIndex({ ...m, counts: Array.from(m.counts) })).toMatch(/types/);
    expect(checkMergedIndex({ ...m, offsets: m.offsets.slice(0, -1) })).toMatch(/term columns/);
    expect(checkMergedIndex({ ...m, postings: m.postings.slice(1) })).toMatch(/offsets out of range/);
    const swapped = m.offsets.slice();
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(checkMergedIndex({ ...m, offsets: swapped })).toMatch(/out of order/);
  });

  it('without a cache folder, reads and writes nothing', async () => {
    const cache = new MergedCache(null, 'v1');
    await cache.load();
    expect(cache.previous).toBeNull();
    expect(cache.stage(merged())).toBeNull();
  });
});
