/**
 * The chunked search data (pipeline/page/chunks.ts) as the page's loader (src/page/loader.ts)
 * reads it, in Node: the same ranking as search-index.json, fetching only some chunks.
 */
import { describe, expect, test } from 'vitest';
import { chunkSearchData, META_BLOCK, PAPER_BLOCK } from '../../../pipeline/page/chunks.ts';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { toSearchDocument } from '../../../src/search/options.ts';
import { loadSearchIndex } from '../../../src/search/client.ts';
import { ChunkedIndex } from '../../../src/page/loader.ts';
import { ENGLISH, fixtureDataset, KOREAN, MATH, OLD } from '../../fixtures/page/dataset.ts';
import { PaperData } from '../../../src/page/paper-data.ts';
import { positionOf } from '../../../src/page/format.ts';
import { buildAuthorRecords } from '../../../src/authors.ts';
import type { AuthorRecord } from '../../../src/types.ts';

describe('chunked search data (Node)', () => {
  const dataset = fixtureDataset();
  const built = buildIndex(dataset.papers.map(toSearchDocument));
  // search-index.json of the same index, to compare the chunks' ranking with.
  const full = indexJsonText(built);
  // Tiny term chunks, so that queries span several of them.
  const { manifest, artifacts } = chunkSearchData(dataset.papers, built, { termChunkBytes: 600 });
  const files = new Map(artifacts.map((a) => [a.path, a.data]));
  const fetched: string[] = [];
  const fetchJson = async (p: string) => {
    fetched.push(p);
    const data = files.get(p);
    if (data === undefined) throw new Error(`404 ${p}`);
    return JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)) as unknown;
  };

  test('splits terms into sorted, contiguous chunks listed in the manifest', () => {
    expect(manifest.terms.count).toBeGreaterThan(5);
    expect([...manifest.terms.first].sort()).toEqual(manifest.terms.first);
    expect(manifest.documentCount).toBe(dataset.papers.length);
    expect(manifest.dates).toEqual({ min: '2023-11-25', max: '2024-06-01' });
  });

  test('ranks exactly like the full search-index.json, fetching only some chunks', async () => {
    const index = await ChunkedIndex.open(fetchJson);
    const client = loadSearchIndex(full);
    for (const q of ['강화학습', '언어 모델을', 'diffusion transformer', 'protein', 'portein', 'benchmarking orbit', 'Ramirez', `arXiv:${OLD.id}`, '연구']) {
      fetched.length = 0;
      const got = await index.search(q);
      const want = client.search(q, { limit: 500 });
      expect(got.map((h) => [h.id, h.score.toFixed(6)]), q).toEqual(want.map((h) => [h.id, h.score.toFixed(6)]));
      expect(want.length, q).toBeGreaterThan(0);
      expect(fetched.filter((f) => f.includes('/t/')).length, q).toBeLessThan(manifest.terms.count);
    }
    const filtered = await index.search('연구', { minVotes: 100 });
    expect(filtered.map((h) => h.id)).toEqual([OLD.id]);
  });

  test("match 'all' keeps only the papers with every query word, as the client does", async () => {
    const index = await ChunkedIndex.open(fetchJson);
    const client = loadSearchIndex(full);
    for (const q of ['강화학습', '언어 모델을', 'protein 연구', 'benchmarking orbit']) {
      const all = (await index.rank(q, {}, 500, undefined, undefined, 'all'))!;
      expect(all.map((h) => h.id), q).toEqual(client.search(q, { limit: 500, match: 'all' }).map((h) => h.id));
      expect(all.length, q).toBeLessThanOrEqual((await index.search(q)).length);
    }
    const some = (await index.rank('protein 연구', {}, 500, undefined, undefined, 'all'))!;
    expect(some.length).toBe(1);
    expect((await index.search('protein 연구')).length).toBeGreaterThan(10);
  });

  test('meta records carry what a result shows, and browse lists newest first with filters', async () => {
    const index = await ChunkedIndex.open(fetchJson);
    const [hit] = await index.search(KOREAN.id);
    const meta = await index.meta([hit!.shortId]);
    expect(meta.get(hit!.shortId)).toMatchObject({ id: KOREAN.id, title: KOREAN.title, votes: 42, abs: KOREAN.links.abs });
    const page = await index.browse({ minVotes: 40 }, 0, 10);
    expect(page.shortIds.map((s) => dataset.papers[s]!.id)).toEqual([KOREAN.id, OLD.id]);
  });

  test('meta records carry author keys; related chunks the related papers; paper chunks the whole page; author shards each person', async () => {
    const index = await ChunkedIndex.open(fetchJson);
    const data = new PaperData(fetchJson, 'search/', index);
    const short = (id: string) => dataset.papers.findIndex((p) => p.id === id);
    const s = (await data.shortIdOf(MATH.id))!;
    expect(s).toBe(short(MATH.id));
    const meta = (await index.meta([s])).get(s)!;
    expect(meta.authorKeys).toEqual(MATH.authors.map((a) => a.key));
    expect((await data.related(s))[0]).toBe(short(ENGLISH.id));
    const page = (await data.paper(s))!;
    expect(page.dates).toEqual(['2024-05-22', '2024-05-29']);
    expect(page.authors).toEqual(MATH.authors);
    expect(page.summary.map((x) => x.label)).toEqual(["What's New", 'Technical Details']);
    expect(JSON.stringify(page.summary[1]!.body)).toContain('"k":"ol"');
    const kang = await data.author(KOREAN.authors[0]!.key);
    expect(kang).toEqual({ name: 'Minji Kang', papers: [short(KOREAN.id), short(MATH.id)].sort((a, b) => a - b) });
    expect(await data.author('nobody at all')).toBeNull();
    expect(await data.shortIdOf('0000.00000')).toBeNull();
  });

  test('browse narrows to a set of papers and sorts by votes', async () => {
    const index = await ChunkedIndex.open(fetchJson);
    const ids = (r: { shortIds: number[] }) => r.shortIds.map((x) => dataset.papers[x]!.id);
    const votes = await index.browse({}, 0, 3, { sort: 'votes' });
    expect(ids(votes)).toEqual([OLD.id, KOREAN.id, dataset.papers.find((p) => p.votes === 39)!.id]);
    expect(votes.more).toBe(true);
    const only = new Set([0, 1, 2, 3, 4].map((i) => dataset.papers.findIndex((p) => p.id === [KOREAN, OLD, MATH, ENGLISH, KOREAN][i]!.id)));
    expect(ids(await index.browse({ minVotes: 10 }, 0, 10, { only }))).toEqual([MATH.id, KOREAN.id, OLD.id]);
    expect(ids(await index.browse({}, 1, 1, { only, sort: 'votes' }))).toEqual([KOREAN.id]);
  });
});

