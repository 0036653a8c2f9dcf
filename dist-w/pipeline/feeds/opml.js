// pipeline/feeds/opml.ts
import { escapeXml, xmlSafeLine } from "./xml.js";
import { feedWords } from "../../src/feed-words.js";
var OPML_PATH = "feeds.opml";
function opml(site, feeds) {
  const attr = (text) => escapeXml(xmlSafeLine(text));
  const outlines = feeds.map(
    (feed) => `    <outline type="rss" text="${attr(feed.title)}" title="${attr(feed.title)}" description="${attr(feed.description)}" xmlUrl="${escapeXml(new URL(feed.files.atom, site.base).href)}" htmlUrl="${escapeXml(site.base)}" language="${attr(site.language)}"/>`
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    "  <head>",
    `    <title>${escapeXml(xmlSafeLine(feedWords(site.language).opml(site.title)))}</title>`,
    "    <docs>http://opml.org/spec2.opml</docs>",
    "  </head>",
    "  <body>",
    ...outlines,
    "  </body>",
    "</opml>",
    ""
  ].join("\n");
}
export {
  OPML_PATH,
  opml
};
//# sourceMappingURL=opml.js.map
