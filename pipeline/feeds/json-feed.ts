/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of a planned feed, built as a plain
 * object: the `feed` package's `json1()` writes version 1.0. `authors` arrays (1.1), never the
 * deprecated `author`; dates in RFC 3339, UTC, whole seconds. The main feed and its monthly
 * archives page backwards with `next_url` (the archive before, see plan.ts).
 */
import type { PlannedFeed } from './plan.ts';
import type { FeedSite } from './site.ts';
import { xmlSafeLine, xmlSafeText } from './xml.ts';

/** `2024-05-10T00:00:00Z`: an instant (epoch ms) as RFC 3339 in UTC, whole seconds. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The JSON Feed document: JSON with two-space indentation, ending in a newline. */
export function jsonFeed(site: FeedSite, planned: PlannedFeed): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: xmlSafeLine(planned.title),
    home_page_url: site.base,
    feed_url: planned.self.json,
    ...(planned.history?.prev ? { next_url: planned.history.prev.json } : {}),
    description: xmlSafeText(planned.description),
    language: site.language,
    authors: [{ name: xmlSafeLine(site.title), url: site.base }],
    items: planned.items.map((item) => ({
      id: item.id,
      url: item.link,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      content_html: item.html,
      ...(item.summary ? { summary: item.summary } : {}),
      ...(item.thumbnail ? { image: item.thumbnail } : {}),
      date_published: isoSeconds(item.published),
      date_modified: isoSeconds(item.updated),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
    })),
  };
  return JSON.stringify(feed, null, 2) + '\n';
}
