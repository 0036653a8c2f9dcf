/**
 * The date and votes filters of a search, shared by the client (src/search/client.ts, over
 * stored fields) and the page's loader (src/page/loader.ts, over doc chunks). Pure.
 */
/** Filters on a paper's first-digest date and votes; an absent filter selects everything. */
export interface PaperFilters {
    /** Earliest first-digest date, YYYY-MM-DD, inclusive. */
    from?: string;
    /** Latest first-digest date, YYYY-MM-DD, inclusive. */
    to?: string;
    /** Only papers with at least this many votes (unknown votes count as 0). */
    minVotes?: number;
}
/**
 * Whether a paper with first-digest `date` (YYYY-MM-DD; unknown counts as '') and `votes`
 * (unknown counts as 0) passes the filters. Dates compare as strings, which orders ISO dates.
 */
export declare function passesFilters(date: string | undefined, votes: number | null | undefined, filters: PaperFilters): boolean;
//# sourceMappingURL=filters.d.ts.map