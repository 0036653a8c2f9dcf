/** The parse cache: keys, round trips, corrupt and foreign entries, V8 versions, pruning. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, ParseCache, type ParsedFile } from '../../../pipeline/cache/parse-cache.ts';
import { useProjects } from '../../helpers/ops.ts';

const project = useProjects();

const sample: ParsedFile = {
  entries: [],
  messages: [{ reason: 'Something odd', ruleId: 'odd', source: 'pipeline:parse', fatal: false, place: { line: 3, column: 1 } }],
};

describe('ParseCache', () => {
  it('round-trips a result under a key of version, path and content hash (not the config)', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, '1.0.0+abc');
    const key = cache.key('2025/01/01.md', 'hash');
    expect(new Set([
      key,
      cache.key('2025/01/02.md', 'hash'),
      cache.key('2025/01/01.md', 'hash2'),
      new ParseCache(p.cache, '1.0.0+def').key('2025/01/01.md', 'hash'),
    ]).size).toBe(4);
    expect(new ParseCache(p.cache, '1.0.0+abc').key('2025/01/01.md', 'hash')).toBe(key);
    expect(await cache.get(key, '2025/01/01.md')).toBeUndefined();
    await cache.set(key, '2025/01/01.md', sample);
    expect(await cache.get(key, '2025/01/01.md')).toEqual(sample);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    const text = await readFile(path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin`), 'utf8');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: CACHE_FORMAT, key, path: '2025/01/01.md' });
  });

  it('discards corrupt, edited and foreign files with a reason, never trusting them', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, 'v');
    const cases: [string, (text: string) => string, RegExp][] = [
      ['a.md', (t) => t.slice(0, -5), /checksum mismatch/],
      ['b.md', (t) => t.replace('Something odd', 'Something new'), /checksum mismatch/],
      ['c.md', () => 'garbage', /no header line/],
      ['d.md', (t) => t.replace(CACHE_FORMAT, 'other-tool@2'), /foreign format "other-tool@2"/],
      ['e.md', () => `{"format":"${CACHE_FORMAT}","key":"k","path":"e.md"}\n{}`, /key does not match/],
      ['f.md', (t) => `[1,2]\n${t.split('\n')[1]}`, /foreign format undefined/],
    ];
    for (const [file, corrupt, reason] of cases) {
      const key = cache.key(file, 'h');
      await cache.set(key, file, sample);
      const target = path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin`);
      await writeFile(target, corrupt(await readFile(target, 'utf8')));
      expect(await cache.get(key, file)).toBeUndefined();
      expect(cache.discarded.at(-1)?.reason).toMatch(reason);
    }
    expect(cache.hits).toBe(0);
  });

  it('does not use, and does not complain about, a file written by another V8 version', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, 'v');
    const key = cache.key('g.md', 'h');
    await cache.set(key, 'g.md', sample);
    const target = path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin`);
    const text = await readFile(target, 'latin1');
    await writeFile(target, text.replace(`"v8":"${process.versions.v8}"`, '"v8":"1.0.0"'), 'latin1');
    expect(await cache.get(key, 'g.md')).toBeUndefined();
    expect(cache.discarded).toEqual([]);
    expect(cache.misses).toBe(1);
  });

  it('lists the entries the run did not use, and removes them only when asked', async () => {
    const p = await project({});
    const old = new ParseCache(p.cache, 'v1');
    await old.set(old.key('a.md', 'h'), 'a.md', sample);
    const current = new ParseCache(p.cache, 'v2');
    const key = current.key('a.md', 'h');
    await current.set(key, 'a.md', sample);
    // What a run killed between writing an entry and renaming it leaves behind.
    const stray = path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin.4242-0.tmp`);
    await writeFile(stray, 'half');
    const unused = await current.unused();
    expect(unused.map((f) => path.basename(f)).sort()).toEqual([`${old.key('a.md', 'h')}.bin`, path.basename(stray)].sort());
    expect((await readdir(path.join(p.cache, 'parse'), { recursive: true })).length).toBeGreaterThan(3); // nothing removed yet
    expect(await current.remove(unused)).toBe(2);
    const left = await readdir(path.join(p.cache, 'parse'), { recursive: true, withFileTypes: true });
    expect(left.filter((d) => d.isFile()).map((d) => d.name)).toEqual([`${key}.bin`]);
  });

  it('writes over an existing entry and leaves no temporary file', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, 'v');
    const key = cache.key('a.md', 'h');
    await cache.set(key, 'a.md', { ...sample, messages: [] });
    await cache.set(key, 'a.md', sample);
    expect(await cache.get(key, 'a.md')).toEqual(sample);
    expect(await readdir(path.join(p.cache, 'parse', key.slice(0, 2)))).toEqual([`${key}.bin`]);
  });
});
