import type { SearchDocument } from './options.ts';
/**
 * What the analyzer makes of one document (field order = SEARCH_FIELDS), in a compact form:
 * a few strings per document instead of one per term, so that vectors are cheap to keep in
 * memory at 10x, to pass between threads and to cache as JSON.
 */
export interface DocVector {
    /** Per field: the number of distinct tokens, which MiniSearch stores as the field length. */
    lengths: number[];
    /** Per field: the distinct terms joined by `\n` (terms never hold whitespace), or ''. */
    terms: string[];
    /** Per field: each term's frequency, in decimal, joined by `,` (parallel to `terms`). */
    freqs: string[];
}
/**
 * Runs the index's analyzer over one document, exactly as `MiniSearch#add` would, and hands over
 * each field (in SEARCH_FIELDS order): its length (distinct tokens) and each term's frequency.
 */
export declare function analyzeFields(doc: SearchDocument, each: (field: number, length: number, counts: Map<string, number>) => void): void;
/** Runs the index's analyzer over one document, exactly as `MiniSearch#add` would. */
export declare function analyzeDocument(doc: SearchDocument): DocVector;
/**
 * Calls `each` with every term of field `field` (index into SEARCH_FIELDS) of `vector` and its
 * frequency, in the vector's order (first occurrence in the text).
 */
export declare function eachVectorTerm(vector: DocVector, field: number, each: (term: string, freq: number) => void): void;
/**
 * Term vectors of many documents in columns (what the cache stores): a term dictionary, and per
 * document its key, its field lengths and a run of (term, field, frequency) records. A few
 * typed arrays instead of millions of small strings: fast to store, load and merge.
 */
export interface VectorTable {
    /** The terms the records refer to, by number. */
    dict: string[];
    /** Per document (row): the key it is cached under. */
    keys: string[];
    /** Per row: the field lengths, SEARCH_FIELDS.length numbers each. */
    lengths: Int32Array;
    /** Row r's records are starts[r] .. starts[r + 1]. */
    starts: Int32Array;
    /** Per record: term number (into dict), field id and frequency. */
    terms: Int32Array;
    fields: Uint8Array;
    freqs: Int32Array;
}
/** One row of a vector table. */
export interface TableVector {
    table: VectorTable;
    row: number;
}
/** Why a table cannot be used, or null when it is consistent (for tables read from a cache). */
export declare function checkVectorTable(value: unknown): string | null;
//# sourceMappingURL=vectors.d.ts.map