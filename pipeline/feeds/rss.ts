/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) of a planned feed, written by the `feed`
 * package (see feed-package.ts for its pitfalls). Beyond the package:
 * - titles are written as escaped text (an extension), not CDATA, whose `]]>` the package
 *   splits only once;
 * - `<author>` must be an e-mail: the item's byline (items.ts) is one `dc:creator`, since
 *   readers show one creator (newsboat keeps only the last of several);
 * - guids are written as an extension, since the package always says `isPermaLink="false"`;
 * - no enclosures (the package writes `length="0"` and guesses the type): a thumbnail becomes
 *   `media:thumbnail` (and an `<img>` in the content, see items.ts);
 * - `&`, `<` and `>` in text are hexadecimal character references (hexReferences, xml.ts), as
 *   the RSS Best Practices Profile asks: readers that read RSS text as HTML then keep `<think>`;
 * - the main feed and its archives get their RFC 5005 links (Appendix B) after the self link.
 */
import type { Extension } from 'feed';
import { newFeed, replaceOnce, xmlJsText } from './feed-package.ts';
import { historyNamespace, withHistory } from './history.ts';
import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
import { escapeXml, hexReferences } from './xml.ts';

/** The RSS 2.0 document, ending in a newline. Throws when the package's root element is not the expected one. */
export function rss(site: FeedSite, planned: PlannedFeed): string {
  const feed = newFeed(site, planned, { language: xmlJsText(site.language), feedLinks: { rss: planned.self.rss } });
  for (const item of planned.items) {
    const extensions: Extension[] = [
      { name: 'title', objects: { _text: xmlJsText(item.title) } },
      { name: 'guid', objects: { _text: xmlJsText(item.id), _attributes: { isPermaLink: String(item.permalink) } } },
    ];
    if (item.byline) extensions.push({ name: 'dc:creator', objects: { _text: xmlJsText(item.byline) } });
    if (item.thumbnail) extensions.push({ name: 'media:thumbnail', objects: { _attributes: { url: escapeXml(item.thumbnail) } } });
    feed.addItem({
      title: '',
      link: item.link,
      guid: item.id,
      date: new Date(item.published),
      description: item.html,
      extensions,
    });
  }
  const xml = replaceOnce(
    feed.rss2(),
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"${historyNamespace(planned.history)}>`,
  );
  const selfLink = `<atom:link href="${planned.self.rss}" rel="self" type="application/rss+xml"/>`;
  return hexReferences(withHistory(xml, planned.history, 'rss', selfLink, '        ')) + '\n';
}
