/**
 * The MiniSearch options shared by the index build (pipeline/steps/search-index.ts) and every
 * client (src/search/client.ts, the page). Any MiniSearch user can load `output/search-index.json`:
 *
 *   import MiniSearch from 'minisearch';
 *   import { indexOptions } from 'daily-papers-feeds/search-options';
 *   const ms = MiniSearch.loadJSON(text, indexOptions);
 *   ms.search('강화학습');               // uses searchOptions by default
 *
 * Browser-safe: no `node:` imports.
 */
import type { Options, SearchOptions } from 'minisearch';
import type { Paper } from '../types.ts';
import { ANALYZER_VERSION } from './analyzer.ts';
import { fuzzyLatin } from './query.ts';
export { ANALYZER_VERSION };
/** The top-level key of search-index.json holding the analyzer version (MiniSearch ignores it). */
export declare const VERSION_KEY = "analyzerVersion";
/** Indexed fields. */
export declare const SEARCH_FIELDS: readonly ["title", "summary", "authors", "id"];
/** Stored fields: what a result needs to be shown and filtered by date and votes without papers.json. */
export declare const STORE_FIELDS: readonly ["title", "date", "votes"];
/** The document indexed for one paper. */
export interface SearchDocument {
    id: string;
    title: string;
    /**
     * Summary bullets' plain text, one per line (labels left out: they repeat in every paper):
     * the paper's summary, then the lines of its other listings (`Paper.listings`) it does not
     * already hold, so re-worded text stays findable.
     */
    summary: string;
    /** Author names, one per line. */
    authors: string;
    date: string;
    votes: number | null;
}
/** What each stored document carries. */
export interface StoredFields {
    title: string;
    date: string;
    votes: number | null;
}
/** The searchable document for a paper. */
export declare function toSearchDocument(paper: Paper): SearchDocument;
/** The most results one search returns to the page (it shows "500+" beyond it). */
export declare const RESULT_LIMIT = 500;
/** Field boosts: title above authors above summary. */
export declare const FIELD_BOOST: Record<string, number>;
/**
 * Prefix matching on the last query term only: any Hangul term, a Latin term of two letters or
 * more, a number of four digits or more (`2404` -> arXiv IDs; shorter prefixes match thousands of
 * terms and say little).
 */
export declare function prefixLastTerm(term: string, i: number, terms: string[]): boolean;
export { fuzzyLatin };
/**
 * Default search options of a MiniSearch built with indexOptions, for other MiniSearch users:
 * plain MiniSearch ranking over the query's index terms. The project's clients search the
 * query plan instead and rank with its rules (src/search/query.ts).
 */
export declare const searchOptions: SearchOptions;
/** The MiniSearch constructor / loadJSON options. */
export declare const indexOptions: Options<SearchDocument>;
//# sourceMappingURL=options.d.ts.map