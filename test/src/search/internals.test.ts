/** The MiniSearch subclass and the formats it owns: header, postings, radix tree. */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { AssembledMiniSearch, buildRadixTree, decodePostings, serializedHeader } from '../../../src/search/internals.ts';
import type { SerializedPostings } from '../../../src/search/internals.ts';
import { ANALYZER_VERSION, indexOptions, toSearchDocument, VERSION_KEY } from '../../../src/search/options.ts';
import { DATASET, PAPERS, referenceMiniSearch } from '../../helpers/search-fixtures.ts';

const json = indexJsonText(buildIndex(PAPERS.map(toSearchDocument)));
const js = JSON.parse(json) as ReturnType<MiniSearch['toJSON']>;
const entries = js.index as [string, SerializedPostings][];
const scores = (ms: MiniSearch, q: string) => ms.search(q).map((r) => [r.id, r.score]);

describe('serializedHeader', () => {
  it('writes the analyzer version first, then the keys in MiniSearch#toJSON order, with no terms', () => {
    const head = serializedHeader(js);
    expect(Object.keys(head)).toEqual([VERSION_KEY, ...Object.keys(referenceMiniSearch(DATASET).toJSON())]);
    expect(head[VERSION_KEY]).toBe(ANALYZER_VERSION);
    expect(head.index).toEqual([]);
    expect(serializedHeader(js, 'other')[VERSION_KEY]).toBe('other');
  });
});

describe('decodePostings', () => {
  it('keys fields and short ids by number, as MiniSearch.loadJS does', () => {
    expect(decodePostings({ '0': { '3': 2, '10': 1 }, '2': { '3': 5 } })).toEqual(
      new Map([
        [0, new Map([[3, 2], [10, 1]])],
        [2, new Map([[3, 5]])],
      ]),
    );
  });
});

describe('buildRadixTree', () => {
  it('builds the tree MiniSearch iterates in sorted order, with terms that prefix others', () => {
    const terms = ['a', 'ab', 'abc', 'abd', 'b', 'ba', '모델', '모델링'];
    type Tree = ConstructorParameters<typeof SearchableMap<number>>[0];
    const map = new SearchableMap<number>(buildRadixTree(terms, terms.map((_t, i) => i)) as Tree);
    expect([...map.entries()]).toEqual(terms.map((t, i) => [t, i]));
    expect(map.get('ab')).toBe(1);
    expect([...map.atPrefix('모델').keys()]).toEqual(['모델', '모델링']);
    expect(new SearchableMap<number>(buildRadixTree([], []) as Tree).size).toBe(0);
  });
});

describe('AssembledMiniSearch', () => {
  const reference = MiniSearch.loadJSON(json, indexOptions);
  const queries = ['강화학습', '모델', 'Rame', 'difusion', 'speech recog', '2404.03715'];

  it('ranks like MiniSearch.loadJSON from the header and the terms, sorted or not', () => {
    const sorted = new AssembledMiniSearch(js);
    sorted.setTerms(entries.map((e) => e[0]), entries.map((e) => decodePostings(e[1])));
    const reversed = [...entries].reverse();
    const unsorted = new AssembledMiniSearch(js);
    unsorted.setTerms(reversed.map((e) => e[0]), reversed.map((e) => decodePostings(e[1])));
    for (const q of queries) {
      expect(scores(sorted, q), q).toEqual(scores(reference, q));
      expect(scores(unsorted, q), q).toEqual(scores(reference, q));
    }
    // Both serialize back to the same bytes: terms in sorted order.
    for (const ms of [sorted, unsorted]) expect(JSON.stringify({ [VERSION_KEY]: ANALYZER_VERSION, ...ms.toJSON() })).toBe(json);
  });

  it('ranks like MiniSearch.loadJSON with documents loaded one by one and a term index per query', () => {
    const ms = new AssembledMiniSearch({ ...js, documentIds: {}, fieldLength: {}, storedFields: {} });
    expect(ms.shortIdOf('2401.00001')).toBeUndefined();
    for (const [short, id] of Object.entries(js.documentIds)) {
      ms.loadDocument(Number(short), id as string, js.fieldLength[short]!, js.storedFields[short] as Record<string, unknown>);
    }
    expect(ms.shortIdOf('2401.00001')).toBe(0);
    for (const q of queries) {
      const index = ms.newTermIndex();
      for (const [term, postings] of entries) index.set(term, decodePostings(postings));
      ms.useTermIndex(index);
      expect(scores(ms, q), q).toEqual(scores(reference, q));
    }
  });

  it('refuses an unknown serialization version, as MiniSearch.loadJS does', () => {
    expect(() => new AssembledMiniSearch({ ...js, serializationVersion: 3 })).toThrow(/incompatible version/);
  });
});
