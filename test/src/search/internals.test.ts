/** The MiniSearch subclass and the formats it owns: header, serialization mark, radix tree. */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/search/index-builder.ts';
import { indexJsonText } from '../../../src/search/index-json.ts';
import { AssembledMiniSearch, buildRadixTree, COMPACT_SERIALIZATION, serializedHeader } from '../../../src/search/internals.ts';
import type { CompactIndexJs } from '../../../src/search/internals.ts';
import { expandIndex } from '../../../src/search/load.ts';
import { decodePostings } from '../../../src/search/postings.ts';
import { ANALYZER_VERSION, indexOptions, toSearchDocument, VERSION_KEY } from '../../../src/search/options.ts';
import { DATASET, PAPERS, referenceMiniSearch } from '../../helpers/search-fixtures.ts';

const json = indexJsonText(buildIndex(PAPERS.map(toSearchDocument)));
const js = JSON.parse(json) as CompactIndexJs;
const entries = js.index;
const scores = (ms: MiniSearch, q: string) => ms.search(q).map((r) => [r.id, r.score]);

describe('serializedHeader', () => {
  it('writes the analyzer version first, then the keys in MiniSearch#toJSON order, with no terms', () => {
    const head = serializedHeader(js);
    expect(Object.keys(head)).toEqual([VERSION_KEY, ...Object.keys(referenceMiniSearch(DATASET).toJSON())]);
    expect(head[VERSION_KEY]).toBe(ANALYZER_VERSION);
    expect(head.index).toEqual([]);
    expect(serializedHeader(js, 'other')[VERSION_KEY]).toBe('other');
  });

  it('marks the compact serialization, which MiniSearch.loadJSON refuses instead of misreading', () => {
    expect(serializedHeader(js).serializationVersion).toBe(COMPACT_SERIALIZATION);
    expect(() => MiniSearch.loadJSON(json, indexOptions)).toThrow(/incompatible version/);
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
  const reference = MiniSearch.loadJS(expandIndex(json), indexOptions);
  const queries = ['강화학습', '모델', 'Rame', 'difusion', 'speech recog', '2404.03715'];

  it('ranks like MiniSearch.loadJS of the expanded index from the header and the terms, sorted or not', () => {
    const sorted = new AssembledMiniSearch(js);
    sorted.setTerms(entries.map((e) => e[0]), entries.map((e) => decodePostings(e[1])));
    const reversed = [...entries].reverse();
    const unsorted = new AssembledMiniSearch(js);
    unsorted.setTerms(reversed.map((e) => e[0]), reversed.map((e) => decodePostings(e[1])));
    for (const q of queries) {
      expect(scores(sorted, q), q).toEqual(scores(reference, q));
      expect(scores(unsorted, q), q).toEqual(scores(reference, q));
    }
    // Both serialize back to the expanded index's bytes: terms in sorted order.
    const expanded = JSON.stringify(expandIndex(json));
    for (const ms of [sorted, unsorted]) expect(JSON.stringify({ [VERSION_KEY]: ANALYZER_VERSION, ...ms.toJSON() })).toBe(expanded);
  });

  it('ranks like MiniSearch.loadJS with documents loaded one by one and a term index per query', () => {
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
    expect(() => new AssembledMiniSearch({ ...js, serializationVersion: 'minisearch-2+compact-postings-2' })).toThrow(/incompatible version/);
  });
});
