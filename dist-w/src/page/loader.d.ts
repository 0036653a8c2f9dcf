import { AnalyzerMismatchError } from '../search/client.ts';
import type { SearchHit } from '../search/client.ts';
import type { PaperFilters } from '../search/filters.ts';
import type { DocChunk, Manifest, MetaRecord } from './format.ts';
export type FetchJson = (path: string) => Promise<unknown>;
/** A prefix spanning more term chunks than this only loads the first ones (refined as the user types). */
export declare const MAX_PREFIX_CHUNKS = 4;
export interface LoadProgress {
    /** Chunks requested so far for the current operation, and how many arrived. */
    requested: number;
    done: number;
}
/** The page's filters (date range, minimum votes). */
export type Filters = PaperFilters;
export interface PageHit extends SearchHit {
    shortId: number;
}
export declare class ChunkedIndex {
    readonly manifest: Manifest;
    private readonly fetchJson;
    private readonly base;
    private readonly termChunks;
    private readonly docChunks;
    private readonly metaChunks;
    private readonly loadedDocs;
    /** Each loaded term chunk as a radix tree, built once (prefix and fuzzy lookups per query). */
    private readonly termTrees;
    onProgress: (p: LoadProgress) => void;
    /** Where the last search spent its time (ms), for the benchmark. */
    lastTimings: Record<string, number>;
    private progress;
    private wanted;
    private prepared;
    /**
     * One MiniSearch for every query: its document tables grow as doc chunks arrive, and each
     * search swaps in the terms its query can match.
     */
    private readonly ms;
    private readonly client;
    /** Postings as MiniSearch holds them (field id -> short id -> frequency), converted once. */
    private readonly termMaps;
    private constructor();
    /** Fetches `<base>manifest.json` and checks its format and analyzer version. */
    static open(fetchJson: FetchJson, base?: string): Promise<ChunkedIndex>;
    get size(): number;
    private track;
    /** Starts a new progress count (one per user-visible operation). */
    resetProgress(): void;
    private cached;
    private terms;
    /** Doc chunk `n` (fetched once), its documents added to the MiniSearch. */
    docs(n: number): Promise<DocChunk>;
    /** A term's postings as MiniSearch holds them, the doc chunks they point into and their count. */
    private termMap;
    /** The meta records of these short ids (fetching their chunks). */
    meta(shortIds: number[]): Promise<Map<number, MetaRecord>>;
    /**
     * The index terms `query` can match: for each term of its plan (src/search/query.ts), the term
     * itself, its prefix matches and, when no chunk holds the term, its one-edit neighbours, as
     * MiniSearch finds them, among the chunks that hold the term and its prefixes.
     */
    private candidateTerms;
    /**
     * Marks `query` as the one wanted now: assembling the index for any other query stops at its
     * next step (set by every search; the worker sets it for preloads too).
     */
    want(query: string): void;
    /** True when a newer query than `query` was asked for. */
    superseded(query: string): boolean;
    /**
     * The MiniSearch holding exactly the terms `query` can match and the documents they point
     * to, assembled from the fetched chunks; the last one is kept, so a search that follows a
     * preload of the same text (or the same text with other filters) does not assemble it again.
     */
    private prepare;
    private assemble;
    /**
     * Fetches and assembles what a search for `query` needs (as `rank` would, kept for it);
     * returns the number of postings ranking it will go through, or null when superseded.
     */
    assembleFor(query: string): Promise<number | null>;
    /**
     * Results best first (all of them, up to `limit`), filtered; null when a newer query
     * superseded this one (`isStale`, or `want` called with another query). `timings` receives
     * where this call spent its time (ms): `wait` for the assembled index (fetching chunks and
     * loading them; near 0 when a preload already did it), `search` ranking; plus how the index
     * was assembled (`terms`, `docs`, `load`, whichever call did it). `match: 'all'` keeps only the
     * papers that match every query word (src/search/query.ts), as a list sorted by date or votes needs.
     */
    rank(query: string, filters?: Filters, limit?: number, isStale?: () => boolean, timings?: Record<string, number>, match?: 'any' | 'all'): Promise<PageHit[] | null>;
    /** Results best first (all of them, up to `limit`), filtered; [] when superseded. */
    search(...args: Parameters<ChunkedIndex['rank']>): Promise<PageHit[]>;
    /**
     * Papers that pass the filters (and are in `only`, when given), newest first (dataset order)
     * or, with `sort: 'votes'`, most votes first (unknown last, then dataset order): from `offset`,
     * at most `limit`, and whether more follow.
     */
    browse(filters: Filters, offset: number, limit: number, { only, sort }?: {
        only?: ReadonlySet<number>;
        sort?: 'newest' | 'votes';
    }): Promise<{
        shortIds: number[];
        more: boolean;
    }>;
}
export { AnalyzerMismatchError };
//# sourceMappingURL=loader.d.ts.map