describe('meta and paper chunks through the page cache', () => {
  test('are the same bytes with a cold cache, a warm one and none, and are JSON of { start, docs }', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { PageCache } = await import('../../../pipeline/cache/page-cache.ts');
    const dataset = fixtureDataset();
    const built = buildIndex(dataset.papers.map(toSearchDocument));
    const dir = await mkdtemp(path.join(tmpdir(), 'dpf-chunks-'));
    try {
      const bytes = (artifacts: { path: string; data: string | Uint8Array }[]) =>
        Object.fromEntries(artifacts.map((a) => [a.path, Buffer.from(a.data).toString('utf8')]));
      const none = bytes(chunkSearchData(dataset.papers, built).artifacts);
      const cold = new PageCache(dir, 'v1');
      await cold.load();
      const first = bytes(chunkSearchData(dataset.papers, built, { records: cold }).artifacts);
      expect(cold.stage()).toBeGreaterThan(0);
      await cold.save();
      const warm = new PageCache(dir, 'v1');
      await warm.load();
      const again = chunkSearchData(dataset.papers, built, { records: warm }).artifacts;
      // Every meta and paper chunk known by its identity: no record read or built, the bytes
      // built only when asked for (the writer links them from the last output instead).
      expect([warm.hits, warm.misses]).toEqual([0, 0]);
      const second = bytes(again);
      expect(first).toEqual(none);
      expect(second).toEqual(none);
      expect(warm.stage()).toBe(0);
      await warm.save();

      // One paper changed: only its meta and paper chunks are built, from the other papers' records.
      const edited = fixtureDataset();
      const at = edited.papers.findIndex((p) => p.id === MATH.id);
      edited.papers[at] = { ...edited.papers[at]!, votes: 777, media: ['https://example.org/talk.mp4'] };
      const editedIndex = buildIndex(edited.papers.map(toSearchDocument));
      const third = new PageCache(dir, 'v1');
      await third.load();
      const changed = bytes(chunkSearchData(edited.papers, editedIndex, { records: third }).artifacts);
      expect(changed).toEqual(bytes(chunkSearchData(edited.papers, editedIndex).artifacts));
      expect(third.misses).toBe(2); // its meta and paper records
      // The other papers of its two chunks: their records from the cache.
      const { nextId } = editedIndex.head;
      const position = positionOf(at, nextId);
      const inChunk = (block: number) => Math.min(block, nextId - Math.floor(position / block) * block);
      expect(third.hits).toBe(inChunk(META_BLOCK) - 1 + inChunk(PAPER_BLOCK) - 1);
      const kept = Object.entries(changed).filter(([p, text]) => /\/[mp]\/\d+\.json$/.test(p) && Object.values(none).includes(text));
      expect(kept.length).toBe(Object.keys(changed).filter((p) => /\/[mp]\/\d+\.json$/.test(p)).length - 2);
      const paperChunks = Object.entries(none).filter(([p]) => /\/[mp]\/\d+\.json$/.test(p));
      expect(paperChunks.length).toBeGreaterThan(0);
      for (const [, text] of paperChunks) {
        const chunk = JSON.parse(text) as { start: number; docs: unknown[] };
        expect(JSON.stringify(chunk)).toBe(text);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('reads the author shards off the author records when they are the papers\' own: the same bytes as from the papers', () => {
    const dataset = fixtureDataset();
    const built = buildIndex(dataset.papers.map(toSearchDocument));
    const records = buildAuthorRecords(dataset.papers);
    const shards = (authors: AuthorRecord[]) =>
      chunkSearchData(dataset.papers, built, { authors }).artifacts
        .filter((a) => /\/a\/\d+\.json$/.test(a.path))
        .map((a) => new TextDecoder().decode(a.data as Uint8Array));
    expect(records.length).toBeGreaterThan(5);
    const fromRecords = shards(records);
    // Records out of order, or one that lists a paper too few: read from the papers instead.
    expect(shards([...records].reverse())).toEqual(fromRecords);
    expect(shards(records.map((a, i) => (i === 0 ? { ...a, papers: a.papers.slice(1) } : a)))).toEqual(fromRecords);
    expect(fromRecords.join('')).toContain(JSON.stringify(records[0]!.key));
  });
});
