/**
 * Merging digest listings into papers: one record per paper id across every digest and file.
 *
 * Merge rules (a paper listed more than once):
 * - `id`: the canonical arXiv id of the heading link (see src/arxiv.ts; a relative link resolves
 *   against Hugging Face first, src/url.ts); a non-arXiv link gets `url:<normalized URL>` and a
 *   `non-arxiv-link` warning. `links.abs` of such a paper is the link as an absolute http(s) URL;
 *   a link that is not http(s) (`javascript:`, `mailto:`) is dropped (`links.abs` null) with a
 *   `link-not-http` warning instead, and the paper is kept.
 * - The "first listing" is the one with the earliest digest date, then file path, then line.
 *   `title`, `source`, `thumbnail` (first non-null in listing order), `authors` order and the first
 *   summary items come from it.
 * - `date` = the earliest digest date; `dates` = every distinct digest date, ascending.
 * - `votes` = the highest vote seen; null only when every listing was unknown.
 * - `version` = the highest arXiv version seen in a link, or null.
 * - `authors`: the first listing's authors, then any author (by key) that only a later listing
 *   names. `authorsTruncated` is true only when every listing was truncated (a complete listing
 *   wins).
 * - `summary`: the first listing's items, as they are. A later listing whose summary differs (in
 *   any item's label or text) from the first one and from every other kept one is kept whole in
 *   `listings` (`{ date, summary }`, in listing order); equal summaries are kept once. So no
 *   summary is lost, and none is mixed into another or shown twice.
 * - `media`: the union, in listing order.
 * - `first`: what the first listing said for the fields a later listing can change — `votes`,
 *   `version`, `thumbnail`, `media`, `authorCount` (how many of `authors` it named: they come
 *   first) and `authorsTruncated` — each key only when it differs from the merged value, and
 *   `first` only when some key does (papers.json stays small: a paper listed once never has it).
 *   `asFirstListed` rebuilds the paper as first listed: the archive documents show that, so a
 *   complete month's archive keeps its bytes when a later digest lists its papers again
 *   (docs/feeds.md#archives).
 *
 * Anomalies reported through `warn` (never dropping data):
 * - `duplicate-paper`: the same paper twice in one digest (same date);
 * - `duplicate-digest-date`: the same digest date in two files (reported once per extra file).
 *
 * Order of the result: newest `date` first, then votes descending (null last), then id
 * (code-point order). Pure and deterministic.
 */
import type { AuthorRef, DigestEntry, Paper, PaperLinks } from './types.ts';
export type Warn = (entry: DigestEntry, reason: string, ruleId: string) => void;
export interface Identified {
    id: string;
    version: string | null;
    links: PaperLinks;
    arxiv: boolean;
}
/**
 * The paper id, version and links of one listing's heading URL (as written). An arXiv reference
 * is recognized as written or once resolved against Hugging Face (`/papers/2404.03715`). Any
 * other link keeps an id derived from it (`url:…`, src/arxiv.ts) and `links.abs` = the link as an
 * absolute http(s) URL, or null when it is not one.
 */
export declare function identify(url: string): Identified;
/** Listing order: date, then file, then line, then column. */
export declare function compareListings(a: DigestEntry, b: DigestEntry): number;
/** Dedupe one listing's author names by key, keeping the first spelling. */
export declare function authorRefs(names: readonly string[]): AuthorRef[];
/**
 * The paper as its first listing showed it: `votes`, `version`, `thumbnail`, `media`, `authors`
 * (the first `authorCount`) and `authorsTruncated` from `first` where it has them, `dates` =
 * `[date]`, no `listings` and no `first`; title, summary, links and source are the first
 * listing's already. What archive documents show (pipeline/feeds/plan.ts). A paper listed once
 * is returned as it is; otherwise a new object (the paper is not changed).
 */
export declare function asFirstListed(paper: Paper): Paper;
/** Sort papers: newest date first, then votes descending (null last), then id. */
export declare function comparePapers(a: Paper, b: Paper): number;
/**
 * Merge listings into papers. `warn` receives anomalies (with the listing they concern);
 * see the file comment for the rules.
 */
export declare function mergeEntries(entries: readonly DigestEntry[], warn?: Warn): Paper[];
//# sourceMappingURL=papers.d.ts.map