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
  const saved = await cache.save();
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
    // Shards are read lazily: a run that asks for nothing reads, rewrites and removes nothing.
    const before = await readdir(shards);
    expect((await run(dir, [])).saved).toBe(0);
    expect(await readdir(shards)).toEqual(before);
  });

  it('prunes from a shard it reads the records it neither used nor kept, and keeps a kept record unread', async () => {
    const dir = await cacheDir();
    // Two keys of one shard (the first two hex digits), and a third elsewhere.
    const ids = Array.from({ length: 600 }, (_, i) => i);
    const [a, b] = ids.filter((i) => key(i).slice(0, 2) === key(0).slice(0, 2));
    const other = ids.find((i) => key(i).slice(0, 2) !== key(0).slice(0, 2))!;
    await run(dir, [a!, b!, other]);
    const shards = path.join(dir, 'page', 'papers');
    const names = await readdir(shards);
    expect(names).toHaveLength(2);
    // b kept unread: a's shard, read for a, keeps b.
    const keeping = new PageCache(dir, 'v1');
    await keeping.load();
    keeping.keep(key(b!));
    keeping.record(key(a!), () => bytes('rebuilt'));
    expect([keeping.hits, keeping.misses, keeping.stage(), await keeping.save()]).toEqual([1, 0, 0, 0]);
    expect((await run(dir, [b!])).built).toEqual([]);
    // a used alone: b pruned from their shard; the other shard never read, so untouched.
    expect((await run(dir, [a!])).saved).toBe(1);
    expect((await run(dir, [b!])).built).toEqual([String(b)]);
    expect((await run(dir, [other])).built).toEqual([]);
  });

  it('records each chunk content it is told and gives it back to the next run, dropping those not asked for', async () => {
    const dir = await cacheDir();
    const content = (n: number) => ({ sha256: key(`c${n}`), size: n });
    const first = new PageCache(dir, 'v1');
    await first.load();
    expect(first.chunk(key('x'))).toBeUndefined();
    first.noteChunk(key('x'), content(10));
    first.noteChunk(key('y'), content(20));
    expect([first.stage(), await first.save()]).toEqual([1, 1]);
    const second = new PageCache(dir, 'v1');
    await second.load();
    expect(second.chunk(key('x'))).toEqual(content(10));
    expect(second.chunk(key('y'))).toEqual(content(20));
    expect(second.stage()).toBe(0); // the same chunks: nothing to write
    await second.save();
    const third = new PageCache(dir, 'v1');
    await third.load();
    expect(third.chunk(key('x'))).toEqual(content(10));
    expect(third.stage()).toBe(1); // y dropped
    await third.save();
    const fourth = new PageCache(dir, 'v1');
    await fourth.load();
    expect([fourth.chunk(key('x')), fourth.chunk(key('y'))]).toEqual([content(10), undefined]);
    const other = new PageCache(dir, 'v2');
    await other.load();
    expect(other.chunk(key('x'))).toBeUndefined();
    const none = new PageCache(null, 'v1');
    none.noteChunk(key('x'), content(10));
    expect([none.chunk(key('x')), none.stage()]).toEqual([undefined, 0]);
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
