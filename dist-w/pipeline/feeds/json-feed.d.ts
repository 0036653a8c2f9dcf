/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of a planned feed, built as a plain
 * object: the `feed` package's `json1()` writes version 1.0. `authors` arrays (1.1), never the
 * deprecated `author`; dates in RFC 3339, UTC, whole seconds. The main feed and its monthly
 * archives page backwards with `next_url` (the archive before, see plan.ts).
 */
import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
/** The JSON Feed document: JSON with two-space indentation, ending in a newline. */
export declare function jsonFeed(site: FeedSite, planned: PlannedFeed): string;
//# sourceMappingURL=json-feed.d.ts.map