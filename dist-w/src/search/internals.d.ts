/**
 * The one module that touches MiniSearch's protected fields (`_index`, `_documentIds`,
 * `_idToShortId`, `_fieldLength`, `_storedFields` and the statistics), through a subclass.
 *
 * The project assembles MiniSearch instances from parts instead of `MiniSearch.loadJS`: the
 * client from search-index.json with lazily decoded postings, the index step from its built
 * index, and the page from the chunks it fetches (src/page/loader.ts). This module also owns the
 * two formats those parts are in: the serialized index header (what `MiniSearch#toJSON` writes
 * besides the terms) and a term's postings, serialized and as MiniSearch holds them.
 *
 * Written against minisearch 7 (serialization version 2); the fields are set exactly as its
 * `MiniSearch.loadJS` sets them, which the client tests check by comparing scores with
 * `MiniSearch.loadJSON`. Pure: no `node:` imports.
 */
import MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { VERSION_KEY } from './options.ts';
import type { SearchDocument, StoredFields } from './options.ts';
/** Whether a MiniSearch's term index holds `term` (exactly). */
export declare function hasTerm(ms: MiniSearch<SearchDocument>, term: string): boolean;
/** A term's postings as serialized: field id -> short document id -> term frequency. */
export type SerializedPostings = Record<string, Record<string, number>>;
/** A term's postings as MiniSearch holds them: field id -> short document id -> term frequency. */
export type TermData = Map<number, Map<number, number>>;
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
/** MiniSearch's serialized form with the analyzer version the build recorded (the first key). */
export type VersionedIndexJs = AsPlainObject & {
    [VERSION_KEY]: string;
};
/**
 * The serialized index without its terms (`index: []`), keys in `MiniSearch#toJSON` order after
 * the analyzer version (`version`, default this analyzer's). search-index.json is this object
 * with the terms filled in.
 */
export declare function serializedHeader(head: Omit<AsPlainObject, 'index'>, version?: string): VersionedIndexJs;
/** A term's serialized postings as MiniSearch holds them (what `MiniSearch.loadJS` makes of them). */
export declare function decodePostings(postings: SerializedPostings): TermData;
/**
 * MiniSearch's radix tree (nested Maps, a leaf's value under the '' key) of `terms`, sorted by
 * code unit, with `values[i]` the value of `terms[i]`; built in one pass.
 */
export declare function buildRadixTree<V>(terms: readonly string[], values: readonly V[]): Map<string, unknown>;
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
export declare class AssembledMiniSearch extends MiniSearch<SearchDocument> {
    /**
     * Sets up the header's documents and statistics as `MiniSearch.loadJS` does, with no terms.
     * Throws for a serialization version other than 1 or 2, as loadJS does.
     */
    constructor(head: Omit<AsPlainObject, 'index'>);
    /**
     * Replaces the term index: `terms` (any order; sorted here when they are not) with
     * `values[i]` the postings of `terms[i]`. A value need only have the Map methods MiniSearch
     * calls on postings (the client passes postings decoded on first use).
     */
    setTerms(terms: readonly string[], values: readonly TermData[]): void;
    /** A new, empty term index of the class MiniSearch uses (fill it, then `useTermIndex`). */
    newTermIndex(): TermIndex;
    /** Searches from now on use `index` as the term index. */
    useTermIndex(index: TermIndex): void;
    /** Adds a document to the tables (what `MiniSearch.loadJS` would load for it from the header). */
    loadDocument(shortId: number, id: string, fieldLength: number[], stored: Record<string, unknown>): void;
    /** The short id of a document in the tables, or undefined. */
    shortIdOf(id: string): number | undefined;
    /** MiniSearch's own SearchableMap class (the one bundled with it, not a second copy). */
    private termIndexClass;
}
/**
 * Whether a document (by id) holds `term` exactly, in any field: a lookup in the term's postings
 * per call (nothing is built up front, so a common term costs nothing until asked about).
 */
export declare function termHolder(ms: MiniSearch<SearchDocument>, term: string): (id: string) => boolean;
//# sourceMappingURL=internals.d.ts.map