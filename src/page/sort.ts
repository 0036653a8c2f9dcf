/**
 * The orders a result list can take: by relevance (the ranking's), newest first or most votes
 * first. Kept in the URL as `sort=relevance|newest|votes`; without it a search is by relevance
 * and the latest-papers list newest first. Pure.
 */
import type { PageHit } from './loader.ts';

export type Sort = 'relevance' | 'newest' | 'votes';

export const SORTS: readonly Sort[] = ['relevance', 'newest', 'votes'];

/** The order a list takes: `asked` when it is one of SORTS, else relevance for a search and newest for browsing. */
export function effectiveSort(asked: string, searching: boolean): Sort {
  if ((SORTS as readonly string[]).includes(asked)) {
    // Browsing has no relevance: the latest papers are newest first.
    return !searching && asked === 'relevance' ? 'newest' : (asked as Sort);
  }
  return searching ? 'relevance' : 'newest';
}

/**
 * `hits` in the order `sort` asks for (a new array): relevance keeps the ranking; newest by
 * first-digest date, descending; votes descending with unknown votes last. Papers that matched
 * every word of the query stay before those that matched only some (`partial`) in every order,
 * as in the ranking. Ties keep the ranking's order.
 */
export function sortHits(hits: readonly PageHit[], sort: Sort): PageHit[] {
  const ranked = hits.map((h, rank) => ({ h, rank }));
  const part = (a: { h: PageHit }, b: { h: PageHit }): number => Number(a.h.partial) - Number(b.h.partial);
  if (sort === 'newest') ranked.sort((a, b) => part(a, b) || (a.h.date < b.h.date ? 1 : a.h.date > b.h.date ? -1 : a.rank - b.rank));
  else if (sort === 'votes') ranked.sort((a, b) => part(a, b) || (b.h.votes ?? -1) - (a.h.votes ?? -1) || a.rank - b.rank);
  return ranked.map((r) => r.h);
}

/**
 * The list a search shows: every ranked hit (`ranked`, best first, all of them, not cut at the
 * list's limit) that is in `only` when given (an author's papers), in the order `sort` asks for,
 * then the first `limit`. Cutting after sorting matters: newest first must list the newest
 * papers that match, not the newest of the most relevant `limit`.
 */
export function listHits(ranked: readonly PageHit[], sort: Sort, limit: number, only?: ReadonlySet<number>): PageHit[] {
  return sortHits(only ? ranked.filter((h) => only.has(h.shortId)) : ranked, sort).slice(0, limit);
}
