/**
 * The page's state in its three places: the form fields, the URL (so a search or a paper can be
 * linked) and the session history (so Back returns to the previous search or paper). A search is
 * `?q=&from=&to=&votes=&sort=&author=`; a paper's page is `?id=<paper id>`. The state keeps the
 * raw strings; `filtersOf` reads the filters.
 */
import type { Filters } from './loader.ts';
/** The form's values as typed (raw strings; '' when empty). */
export interface PageState {
    q: string;
    /** YYYY-MM-DD, or whatever the field holds. */
    from: string;
    to: string;
    /** Minimum votes, digits as typed. */
    votes: string;
    /** The order asked for (src/page/sort.ts), '' for the default. */
    sort: string;
    /** An author key (authors.json) the list is narrowed to, or ''. */
    author: string;
    /** A paper id: the page shows that paper ('' = the search). */
    id: string;
}
/** The form fields the state lives in (the author key in a hidden field). */
export interface StateFields {
    q: HTMLInputElement;
    from: HTMLInputElement;
    to: HTMLInputElement;
    votes: HTMLInputElement;
    /** Hidden: the order asked for ('' = default); the visible select shows the order in effect. */
    sort: HTMLInputElement;
    author: HTMLInputElement;
}
/** The state of nothing asked: the latest papers. */
export declare const EMPTY_STATE: PageState;
/**
 * The search filters a state asks for: dates only when they read YYYY-MM-DD, a vote minimum
 * only when it is a positive integer (parseInt: leading digits count). Anything else is no filter.
 */
export declare function filtersOf(s: PageState): Filters;
/** The state a URL query string (`location.search`, with or without `?`) holds; missing keys are ''. */
export declare function parseState(search: string): PageState;
/**
 * The URL (path and query, no origin) of a state on the page at `pathname`: a paper's page is
 * `?id=` alone; a search, its non-empty values in the order q, from, to, votes, sort, author
 * (a blank query left out); no `?` when nothing is left.
 */
export declare function stateUrl(s: PageState, pathname: string): string;
/** The search the form shows (a form never shows a paper: `id` is ''). */
export declare function readFields(fields: StateFields): PageState;
/** Shows a state's search in the form. */
export declare function fillFields(fields: StateFields, s: PageState): void;
/** How many of the filters (dates, votes, author) a state sets. */
export declare function activeFilters(s: PageState): number;
/**
 * The state in the address bar and the session history. A burst of typing replaces the entry
 * it started, so Back goes to the previous search rather than the previous keystroke.
 */
export declare class UrlHistory {
    /** When the URL last changed (ms since the epoch); 0 = the next change opens a new entry. */
    private lastPush;
    /** The state the address bar holds now. */
    read(): PageState;
    /** Stores the current URL's state in its history entry (what popstate gets back). */
    stampCurrent(): void;
    /** Puts `s` in the URL, as a new history entry unless it continues a burst; no-op when the URL already says it. */
    write(s: PageState): void;
    /** Ends the burst: the next change is a new history entry (after a submit or a reset). */
    endBurst(): void;
}
//# sourceMappingURL=url-state.d.ts.map