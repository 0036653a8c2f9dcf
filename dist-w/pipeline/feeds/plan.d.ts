import type { Config } from '../../src/config.ts';
import type { Dataset, Paper } from '../../src/types.ts';
import type { FeedItem, WeekDigest } from './items.ts';
import type { FeedSite } from './site.ts';
import type { ListingDay } from './time.ts';
/** The three files of one feed, by format. */
export interface FeedFiles {
    rss: string;
    atom: string;
    json: string;
}
export interface FeedLink {
    title: string;
    /** Relative to the output folder. */
    path: string;
    type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}
export interface FeedSpec {
    /** File names, relative to the output folder. */
    files: FeedFiles;
    title: string;
    description: string;
}
/**
 * RFC 5005 section 4 (archived feeds; Appendix B for RSS 2.0) links of a document, each as the
 * absolute URLs of the three formats (JSON Feed has only `next_url`, written for `prev`).
 */
export interface FeedHistory {
    /** `fh:archive`: a complete archive document, whose entries never change. */
    archive: boolean;
    /** `current`: the subscription document. */
    current: FeedFiles | null;
    /** `prev-archive`: the archive document before this one. */
    prev: FeedFiles | null;
    /** `next-archive`: the archive document after this one. */
    next: FeedFiles | null;
}
export interface PlannedFeed extends FeedSpec {
    /** Absolute URLs of `files` (each format's self link). */
    self: FeedFiles;
    /** Atom feed id: its own Atom URL; an archive document shares the subscription document's. */
    id: string;
    /** Epoch ms: the newest item `updated`, or the fallback of a feed without items. */
    updated: number;
    items: FeedItem[];
    /** Archive links: the main feed and its archive documents only. */
    history: FeedHistory | null;
}
export interface FeedPlan {
    main: PlannedFeed;
    daily: PlannedFeed;
    weekly: PlannedFeed;
    /** In config order. */
    extra: PlannedFeed[];
    /** The main feed's monthly archive documents, oldest first. */
    archives: PlannedFeed[];
    /** Papers left out of every feed because their first date is not a calendar date. */
    invalidDates: Paper[];
    /** Author filter entries (`feeds.extra[feed].filter.authors[index]`) that name no author of the dataset. */
    unknownAuthors: {
        feed: number;
        index: number;
        name: string;
    }[];
}
type FeedSettings = Config['feeds'];
/**
 * Where the plan gets its items: the builders of items.ts (`buildItems`), or the same behind a
 * cache (pipeline/steps/feeds.ts). Each must return what the builder of the same name returns.
 */
export interface ItemSource {
    paper(site: FeedSite, paper: Paper, published: number, updated: number): FeedItem;
    day(site: FeedSite, day: ListingDay): FeedItem;
    week(site: FeedSite, week: WeekDigest): FeedItem;
}
/** The item builders of items.ts, uncached. */
export declare const buildItems: ItemSource;
/**
 * Every subscribable feed, in a stable order: main, daily, weekly, then the extra feeds as
 * configured (the OPML list). Throws like the plan when two feeds would write the same file.
 */
export declare function feedList(config: Pick<Config, 'site' | 'feeds'>): FeedSpec[];
/**
 * Every subscribable feed file, in feedList order, each feed as RSS, Atom, JSON Feed (the
 * page's autodiscovery links). The archive documents are reached from the main feed's links.
 */
export declare function listFeeds(config: Pick<Config, 'site' | 'feeds'>): FeedLink[];
/**
 * The plan of every feed for a dataset. `search` runs an extra feed's saved query and returns
 * paper ids (the search index's); `source` builds the items (default `buildItems`). Throws for an
 * unknown `feeds.timezone` (time.ts) and for two feeds writing one file (listFeeds).
 */
export declare function planFeeds(site: FeedSite, settings: FeedSettings, dataset: Dataset, search: (q: string) => string[], source?: ItemSource): FeedPlan;
/** A feed plan whose extra feeds are planned later, once their saved queries can be run. */
export interface BasePlan extends Omit<FeedPlan, 'extra' | 'unknownAuthors'> {
    /**
     * The extra feeds (config order) and their unknown author names, `search` running the saved
     * queries; their items are those of the main feed where both show a paper. Call once.
     */
    extraFeeds(search: (q: string) => string[]): Pick<FeedPlan, 'extra' | 'unknownAuthors'>;
}
/**
 * `planFeeds` without the extra feeds, which need the search index: main, daily, weekly and the
 * archives now, the extra feeds from `extraFeeds` (the same plan `planFeeds` makes, in two
 * parts, so that a thread can render the rest while the index is built). Throws as planFeeds.
 */
export declare function planBaseFeeds(site: FeedSite, settings: FeedSettings, dataset: Dataset, source?: ItemSource): BasePlan;
export {};
//# sourceMappingURL=plan.d.ts.map