/**
 * Atom 1.0 (RFC 4287) of a planned feed, written by the `feed` package (see feed-package.ts for
 * its pitfalls). Beyond the package:
 * - entry titles are declared `type="html"` in CDATA: the title is handed over escaped and
 *   rewritten to a plain `type="text"` title;
 * - an entry needs an author unless the feed has one: the site is the feed's author; an entry's
 *   author is its byline (items.ts) as one Person: readers show one (feedparser shows the
 *   feed's author for an entry with several, newsboat joins them all);
 * - ids must parse as URLs: item ids are URLs or `urn:uuid:` URNs (items.ts);
 * - categories need `term`: none are written; no enclosures: a thumbnail becomes
 *   `media:thumbnail` after the entry's `<id>`;
 * - the feed id is the plan's (archive documents share the main feed's), and the main feed and
 *   its archives get their RFC 5005 links after the self link (history.ts).
 */
import { newFeed, replaceOnce, xmlJsText } from './feed-package.ts';
import { historyNamespace, withHistory } from './history.ts';
import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
import { escapeXml } from './xml.ts';

/**
 * The Atom document, ending in a newline. Throws when the package's output is not the expected
 * one (root element, one CDATA title and one `<id>` per entry).
 */
export function atom(site: FeedSite, planned: PlannedFeed): string {
  const { items } = planned;
  const feed = newFeed(site, planned, {
    id: planned.id,
    feedLinks: { atom: planned.self.atom },
    author: { name: xmlJsText(site.title), link: site.base },
  });
  for (const item of items) {
    feed.addItem({
      // Escaped here, so the CDATA section holds no `]]>` and becomes type="text" below.
      title: escapeXml(item.title),
      id: item.id,
      link: item.link,
      date: new Date(item.updated),
      published: new Date(item.published),
      content: item.html,
      ...(item.byline ? { author: [{ name: xmlJsText(item.byline) }] } : {}),
    });
  }
  let xml = replaceOnce(
    feed.atom1(),
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"${historyNamespace(planned.history)} xml:lang="${escapeXml(site.language)}">`,
  );
  xml = withHistory(xml, planned.history, 'atom', `<link rel="self" href="${planned.self.atom}"/>`, '    ');
  // The package declares entry titles type="html" inside CDATA. The CDATA holds the
  // XML-escaped title (no `]]>` can occur), so unwrapping it gives a plain type="text" title.
  let titles = 0;
  xml = xml.replace(/<title type="html"><!\[CDATA\[([^]*?)\]\]><\/title>/g, (_m, text: string) => {
    titles++;
    return `<title type="text">${text}</title>`;
  });
  if (titles !== items.length) throw new Error(`feeds: expected ${items.length} Atom entry titles, found ${titles}`);
  // media:thumbnail right after each entry's <id>: the package writes the entries in item order,
  // and nothing before an entry's <id> (its escaped title) can hold a `<`.
  let entries = 0;
  xml = xml.replace(/<entry>[^<]*<title type="text">[^<]*<\/title>[^<]*<id>[^<]*<\/id>/g, (head) => {
    const thumbnail = items[entries++]?.thumbnail;
    return thumbnail ? `${head}\n        <media:thumbnail url="${escapeXml(thumbnail)}"/>` : head;
  });
  if (entries !== items.length) throw new Error(`feeds: expected ${items.length} Atom entries, found ${entries}`);
  return xml + '\n';
}
