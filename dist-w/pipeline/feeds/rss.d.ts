import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
/** The RSS 2.0 document, ending in a newline. Throws when the package's root element is not the expected one. */
export declare function rss(site: FeedSite, planned: PlannedFeed): string;
//# sourceMappingURL=rss.d.ts.map