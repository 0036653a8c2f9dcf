/**
 * The orders a result list can take: by relevance (the ranking's), newest first or most votes
 * first. Kept in the URL as `sort=relevance|newest|votes`; without it a search is by relevance
 * and the latest-papers list newest first. Pure.
 */
import type { PageHit } from './loader.ts';
export type Sort = 'relevance' | 'newest' | 'votes';
export declare const SORTS: readonly Sort[];
/** The order a list takes: `asked` when it is one of SORTS, else relevance for a search and newest for browsing. */
export declare function effectiveSort(asked: string, searching: boolean): Sort;
/**
 * `hits` in the order `sort` asks for (a new array): relevance keeps the ranking; newest by
 * first-digest date, descending; votes descending with unknown votes last. Papers that matched
 * every word of the query stay before those that matched only some (`partial`) in every order,
 * as in the ranking. Ties keep the ranking's order.
 */
export declare function sortHits(hits: readonly PageHit[], sort: Sort): PageHit[];
/**
 * The list a search shows: every ranked hit (`ranked`, best first, all of them, not cut at the
 * list's limit) that is in `only` when given (an author's papers), in the order `sort` asks for,
 * then the first `limit`. Cutting after sorting matters: newest first must list the newest
 * papers that match, not the newest of the most relevant `limit`.
 */
export declare function listHits(ranked: readonly PageHit[], sort: Sort, limit: number, only?: ReadonlySet<number>): PageHit[];
//# sourceMappingURL=sort.d.ts.map