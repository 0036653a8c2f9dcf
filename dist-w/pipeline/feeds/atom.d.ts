import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
/**
 * The Atom document, ending in a newline. Throws when the package's output is not the expected
 * one (root element, one CDATA title and one `<id>` per entry).
 */
export declare function atom(site: FeedSite, planned: PlannedFeed): string;
//# sourceMappingURL=atom.d.ts.map