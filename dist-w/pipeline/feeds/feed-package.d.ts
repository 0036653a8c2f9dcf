/**
 * The `feed` package (6.x), which writes the RSS 2.0 and Atom 1.0 files (rss.ts, atom.ts)
 * through xml-js, and what every format does about its pitfalls:
 * - feed dates default to the clock: `updated` is always given (the plan's, never the clock);
 * - xml-js turns `&amp;` in text back into `&` before it escapes `& < >`: text handed over
 *   goes through `xmlJsText`;
 * - xml-js escapes attribute values only for `"`: attribute values handed over are escaped
 *   with escapeXml (xml.ts), whose `&quot;` xml-js then leaves alone;
 * - xml-js splits only the first `]]>` of a CDATA section: item HTML never contains `]]>`
 *   (summary-html.ts), titles are never handed over as CDATA;
 * - the package has no `xml:lang` and no `media:` or `dc:` namespaces: they are added to the
 *   root element after generation with `replaceOnce` (exact match, checked);
 * - one `feed`/`feedLinks` self link would serve every format: each format gets its own Feed
 *   object (`newFeed`) with its own self link.
 */
import { Feed } from 'feed';
import type { FeedOptions } from 'feed';
import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
/**
 * Text for xml-js to write as element content (an option, `_text` of an extension): cleaned
 * (xmlSafeText) and with `&` written as `&amp;`, which xml-js turns back into `&` before it
 * escapes `&`, `<` and `>` itself. Not an escaper: xml-js escapes.
 */
export declare function xmlJsText(text: string): string;
/**
 * A Feed object for one format of a planned feed, with what every format shares (title,
 * description, home link, updated, generator) plus `options` (self link, language, author…).
 */
export declare function newFeed(site: FeedSite, feed: PlannedFeed, options: Omit<FeedOptions, 'title'>): Feed;
/**
 * `xml` with the first `search` replaced by `replacement`. Throws
 * `feeds: unexpected output from the feed package (missing <search>)` when it does not occur:
 * a new package version must not silently lose a namespace or attribute.
 */
export declare function replaceOnce(xml: string, search: string, replacement: string): string;
//# sourceMappingURL=feed-package.d.ts.map