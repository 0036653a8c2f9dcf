/**
 * The one module that touches MiniSearch's protected fields (`_index`, `_documentIds`,
 * `_idToShortId`, `_fieldLength`, `_storedFields` and the statistics), through a subclass.
 *
 * The project assembles MiniSearch instances from parts instead of `MiniSearch.loadJS`: the
 * client from search-index.json with lazily decoded postings, the index step from its built
 * index, and the page from the chunks it fetches (src/page/loader.ts). This module also owns the
 * serialized index header (what `MiniSearch#toJSON` writes besides the terms) and the mark of
 * search-index.json's format (`COMPACT_SERIALIZATION`); a term's postings are in the compact
 * format of src/search/postings.ts.
 *
 * Written against minisearch 7 (serialization version 2); the fields are set exactly as its
 * `MiniSearch.loadJS` sets them, which the client tests check by comparing scores with
 * `MiniSearch.loadJS` of the expanded index (`expandIndex`). Pure: no `node:` imports.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { compareStrings } from '../compare.ts';
import { ANALYZER_VERSION, indexOptions, VERSION_KEY } from './options.ts';
import type { SearchDocument, StoredFields } from './options.ts';
import type { TermData } from './postings.ts';

export type { TermData };

/** Whether a MiniSearch's term index holds `term` (exactly). */
export function hasTerm(ms: MiniSearch<SearchDocument>, term: string): boolean {
  return (ms as unknown as { _index: { has(t: string): boolean } })._index.has(term);
}

/** The index header: everything `MiniSearch#toJSON` writes except the term index. */
export interface IndexHead {
  documentCount: number;
  nextId: number;
  /** Short id (decimal) -> paper id. */
  documentIds: Record<string, string>;
  fieldIds: Record<string, number>;
  /** Short id (decimal) -> per field (field-id order), its length in distinct tokens. */
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  storedFields: Record<string, StoredFields>;
  dirtCount: number;
  serializationVersion: 2;
}

/**
 * The `serializationVersion` of search-index.json: MiniSearch's serialization version 2 with
 * each term's postings as one compact string (src/search/postings.ts) instead of MiniSearch's
 * `{fieldId: {shortId: freq}}` objects. `MiniSearch.loadJSON` refuses it ("incompatible
 * version") instead of misreading it; `expandIndex` (src/search/load.ts) gives MiniSearch's own.
 */
export const COMPACT_SERIALIZATION = 'minisearch-2+compact-postings-1';

/** Whether a serialization version is one this module's MiniSearch can be assembled from. */
function isKnownSerialization(version: unknown): boolean {
  return version === 1 || version === 2 || version === COMPACT_SERIALIZATION;
}

/** An index header: the serialized index without its terms, in any serialization `AssembledMiniSearch` takes. */
export type IndexHeader = Omit<AsPlainObject, 'index' | 'serializationVersion'> & { serializationVersion: unknown };

/**
 * search-index.json parsed: MiniSearch's serialized form with the analyzer version the build
 * recorded (the first key), compact postings (term -> postings string) and `COMPACT_SERIALIZATION`.
 */
export type CompactIndexJs = Omit<AsPlainObject, 'index' | 'serializationVersion'> & {
  [VERSION_KEY]: string;
  index: [term: string, postings: string][];
  serializationVersion: typeof COMPACT_SERIALIZATION;
};

/**
 * The serialized index without its terms (`index: []`), keys in `MiniSearch#toJSON` order after
 * the analyzer version (`version`, default this analyzer's), marked `COMPACT_SERIALIZATION`.
 * search-index.json is this object with the terms filled in.
 */
export function serializedHeader(head: Omit<AsPlainObject, 'index' | 'serializationVersion'>, version: string = ANALYZER_VERSION): CompactIndexJs {
  return {
    [VERSION_KEY]: version,
    documentCount: head.documentCount,
    nextId: head.nextId,
    documentIds: head.documentIds,
    fieldIds: head.fieldIds,
    fieldLength: head.fieldLength,
    averageFieldLength: head.averageFieldLength,
    storedFields: head.storedFields,
    dirtCount: head.dirtCount,
    index: [],
    serializationVersion: COMPACT_SERIALIZATION,
  };
}

/** An object keyed by decimal integers as a Map keyed by numbers (minisearch's objectToNumericMap). */
function numericMap<V>(object: Record<string, V>): Map<number, V> {
  const map = new Map<number, V>();
  for (const key of Object.keys(object)) map.set(parseInt(key, 10), object[key]!);
  return map;
}

/**
 * MiniSearch's radix tree (nested Maps, a leaf's value under the '' key) of `terms`, sorted by
 * code unit, with `values[i]` the value of `terms[i]`; built in one pass.
 */
