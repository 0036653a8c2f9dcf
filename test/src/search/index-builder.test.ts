/** The fast index build: expanded, the same bytes as MiniSearch#add + JSON.stringify, from fresh or cached vectors. */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { buildIndex, builtIndexOf, IndexBuilder, newInFront, prependIndex, type MergedIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { COMPACT_SERIALIZATION } from '../../../src/search/internals.ts';
import { expandIndex } from '../../../src/search/load.ts';
import { encodePostings } from '../../../src/search/postings.ts';
import { analyzeDocument, checkVectorTable, type VectorTable } from '../../../src/search/vectors.ts';
import { indexOptions, toSearchDocument } from '../../../src/search/options.ts';
import type { Dataset, Paper } from '../../../src/types.ts';
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

  it('gives the same bytes whichever documents it analyzes itself and which come with vectors (50 seeded mixes)', () => {
    // The builder numbers each raw token once and keeps its term; terms interned from cached rows
    // or fresh vectors come first in some mixes, so its token and term arrays grow either way.
    const docs = fixtureDataset().papers.map(toSearchDocument);
    const whole = new IndexBuilder();
    for (const doc of docs) whole.add(doc, analyzeDocument(doc));
    const table = whole.exportTable();
    const want = compact(fixtureDataset());
    let seed = 7;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let mix = 0; mix < 50; mix++) {
      const builder = new IndexBuilder();
      docs.forEach((doc, row) => {
        const pick = next();
        if (pick < 0.34) builder.add(doc, { table, row });
        else if (pick < 0.67) builder.add(doc, analyzeDocument(doc));
        else builder.add(doc);
      });
      expect(indexJsonText(builder.finish())).toBe(want);
    }
  });

  it('loads with MiniSearch.loadJSON once expanded and finds what the reference finds', () => {
    const ms = MiniSearch.loadJSON(fast(DATASET), indexOptions);
    const ref = referenceMiniSearch(DATASET);
    for (const q of ['강화학습', '언어모델', 'Rame', '2404.03715', 'difusion']) {
      expect(ms.search(q).map((r) => [r.id, r.score]), q).toEqual(ref.search(q).map((r) => [r.id, r.score]));
    }
  });
});

/** Merged index of these papers, in order (keys `k-<id>`). */
function mergedOf(papers: readonly Paper[]): MergedIndex {
  const builder = new IndexBuilder();
  for (const p of papers) builder.add(toSearchDocument(p), undefined, `k-${p.id}`);
  return builder.finishMerged().merged;
}

/** A seeded dataset with shared words and authors: name terms cross the left-out threshold as papers come. */
function generatedPapers(seed: number, count: number): Paper[] {
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const words = ['강화학습', '언어모델은', '모델을', '추론', 'diffusion', 'models', 'agents', '에이전트가', '벤치마크', '학습을', 'vision', 'Transformer로서', '평가', '데이터셋'];
  const people = ['Jürgen Müller', 'Ana Lima', 'Wei Zhang', 'Bo Li', 'Sam Roe', 'Kim Min-jun', 'Lee Ji-eun', 'Tom Hardy'];
  const pick = (n: number, from: string[]) => Array.from({ length: n }, () => from[next(from.length)]!);
  return Array.from({ length: count }, (_, i) =>
    paper(
      `24${String(1 + next(12)).padStart(2, '0')}.${String(10000 + i)}`,
      pick(1 + next(4), words).join(' '),
      Array.from({ length: next(3) }, () => pick(2 + next(5), words).join(' ')),
      [...new Set(pick(1 + next(3), people))],
      `2024-0${1 + next(9)}-1${next(10)}`,
      next(3) === 0 ? null : next(200),
    ),
  );
}

describe('prependIndex', () => {
  it('gives, for every split, the bytes of a build with the new papers first (fixtures and 200 seeded datasets)', () => {
    const datasets = [DATASET.papers, fixtureDataset().papers, ...Array.from({ length: 200 }, (_, s) => generatedPapers(s + 1, 3 + (s % 17)))];
    let splits = 0;
    for (const papers of datasets) {
      const want = compact({ papers: [...papers], authors: [] });
      const stored = new IndexBuilder();
      for (const p of papers) stored.add(toSearchDocument(p));
      const fields = stored.finishMerged().stored;
      for (let k = 0; k <= papers.length; k++) {
        const merged = prependIndex(mergedOf(papers.slice(0, k)), mergedOf(papers.slice(k)));
        expect(indexJsonText(builtIndexOf(merged, fields)), `split ${k} of ${papers.length}`).toBe(want);
        expect(merged).toEqual(mergedOf(papers));
        splits++;
      }
    }
    expect(splits).toBeGreaterThan(2000);
  });

  it('survives a round trip through V8 serialization (what the cache stores)', () => {
    const papers = generatedPapers(7, 30);
    const older = deserialize(serialize(mergedOf(papers.slice(5)))) as MergedIndex;
    expect(prependIndex(mergedOf(papers.slice(0, 5)), older)).toEqual(mergedOf(papers));
  });
});

describe('newInFront', () => {
  const papers = generatedPapers(3, 12);
  const old = mergedOf(papers.slice(4));
  const ids = papers.map((p) => p.id);
  const keys = papers.map((p) => `k-${p.id}`);
  it('counts the new documents in front of the old ones', () => {
    expect(newInFront(old, ids, keys)).toBe(4);
    expect(newInFront(old, ids.slice(4), keys.slice(4))).toBe(0);
  });
  it('is -1 when an old document changed, went, or a new one came after an old one', () => {
    expect(newInFront(old, ids, keys.map((k, i) => (i === 6 ? `${k}!` : k)))).toBe(-1);
    expect(newInFront(old, ids.slice(0, -1), keys.slice(0, -1))).toBe(-1);
    expect(newInFront(old, [...ids.slice(4), 'x'], [...keys.slice(4), 'k-x'])).toBe(-1);
    expect(newInFront(old, ids.slice(5), keys.slice(5))).toBe(-1);
  });
});
