/** The parse cache, the fast-path manifest and the parse step's ordered merge (main thread or workers). */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, ParseCache, readManifest, VECTORS_FORMAT, VectorCache, type CacheProblem, type ParsedFile } from '../../../pipeline/cache/cache.ts';
import { IndexBuilder } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { analyzeDocument, checkVectorTable, type VectorTable } from '../../../src/search/vectors.ts';
import { buildDataset } from '../../../src/dataset.ts';
import { authorsStep } from '../../../pipeline/steps/authors.ts';
import { buildIndexOf } from '../../../pipeline/steps/search-index.ts';
import { docKey } from '../../../pipeline/parse/vectors.ts';
import { discoverStep } from '../../../pipeline/steps/discover.ts';
import { bundleParseWorker, parseStep } from '../../../pipeline/steps/parse.ts';
import { digest, digestWithWarning, fileMessages, stepContext, useProjects } from '../../helpers/ops.ts';

const project = useProjects();

const sample: ParsedFile = {
  entries: [],
  messages: [{ reason: 'Something odd', ruleId: 'odd', source: 'pipeline:parse', fatal: false, place: { line: 3, column: 1 } }],
};

describe('ParseCache', () => {
  it('round-trips a result under a key of version, config digest, path and content hash', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, '1.0.0+abc', 'digest');
    const key = cache.key('2025/01/01.md', 'hash');
    expect(new Set([
      key,
      cache.key('2025/01/02.md', 'hash'),
      cache.key('2025/01/01.md', 'hash2'),
      new ParseCache(p.cache, '1.0.0+def', 'digest').key('2025/01/01.md', 'hash'),
      new ParseCache(p.cache, '1.0.0+abc', 'digest2').key('2025/01/01.md', 'hash'),
    ]).size).toBe(5);
    expect(await cache.get(key, '2025/01/01.md')).toBeUndefined();
    await cache.set(key, '2025/01/01.md', sample);
    expect(await cache.get(key, '2025/01/01.md')).toEqual(sample);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    const text = await readFile(path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin`), 'utf8');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ format: CACHE_FORMAT, key, path: '2025/01/01.md' });
  });

  it('discards corrupt, edited and foreign files with a reason, never trusting them', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, 'v', 'd');
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
    const cache = new ParseCache(p.cache, 'v', 'd');
    const key = cache.key('g.md', 'h');
    await cache.set(key, 'g.md', sample);
    const target = path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin`);
    const text = await readFile(target, 'latin1');
    await writeFile(target, text.replace(`"v8":"${process.versions.v8}"`, '"v8":"1.0.0"'), 'latin1');
    expect(await cache.get(key, 'g.md')).toBeUndefined();
    expect(cache.discarded).toEqual([]);
    expect(cache.misses).toBe(1);
  });

  it('prunes entries the run did not use', async () => {
    const p = await project({});
    const old = new ParseCache(p.cache, 'v1', 'd');
    await old.set(old.key('a.md', 'h'), 'a.md', sample);
    const current = new ParseCache(p.cache, 'v2', 'd');
    const key = current.key('a.md', 'h');
    await current.set(key, 'a.md', sample);
    // What a run killed between writing an entry and renaming it leaves behind.
    const stray = path.join(p.cache, 'parse', key.slice(0, 2), `${key}.bin.4242-0.tmp`);
    await writeFile(stray, 'half');
    expect(await current.prune()).toBe(2);
    const left = await readdir(path.join(p.cache, 'parse'), { recursive: true, withFileTypes: true });
    expect(left.filter((d) => d.isFile()).map((d) => d.name)).toEqual([`${key}.bin`]);
  });

  it('writes over an existing entry and leaves no temporary file', async () => {
    const p = await project({});
    const cache = new ParseCache(p.cache, 'v', 'd');
    const key = cache.key('a.md', 'h');
    await cache.set(key, 'a.md', { ...sample, messages: [] });
    await cache.set(key, 'a.md', sample);
    expect(await cache.get(key, 'a.md')).toEqual(sample);
    expect(await readdir(path.join(p.cache, 'parse', key.slice(0, 2)))).toEqual([`${key}.bin`]);
  });
});

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
    const text = await readFile(first.file, 'latin1');
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

  it('uses vectors offered by the parse workers, and saves them', async () => {
    const p = await project({});
    const cache = new VectorCache(p.cache, 'v1');
    cache.offer(key, analyzeDocument(doc));
    expect(cache.lookup(key)).toMatchObject({ cached: false });
    expect(cache.changed).toBe(true);
  });

  it('discards a corrupt or foreign file with a reason', async () => {
    const p = await project({});
    const cache = new VectorCache(p.cache, 'v1');
    await cache.save(build(cache, [doc]).table);
    const good = await readFile(cache.file, 'latin1');
    const cases: [string, RegExp][] = [
      [good.slice(0, -3), /checksum mismatch/],
      ['not json', /no header line/],
      ['{"format"\n{}', /header is not JSON/],
      [good.replace(VECTORS_FORMAT, 'other@1'), /foreign format "other@1"/],
    ];
    for (const [text, reason] of cases) {
      await writeFile(cache.file, text, 'latin1');
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
});

describe('readManifest', () => {
  it('discards a corrupt or foreign manifest with a reason', async () => {
    const p = await project({});
    const problems: CacheProblem[] = [];
    expect(await readManifest(p.cache, problems)).toBeNull();
    await mkdir(p.cache, { recursive: true });
    await writeFile(path.join(p.cache, 'manifest.json'), '{"format":"x"');
    expect(await readManifest(p.cache, problems)).toBeNull();
    await writeFile(path.join(p.cache, 'manifest.json'), '{"format":"x"}');
    expect(await readManifest(p.cache, problems)).toBeNull();
    expect(problems.map((x) => x.reason)).toEqual([expect.stringMatching(/JSON/), 'foreign format "x"']);
  });
});

describe('parseStep', () => {
  it('bundles its worker into one script without warnings (else workers boot through tsx, slower)', async () => {
    const result = await bundleParseWorker();
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.outputFiles).toHaveLength(1);
    expect(result.outputFiles[0]!.text).toContain('parentPort');
  });

  it('merges in input order whatever the scheduling: workers, main thread and cache agree', async () => {
    const inputs: Record<string, string> = {};
    for (let d = 1; d <= 12; d++) {
      const date = `2025-04-${String(d).padStart(2, '0')}`;
      inputs[`2025/04/${String(d).padStart(2, '0')}.md`] = d % 3 === 0 ? digestWithWarning(date, d) : digest(date, 2 + (d % 4), d);
    }
    inputs['2025/04/13.md'] = new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf])) + digest('2025-04-13', 1, 13).replace(/\n/g, '\r\n');
    const p = await project(inputs);

    const main = await stepContext(p);
    const found = await discoverStep(main.ctx);
    const onMain = await parseStep(main.ctx, found, { workers: 0 });
    expect(onMain.map((e) => e.source.file)).toEqual([...onMain.map((e) => e.source.file)].sort());
    expect(onMain.length).toBeGreaterThan(40);

    const threaded = await stepContext(p);
    const stats = {};
    const vectors = new VectorCache(p.cache, 'v');
    const inWorkers = await parseStep(threaded.ctx, found, { workers: 3, stats, vectors });
    expect(stats).toMatchObject({ workers: 3, parsed: 13 });
    expect(inWorkers).toEqual(onMain);
    expect(fileMessages(threaded.files)).toEqual(fileMessages(main.files));

    // The workers also analyzed every paper for the index: the same index, nothing analyzed again.
    const dataset = buildDataset(authorsStep(threaded.ctx, inWorkers));
    const fromWorkers = buildIndexOf(dataset, vectors);
    expect(fromWorkers.stats).toMatchObject({ analyzed: dataset.papers.length, analyzedInWorkers: dataset.papers.length, reused: 0 });
    expect(indexJsonText(fromWorkers.index)).toBe(indexJsonText(buildIndexOf(dataset).index));

    const cache = new ParseCache(p.cache, 'v', 'd');
    await parseStep((await stepContext(p)).ctx, found, { workers: 0, cache });
    const cached = await stepContext(p);
    const cacheStats = {};
    const fromCache = await parseStep(cached.ctx, found, { workers: 0, cache: new ParseCache(p.cache, 'v', 'd'), stats: cacheStats });
    expect(cacheStats).toMatchObject({ cacheHits: 13, cacheMisses: 0 });
    expect(fromCache).toEqual(onMain);
    expect(fileMessages(cached.files)).toEqual(fileMessages(main.files));
  }, 60_000);

  it('turns a read error (EISDIR) into a fatal message on that file and goes on', async () => {
    const p = await project({ '2025/01/01.md': digest('2025-01-01', 2, 1) });
    await mkdir(path.join(p.input, '2025/01/02.md'));
    const { ctx, files } = await stepContext(p);
    const entries = await parseStep(ctx, [
      { path: '2025/01/01.md', abs: path.join(p.input, '2025/01/01.md') },
      { path: '2025/01/02.md', abs: path.join(p.input, '2025/01/02.md') },
    ]);
    expect(entries).toHaveLength(2);
    const [message] = files.get('2025/01/02.md')!.messages;
    expect(message).toMatchObject({ fatal: true, ruleId: 'unreadable-file', source: 'pipeline:parse', line: 1, column: 1 });
    expect(message!.reason).toMatch(/Cannot read file: it is a folder, not a file \(EISDIR\)/);
  });
});
