/**
 * `feeds.opml`: the subscription list of every feed the run writes, as OPML 2.0
 * (http://opml.org/spec2.opml), so a reader can subscribe to all of them at once. One `rss`
 * outline per feed (main, daily, weekly, extra; feedList order) with its Atom file as `xmlUrl`
 * (each feed is written in three formats; a reader importing all three would list every paper
 * three times), the site's page as `htmlUrl`, its title as `text` and `title`, its description.
 * The archive documents are not subscriptions: readers reach them from the main feed's links.
 */
import type { FeedSpec } from './plan.ts';
import type { FeedSite } from './site.ts';
/** Where the list is written, relative to the output folder (the page links it). */
export declare const OPML_PATH = "feeds.opml";
/** The OPML 2.0 document, ending in a newline. No dates: it changes only with the config. */
export declare function opml(site: FeedSite, feeds: readonly FeedSpec[]): string;
//# sourceMappingURL=opml.d.ts.map