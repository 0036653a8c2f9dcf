// pipeline/feeds/json-feed.ts
import { xmlSafeLine, xmlSafeText } from "./xml.js";
function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function jsonFeed(site, planned) {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: xmlSafeLine(planned.title),
    home_page_url: site.base,
    feed_url: planned.self.json,
    ...planned.history?.prev ? { next_url: planned.history.prev.json } : {},
    description: xmlSafeText(planned.description),
    language: site.language,
    authors: [{ name: xmlSafeLine(site.title), url: site.base }],
    items: planned.items.map((item) => ({
      id: item.id,
      url: item.link,
      ...item.externalUrl ? { external_url: item.externalUrl } : {},
      title: item.title,
      content_html: item.html,
      ...item.summary ? { summary: item.summary } : {},
      ...item.thumbnail ? { image: item.thumbnail } : {},
      date_published: isoSeconds(item.published),
      date_modified: isoSeconds(item.updated),
      ...item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}
    }))
  };
  return JSON.stringify(feed, null, 2) + "\n";
}
export {
  jsonFeed
};
//# sourceMappingURL=json-feed.js.map
