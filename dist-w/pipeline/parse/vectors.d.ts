import { type VectorTable } from '../../src/search/vectors.ts';
import { SEARCH_FIELDS, type SearchDocument } from '../../src/search/options.ts';
import type { DigestEntry } from '../../src/types.ts';
/** The cache key of a searchable document: a hash of every field the analyzer reads. */
export declare function docKey(doc: Pick<SearchDocument, (typeof SEARCH_FIELDS)[number]>): string;
/**
 * The vectors of one parse answer as table columns, with terms numbered in a dictionary that
 * the worker keeps for its whole life: each answer carries only the terms that are new to it
 * (`dictAdded`). The main thread appends those to its copy of that worker's dictionary, so that
 * the index builder maps each of the worker's terms to its own numbering once, instead of
 * hashing a string per term occurrence.
 */
export interface VectorBatch extends Omit<VectorTable, 'dict'> {
    dictAdded: string[];
}
/** Encodes vectors into batches against one growing dictionary (one per worker, one for the main thread). */
export declare class VectorBatcher {
    private readonly ids;
    private size;
    /** Analyzes these documents (keyed) into one batch. */
    encode(docs: readonly [string, SearchDocument][]): VectorBatch;
}
/** The main thread's side of one thread's batches (a worker's, or its own): its dictionary, grown batch by batch. */
export declare class VectorBatchReader {
    readonly dict: string[];
    /** The batch as a table over this worker's dictionary (rows = batch.keys). */
    read(batch: VectorBatch): VectorTable;
}
/** Keys and searchable documents of the papers these listings become when each is listed once. */
export declare function documentsForEntries(entries: readonly DigestEntry[]): [string, SearchDocument][];
//# sourceMappingURL=vectors.d.ts.map