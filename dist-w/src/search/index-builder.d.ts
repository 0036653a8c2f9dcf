import type { SearchDocument } from './options.ts';
import type { IndexHead } from './internals.ts';
import type { DocVector, TableVector, VectorTable } from './vectors.ts';
/** A built index: the header, the sorted terms and each term's postings as JSON bytes. */
export interface BuiltIndex {
    head: IndexHead;
    /** Every term, sorted by code unit. */
    terms: string[];
    /**
     * Every term's postings, one after the other, exactly as JSON.stringify writes them
     * (`{"<fieldId>":{"<shortDocId>":freq,...},...}`: ASCII only). Kept as bytes, off the
     * garbage-collected heap: at 10x this is the largest part of the index.
     */
    postings: Uint8Array;
    /** Term i's postings are `postings[offsets[i]] .. postings[offsets[i + 1]]`. */
    offsets: Uint32Array;
}
/**
 * Adds documents with their vectors, in order, like `MiniSearch#add`: short ids count from 0,
 * field lengths and the running field-length averages are computed the same way.
 *
 * Term occurrences go into typed arrays (term number, field, document, frequency) rather than
 * a map of arrays: at 10x that is millions of records kept off the garbage-collected heap.
 * `finish` groups them by term with a counting sort that keeps document order.
 */
export declare class IndexBuilder {
    private readonly ids;
    private readonly fieldLength;
    private readonly average;
    private readonly stored;
    private readonly seen;
    private readonly termIds;
    private readonly termList;
    /** Records in columns: term number, field id, short document id, frequency. */
    private recTerms;
    private recFields;
    private recDocs;
    private recFreqs;
    private count;
    /** Per short id: where its records start, and the key it was added under (for exportTable). */
    private readonly docStarts;
    private readonly keys;
    /** Per dictionary of the tables added from: its numbers -> this builder's term numbers. */
    private readonly remaps;
    get documentCount(): number;
    private intern;
    private reserve;
    private push;
    /**
     * Adds a document with its vector (fresh from `analyzeDocument`, or a row of a cached table),
     * or, without one, analyzes it here (the same records, without encoding the vector as strings
     * first); returns false (and adds nothing) for an id already added. `key` is recorded for
     * exportTable.
     */
    add(doc: SearchDocument, vector?: DocVector | TableVector, key?: string): boolean;
    /** A cached row: its term numbers are mapped once per table term, not once per record. */
    private addRow;
    /**
     * The vectors of every document added, as a table (what the cache stores). Call it before
     * `finish`, which lets the records go.
     */
    exportTable(): VectorTable;
    /** The finished index. The builder should not be used afterwards. */
    finish(): BuiltIndex;
}
/** Analyzes and builds in one go (no cache): the index of `docs`, in order. */
export declare function buildIndex(docs: Iterable<SearchDocument>): BuiltIndex;
//# sourceMappingURL=index-builder.d.ts.map