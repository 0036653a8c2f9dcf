// pipeline/feeds/rss.ts
import { newFeed, replaceOnce, xmlJsText } from "./feed-package.js";
import { historyNamespace, withHistory } from "./history.js";
import { escapeXml, hexReferences } from "./xml.js";
function rss(site, planned) {
  const feed = newFeed(site, planned, { language: xmlJsText(site.language), feedLinks: { rss: planned.self.rss } });
  for (const item of planned.items) {
    const extensions = [
      { name: "title", objects: { _text: xmlJsText(item.title) } },
      { name: "guid", objects: { _text: xmlJsText(item.id), _attributes: { isPermaLink: String(item.permalink) } } }
    ];
    if (item.byline) extensions.push({ name: "dc:creator", objects: { _text: xmlJsText(item.byline) } });
    if (item.thumbnail) extensions.push({ name: "media:thumbnail", objects: { _attributes: { url: escapeXml(item.thumbnail) } } });
    feed.addItem({
      title: "",
      link: item.link,
      guid: item.id,
      date: new Date(item.published),
      description: item.html,
      extensions
    });
  }
  const xml = replaceOnce(
    feed.rss2(),
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"${historyNamespace(planned.history)}>`
  );
  const selfLink = `<atom:link href="${planned.self.rss}" rel="self" type="application/rss+xml"/>`;
  return hexReferences(withHistory(xml, planned.history, "rss", selfLink, "        ")) + "\n";
}
export {
  rss
};
//# sourceMappingURL=rss.js.map