export function buildRadixTree<V>(terms: readonly string[], values: readonly V[]): Map<string, unknown> {
  type Tree = Map<string, unknown>;
  // MiniSearch iterates a node's keys last-inserted first: children go in in reverse order and
  // the leaf last, so that iteration (and toJSON) yields the terms in sorted order.
  const build = (lo: number, hi: number, offset: number): Tree => {
    const children: [string, Tree][] = [];
    let i = lo;
    const leaf = terms[i]!.length === offset ? i++ : -1;
    while (i < hi) {
      const first = terms[i]!;
      const c = first[offset];
      let j = i + 1;
      while (j < hi && terms[j]![offset] === c) j++;
      const last = terms[j - 1]!;
      const max = Math.min(first.length, last.length);
      let end = offset + 1;
      while (end < max && first[end] === last[end]) end++;
      children.push([first.slice(offset, end), build(i, j, end)]);
      i = j;
    }
    const node: Tree = new Map();
    for (let k = children.length - 1; k >= 0; k--) node.set(children[k]![0], children[k]![1]);
    if (leaf >= 0) node.set('', values[leaf]);
    return node;
  };
  return terms.length === 0 ? new Map() : build(0, terms.length, 0);
}

/**
 * A term index (term -> postings) made by `newTermIndex` for `useTermIndex`: MiniSearch's own
 * SearchableMap, of which callers only need `set`.
 */
export interface TermIndex {
  set(term: string, data: TermData): unknown;
}

/**
 * A MiniSearch with `indexOptions`, assembled from parts: a header (document tables and
 * statistics), then terms, either all at once (`setTerms`) or a term index per query
 * (`newTermIndex`, `useTermIndex`), and documents added to its tables one by one
 * (`loadDocument`). Searching it is plain MiniSearch.
 */
export class AssembledMiniSearch extends MiniSearch<SearchDocument> {
  /**
   * Sets up the header's documents and statistics as `MiniSearch.loadJS` does, with no terms.
   * Throws for a serialization version other than 1, 2 or `COMPACT_SERIALIZATION`, as loadJS
   * does for one other than 1 or 2.
   */
  constructor(head: IndexHeader) {
    super(indexOptions);
    if (!isKnownSerialization(head.serializationVersion)) {
      throw new Error('MiniSearch: cannot deserialize an index created with an incompatible version');
    }
    this._documentCount = head.documentCount;
    this._nextId = head.nextId;
    this._idToShortId = new Map();
    this._fieldIds = head.fieldIds;
    this._avgFieldLength = head.averageFieldLength;
    this._dirtCount = head.dirtCount || 0;
    this._documentIds = numericMap(head.documentIds);
    this._fieldLength = numericMap(head.fieldLength);
    this._storedFields = numericMap(head.storedFields);
    for (const [shortId, id] of this._documentIds) this._idToShortId.set(id, shortId);
  }

  /**
   * Replaces the term index: `terms` (any order; sorted here when they are not) with
   * `values[i]` the postings of `terms[i]`. A value need only have the Map methods MiniSearch
   * calls on postings (the client passes postings decoded on first use).
   */
  setTerms(terms: readonly string[], values: readonly TermData[]): void {
    let sorted = true;
    for (let i = 1; i < terms.length && sorted; i++) sorted = terms[i - 1]! < terms[i]!;
    let order = terms.map((_t, i) => i);
    if (!sorted) order = order.sort((a, b) => compareStrings(terms[a]!, terms[b]!));
    const tree = buildRadixTree(
      order.map((i) => terms[i]!),
      order.map((i) => values[i]!),
    );
    this._index = new (this.termIndexClass())(tree);
  }

  /** A new, empty term index of the class MiniSearch uses (fill it, then `useTermIndex`). */
  newTermIndex(): TermIndex {
    return new (this.termIndexClass())();
  }

  /** Searches from now on use `index` as the term index. */
  useTermIndex(index: TermIndex): void {
    this._index = index as typeof this._index;
  }

  /** Adds a document to the tables (what `MiniSearch.loadJS` would load for it from the header). */
  loadDocument(shortId: number, id: string, fieldLength: number[], stored: Record<string, unknown>): void {
    this._documentIds.set(shortId, id);
    this._idToShortId.set(id, shortId);
    this._fieldLength.set(shortId, fieldLength);
    this._storedFields.set(shortId, stored);
  }

  /** The short id of a document in the tables, or undefined. */
  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /** MiniSearch's own SearchableMap class (the one bundled with it, not a second copy). */
  private termIndexClass(): new (tree?: Map<string, unknown>) => typeof this._index {
    return this._index.constructor as new (tree?: Map<string, unknown>) => typeof this._index;
  }
}

/**
 * Whether a document (by id) holds `term` exactly, in any field: a lookup in the term's postings
 * per call (nothing is built up front, so a common term costs nothing until asked about).
 */
export function termHolder(ms: MiniSearch<SearchDocument>, term: string): (id: string) => boolean {
  const internal = ms as unknown as { _index: { get(t: string): TermData | undefined }; _idToShortId: Map<string, number> };
  const data = internal._index.get(term);
  if (!data) return () => false;
  return (id) => {
    const short = internal._idToShortId.get(id);
    if (short === undefined) return false;
    for (const postings of data.values()) if (postings.has(short)) return true;
    return false;
  };
}
