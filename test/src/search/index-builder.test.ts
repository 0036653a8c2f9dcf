/** The fast index build: expanded, the same bytes as MiniSearch#add + JSON.stringify, from fresh or cached vectors. */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { buildIndex, IndexBuilder } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { COMPACT_SERIALIZATION } from '../../../src/search/internals.ts';
import { expandIndex } from '../../../src/search/load.ts';
import { encodePostings } from '../../../src/search/postings.ts';
import { analyzeDocument, checkVectorTable, type VectorTable } from '../../../src/search/vectors.ts';
import { indexOptions, toSearchDocument } from '../../../src/search/options.ts';
import type { Dataset } from '../../../src/types.ts';
import { fixtureDataset } from '../../fixtures/page/dataset.ts';
import { DATASET, PAPERS, paper, referenceIndexJson, referenceMiniSearch } from '../../helpers/search-fixtures.ts';

const reference = referenceIndexJson;
const compact = (dataset: Dataset): string => indexJsonText(buildIndex(dataset.papers.map(toSearchDocument)));
/** search-index.json expanded to MiniSearch's own serialization (what the reference is). */
const fast = (dataset: Dataset): string => JSON.stringify(expandIndex(compact(dataset)));

describe('IndexBuilder', () => {
  it('writes exactly what MiniSearch#add and JSON.stringify write (search and page fixtures)', () => {
    for (const dataset of [DATASET, fixtureDataset()]) {
      const want = reference(dataset);
      expect(fast(dataset)).toBe(want);
      expect(want.length).toBeGreaterThan(1000);
    }
  });

  it('writes the postings of each term as the reference does, through encodePostings, and marks the format', () => {
    for (const dataset of [DATASET, fixtureDataset()]) {
      const want = JSON.parse(reference(dataset)) as { index: [string, Record<string, Record<string, number>>][] };
      const got = JSON.parse(compact(dataset)) as { index: [string, string][]; serializationVersion: unknown };
      expect(got.index).toEqual(want.index.map(([term, postings]) => [term, encodePostings(postings)]));
      expect(got.serializationVersion).toBe(COMPACT_SERIALIZATION);
    }
  });

  it('matches for an empty dataset, a repeated id and a paper with empty fields', () => {
    expect(fast({ papers: [], authors: [] })).toBe(reference({ papers: [], authors: [] }));
    const tricky: Dataset = {
      papers: [...PAPERS, paper('2401.00001', 'Again', ['다시'], []), paper('2402.00009', '', [], [], '2024-06-01', null)],
      authors: [],
    };
    expect(fast(tricky)).toBe(reference(tricky));
    const js = JSON.parse(fast(tricky));
    expect(js.documentCount).toBe(PAPERS.length + 1);
  });

  it('gives the same bytes from its exported vector table (what the cache stores) as from fresh vectors', () => {
    const docs = fixtureDataset().papers.map(toSearchDocument);
    const first = new IndexBuilder();
    for (const doc of docs) first.add(doc, analyzeDocument(doc), `key-${doc.id}`);
    const table = deserialize(serialize(first.exportTable())) as VectorTable;
    expect(checkVectorTable(table)).toBeNull();
    expect(table.keys).toEqual(docs.map((d) => `key-${d.id}`));
    const second = new IndexBuilder();
    docs.forEach((doc, row) => second.add(doc, { table, row }));
    expect(indexJsonText(second.finish())).toBe(compact(fixtureDataset()));
    expect(indexJsonText(first.finish())).toBe(compact(fixtureDataset()));
    // Analyzed by the builder itself (no vector given): the same table.
    const third = new IndexBuilder();
    for (const doc of docs) third.add(doc, undefined, `key-${doc.id}`);
    expect(third.exportTable()).toEqual(deserialize(serialize(table)));
  });

  it('loads with MiniSearch.loadJSON once expanded and finds what the reference finds', () => {
    const ms = MiniSearch.loadJSON(fast(DATASET), indexOptions);
    const ref = referenceMiniSearch(DATASET);
    for (const q of ['강화학습', '언어모델', 'Rame', '2404.03715', 'difusion']) {
      expect(ms.search(q).map((r) => [r.id, r.score]), q).toEqual(ref.search(q).map((r) => [r.id, r.score]));
    }
  });
});
