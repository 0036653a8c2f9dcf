/**
 * The search client: loads `search-index.json` (or wraps an index assembled by the page) and
 * answers queries best first, with filters. Browser-safe: no `node:` imports.
 *
 *   import { loadSearchIndex } from 'daily-papers-feeds/client';
 *   const index = loadSearchIndex(await (await fetch('search-index.json')).text());
 *   index.search('강화학습', { from: '2024-01-01', minVotes: 10 });
 */
import MiniSearch from 'minisearch';
import { ANALYZER_VERSION } from './analyzer.ts';
import type { PaperFilters } from './filters.ts';
import { VERSION_KEY } from './options.ts';
import type { SearchDocument } from './options.ts';
export { ANALYZER_VERSION, VERSION_KEY };
/** Thrown when an index was built by another analyzer version (its terms would not match). */
export declare class AnalyzerMismatchError extends Error {
    readonly expected: string;
    readonly found: unknown;
    constructor(found: unknown);
}
/** Throws AnalyzerMismatchError unless `found` (an index's recorded version) is this analyzer's. */
export declare function checkAnalyzerVersion(found: unknown): void;
export interface SearchFilters extends PaperFilters {
    /**
     * Only papers by this author key (or any of these keys), as in authors.json: the papers of the
     * author records when the client was given them, otherwise the papers whose authors field holds
     * the key's name term (for an author of one or two papers, whose name term the index leaves out: both
     * words of the key).
     */
    author?: string | string[];
}
export interface ClientSearchOptions extends SearchFilters {
    /** At most this many results (default 50; Infinity for all). */
    limit?: number;
    /**
     * `any` (default): ranked (src/search/query.ts), papers matching every query word first, then
     * papers matching some.
     * `all`: every query word must match (a Korean compound by its form, its stem or all of its
     * bigrams, so with or without its space), as used by saved-query feeds.
     */
    match?: 'any' | 'all';
}
export interface SearchHit {
    /** The paper id (arXiv ID). */
    id: string;
    score: number;
    title: string;
    date: string;
    votes: number | null;
    /** The index terms that matched (for highlighting). */
    terms: string[];
    /** The query terms that matched. */
    queryTerms: string[];
    /**
     * True when the paper matched only some of the query's words (`강화학습` found by its `학습`
     * alone): such papers rank after every paper that matched all of them.
     */
    partial: boolean;
}
export interface SearchClient {
    readonly analyzerVersion: string;
    /** Number of documents. */
    readonly size: number;
    /** Results best first; never throws on any query string. */
    search(query: string, options?: ClientSearchOptions): SearchHit[];
    has(id: string): boolean;
    /** The underlying MiniSearch, loaded with the project's indexOptions. */
    readonly miniSearch: MiniSearch<SearchDocument>;
}
export interface LoadOptions {
    /** authors.json (or its records): makes the author filter exact. */
    authors?: readonly {
        key: string;
        papers: readonly string[];
    }[];
}
/**
 * Loads a serialized index: the text of search-index.json, or the parsed object (fast, see
 * src/search/load.ts). Throws AnalyzerMismatchError when the analyzer version differs, and an
 * Error for anything that is not a MiniSearch index.
 */
export declare function loadSearchIndex(json: string | object, options?: LoadOptions): SearchClient;
/**
 * Wraps a MiniSearch built or loaded with `indexOptions` (for instance one the page assembled
 * from chunks, src/page/loader.ts). The caller is responsible for the version check
 * (`checkAnalyzerVersion`).
 */
export declare function createSearchClient(ms: MiniSearch<SearchDocument>, options?: LoadOptions): SearchClient;
/** Author key -> paper ids, from authors.json records. */
export type AuthorPapers = ReadonlyMap<string, readonly string[]>;
/**
 * Searches a MiniSearch built with indexOptions: arXiv IDs named in the query come first, then
 * the papers in the order of src/search/query.ts (`rankKey`). Never throws on any query string.
 */
export declare function searchIndex(ms: MiniSearch<SearchDocument>, query: string, options?: ClientSearchOptions, authorPapers?: AuthorPapers): SearchHit[];
//# sourceMappingURL=client.d.ts.map