/**
 * The feeds' own words in Korean and English: the labels of a paper item (authors, votes, the
 * source link), the titles of the daily and weekly items, and the titles and descriptions of
 * the built-in feeds (daily, weekly, monthly archives) and of extra feeds without a description.
 * The feeds speak the site's language (`site.language`) by the page's rule (src/page/i18n.ts
 * `localeOf`): English for `en…`, Korean otherwise. The site's own title and description, the
 * config's extra feed titles and the papers' text are used as written. Pure and browser-safe.
 */
import { type Locale } from './page/i18n.ts';
/** A week as its item names it: ISO week `YYYY-Www`, its Monday and Sunday, papers shown and listed. */
export interface WeekWords {
    week: string;
    monday: string;
    sunday: string;
    top: number;
    total: number;
}
/** What an extra feed selects, for its description (see `FeedWords#filter`). */
export interface FilterWords {
    minVotes?: number;
    authors?: readonly string[];
    query?: string;
}
export interface FeedWords {
    locale: Locale;
    /** Label before a paper's author list. */
    authors: string;
    /** Label before a paper's vote count. */
    votes: string;
    /** A paper's vote count after its title in a list (daily and weekly items). */
    listVotes(n: number): string;
    /** After the names a byline shows when there are more authors (`A, B, C et al.`). */
    etAl: string;
    /** The name of a paper's link when it is not on arXiv. */
    source: string;
    /** A daily item's title: the digest date and how many papers it lists. */
    day(date: string, papers: number): string;
    /** A weekly item's title. */
    week(w: WeekWords): string;
    /** The daily feed's title and description, from the site's. */
    dailyFeed(title: string, description: string): {
        title: string;
        description: string;
    };
    /** The weekly feed's title and description, from the site's. */
    weeklyFeed(title: string, description: string): {
        title: string;
        description: string;
    };
    /** A month's archive feed (`YYYY-MM`; `complete` false while the month is still open). */
    archiveFeed(title: string, month: string, complete: boolean): {
        title: string;
        description: string;
    };
    /** The title of the OPML list of the site's feeds. */
    opml(title: string): string;
    /** An extra feed's description from its filter; null when the filter says nothing. */
    filter(f: FilterWords): string | null;
}
/** The feeds' words for a site language tag (`ko`, `en-US`…): English for `en…`, Korean otherwise. */
export declare function feedWords(language: string): FeedWords;
//# sourceMappingURL=feed-words.d.ts.map