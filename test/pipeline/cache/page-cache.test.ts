/**
 * The page cache (pipeline/cache/page-cache.ts): records reused by key across runs, only the
 * changed shards rewritten, a shard left empty removed, another code version not used, a corrupt
 * shard discarded, nothing written without a cache folder.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../pipeline/cache/page-cache.ts';
import { useTempDirs } from '../../helpers/ops.ts';

const cacheDir = useTempDirs('dpf-page-cache-');

const key = (n: number | string) => createHash('sha256').update(String(n)).digest('hex');
const bytes = (text: string) => new TextEncoder().encode(text);

/** One run over `ids`: the records it got and what it built. */
async function run(dir: string | null, ids: (number | string)[], version = 'v1') {
  const cache = new PageCache(dir, version);
  await cache.load();
  const built: string[] = [];
  const records = ids.map((id) => Buffer.from(cache.record(key(id), () => (built.push(String(id)), bytes(`{"id":${JSON.stringify(String(id))}}`)))).toString());
  const staged = cache.stage();
  const saved = cache.save();
  expect(saved).toBe(staged);
  return { cache, built, records, saved };
}

describe('PageCache', () => {
  it('builds a record once, reuses it in the next run, and rewrites only the shards that changed', async () => {
    const dir = await cacheDir();
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const first = await run(dir, ids);
    expect(first.built).toHaveLength(40);
    const shards = path.join(dir, 'page', 'papers');
    expect(first.saved).toBe((await readdir(shards)).length);

    const second = await run(dir, [...ids.slice(1), 'new']);
    expect(second.built).toEqual(['new']);
    expect(second.records[0]).toBe('{"id":"1"}');
    expect(second.saved).toBeGreaterThanOrEqual(1);
    expect(second.saved).toBeLessThanOrEqual(2);

    const third = await run(dir, [...ids.slice(1), 'new']);
    expect([third.built, third.saved]).toEqual([[], 0]);
    expect((await run(dir, [0])).built).toEqual(['0']);
    // A run with no records removes every shard.
    await run(dir, []);
    expect(await readdir(shards)).toEqual([]);
  });

  it('uses no record of another code version, discards a corrupt shard, and writes nothing without a folder', async () => {
    const dir = await cacheDir();
    await run(dir, [1]);
    expect((await run(dir, [1], 'v2')).built).toEqual(['1']);
    const shards = path.join(dir, 'page', 'papers');
    const [name] = await readdir(shards);
    const file = path.join(shards, name!);
    const data = await readFile(file);
    await writeFile(file, data.subarray(0, data.length - 2));
    const broken = await run(dir, [1], 'v2');
    expect(broken.built).toEqual(['1']);
    expect(broken.cache.discarded).toEqual([{ file: path.join('page', 'papers', name!), reason: 'checksum mismatch (truncated or edited)' }]);

    const none = await run(null, [1, 1]);
    expect([none.built, none.saved]).toEqual([['1', '1'], 0]);
  });
});
