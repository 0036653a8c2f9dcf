/**
 * Step "index": builds the MiniSearch index over the dataset with the shared analyzer and
 * returns it as the artifact `search-index.json`, plus a search function for the feeds step
 * (saved queries) and the built index for the page step.
 *
 * search-index.json is exactly `JSON.stringify(miniSearch)` of a MiniSearch built with
 * `indexOptions` and the papers added in dataset order, with its terms sorted:
 * `MiniSearch.loadJSON(text, indexOptions)` loads it. The analyzer version travels as one extra
 * top-level key (`analyzerVersion`, first in the file), which MiniSearch's loader ignores and the
 * project's client checks.
 *
 * The index is not built with `MiniSearch#add` but from per-paper term vectors
 * (src/search/vectors.ts, merged by src/search/index-builder.ts), which the vector cache keeps
 * between runs: a run analyzes only papers whose searchable text is new. The output is the same
 * bytes either way (test/helpers/search-fixtures.ts has the `MiniSearch#add` reference).
 */
import type { StepContext, StepResult } from '../context.ts';
import type { Dataset } from '../../src/types.ts';
import type { Artifact } from '../publish/artifact.ts';
import type { BuiltIndex } from '../../src/search/index-builder.ts';
import type { VectorTable } from '../../src/search/vectors.ts';
import type { VectorCache } from '../cache/vector-cache.ts';
export declare const SEARCH_INDEX_PATH = "search-index.json";
export interface IndexStats {
    documents: number;
    /** Papers analyzed in this run (in this step, or while parsing: in a parse worker or on the main thread). */
    analyzed: number;
    /** Of those, papers analyzed while parsing (in a worker or on the main thread between its files). */
    analyzedWhileParsing: number;
    /** Of those, papers the parse workers analyzed. */
    analyzedInWorkers: number;
    /** Papers whose term vector came from the cache. */
    reused: number;
    terms: number;
}
/**
 * Builds the index of the dataset's papers in order, taking term vectors from `vectors` when it
 * has them; with `vectors`, also returns the table of every vector merged (for the cache).
 */
export declare function buildIndexOf(dataset: Dataset, vectors?: VectorCache | null): {
    index: BuiltIndex;
    stats: IndexStats;
    table: VectorTable | null;
};
export interface IndexStepResult {
    artifacts: Artifact[];
    /** The built index (header, sorted terms, postings bytes); the page step splits it into chunks. */
    index: BuiltIndex;
    stats: IndexStats;
    /** Every term vector merged, for the cache (null without a vector cache). */
    vectorTable: VectorTable | null;
    /**
     * Paper ids matching every word of a saved query, best first; a Korean compound only where
     * the paper writes it (with or without its space) and a quoted phrase only as typed
     * (src/search/query.ts `textMatches`).
     */
    search(query: string): string[];
}
/**
 * Builds the index (see the module comment), logs repeated paper ids (indexed once) and returns
 * search-index.json as bytes with the built index, its stats, the merged vector table and a
 * saved-query search (loaded on first use).
 */
export declare function indexStep(ctx: StepContext, dataset: Dataset): StepResult<IndexStepResult>;
//# sourceMappingURL=search-index.d.ts.map