/** The term-vector cache: keys, the saved table, vectors offered by the parse workers, corrupt files, memory-only mode. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ADDED_LIMIT, VECTORS_FORMAT, VectorCache } from '../../../pipeline/cache/vector-cache.ts';
import { analyzeDocument, checkVectorTable, type VectorTable } from '../../../src/search/vectors.ts';
import { IndexBuilder } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { docKey } from '../../../pipeline/parse/vectors.ts';
import { useProjects } from '../../helpers/ops.ts';

const project = useProjects();

describe('VectorCache', () => {
  const doc = { id: '2401.00001', title: 'Sparse Attention', summary: '희소 어텐션으로 속도를 높입니다.', authors: 'Ann Lee', date: '2024-01-01', votes: 3 };
  const other = { ...doc, id: '2401.00002', title: 'Other Attention' };
  const key = docKey(doc);

  /** What the index step does: look every document up, analyze the misses, merge, export. */
  function build(cache: VectorCache, docs: (typeof doc)[]): { json: string; table: VectorTable; cached: number } {
    const builder = new IndexBuilder();
    let cached = 0;
    for (const d of docs) {
      const k = docKey(d);
      const found = cache.lookup(k);
      if (found?.cached) cached++;
      builder.add(d, found?.vector ?? analyzeDocument(d), k);
    }
    const table = builder.exportTable();
    return { json: indexJsonText(builder.finish()), table, cached };
  }

  it('keys documents by every searchable field', () => {
    expect(new Set([key, docKey({ ...doc, id: '2401.00002' }), docKey({ ...doc, title: `${doc.title}${doc.summary}`, summary: '' })]).size).toBe(3);
  });

  it('round-trips the table of the last run, saves only when it changed, and builds the same index from it', async () => {
    const p = await project({});
    const first = new VectorCache(p.cache, 'v1');
    await first.load();
    const cold = build(first, [doc, other]);
    expect(cold.cached).toBe(0);
    expect(await first.save(cold.table)).toBe(true);
    const text = await readFile(first.file!, 'latin1');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: VECTORS_FORMAT, version: 'v1' });

    const second = new VectorCache(p.cache, 'v1');
    await second.load();
    const warm = build(second, [doc, other]);
    expect(warm.cached).toBe(2);
    expect(warm.json).toBe(cold.json);
    expect(second.changed).toBe(false);
    expect(await second.save(warm.table)).toBe(false);

    // One paper gone: the table shrinks.
    const third = new VectorCache(p.cache, 'v1');
    await third.load();
    expect(build(third, [doc]).cached).toBe(1);
    expect(third.changed).toBe(true);
    expect(await third.save(build(new VectorCache(p.cache, 'v1'), [doc]).table)).toBe(true);
    const fourth = new VectorCache(p.cache, 'v1');
    await fourth.load();
    expect(fourth.lookup(docKey(other))).toBeUndefined();
    expect(fourth.lookup(key)?.cached).toBe(true);

    // Another analyzer version: not used, not a problem.
    const stale = new VectorCache(p.cache, 'v2');
    await stale.load();
    expect(stale.lookup(key)).toBeUndefined();
    expect(stale.discarded).toEqual([]);
  });

  it('uses vectors offered while parsing (by a worker or the main thread), and saves them', async () => {
    const p = await project({});
    const cache = new VectorCache(p.cache, 'v1');
    cache.offer(key, analyzeDocument(doc));
    cache.offer(docKey(other), analyzeDocument(other), false);
    expect(cache.lookup(key)).toMatchObject({ cached: false, inWorker: true });
    expect(cache.lookup(docKey(other))).toMatchObject({ cached: false, inWorker: false });
    expect(cache.changed).toBe(true);
  });

  it('discards a corrupt or foreign file with a reason', async () => {
    const p = await project({});
    const cache = new VectorCache(p.cache, 'v1');
    await cache.save(build(cache, [doc]).table);
    const good = await readFile(cache.file!, 'latin1');
    const cases: [string, RegExp][] = [
      [good.slice(0, -3), /checksum mismatch/],
      ['not json', /no header line/],
      ['{"format"\n{}', /header is not JSON/],
      [good.replace(VECTORS_FORMAT, 'other@1'), /foreign format "other@1"/],
    ];
    for (const [text, reason] of cases) {
      await writeFile(cache.file!, text, 'latin1');
      const again = new VectorCache(p.cache, 'v1');
      await again.load();
      expect(again.lookup(key)).toBeUndefined();
      expect(again.discarded.map((d) => d.reason).join()).toMatch(reason);
    }
  });

  it('checks a table before trusting it', () => {
    const table = build(new VectorCache('/nonexistent', 'v'), [doc, other]).table;
    expect(checkVectorTable(table)).toBeNull();
    expect(checkVectorTable({ ...table, terms: Int32Array.from(table.terms, (t) => t + table.dict.length) })).toMatch(/out of range/);
    expect(checkVectorTable({ ...table, starts: table.starts.slice(1) })).toMatch(/lengths/);
    expect(checkVectorTable({ ...table, fields: Array.from(table.fields) })).toMatch(/types/);
    expect(checkVectorTable(null)).toMatch(/not an object/);
  });

  it('adds the rows of new documents to the table it read (stageAdded), so that a later full build finds them all', async () => {
    const p = await project({});
    const third = { ...doc, id: '2401.00003', title: 'Dense Attention', summary: '새로운 어텐션입니다.' };
    const first = new VectorCache(p.cache, 'v1');
    await first.save(build(first, [doc]).table);
    const second = new VectorCache(p.cache, 'v1');
    await second.load();
    // A table of the new documents only; `doc` again is not added twice.
    const added = build(new VectorCache(null, 'v1'), [other, third, doc]).table;
    const staged = second.stageAdded(added)!;
    second.release();
    await staged.write();
    const after = new VectorCache(p.cache, 'v1');
    await after.load();
    const full = build(after, [third, doc, other]);
    expect(full.cached).toBe(3);
    expect(full.json).toBe(build(new VectorCache(null, 'v1'), [third, doc, other]).json);
    expect(new VectorCache(null, 'v1').stageAdded(added)).toBeNull();
    // The added rows are a file of their own until a changed full table is written, which replaces both.
    expect(existsSync(after.addedFile!)).toBe(true);
    expect(after.stage(full.table)).toBeNull(); // every row used, none missed: unchanged
    const fewer = new VectorCache(p.cache, 'v1');
    await fewer.load();
    await fewer.stage(build(fewer, [third, doc]).table)!.write();
    expect(existsSync(after.addedFile!)).toBe(false);
    const whole = new VectorCache(p.cache, 'v1');
    await whole.load();
    expect(build(whole, [third, doc, other]).cached).toBe(2);
  });

  it(`moves the added rows into vectors.bin past ${ADDED_LIMIT} papers`, async () => {
    const p = await project({});
    const base = new VectorCache(p.cache, 'v1');
    await base.save(build(base, [doc]).table);
    const many = Array.from({ length: ADDED_LIMIT + 1 }, (_, i) => ({ ...doc, id: `2402.${String(i).padStart(5, '0')}`, title: `Paper ${i}` }));
    await new VectorCache(p.cache, 'v1').stageAdded(build(new VectorCache(null, 'v1'), many.slice(0, 10)).table)!.write();
    expect(existsSync(base.addedFile!)).toBe(true);
    await new VectorCache(p.cache, 'v1').stageAdded(build(new VectorCache(null, 'v1'), many.slice(10)).table)!.write();
    expect(existsSync(base.addedFile!)).toBe(false);
    const again = new VectorCache(p.cache, 'v1');
    await again.load();
    expect(build(again, [doc, ...many]).cached).toBe(ADDED_LIMIT + 2);
  });

  it('without a cache folder, carries the vectors of the parse workers and reads or writes nothing', async () => {
    const cache = new VectorCache(null, 'v1');
    await cache.load();
    cache.offer(key, analyzeDocument(doc));
    const built = build(cache, [doc]);
    expect(cache.lookup(key)).toMatchObject({ cached: false });
    expect(await cache.save(built.table)).toBe(false);
    expect(cache.file).toBeNull();
  });
});
