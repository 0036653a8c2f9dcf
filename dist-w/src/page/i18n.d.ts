/**
 * The page's words in Korean and English: form labels, buttons, status lines, empty states,
 * the paper page and the footer. The page speaks the site's language (`site.language`, the
 * `<html lang>`): English for `en…`, Korean otherwise (the default). Numbers are formatted
 * with the locale's grouping everywhere (Intl.NumberFormat), and English counts agree in number
 * (Intl.PluralRules). Browser-safe; the build (pipeline/page/html.ts) fills the template from it.
 */
import type { PaperFilters } from '../search/filters.ts';
export type Locale = 'ko' | 'en';
/** The filters as the status line and the empty state describe them. */
export interface DescribedFilters extends PaperFilters {
    /** The author filter's display name. */
    author?: string;
}
/** Every text of the page in one language. Functions take raw values and format them. */
export interface Messages {
    locale: Locale;
    /** "5,487" */
    number(n: number): string;
    searchLabel: string;
    placeholder: string;
    filters: string;
    /** The button that folds the filters open on narrow screens; `active` filters are set. */
    filtersButton(active: number): string;
    from: string;
    to: string;
    minVotes: string;
    sort: string;
    sortRelevance: string;
    sortNewest: string;
    sortVotes: string;
    clear: string;
    loadingIndex: string;
    loadingParts(done: number, requested: number): string;
    progressLabel: string;
    resultsLabel: string;
    more: string;
    noscript: string;
    /** Footer: "5,487 papers". */
    papers(n: number): string;
    feedsHeading: string;
    opml: string;
    /** " (from …, to …, ≥ N votes, by …)", or '' without filters. */
    describeFilters(f: DescribedFilters): string;
    browseStatus(f: DescribedFilters, size: number): string;
    /**
     * `count` papers matched every word of `query` and `partial` more only some of them (listed
     * after), in `ms` milliseconds; `capped`: the list stopped at its limit, so more exist than
     * were counted (the last count shown gets a `+`).
     */
    searchStatus(query: string, f: DescribedFilters, count: number, partial: number, capped: boolean, ms: number): string;
    readyStatus(size: number): string;
    searchFailed(reason: string): string;
    indexFailed(reason: string): string;
    emptyTitle: string;
    emptyNoMatch(query: string): string;
    emptyFilters: string;
    emptyDatesReversed: string;
    clearFilters: string;
    votes(n: number | null): string;
    etAl: string;
    /** Author filter chip: "Author: X · 12 papers". */
    authorChip(name: string, papers: number): string;
    /** Above the first result that holds only some of the query's words. */
    partialDivider: string;
    removeAuthor(name: string): string;
    filterByAuthor(name: string): string;
    source: string;
    backToSearch: string;
    summary: string;
    listedOn: string;
    authors: string;
    links: string;
    related: string;
    noRelated: string;
    loadingPaper: string;
    paperNotFound(id: string): string;
}
/** The page's locale for a language tag (`site.language`): English for `en…`, Korean otherwise. */
export declare function localeOf(lang: string): Locale;
/** The page's texts for a language tag (see localeOf). */
export declare function messagesFor(lang: string): Messages;
//# sourceMappingURL=i18n.d.ts.map