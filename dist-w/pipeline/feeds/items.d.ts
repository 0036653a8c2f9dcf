import type { Paper } from '../../src/types.ts';
import type { FeedSite } from './site.ts';
import type { ListingDay } from './time.ts';
export interface FeedItem {
    /** Atom id, RSS guid, JSON Feed id: a URL or a `urn:uuid:` URN. */
    id: string;
    /** RSS isPermaLink: the id is a URL that shows the item. */
    permalink: boolean;
    /** Absolute http(s) URL. */
    link: string;
    /** Plain text, one line. */
    title: string;
    /** Epoch ms. */
    published: number;
    /** Epoch ms, never before `published`. */
    updated: number;
    /** Sanitized HTML; never contains `]]>`. */
    html: string;
    /** Plain text for JSON Feed `summary` (may be empty). */
    summary: string;
    /** Author names, one line each; empty when the item has none of its own. */
    authors: string[];
    /** The author line RSS and Atom readers show (bylineOf), or '' when the item has no authors. */
    byline: string;
    /** Absolute URL of an image with a known type, or null. */
    thumbnail: string | null;
    /** The arXiv/source page when it is not already `link` (JSON Feed `external_url`), or null. */
    externalUrl: string | null;
}
/** A thumbnail URL whose image type is known from its path, or null (videos, unknown types). */
export declare function imageThumbnail(url: string | null): string | null;
/**
 * The authors as the one line a reader shows: up to three names, comma-separated, then `etAl`
 * (the site language's, src/feed-words.ts) when there are more, or when the digest's list was
 * itself cut short (`truncated`: a `+` in it). The item's HTML lists every name; JSON Feed keeps
 * each author.
 * Readers show one author per RSS item or Atom entry: newsboat keeps the last of several
 * `dc:creator`, feedparser falls back to the feed's author for an entry with several authors.
 */
export declare function bylineOf(authors: readonly string[], etAl?: string, truncated?: boolean): string;
/**
 * The stable id of a paper: `https://arxiv.org/abs/<id>` for arXiv papers; for
 * others the absolute source URL the id was derived from (a permalink), or, when
 * there is none, `urn:uuid:` + UUIDv5 of the paper id (not a permalink).
 */
export declare function paperGuid(paper: Paper): {
    id: string;
    permalink: boolean;
};
/**
 * One paper's item: thumbnail, authors, votes, summary and links as HTML; the link falls back
 * to the id when it is a permalink, else to the site. `published`/`updated` in epoch ms.
 */
export declare function paperItem(site: FeedSite, paper: Paper, published: number, updated: number): FeedItem;
/**
 * One item per digest day: an ordered list of the day's papers (see paperList). Id and link are
 * the day's Hugging Face page (the digest's source). A day's digest does not change once
 * published, so `updated` equals `published`.
 */
export declare function dayItem(site: FeedSite, day: ListingDay): FeedItem;
/** One ISO week of digests and its top papers (see weekly.ts). */
export interface WeekDigest {
    /** ISO 8601 week, `YYYY-Www`. */
    week: string;
    /** `YYYY-MM-DD` of its Monday and Sunday. */
    monday: string;
    sunday: string;
    /** Epoch ms: its first and its last digest day. */
    published: number;
    updated: number;
    /** The top papers, by votes. */
    top: Paper[];
    /** Papers first listed that week. */
    total: number;
}
/**
 * One item per ISO week: its top papers by votes as an ordered list (see paperList). Id and link
 * are the search page filtered to the week's dates (`?from=&to=`). `published` is the week's
 * first digest day, `updated` its last one: the item grows until the week ends.
 */
export declare function weekItem(site: FeedSite, week: WeekDigest): FeedItem;
//# sourceMappingURL=items.d.ts.map